"""Readers: .xlsx, .csv and SPSS .sav into raw cells with their provenance.

A reader does not judge the values; it returns every cell as it was written (text from
.csv, Excel's own types from .xlsx, value labels from .sav) with the row number the
spreadsheet shows, and raises :class:`~laktasi.io.DataError` (located) when the file
cannot be read at all. :func:`laktasi.io.validate` then checks the cells against the study.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from laktasi.design.study import Study

from ._problems import DataError, Problem, ValidationReport

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RawTable", "find_study", "read_csv", "read_data", "read_sav", "read_xlsx",
           "study_sheet_text"]

HEADER_SCAN_ROWS = 50  # the header row is looked for among the first 50 non-empty rows
FORMATS = ".xlsx, .xlsm, .csv, .txt, .sav"


@dataclass(frozen=True, eq=False)
class RawTable:
    """The cells of a data file under its header row, and where they came from.

    ``names`` are the column names, one per header cell (made unique: a second ``nama``
    becomes ``nama (2)``; a column without a name is called by its letter, ``(G)``) and
    ``cells`` each column's cells as read, one per data row; ``rows`` is the row number the
    spreadsheet shows for each data row (the case number for .sav). ``header`` keeps the
    names as written and ``letters`` where each column is (Excel letters, or positions for
    .csv). ``problems`` are cells the reader could not take at face value (a formula without
    a saved value, filled merged cells). ``frame`` is the same table as a pandas DataFrame
    (object dtype, indexed by ``row``), built on first use: the analysis reads the lists and
    never imports pandas.
    """

    names: tuple[str, ...]
    cells: tuple[list[Any], ...]
    file: str
    sheet: str = ""
    header_row: int | None = None
    header: tuple[str, ...] = ()
    letters: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    encoding: str = ""
    sheets: tuple[str, ...] = ()
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)
    rows: tuple[int, ...] = ()

    @functools.cached_property
    def by_name(self) -> dict[str, list[Any]]:
        """Column name -> its cells."""
        return dict(zip(self.names, self.cells, strict=True))

    @functools.cached_property
    def frame(self) -> pd.DataFrame:
        """The cells as a DataFrame (object dtype), indexed by the spreadsheet row."""
        import pandas as pd

        frame = pd.DataFrame({n: pd.Series(c, dtype=object) for n, c in self.by_name.items()},
                             columns=list(self.names))
        frame.index = pd.Index(list(self.rows), name="row", dtype="int64")
        return frame


def norm_name(name: Any) -> str:
    """Column names compare without case, spaces or underscores: ``Menyusui Pre`` ==
    ``menyusui_pre``."""
    return re.sub(r"[\s_]+", "", str(name)).lower()


def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    return isinstance(value, str) and value.strip() == ""


def _fail(file: str, code: str, *, sheet: str = "", row: int | None = None, column: str = "",
          value: Any = "", allowed: str = "") -> DataError:
    return DataError(ValidationReport(file, sheet, problems=(
        Problem(file, sheet, row, column, value, code, allowed),)))


# ----------------------------------------------------------------------------- the table

def _header_index(grid: Sequence[tuple[int, list[Any]]], expected: Sequence[str]) -> int:
    """Position in ``grid`` of the header row: the first row with the most expected column
    names (titles and notes above the table are skipped); without expected names, the first
    row."""
    want = {norm_name(c) for c in expected}
    best, best_hits = 0, 0
    for i, (_, cells) in enumerate(grid[:HEADER_SCAN_ROWS]):
        hits = len({norm_name(c) for c in cells if not is_empty(c)} & want)
        if hits > best_hits:
            best, best_hits = i, hits
            if hits == len(want):
                break
    return best


def _header_text(value: Any) -> str:
    if is_empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return re.sub(r"\s+", " ", str(value)).strip()


def _table(grid: list[tuple[int, list[Any]]], expected: Sequence[str], *, file: str,
           sheet: str, letter: Any, reader_problems: Sequence[Problem] = (),
           strict_width: bool = False, **extra: Any) -> RawTable:
    """Build the raw table from non-empty rows (row number, cells)."""
    h = _header_index(grid, expected)
    header_row, header_cells = grid[h]
    body = grid[h + 1:]
    header = [_header_text(c) for c in header_cells]
    width = max([len(header), *(len(c) for _, c in body)])
    header += [""] * (width - len(header))
    problems = list(reader_problems)
    if strict_width:  # .csv: more cells than header names means a shifted row
        for rownum, cells in body:
            extra_cells = [c for c in cells[len(header_cells):] if not is_empty(c)]
            if extra_cells:
                problems.append(Problem(file, sheet, rownum, "", extra_cells[0], "extra_cells",
                                        str(len(header_cells))))
        width = len(header_cells)
        header = header[:width]
    cols: list[list[Any]] = [[] for _ in range(width)]
    for _, cells in body:
        for j in range(width):
            cols[j].append(cells[j] if j < len(cells) else None)
    keep = [j for j in range(width) if header[j] or any(not is_empty(v) for v in cols[j])]
    names: list[str] = []
    for j in keep:  # unique names: a second "nama" is "nama (2)", a third "nama (3)"
        base = header[j] or f"({letter(j)})"
        name, k = base, 1
        while name in names:
            k += 1
            name = f"{base} ({k})"
        names.append(name)
    return RawTable(tuple(names), tuple(cols[j] for j in keep), file, sheet, header_row,
                    tuple(header[j] for j in keep), tuple(letter(j) for j in keep),
                    tuple(problems), rows=tuple(r for r, _ in body), **extra)


# ----------------------------------------------------------------------------- .csv

def _decode(raw: bytes, file: str) -> tuple[str, str]:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _fail(file, "encoding", value=f"byte {exc.start}", allowed="UTF-16") from None
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "latin-1"


def _delimiter(text: str) -> str:
    """The separator whose count is the same on most lines (ties: ; before , before tab)."""
    lines = [ln for ln in text.splitlines()[:200] if ln.strip()][:50]
    best, best_score = ",", (0, 0)
    for d in (";", ",", "\t"):
        counts = Counter(ln.count(d) for ln in lines if ln.count(d))
        if not counts:
            continue
        count, n_lines = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if (n_lines, count) > best_score:
            best, best_score = d, (n_lines, count)
    return best


_MAGIC = {b"PK\x03\x04": ".xlsx", b"\xd0\xcf\x11\xe0": ".xls", b"$FL2": ".sav", b"$FL3": ".sav"}


def read_csv(path: str | Path, study: Study | None = None, *,
             expected: Sequence[str] = ()) -> RawTable:
    """A .csv (or .txt) file: comma, semicolon or tab separated (found from the lines),
    UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252. Cells stay text; decimal
    commas are read by :func:`laktasi.io.validate`."""
    p = Path(path)
    file = str(p)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise _fail(file, "unreadable", value=exc.strerror or type(exc).__name__,
                    allowed=FORMATS) from None
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise _fail(file, "wrong_content", value=p.suffix, allowed=kind)
    text, encoding = _decode(raw, file)
    if "\x00" in text:
        raise _fail(file, "not_text", value=p.suffix, allowed=FORMATS)
    if not text.strip():
        raise _fail(file, "empty_file")
    delim = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    grid: list[tuple[int, list[Any]]] = []
    line = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                grid.append((line, [c.strip() or None for c in cells]))
            line = reader.line_num + 1
    except csv.Error as exc:
        code = "too_large" if "field larger" in str(exc) else "unreadable"
        raise DataError(ValidationReport(file, problems=(Problem(
            file, "", line, "", str(csv.field_size_limit()) if code == "too_large" else str(exc),
            code, ".csv"),))) from None
    if not grid:
        raise _fail(file, "empty_file")
    names = study.columns if study is not None else expected
    return _table(grid, names, file=file, sheet="", letter=lambda j: f"#{j + 1}",
                  strict_width=True, encoding=encoding)


# ----------------------------------------------------------------------------- .xlsx

def _pick_sheet(wb: Any, sheet: str | int | None, expected: Sequence[str], file: str) -> Any:
    sheets = wb.worksheets
    names = ", ".join(ws.title for ws in sheets)
    if isinstance(sheet, bool):
        raise _fail(file, "no_sheet", value=sheet, allowed=names)
    if isinstance(sheet, int):
        if not -len(sheets) <= sheet < len(sheets):
            raise _fail(file, "no_sheet", value=sheet, allowed=names)
        return sheets[sheet]
    if sheet is not None:
        for ws in sheets:
            if ws.title == sheet:
                return ws
        for ws in sheets:
            if ws.title.strip().lower() == str(sheet).strip().lower():
                return ws
        raise _fail(file, "no_sheet", sheet=str(sheet), value=sheet, allowed=names)
    # no sheet named: the first one holding the most expected names, else the first with data
    want = {norm_name(c) for c in expected}
    best, best_hits = None, 0
    for ws in sheets:
        hits = 0
        for k, row in enumerate(ws.iter_rows(values_only=True)):
            if k >= HEADER_SCAN_ROWS:
                break
            hits = max(hits, len({norm_name(c) for c in row if not is_empty(c)} & want))
        if hits > best_hits:
            best, best_hits = ws, hits
    if best is not None:
        return best
    for ws in sheets:
        if any(not is_empty(c) for row in ws.iter_rows(values_only=True) for c in row):
            return ws
    return sheets[0]


def read_xlsx(path: str | Path, study: Study | None = None, *, sheet: str | int | None = None,
              expected: Sequence[str] = ()) -> RawTable:
    """An Excel .xlsx/.xlsm workbook.

    ``sheet``: a name (case-insensitive), a 0-based position, or None for the first sheet
    that holds the study's column names. The header row is the first row (of the first 50)
    with the most of those names, so a title or notes above the table are skipped. Merged
    cells are filled with their top-left value (and reported as a warning); formulas give
    the value Excel saved with the file, and a formula without a saved value (a file written
    by a program, never opened in Excel) is reported.
    """
    import openpyxl
    from openpyxl.utils import get_column_letter

    p = Path(path)
    file = str(p)
    if not p.is_file():
        raise _fail(file, "no_file")
    with p.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fail(file, "xls_old", value=p.suffix, allowed=".xlsx")
    try:
        wb = openpyxl.load_workbook(p, data_only=False)
    # a broken workbook raises many kinds (zip, XML, KeyError, ...); all become located
    except Exception as exc:
        raise _fail(file, "unreadable", value=type(exc).__name__, allowed=FORMATS) from None
    if not wb.worksheets:
        raise _fail(file, "empty_file")
    names = tuple(study.columns if study is not None else expected)
    try:
        ws = _pick_sheet(wb, sheet, names, file)
        title = ws.title
        formulas: dict[tuple[int, int], str] = {}
        grid_all: dict[int, list[Any]] = {}
        for row in ws.iter_rows():
            values = []
            for c in row:
                v = c.value
                if c.data_type == "f":
                    formulas[(c.row, c.column)] = v if isinstance(v, str) else str(
                        getattr(v, "text", v) or "=")
                    v = None
                values.append(v)
            if row:
                grid_all[row[0].row] = values
        problems: list[Problem] = []
        if formulas:
            cached = openpyxl.load_workbook(p, data_only=True)[title]
            for (r, c), text in formulas.items():
                v = cached.cell(row=r, column=c).value
                if v is None:
                    problems.append(Problem(file, title, r, get_column_letter(c), text,
                                            "formula_no_value", ""))
                else:
                    grid_all[r][c - 1] = v
        merged = []
        for rng in ws.merged_cells.ranges:
            top = grid_all.get(rng.min_row, [])
            value = top[rng.min_col - 1] if rng.min_col - 1 < len(top) else None
            if is_empty(value):
                continue
            for r in range(rng.min_row, rng.max_row + 1):
                cells = grid_all.setdefault(r, [])
                if len(cells) < rng.max_col:
                    cells.extend([None] * (rng.max_col - len(cells)))
                for c in range(rng.min_col, rng.max_col + 1):
                    cells[c - 1] = value
            merged.append((rng, value))
    except DataError:
        raise
    # malformed sheet parts surface only while reading cells; located, not a traceback
    except Exception as exc:
        raise _fail(file, "unreadable", value=type(exc).__name__, allowed=FORMATS) from None
    grid = [(r, cells) for r, cells in sorted(grid_all.items())
            if any(not is_empty(c) for c in cells)]
    if not grid:
        with_data = [w.title for w in wb.worksheets if w is not ws and any(
            not is_empty(c) for row in w.iter_rows(values_only=True) for c in row)]
        raise _fail(file, "empty_sheet", sheet=title, value=title, allowed=", ".join(with_data))
    table = _table(grid, names, file=file, sheet=title,
                   letter=lambda j: get_column_letter(j + 1), reader_problems=problems,
                   sheets=tuple(w.title for w in wb.worksheets))
    return _with_merged(table, merged)


def _with_merged(table: RawTable, merged: list[tuple[Any, Any]]) -> RawTable:
    """Warn about merged ranges filled inside the data (below the header)."""
    from dataclasses import replace

    from openpyxl.utils import get_column_letter

    if not merged or table.header_row is None:
        return table
    by_letter = dict(zip(table.letters, table.names, strict=True))
    extra = []
    for rng, value in merged:
        if rng.max_row <= table.header_row:
            continue
        column = by_letter.get(get_column_letter(rng.min_col), get_column_letter(rng.min_col))
        extra.append(Problem(table.file, table.sheet, max(rng.min_row, table.header_row + 1),
                             str(column), value, "merged_filled", rng.coord, "warning"))
    return replace(table, problems=(*table.problems, *extra))


# ----------------------------------------------------------------------------- .sav

def read_sav(path: str | Path, study: Study | None = None) -> RawTable:
    """An SPSS .sav file: value labels replace the codes (they become the categories);
    rows are SPSS case numbers."""
    import pyreadstat

    p = Path(path)
    file = str(p)
    try:
        df, meta = pyreadstat.read_sav(file, apply_value_formats=True)
    # pyreadstat raises its own kinds (and OSError, ValueError) for broken files
    except Exception as exc:
        raise _fail(file, "unreadable", value=type(exc).__name__, allowed=FORMATS) from None
    if df.shape[1] == 0:
        raise _fail(file, "empty_file")
    cells = df.astype(object).where(df.notna(), None)
    grid = [(i + 1, list(r)) for i, r in enumerate(cells.itertuples(index=False, name=None))]
    header = [str(c) for c in df.columns]
    grid = [(r, row) for r, row in grid if any(not is_empty(v) for v in row)]
    return RawTable(tuple(header), tuple([r[j] for _, r in grid] for j in range(len(header))),
                    file, "", None, tuple(header), tuple(f"#{j + 1}" for j in
                                                         range(len(header))),
                    value_labels={k: dict(v) for k, v in meta.variable_value_labels.items()},
                    rows=tuple(r for r, _ in grid))


# ----------------------------------------------------------------------------- dispatch

def read_data(path: str | Path, study: Study | None = None, *, sheet: str | int | None = None
              ) -> RawTable:
    """Read a data file by its extension (.xlsx/.xlsm, .csv/.txt, .sav).

    With a ``study`` the header row (and, for .xlsx without ``sheet``, the sheet) is found by
    the study's column names. Raises :class:`~laktasi.io.DataError` with a located message
    for a missing, empty, broken or unsupported file.
    """
    p = Path(path)
    file = str(p)
    suffix = p.suffix.lower()
    if not p.exists():
        raise _fail(file, "no_file")
    if p.is_dir():
        raise _fail(file, "format", value="(folder)", allowed=FORMATS)
    if suffix == ".xls":
        raise _fail(file, "xls_old", value=p.suffix, allowed=".xlsx")
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(p, study, sheet=sheet)
    if suffix in (".csv", ".txt"):
        return read_csv(p, study)
    if suffix == ".sav":
        return read_sav(p, study)
    raise _fail(file, "format", value=p.suffix or "(no extension)", allowed=FORMATS)


# ----------------------------------------------------------------------------- the study

STUDY_SHEET_NAMES = ("deskripsi studi", "study description")
SIDECARS = (".study.yaml", ".study.yml", ".yaml", ".yml")
_YAML_WORDS = {"id": ("baris", "bukan YAML yang sah"), "en": ("line", "not valid YAML")}


def study_sheet_text(path: str | Path) -> tuple[str, str] | None:
    """The study description a workbook carries: (sheet name, YAML text) from the sheet
    "Deskripsi studi" / "Study description" (column A, one line per row; the text's line
    numbers are the sheet's row numbers), or None when there is no such sheet."""
    import openpyxl

    p = Path(path)
    if p.suffix.lower() not in (".xlsx", ".xlsm") or not p.is_file():
        return None
    try:
        wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
    # a broken workbook is reported by the data reader, with its location
    except Exception:
        return None
    try:
        ws = next((w for w in wb.worksheets if w.title.strip().lower() in STUDY_SHEET_NAMES),
                  None)
        if ws is None:
            return None
        lines: list[str] = []
        for row in ws.iter_rows(min_col=1, max_col=1, values_only=True):
            v = row[0] if row else None
            lines.append("" if v is None else str(v).replace("\u00a0", " ").rstrip())
        return ws.title, "\n".join(lines) + "\n"
    finally:
        wb.close()


def find_study(path: str | Path, *, lang: str = "id") -> Study | None:
    """The study description that goes with a data file, or None.

    Looked for, in this order: the sheet "Deskripsi studi" ("Study description") of an
    .xlsx workbook (``laktasi template`` writes it), then a file beside the data with the
    same name and ``.study.yaml`` (or ``.study.yml``, ``.yaml``, ``.yml``): ``data.xlsx`` ->
    ``data.study.yaml`` or ``data.yaml`` (``laktasi example`` writes ``NAME.xlsx`` and
    ``NAME.yaml``). A description that is there but wrong raises
    :class:`~laktasi.design.StudyError` naming the file, the sheet and the row (or key).
    """
    import yaml

    from laktasi.design.study import StudyError, load_study, study_from_mapping

    p = Path(path)
    found = study_sheet_text(p)
    if found is not None:
        sheet, text = found
        source = f"{p} [{sheet}]"
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            row_w, bad = _YAML_WORDS.get(lang, _YAML_WORDS["en"])
            mark = getattr(exc, "problem_mark", None)
            where = f" {row_w} {mark.line + 1}" if mark else ""
            raise StudyError(f"{source}{where}: {bad} ({getattr(exc, 'problem', exc)}).",
                             source=source, row=None if mark is None else mark.line + 1,
                             problem=str(getattr(exc, "problem", exc)),
                             message_id="study_sheet_not_yaml" if mark is None
                             else "study_sheet_not_yaml_at") from None
        return study_from_mapping(data, source, lang)
    stem = p.with_suffix("")
    for suffix in SIDECARS:
        side = stem.with_name(stem.name + suffix)
        if side.is_file():
            return load_study(side, lang)
    return None
