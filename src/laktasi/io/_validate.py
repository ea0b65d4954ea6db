"""Checking a data file's cells against the study description, before any analysis.

Every rule, each problem located (file, sheet, row as the spreadsheet shows it, column,
value, what is allowed), all found in one pass:

- columns: a study column missing (with the closest name in the file), a column twice,
  columns the study does not use (warning; a warning too for names/addresses: personal data);
- numbers: text in a number column (``5,5`` with a decimal comma is 5.5, ``lima`` is not),
  values out of range (the outcome's ``min``/``max``; otherwise no negative values, at most
  24 feeds and 30 infant urinations a day), whole numbers for counts (warning); banded
  characteristics outside the study's plausible range (``min``/``max``; age 10-60 by
  default) as warnings;
- categories: a value not in the list (matched without case or extra spaces; the canonical
  spelling is kept), binary outcomes outside their two levels, group labels not among the
  study's groups, numbers outside every band of a banded characteristic (e.g. age);
- mothers: a missing or duplicated id, a post value without its pre value (and vice versa).
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from laktasi.design.study import AGE_COLUMNS, AGE_PLAUSIBLE, Characteristic, Outcome, Study

from ._problems import DataError, Problem, ValidationReport
from ._readers import RawTable, is_empty, norm_name, read_data

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AGE_COLUMNS", "AGE_PLAUSIBLE", "load_data", "load_rows", "outcome_range",
           "parse_number", "validate", "validated_rows"]

# Plausible daily limits by outcome name (DOMAIN.md: feeds 8-12 a day, wet diapers >= 6)
_DAILY_MAX = (
    (("menyusu", "nyusu", "feed", "breastfeed"), 24.0),
    (("bak", "urin", "kencing", "popok", "diaper", "wet"), 30.0),
)
_PERSONAL = ("nama", "name", "alamat", "address", "telepon", "telp", "phone", "nik", "hp",
             "whatsapp", "wa")
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_BAD = object()


def parse_number(value: Any) -> float | None:
    """A cell as a number: None for an empty cell; ``5,5`` (decimal comma) and ``5.5`` are
    5.5; raises ValueError for text such as ``lima``, ``5 cc``, ``nan`` or ``inf``.

    >>> parse_number("5,5"), parse_number(" 7 "), parse_number(None)
    (5.5, 7.0, None)
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        x = float(value)
        if math.isnan(x):
            return None
        if math.isinf(x):
            raise ValueError(value)
        return x
    if not isinstance(value, str):
        raise ValueError(value)
    s = value.replace("\u00a0", " ").strip()
    if s == "":
        return None
    if not _NUMBER.fullmatch(s):
        raise ValueError(value)
    return float(s.replace(",", "."))


def outcome_range(outcome: Outcome) -> tuple[float | None, float | None]:
    """The allowed range of a numeric outcome: the study's ``min``/``max``; otherwise at
    least 0, and at most 24 for feeds or 30 for infant urinations per day (by the outcome's
    name)."""
    lo = 0.0 if outcome.min is None else outcome.min
    hi = outcome.max
    if hi is None:
        words = set(re.split(r"[^a-z]+", f"{outcome.name} {outcome.post} {outcome.pre or ''}"
                             .lower()))
        for stems, limit in _DAILY_MAX:
            if any(w.startswith(stems) for w in words if w):
                hi = limit
                break
    return lo, hi


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def _range_text(lo: float | None, hi: float | None) -> str:
    if hi is None:
        return f"≥ {_fmt(lo)}" if lo is not None else ""
    if lo is None:
        return f"≤ {_fmt(hi)}"
    return f"{_fmt(lo)}–{_fmt(hi)}"


def _key(text: Any) -> str:
    """Categories compare without case and with spaces collapsed."""
    return re.sub(r"\s+", " ", str(text)).strip().lower()


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (np.floating,)) and float(value).is_integer():
        return str(int(value))
    return re.sub(r"\s+", " ", str(value)).strip()


def _bins_text(bins: Sequence[dict[str, Any]]) -> str:
    parts = []
    for b in bins:
        lo, hi = b.get("min"), b.get("max")
        parts.append(f"{b['label']} ({_range_text(lo, hi)})" if lo is not None or hi is not None
                     else str(b["label"]))
    return ", ".join(parts)


def _in_bins(x: float, bins: Sequence[dict[str, Any]]) -> bool:
    return any(b.get("min", -math.inf) <= x <= b.get("max", math.inf) for b in bins)


def _is_personal(name: str) -> bool:
    words = [w for w in re.split(r"[^a-z]+", name.lower()) if w]
    return any(w in _PERSONAL or w.startswith(("nama", "alamat", "telep")) for w in words)


class _Checker:
    """One pass over a raw table; collects problems and the typed columns."""

    def __init__(self, raw: RawTable, study: Study) -> None:
        self.raw = raw
        self.study = study
        self.problems: list[Problem] = []
        self.clean: dict[str, list[Any]] = {}  # study column -> typed values, one per row
        self.numeric: set[str] = set()  # the columns of numbers (float, NaN when empty)
        self.rows = raw.rows

    def add(self, row: int | None, column: str, value: Any, code: str, allowed: str = "", *,
            severity: str = "error", suggestion: str = "") -> None:
        self.problems.append(Problem(self.raw.file, self.raw.sheet, None if row is None else
                                     int(row), column, value, code, allowed, severity,
                                     suggestion))

    # -- columns -----------------------------------------------------------------------
    def columns(self) -> dict[str, str]:
        """Study column -> file column (names compared by :func:`norm_name`)."""
        raw, study = self.raw, self.study
        by_norm: dict[str, list[int]] = {}
        for j, name in enumerate(raw.header):
            if name:
                by_norm.setdefault(norm_name(name), []).append(j)
        wanted = {norm_name(c) for c in study.columns}
        unused = [raw.header[j] for js in by_norm.values() for j in js
                  if norm_name(raw.header[j]) not in wanted]
        found: dict[str, str] = {}
        present = ", ".join(h for h in raw.header if h)
        for col in study.columns:
            js = by_norm.get(norm_name(col), [])
            if not js:
                close = difflib.get_close_matches(col.lower(), [u.lower() for u in unused], n=1,
                                                  cutoff=0.6)
                suggestion = next((u for u in unused if u.lower() == close[0]), "") if close \
                    else ""
                self.add(raw.header_row, col, "", "missing_column", present,
                         suggestion=suggestion)
            elif len(js) > 1:
                self.add(raw.header_row, col, col, "duplicate_column",
                         ", ".join(raw.letters[j] for j in js))
                found[col] = str(raw.names[js[0]])
            else:
                found[col] = str(raw.names[js[0]])
        missing = [c for c in study.columns if c not in found]
        for j, name in enumerate(raw.header):
            frame_col = raw.names[j]
            if name and norm_name(name) in wanted:
                continue
            if not name and all(is_empty(v) for v in raw.cells[j]):
                continue
            if _is_personal(name):
                self.add(raw.header_row, name, name, "personal_data", severity="warning")
                continue
            close = difflib.get_close_matches(name.lower(), [m.lower() for m in missing], n=1,
                                              cutoff=0.6) if name else []
            self.add(raw.header_row, name or str(frame_col), name, "unknown_column",
                     severity="warning",
                     suggestion=next((m for m in missing if m.lower() == close[0]), "")
                     if close else "")
        return found

    # -- cells -------------------------------------------------------------------------
    def _values(self, file_col: str) -> list[Any]:
        return [v.replace("\u00a0", " ").strip() if isinstance(v, str) else v
                for v in self.raw.by_name[file_col]]

    def numbers(self, col: str, values: list[Any], *, lo: float | None, hi: float | None,
                whole: bool = False, extra: Callable[[int, float, Any], None] | None = None
                ) -> None:
        out = [math.nan] * len(values)
        allowed = _range_text(lo, hi)
        for i, v in enumerate(values):
            try:
                x = parse_number(v)
            except ValueError:
                self.add(self.rows[i], col, v, "not_number", allowed)
                continue
            if x is None:
                continue
            if (lo is not None and x < lo) or (hi is not None and x > hi):
                self.add(self.rows[i], col, v, "range", allowed)
                continue
            if whole and not x.is_integer():
                self.add(self.rows[i], col, v, "not_whole", allowed, severity="warning")
            if extra is not None:
                extra(i, x, v)
            out[i] = x
        self.clean[col] = out
        self.numeric.add(col)

    def categories(self, col: str, values: list[Any], levels: Sequence[str], code: str, *,
                   required: bool = False) -> None:
        canon = {_key(lv): lv for lv in levels}
        allowed = ", ".join(levels)
        out: list[str | None] = []
        for i, v in enumerate(values):
            if is_empty(v):
                if required:
                    self.add(self.rows[i], col, "", "missing_value", allowed)
                out.append(None)
                continue
            hit = canon.get(_key(_text(v)))
            if hit is None:
                close = difflib.get_close_matches(_key(_text(v)), list(canon), n=1, cutoff=0.6)
                self.add(self.rows[i], col, v, code, allowed,
                         suggestion=canon[close[0]] if close else "")
            out.append(hit)
        self.clean[col] = out
        self.numeric.discard(col)

    def free_text(self, col: str, values: list[Any]) -> None:
        self.clean[col] = [None if is_empty(v) else _text(v) for v in values]
        self.numeric.discard(col)

    def ids(self, col: str, values: list[Any]) -> None:
        seen: dict[str, int] = {}
        out: list[str | None] = []
        for i, v in enumerate(values):
            if is_empty(v):
                self.add(self.rows[i], col, "", "missing_value", col)
                out.append(None)
                continue
            text = _text(v)
            key = _key(text)
            if key in seen:
                self.add(self.rows[i], col, text, "duplicate_id", str(seen[key]))
            else:
                seen[key] = int(self.rows[i])
            out.append(text)
        self.clean[col] = out
        self.numeric.discard(col)

    def binary_free(self, outcome: Outcome, cols: dict[str, list[Any]]) -> None:
        """A binary outcome without declared levels: at most two categories in its columns."""
        counts = Counter(_key(_text(v)) for vs in cols.values() for v in vs if not is_empty(v))
        spelled = {}
        for vs in cols.values():
            for v in vs:
                if not is_empty(v):
                    spelled.setdefault(_key(_text(v)), _text(v))
        top = [k for k, _ in counts.most_common(2)]
        allowed = ", ".join(spelled[k] for k in top)
        for col, values in cols.items():
            out: list[str | None] = []
            for i, v in enumerate(values):
                if is_empty(v):
                    out.append(None)
                    continue
                k = _key(_text(v))
                if k not in top:
                    self.add(self.rows[i], col, v, "binary_many", allowed)
                out.append(spelled[k] if k in top else None)
            self.clean[col] = out
            self.numeric.discard(col)

    def pairs(self, pre_col: str, post_col: str, pre: list[Any], post: list[Any]) -> None:
        for i, (a, b) in enumerate(zip(pre, post, strict=True)):
            if is_empty(a) != is_empty(b):
                empty, filled = (pre_col, post_col) if is_empty(a) else (post_col, pre_col)
                self.add(self.rows[i], empty, "", "missing_pair", filled)

    def characteristic(self, ch: Characteristic, values: list[Any]) -> None:
        col = ch.column
        # an empty cell is counted as "Tidak diketahui (missing)" in the characteristic's
        # frequency table, and the valid percentages leave it out: listed, not refused. A
        # column empty in every row is left out of the analysis instead (skip_empty_columns;
        # the check says so once), so its cells are not listed.
        empty = [i for i, v in enumerate(values) if is_empty(v)]
        if len(empty) < len(values):
            for i in empty:
                self.add(self.rows[i], col, "", "missing_characteristic", severity="warning")
        if ch.bins:
            bands = _bins_text(ch.bins)
            # the study's plausible range (age: 10-60 unless the study sets min/max); the
            # analysis warns about the same values in the chapter's notes
            code = "implausible" if norm_name(col) in AGE_COLUMNS else "implausible_value"

            def check(i: int, x: float, v: Any) -> None:
                if not _in_bins(x, ch.bins):
                    self.add(self.rows[i], col, v, "no_bin", bands)
                elif not ch.plausible(x):
                    self.add(self.rows[i], col, v, code, _range_text(ch.min, ch.max),
                             severity="warning")

            self.numbers(col, values, lo=None, hi=None, extra=check)
        elif ch.categories:
            self.categories(col, values, ch.categories, "category")
        else:
            self.free_text(col, values)


def validate(raw: RawTable, study: Study, *, lang: str = "id", drop_invalid: bool = False
             ) -> tuple[pd.DataFrame, ValidationReport]:
    """Check raw cells against the study; the clean, typed table and the report.

    Returns the study's columns in its order, indexed by the spreadsheet row (``row``):
    numbers as float (NaN when empty), categories in the study's spelling (None when empty).

    Raises :class:`~laktasi.io.DataError` (carrying the whole report, every message in
    ``lang``) when there is any error — unless ``drop_invalid``, which leaves out the rows
    with errors and lists them in ``report.dropped_rows``. Problems of the whole file (a
    missing column) and a table left with no rows always raise.
    """
    import pandas as pd

    columns, numeric, kept, report = _checked(raw, study, lang=lang, drop_invalid=drop_invalid)
    index = pd.Index([raw.rows[i] for i in kept], name="row", dtype="int64")
    frame = pd.DataFrame(index=index)
    for col, values in columns.items():
        frame[col] = pd.Series([values[i] for i in kept], index=index,
                               dtype="float64" if col in numeric else object)
    return frame, report


def validated_rows(raw: RawTable, study: Study, *, lang: str = "id",
                   drop_invalid: bool = False) -> tuple[list[dict[str, Any]], ValidationReport]:
    """:func:`validate` as rows (one dict per mother, the study's columns in its order,
    empty cells None) -- the same checks and errors, without building a DataFrame."""
    columns, _, kept, report = _checked(raw, study, lang=lang, drop_invalid=drop_invalid)
    return [{col: None if isinstance(v := values[i], float) and v != v else v
             for col, values in columns.items()} for i in kept], report


def _checked(raw: RawTable, study: Study, *, lang: str, drop_invalid: bool
             ) -> tuple[dict[str, list[Any]], set[str], list[int], ValidationReport]:
    """The checks of :func:`validate`: the typed values of each study column (one per data
    row), the numeric columns, the positions of the rows kept, and the report."""
    from laktasi.i18n import check_lang

    check_lang(lang)
    c = _Checker(raw, study)
    found = c.columns()
    values = {col: c._values(fc) for col, fc in found.items()}
    if study.id_column and study.id_column in values:
        c.ids(study.id_column, values[study.id_column])
    if study.group is not None and study.group.column in values:
        c.categories(study.group.column, values[study.group.column], study.group.levels,
                     "group", required=True)
    for ch in study.characteristics:
        if ch.column in values:
            c.characteristic(ch, values[ch.column])
    for o in study.outcomes:
        present = {col: values[col] for col in o.columns if col in values}
        if o.type == "binary":
            if o.levels:
                for col, vs in present.items():
                    c.categories(col, vs, o.levels, "binary")
            elif present:
                c.binary_free(o, present)
        else:
            lo, hi = outcome_range(o)
            for col, vs in present.items():
                c.numbers(col, vs, lo=lo, hi=hi, whole=o.type in ("count", "ordinal"))
        if o.pre is not None and o.pre in present and o.post in present:
            c.pairs(o.pre, o.post, present[o.pre], present[o.post])
    outcome_cols = [col for o in study.outcomes for col in o.columns if col in values]
    if outcome_cols:
        for i, row in enumerate(c.rows):
            if all(is_empty(values[col][i]) for col in outcome_cols):
                c.add(row, study.id_column or "", "", "no_outcome", ", ".join(outcome_cols),
                      severity="warning")
    from_reader = _reader_problems(raw, found)
    # a cell the reader already reported (a formula without a value) is not judged again
    taken = {(p.row, p.column) for p in from_reader if p.severity == "error"}
    problems = _ordered([*from_reader, *(p for p in c.problems
                                         if (p.row, p.column) not in taken)], study)
    n = len(raw.rows)
    columns: dict[str, list[Any]] = {}
    numeric = set(c.numeric)
    for col in study.columns:
        if col in c.clean:
            columns[col] = c.clean[col]
        elif _numeric(study, col):
            columns[col] = [math.nan] * n
            numeric.add(col)
        else:
            columns[col] = [None] * n
            numeric.discard(col)
    errors = [p for p in problems if p.severity == "error"]
    whole_file = [p for p in errors if p.row is None or p.row == raw.header_row]
    dropped: tuple[int, ...] = ()
    kept = list(range(n))
    report = ValidationReport(raw.file, raw.sheet, raw.header_row, n, tuple(problems))
    if errors and (not drop_invalid or whole_file):
        raise DataError(report, lang)
    if errors:
        dropped = tuple(sorted({int(p.row) for p in errors if p.row is not None}))
        gone = set(dropped)
        kept = [i for i in kept if raw.rows[i] not in gone]
        report = ValidationReport(raw.file, raw.sheet, raw.header_row, n, tuple(problems),
                                  dropped)
    if not kept or not columns:
        report = ValidationReport(raw.file, raw.sheet, raw.header_row, n, (
            Problem(raw.file, raw.sheet, None, "", "", "no_rows", ""), *problems), dropped)
        raise DataError(report, lang)
    return columns, numeric, kept, report


def _numeric(study: Study, col: str) -> bool:
    for o in study.outcomes:
        if col in o.columns:
            return o.type != "binary"
    return any(ch.column == col and bool(ch.bins) for ch in study.characteristics)


def _reader_problems(raw: RawTable, found: dict[str, str]) -> list[Problem]:
    """The reader's cell problems that matter: in a data row and a study column (renamed
    from the Excel letter to the column name), and shifted .csv rows."""
    from dataclasses import replace

    by_letter = dict(zip(raw.letters, raw.names, strict=True))
    used = {str(fc): col for col, fc in found.items()}
    rows = set(raw.rows)
    out = []
    for p in raw.problems:
        if p.code == "extra_cells":
            out.append(p)
            continue
        frame_col = str(by_letter.get(p.column, p.column))
        if p.row in rows and frame_col in used:
            out.append(replace(p, column=used[frame_col]))
    return out


def _ordered(problems: list[Problem], study: Study) -> list[Problem]:
    """Whole-file problems first, then by row, and within a row by the study's column order."""
    order = {col: k for k, col in enumerate(study.columns)}
    return sorted(problems, key=lambda p: (p.row is not None, p.row or 0,
                                           order.get(p.column, len(order))))


def load_data(path: str | Path, study: Study, *, sheet: str | int | None = None,
              lang: str = "id", drop_invalid: bool = False
              ) -> tuple[pd.DataFrame, ValidationReport]:
    """Read a data file (.xlsx, .csv, .sav) and check it against the study.

    Returns the clean, typed table (see :func:`validate`) and the report (warnings, and the
    rows dropped on request). Raises :class:`~laktasi.io.DataError` listing every problem.

    Examples
    --------
    >>> from laktasi.datasets import example_path
    >>> from laktasi.design import load_study
    >>> study = load_study(example_path("amanda-oku-timur-2023", ".yaml"))
    >>> df, report = load_data(example_path("amanda-oku-timur-2023", ".csv"), study)
    >>> df["menyusui_pre"].dtype, len(df), report.errors
    (dtype('float64'), 15, ())
    """
    raw = read_worded(path, study, sheet, lang)
    return validate(raw, study, lang=lang, drop_invalid=drop_invalid)


def load_rows(path: str | Path, study: Study, *, sheet: str | int | None = None,
              lang: str = "id", drop_invalid: bool = False
              ) -> tuple[list[dict[str, Any]], ValidationReport]:
    """:func:`load_data` as rows (see :func:`validated_rows`): the same checks and
    errors, without pandas."""
    raw = read_worded(path, study, sheet, lang)
    return validated_rows(raw, study, lang=lang, drop_invalid=drop_invalid)


def read_worded(path: str | Path, study: Study | None, sheet: str | int | None, lang: str
                ) -> RawTable:
    """:func:`read_data` with the reader's problems worded in ``lang`` (the readers word
    them in the default language)."""
    from laktasi.i18n import check_lang

    check_lang(lang)
    try:
        return read_data(path, study, sheet=sheet)
    except DataError as exc:
        raise DataError(exc.report, lang) from None
