"""Comparison helpers for the peer tests: tolerance from the printed precision, and a
record of the largest differences (printed in pytest's terminal summary)."""

from __future__ import annotations

import math
from collections import defaultdict

LARGEST: dict[str, tuple[float, str]] = defaultdict(lambda: (0.0, ""))
COUNTS: dict[str, set[str]] = defaultdict(set)
VALUES: dict[str, int] = defaultdict(int)

REL = 1e-9  # relative tolerance against full-precision peers (R)
ABS_FLOOR = 1e-12  # for p-values and statistics near zero


def _record(peer: str, what: str, ours: float, theirs: float, case: str,
            unit: float | None = None) -> float:
    """Keep the largest difference: relative for R, in printed units for PSPP."""
    diff = abs(ours - theirs)
    if unit is not None:
        rel = diff / unit
    else:
        rel = diff / abs(theirs) if abs(theirs) > ABS_FLOOR else diff
    key = f"{peer} {what}"
    if rel > LARGEST[key][0]:
        LARGEST[key] = (rel, case)
    COUNTS[peer].add(case)
    VALUES[peer] += 1
    return diff


def close_r(what: str, ours: float, theirs: float | None, case: str, rel: float = REL) -> None:
    """Equal to R's full-precision value: 1e-9 relative (1e-12 absolute floor).

    ``rel`` is looser only where both sides solve an equation numerically (CI limits from
    noncentral distributions: R's pt/pchisq/pf series vs scipy's), and the test says so.
    """
    if theirs is None:
        return
    if math.isinf(theirs) or math.isinf(ours):
        assert ours == theirs, f"{case} {what}: laktasi {ours!r} vs R {theirs!r}"
        return
    diff = _record("R", what, float(ours), float(theirs), case)
    assert diff <= max(rel * abs(theirs), ABS_FLOOR), (
        f"{case} {what}: laktasi {ours!r} vs R {theirs!r}")


def close_pspp(what: str, ours: float, printed: list | None, case: str) -> None:
    """Equal to what PSPP printed, to half a unit of its last printed decimal."""
    if printed is None or printed[0] is None:
        return
    value, decimals = printed
    if decimals == 0 and float(value).is_integer() and not float(ours).is_integer():
        decimals = 8  # PSPP printed an exact whole number with no decimals shown
    tol = 0.5 * 10.0**-decimals + 1e-12 + 1e-12 * abs(value)
    diff = _record("PSPP", what, float(ours), float(value), case, unit=10.0**-decimals)
    assert diff <= tol, f"{case} {what}: laktasi {ours!r} vs PSPP printed {value!r}"


def summary_lines() -> list[str]:
    if not COUNTS:
        return []
    lines = ["peer comparisons: " + ", ".join(
        f"{peer} {len(cases)} datasets ({VALUES[peer]} values)"
        for peer, cases in sorted(COUNTS.items()))]
    for peer, label in (("R", "largest relative difference from R"),
                        ("PSPP", "largest difference from PSPP in units of its last printed "
                                 "digit (0.5 allowed)")):
        worst = sorted(((k, v) for k, v in LARGEST.items() if k.startswith(peer + " ")),
                       key=lambda kv: -kv[1][0])[:5]
        if worst:
            lines.append(f"{label}: " + "; ".join(
                f"{k[len(peer) + 1:]} {v[0]:.2g} ({v[1]})" for k, v in worst))
    return lines
