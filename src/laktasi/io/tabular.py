"""Read a study's data file into rows and check them against the study description.

Every problem is located (file, sheet, row as the spreadsheet shows it, column, value)
and all problems are reported at once; nothing is analysed from a file with errors.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from laktasi.design.study import Study
from laktasi.errors import LaktasiInputError

__all__ = ["DataError", "Problem", "read_rows", "read_rows_checked", "read_table"]

# plausible ranges per outcome name fragment when the study gives none (per 24 h)
_LIMITS = {"menyusui": (0, 24), "bak": (0, 30)}


@dataclass(frozen=True)
class Problem:
    file: str
    sheet: str
    row: int | None
    column: str
    value: Any
    code: str
    allowed: str

    def text(self, lang: str = "id") -> str:
        from laktasi.report.words_io import problem_text

        return problem_text(self, lang)


class DataError(LaktasiInputError):
    """The data file has problems; ``problems`` lists every one."""

    code = "data_invalid"

    def __init__(self, problems: list[Problem], lang: str = "id") -> None:
        self.problems = problems
        lines = [p.text(lang) for p in problems]
        super().__init__("\n".join(lines), problems=len(problems))


def _number(text: Any) -> float | None:
    if text is None:
        return None
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return None if isinstance(text, float) and math.isnan(text) else float(text)
    s = str(text).strip()
    if s == "":
        return None
    if re.fullmatch(r"[+-]?\d+,\d+", s):
        s = s.replace(",", ".")
    return float(s)  # ValueError for text


def _find_header(rows: list[list[Any]], expected: tuple[str, ...]) -> int:
    """Index of the header row: among the first 20, the first with the most expected names
    (a title or notes above the table are skipped)."""
    want = {c.lower() for c in expected}
    best, best_hits = 0, -1
    for i, row in enumerate(rows[:20]):
        hits = sum(1 for c in row if c is not None and str(c).strip().lower() in want)
        if hits > best_hits:
            best, best_hits = i, hits
    return best


def _read_csv(path: Path, expected: tuple[str, ...] = ()
              ) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    raw = path.read_bytes()
    text = raw.decode("latin-1")  # never fails; tried last
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    text = text.replace("\x00", "")
    first = text.splitlines()[0] if text else ""
    delim = ";" if first.count(";") > first.count(",") else ","
    try:
        reader = list(csv.reader(text.splitlines(), delimiter=delim))
    except csv.Error as exc:
        raise DataError([Problem(str(path), "", None, "", str(exc), "unreadable", ".csv")]) from None
    if not reader:
        raise DataError([Problem(str(path), "", None, "", "", "empty_file", "")])
    h = _find_header(reader, expected)
    return [c.strip() for c in reader[h]], [(i + h + 2, r) for i, r in enumerate(reader[h + 1:])
                                            if any(c.strip() for c in r)]


def _read_xlsx(path: Path, sheet: str | None, expected: tuple[str, ...] = ()
               ) -> tuple[str, list[str], list[tuple[int, list]]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for broken files
        raise DataError([Problem(str(path), "", None, "", type(exc).__name__, "unreadable",
                                 ".xlsx")]) from None
    if sheet is not None and sheet not in wb.sheetnames:
        raise DataError([Problem(str(path), sheet, None, "", sheet, "no_sheet",
                                 ", ".join(wb.sheetnames))])
    ws = wb[sheet] if sheet else wb.worksheets[0]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    if not rows:
        raise DataError([Problem(str(path), ws.title, None, "", "", "empty_file", "")])
    h = _find_header(rows, expected)
    return ws.title, [str(c).strip() if c is not None else "" for c in rows[h]], [
        (i + h + 2, r) for i, r in enumerate(rows[h + 1:]) if any(c not in (None, "") for c in r)]


def _read_sav(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """SPSS .sav: value labels become the category text; rows are SPSS case numbers."""
    import pyreadstat

    try:
        df, _meta = pyreadstat.read_sav(str(path), apply_value_formats=True)
    except Exception as exc:  # pyreadstat raises its own error types for broken files
        raise DataError([Problem(str(path), "", None, "", type(exc).__name__, "unreadable",
                                 ".sav")]) from None
    records = df.astype(object).where(df.notna(), None).values.tolist()
    return [str(c) for c in df.columns], [(i + 1, r) for i, r in enumerate(records)]


def read_table(path: str | Path, *, sheet: str | None = None, lang: str = "id"
               ) -> tuple[list[str], list[list[Any]]]:
    """Header and raw cells of a data file, for building a study description from it."""
    p = Path(path)
    if not p.exists():
        raise DataError([Problem(str(p), "", None, "", "", "no_file", "")], lang)
    try:
        if p.suffix.lower() in (".xlsx", ".xlsm"):
            _, header, raw = _read_xlsx(p, sheet)
        elif p.suffix.lower() in (".csv", ".txt"):
            header, raw = _read_csv(p)
        elif p.suffix.lower() == ".sav":
            header, raw = _read_sav(p)
        else:
            raise DataError([Problem(str(p), "", None, "", p.suffix, "format",
                                     ".csv, .xlsx, .sav")])
    except DataError as exc:
        raise DataError(exc.problems, lang) from None
    return header, [list(cells) for _, cells in raw]


def read_rows(path: str | Path, study: Study, *, sheet: str | None = None,
              lang: str = "id") -> list[dict[str, Any]]:
    """Rows of the data file as dicts (see :func:`read_rows_checked`); any problem raises."""
    rows, _ = read_rows_checked(path, study, sheet=sheet, lang=lang)
    return rows


def read_rows_checked(path: str | Path, study: Study, *, sheet: str | None = None,
                      lang: str = "id", drop_invalid: bool = False
                      ) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Rows of the data file as dicts, numbers parsed (decimal comma accepted), and the
    problems of the rows left out when ``drop_invalid`` is set.

    Otherwise raises :class:`DataError` listing every problem: missing columns, text in a number
    column, values out of range, categories or binary values not allowed, duplicate ids.
    """
    p = Path(path)
    if not p.exists():
        raise DataError([Problem(str(p), "", None, "", "", "no_file", "")], lang)
    sheet_name = ""
    try:
        if p.suffix.lower() in (".xlsx", ".xlsm"):
            sheet_name, header, raw = _read_xlsx(p, sheet, study.columns)
        elif p.suffix.lower() in (".csv", ".txt"):
            header, raw = _read_csv(p, study.columns)
        elif p.suffix.lower() == ".sav":
            header, raw = _read_sav(p)
        else:
            raise DataError([Problem(str(p), "", None, "", p.suffix, "format",
                                     ".csv, .xlsx, .sav")])
    except DataError as exc:  # readers word problems in the default language
        raise DataError(exc.problems, lang) from None
    problems: list[Problem] = []
    index = {h.lower(): i for i, h in enumerate(header)}
    for col in study.columns:
        if col.lower() not in index:
            problems.append(Problem(str(p), sheet_name, 1, col, "", "missing_column",
                                    ", ".join(h for h in header if h)))
    if problems:
        raise DataError(problems, lang)
    numeric = {c: o for o in study.outcomes if o.type != "binary" for c in o.columns}
    binary = {c: o for o in study.outcomes if o.type == "binary" for c in o.columns}
    chars = {c.column: c for c in study.characteristics}
    out: list[dict[str, Any]] = []
    seen_ids: dict[str, int] = {}
    for rownum, cells in raw:
        before = len(problems)
        row: dict[str, Any] = {}
        for col in study.columns:
            i = index[col.lower()]
            value = cells[i] if i < len(cells) else None
            if isinstance(value, str):
                value = value.strip()
            if col in numeric:
                o = numeric[col]
                try:
                    num = _number(value)
                except ValueError:
                    problems.append(Problem(str(p), sheet_name, rownum, col, value, "not_number",
                                            ""))
                    continue
                lo, hi = o.min, o.max
                if lo is None and hi is None:
                    lo, hi = next((v for k, v in _LIMITS.items() if k in o.name), (0, None))
                if num is not None and ((lo is not None and num < lo) or
                                        (hi is not None and num > hi)):
                    problems.append(Problem(str(p), sheet_name, rownum, col, value, "range",
                                            f"{lo if lo is not None else ''}–"
                                            f"{hi if hi is not None else ''}"))
                row[col] = num
            elif col in binary:
                o = binary[col]
                text = None if value in (None, "") else str(value)
                if text is not None and o.levels:
                    match = [lv for lv in o.levels if lv.lower() == text.lower()]
                    if not match:
                        problems.append(Problem(str(p), sheet_name, rownum, col, value,
                                                "category", ", ".join(o.levels)))
                        continue
                    text = match[0]
                row[col] = text
            elif col in chars and chars[col].categories and not chars[col].bins:
                text = None if value in (None, "") else str(value)
                allowed = chars[col].categories
                match = [c for c in allowed if text is not None and c.lower() == text.lower()]
                if text is not None and not match:
                    problems.append(Problem(str(p), sheet_name, rownum, col, value, "category",
                                            ", ".join(allowed)))
                    continue
                row[col] = match[0] if match else None
            elif col in chars and chars[col].bins:
                try:
                    row[col] = _number(value)
                except ValueError:
                    problems.append(Problem(str(p), sheet_name, rownum, col, value, "not_number",
                                            ""))
            elif study.group is not None and col == study.group.column:
                text = "" if value is None else str(value)
                if text not in study.group.levels:
                    problems.append(Problem(str(p), sheet_name, rownum, col, value, "category",
                                            ", ".join(study.group.levels)))
                row[col] = text
            else:
                row[col] = value
        for o in study.outcomes:
            if o.pre is None or o.pre not in row or o.post not in row:
                continue
            have_pre, have_post = row[o.pre] is not None, row[o.post] is not None
            if have_pre != have_post:
                filled, empty = (o.pre, o.post) if have_pre else (o.post, o.pre)
                problems.append(Problem(str(p), sheet_name, rownum, empty, "", "missing_pair",
                                        filled))
        if study.id_column:
            key = str(row.get(study.id_column))
            if key in seen_ids:
                problems.append(Problem(str(p), sheet_name, rownum, study.id_column, key,
                                        "duplicate_id", str(seen_ids[key])))
            seen_ids[key] = rownum
        if len(problems) == before:
            out.append(row)
    if problems and not drop_invalid:
        raise DataError(problems, lang)
    if not out:
        raise DataError([*problems, Problem(str(p), sheet_name, None, "", "", "no_rows", "")],
                        lang)
    return out, problems
