"""Reading study data files (csv, xlsx) into checked rows."""

from .tabular import DataError, Problem, read_rows

__all__ = ["DataError", "Problem", "read_rows"]
