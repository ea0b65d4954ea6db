"""Numbers as papers print them, with the interval the printing allows.

"0,002" -> [0.0015, 0.0025] (also "p = 0,002"); "0,000" (SPSS for p < .0005) -> [0, 0.0005]; "<0.05" ->
[0, 0.05]; "13,3%" -> [13.25, 13.35]; ".915" -> [0.9145, 0.9155]. A reported value is
consistent with a computed one when the computed value lies in the interval, whatever
rounding rule (half up, half even, truncation is not assumed) produced the print.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from laktasi.errors import LaktasiInputError

__all__ = ["Printed", "parse_printed"]

_NUM = re.compile(r"^\s*(?:[pP]\s*(?=[<>≤≥=]))?(?:=\s*)?(?P<op>[<>≤≥]=?)?\s*"
                  r"(?P<num>[+\-−]?(\d+([.,]\d*)?|[.,]\d+))\s*(?P<pct>%)?\s*$")


@dataclass(frozen=True)
class Printed:
    """A printed number and the interval [low, high] of true values that print so."""

    text: str
    value: float
    decimals: int
    low: float
    high: float
    percent: bool = False

    def contains(self, x: float, slack: float = 1e-9) -> bool:
        return self.low - slack <= x <= self.high + slack

    def overlaps(self, other: Printed) -> bool:
        """Could both prints show the same true value? (Rounding intervals are half-open,
        so 0,94 and 0,95 cannot: 0.945 itself prints as one of them, not both.)"""
        return self.low < other.high - 1e-12 and other.low < self.high - 1e-12

    def as_p(self) -> Printed:
        """Read as a p-value: within [0, 1]; SPSS's "0,000" means p < .0005 (never 0)."""
        return replace(self, low=max(0.0, self.low), high=min(1.0, self.high))


def parse_printed(raw: object, where: str = "") -> Printed:
    """Parse a printed number; ``where`` locates it in error messages."""
    if isinstance(raw, bool) or raw is None:
        raise LaktasiInputError(f"{where}: {raw!r} is not a number as printed (e.g. 0,002, "
                                "'<0.05', '13,3%').", where=where, value=raw,
                                message_id="printed_not_a_number")
    if isinstance(raw, float):
        # YAML gives 0.915 for an unquoted .915; 1e-05 is written out in full
        text = repr(raw) if "e" not in repr(raw) else np.format_float_positional(raw)
    elif isinstance(raw, int):
        text = str(raw)
    else:
        text = str(raw)
    m = _NUM.match(text)
    if not m:
        raise LaktasiInputError(f"{where}: {text!r} is not a number as printed (e.g. 0,002, "
                                "'<0.05', '13,3%').", where=where, value=text,
                                message_id="printed_not_a_number")
    num = m.group("num").replace("−", "-").replace(",", ".")
    decimals = len(num.split(".")[1]) if "." in num else 0
    value = float(num)
    half = 0.5 * 10.0**-decimals
    op = m.group("op") or ""
    low, high = value - half, value + half
    if op.startswith("<"):
        low, high = float("-inf"), value
    elif op.startswith(">"):
        low, high = value, float("inf")
    return Printed(text, value, decimals, low, high, bool(m.group("pct")))
