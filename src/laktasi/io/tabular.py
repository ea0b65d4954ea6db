"""Rows as dicts, for the analysis plan (which takes a sequence of column -> value mappings).

Thin wrappers over :func:`laktasi.io.read_data` and :func:`laktasi.io.validate`; every
problem is located (file, sheet, row as the spreadsheet shows it, column, value) and all
are reported at once; nothing is analysed from a file with errors.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd

from laktasi.design.study import Study

from ._problems import DataError, Problem
from ._readers import read_data
from ._validate import load_data

__all__ = ["frame_rows", "read_rows", "read_rows_checked", "read_table"]


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
    try:
        raw = read_data(path, sheet=sheet)
    except DataError as exc:
        raise DataError(exc.report, lang) from None
    cells = raw.frame.astype(object).where(raw.frame.notna(), None).values.tolist()
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

    Otherwise raises :class:`DataError` listing every problem.
    """
    try:
        frame, report = load_data(path, study, sheet=sheet, lang=lang,
                                  drop_invalid=drop_invalid)
    except DataError as exc:  # readers word problems in the default language
        raise DataError(exc.report, lang) from None
    return frame_rows(frame), list(report.errors) if report.dropped_rows else []
