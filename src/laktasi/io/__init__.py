"""Reading, checking and writing study data files (.xlsx, .csv, .sav) and data-entry templates.

>>> from laktasi.io import load_data                      # doctest: +SKIP
>>> df, report = load_data("data.xlsx", study)            # doctest: +SKIP

- :func:`read_data` (and :func:`read_xlsx`, :func:`read_csv`, :func:`read_sav`): the cells
  under the header row with their provenance (:class:`RawTable`: file, sheet, header row,
  the spreadsheet row of every data row);
- :func:`validate` / :func:`load_data`: every problem against the study, found at once
  (:class:`ValidationReport` of :class:`Problem` records; :class:`DataError` carries it),
  and the clean, typed table;
- :func:`write_data`: .xlsx, .csv, .sav (value labels); :func:`make_template`: the Excel
  data-entry workbook of a study or a design, carrying the study description;
- :func:`find_study`: the study description that goes with a data file (the workbook's
  "Deskripsi studi" sheet, or ``NAME.study.yaml`` / ``NAME.yaml`` beside it);
  :func:`study_yaml` / :func:`study_to_mapping`: a study written back as its YAML.
"""

from ._problems import DataError, Problem, ValidationReport
from ._readers import RawTable, find_study, read_csv, read_data, read_sav, read_xlsx, study_sheet_text
from ._validate import load_data, outcome_range, parse_number, validate
from .tabular import (
    frame_rows,
    read_rows,
    read_rows_checked,
    read_table,
    skip_empty_columns,
    skipped_note,
)
from .writers import (
    DEFAULT_STUDIES,
    STUDY_SHEETS,
    default_study,
    make_template,
    study_to_mapping,
    study_yaml,
    write_data,
    write_rows,
)

__all__ = [
    "DEFAULT_STUDIES",
    "STUDY_SHEETS",
    "DataError",
    "Problem",
    "RawTable",
    "ValidationReport",
    "default_study",
    "find_study",
    "frame_rows",
    "load_data",
    "make_template",
    "outcome_range",
    "parse_number",
    "read_csv",
    "read_data",
    "read_rows",
    "read_rows_checked",
    "read_sav",
    "read_table",
    "read_xlsx",
    "skip_empty_columns",
    "skipped_note",
    "study_sheet_text",
    "study_to_mapping",
    "study_yaml",
    "validate",
    "write_data",
    "write_rows",
]
