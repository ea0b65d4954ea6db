"""Problem records, the validation report and the data error that carries it.

A :class:`Problem` says where (file, sheet, row as the spreadsheet shows it, column), what
(the value, a code the report layer words in Indonesian or English) and what is allowed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from laktasi.errors import LaktasiInputError

__all__ = ["DataError", "Problem", "ValidationReport"]

SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class Problem:
    """One located problem in a data file.

    ``row`` is the row number the spreadsheet shows (the SPSS case number for .sav), or
    None for a problem of the whole file or sheet; ``code`` selects the message in
    :mod:`laktasi.i18n.io`; ``allowed`` says what would be accepted; ``suggestion``
    is a closest match (a column or category name) when there is one. Errors stop the
    analysis; warnings are reported and the value is used.
    """

    file: str
    sheet: str
    row: int | None
    column: str
    value: Any
    code: str
    allowed: str
    severity: str = "error"
    suggestion: str = ""

    def text(self, lang: str = "id") -> str:
        """The located message, e.g. ``data.xlsx [Data] baris 5, kolom m_pre: nilai 'lima'
        bukan angka ...``."""
        from laktasi.i18n.io import problem_text

        return problem_text(self, lang)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "column": self.column,
                "value": _plain(self.value), "code": self.code, "allowed": self.allowed,
                "severity": self.severity, "suggestion": self.suggestion}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


@dataclass(frozen=True)
class ValidationReport:
    """Every problem found in one data file, found all at once.

    ``rows_read`` counts the data rows under the header; ``dropped_rows`` lists the rows
    (as the spreadsheet numbers them) left out on request (``drop_invalid=True``).
    """

    file: str
    sheet: str = ""
    header_row: int | None = None
    rows_read: int = 0
    problems: tuple[Problem, ...] = ()
    dropped_rows: tuple[int, ...] = field(default=())

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when nothing stops the analysis (warnings may remain)."""
        dropped = set(self.dropped_rows)
        return all(p.row is not None and p.row in dropped for p in self.errors)

    def messages(self, lang: str = "id", *, severity: str | None = None) -> list[str]:
        return [p.text(lang) for p in self.problems if severity in (None, p.severity)]

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sheet": self.sheet, "header_row": self.header_row,
                "rows_read": self.rows_read, "dropped_rows": list(self.dropped_rows),
                "problems": [p.to_dict() for p in self.problems]}


class DataError(LaktasiInputError):
    """The data file has problems that stop the analysis.

    ``report`` is the whole :class:`ValidationReport`; ``problems`` its errors. ``str()``
    lists every error, one per line, in the language asked for.
    """

    code = "data_invalid"

    def __init__(self, problems: ValidationReport | Iterable[Problem], lang: str = "id") -> None:
        if isinstance(problems, ValidationReport):
            report = problems
        else:
            plist = tuple(problems)
            first = plist[0] if plist else None
            report = ValidationReport(first.file if first else "", first.sheet if first else "",
                                      problems=plist)
        self.report = report
        self.problems = list(report.errors)
        self.lang = lang
        super().__init__("\n".join(p.text(lang) for p in self.problems),
                         problems=len(self.problems), file=report.file)
