"""The project's exception family.

Every error carries a machine-readable ``code`` and ``detail`` (so the report
layer can say it in Indonesian or English) and a plain English ``str()``.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ConstantInputError",
    "InvalidOptionError",
    "InvalidTableError",
    "LaktasiError",
    "LaktasiInputError",
    "LengthMismatchError",
    "NegativeCountError",
    "NonNumericError",
    "TooFewObservationsError",
]


class LaktasiError(Exception):
    """Base class of every error laktasi raises on purpose."""

    code = "error"

    def __init__(self, message: str, **detail: Any) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class LaktasiInputError(LaktasiError, ValueError):
    """The input cannot be analysed as given."""

    code = "input"


class LengthMismatchError(LaktasiInputError):
    code = "length_mismatch"


class TooFewObservationsError(LaktasiInputError):
    code = "too_few"


class ConstantInputError(LaktasiInputError):
    code = "constant"


class NegativeCountError(LaktasiInputError):
    code = "negative_count"


class NonNumericError(LaktasiInputError):
    code = "non_numeric"


class InvalidOptionError(LaktasiInputError):
    code = "invalid_option"


class InvalidTableError(LaktasiInputError):
    code = "invalid_table"
