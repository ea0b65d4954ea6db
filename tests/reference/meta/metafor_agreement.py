"""Agreement with R metafor: the comparison used by tests/meta and the record of the largest
relative difference per quantity (printed in pytest's terminal summary, tests/conftest.py)."""

from __future__ import annotations

import math
import re
from collections import defaultdict

LARGEST: dict[str, tuple[float, str]] = defaultdict(lambda: (0.0, ""))
CASES: set[str] = set()
VALUES = [0]
REL = 1e-6  # issue 5's bound
FLOOR = 1e-12  # below this |R value|, differences are absolute


def close(quantity: str, ours: float, theirs: float | None, case: str, *, rel: float = REL,
          abs_tol: float = FLOOR) -> None:
    """Assert |ours - theirs| <= rel |theirs| + abs_tol and record the relative difference.

    ``abs_tol`` is looser only for quantities at a boundary (tau^2 = 0, where metafor's
    iterations may stop a hair above it); the caller says so.
    """
    if theirs is None:
        assert ours is None or (isinstance(ours, float) and math.isnan(ours)), (case, quantity)
        return
    ours, theirs = float(ours), float(theirs)
    if math.isinf(theirs) or math.isinf(ours):
        assert ours == theirs, f"{case} {quantity}: laktasi {ours!r} vs metafor {theirs!r}"
        return
    diff = abs(ours - theirs)
    # relative to |R|, or to the absolute tolerance's scale where R's value sits at 0
    relative = diff / max(abs(theirs), abs_tol / rel)
    family = re.sub(r" ?(FE|DL|REML|PM)[/_](z|knha)", "", quantity)  # one line per quantity
    if relative > LARGEST[family][0]:
        LARGEST[family] = (relative, case)
    CASES.add(case)
    VALUES[0] += 1
    assert diff <= rel * abs(theirs) + abs_tol, (
        f"{case} {quantity}: laktasi {ours!r} vs metafor {theirs!r}")


def summary_lines() -> list[str]:
    if not CASES:
        return []
    worst = sorted(LARGEST.items(), key=lambda kv: -kv[1][0])
    return [f"metafor agreement: {len(CASES)} meta-analyses, {VALUES[0]} values; largest "
            f"relative difference {worst[0][1][0]:.2g} ({worst[0][0]}, {worst[0][1][1]}; "
            f"bound {REL:g})",
            "metafor largest relative difference per quantity: " + "; ".join(
                f"{q} {d:.1g}" for q, (d, _c) in sorted(LARGEST.items()))]
