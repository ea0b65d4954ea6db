"""Rows as dicts, for the analysis plan (which takes a sequence of column -> value mappings).

Thin wrappers over :func:`laktasi.io.read_data` and :func:`laktasi.io.validate`; every
problem is located (file, sheet, row as the spreadsheet shows it, column, value) and all
are reported at once; nothing is analysed from a file with errors.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from laktasi.design.study import Characteristic, Outcome, Study

from ._problems import DataError, Problem
from ._readers import is_empty, norm_name, read_data
from ._validate import load_rows, read_worded

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["frame_rows", "read_rows", "read_rows_checked", "read_table", "skip_empty_columns",
           "skipped_note"]


def frame_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a clean table as dicts; empty cells are None."""
    out = []
    for rec in frame.to_dict("records"):
        out.append({k: None if isinstance(v, float) and math.isnan(v) else v
                    for k, v in rec.items()})
    return out


def read_table(path: str | Path, *, sheet: str | int | None = None, lang: str = "id"
               ) -> tuple[list[str], list[list[Any]]]:
    """Header and raw cells of a data file (for describing a study from its columns)."""
    raw = read_worded(path, None, sheet, lang)
    cells = [[None if isinstance(v := col[i], float) and v != v else v for col in raw.cells]
             for i in range(len(raw.rows))]
    return list(raw.header), cells


def read_rows(path: str | Path, study: Study, *, sheet: str | int | None = None,
              lang: str = "id") -> list[dict[str, Any]]:
    """Rows of the data file as dicts (see :func:`read_rows_checked`); any error raises."""
    rows, _ = read_rows_checked(path, study, sheet=sheet, lang=lang)
    return rows


def read_rows_checked(path: str | Path, study: Study, *, sheet: str | int | None = None,
                      lang: str = "id", drop_invalid: bool = False
                      ) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Rows of the data file as dicts (numbers as float, categories in the study's
    spelling), and the errors of the rows left out when ``drop_invalid`` is set.

    Otherwise raises :class:`DataError` listing every problem (in ``lang``).
    """
    rows, report = load_rows(path, study, sheet=sheet, lang=lang, drop_invalid=drop_invalid)
    return rows, list(report.errors) if report.dropped_rows else []


def skip_empty_columns(path: str | Path, study: Study, *, sheet: str | int | None = None
                       ) -> tuple[Study, tuple[Outcome | Characteristic, ...]]:
    """The study without the outcomes and characteristics whose columns are in the file but
    empty in every row (a template column for something that was not measured), and what
    was left out. Nothing is left out when no outcome has any value (the check then says
    what is missing), or when the file cannot be read (the reader says why).

    >>> import tempfile
    >>> from laktasi.io import default_study, write_data
    >>> st = default_study("one-group-pretest-posttest")
    >>> path = write_data([{"kode": "R01", "umur": 24, "menyusui_pre": 5, "menyusui_post": 9}],
    ...                   tempfile.mkdtemp() + "/d.csv", st)
    >>> st2, skipped = skip_empty_columns(path, st)
    >>> [o.name for o in st2.outcomes], [c.column for c in st2.characteristics]
    (['menyusui'], ['umur'])
    >>> [getattr(x, "name", "") or x.column for x in skipped]
    ['volume', 'bak', 'kelancaran', 'pendidikan', 'pekerjaan', 'paritas']
    """
    from dataclasses import replace

    try:
        raw = read_data(path, study, sheet=sheet)
    except DataError:
        return study, ()
    by_name = {norm_name(c): raw.by_name[c] for c in raw.names}
    if not raw.rows or not raw.names:
        return study, ()

    def empty(columns: tuple[str, ...]) -> bool:
        found = [by_name.get(norm_name(c)) for c in columns]
        return all(col is not None and all(is_empty(v) for v in col) for col in found)

    keep_out = [o for o in study.outcomes if not empty(o.columns)]
    if not keep_out:
        return study, ()
    keep_char = [c for c in study.characteristics if not empty((c.column,))]
    skipped = (*[o for o in study.outcomes if o not in keep_out],
               *[c for c in study.characteristics if c not in keep_char])
    if not skipped:
        return study, ()
    return replace(study, outcomes=tuple(keep_out), characteristics=tuple(keep_char)), skipped


def skipped_note(item: Outcome | Characteristic, lang: str = "id") -> str:
    """The sentence that says an empty outcome or characteristic was left out."""
    from laktasi.i18n.io import check_word

    if isinstance(item, Outcome):
        return check_word("skipped_outcome", lang, label=item.label.get(lang, item.name),
                          columns=", ".join(item.columns))
    return check_word("skipped_characteristic", lang, label=item.label.get(lang, item.column),
                      columns=item.column)
