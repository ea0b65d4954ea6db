"""Reading and writing study data files (csv, xlsx, sav) and data-entry templates."""

from .tabular import DataError, Problem, read_rows, read_rows_checked, read_table
from .writers import DEFAULT_STUDIES, make_template, write_rows

__all__ = ["DEFAULT_STUDIES", "DataError", "Problem", "make_template", "read_rows",
           "read_rows_checked", "read_table", "write_rows"]
