"""Tolerances for the peer comparisons and the record printed in pytest's terminal summary.

- R (full precision, ``%.17g``): 1e-9 relative, 1e-12 absolute floor (p-values and
  statistics near zero).
- PSPP: half a unit of the last decimal it printed, plus the same allowance as for R
  (PSPP prints 16 decimals with ``F40.16``, finer than floating-point noise). Numbers
  printed without decimals (counts, whole df) get no half unit.

The relative difference recorded for the summary is ``|ours - theirs| / |theirs|`` (the
absolute difference where ``|theirs| <= 1e-12``); for PSPP the half unit of its rounding
is taken off first, so it is the part of the difference that rounding does not explain.
"""

from __future__ import annotations

import math
from collections import defaultdict

REL = 1e-9  # relative tolerance against full-precision peers
ABS_FLOOR = 1e-12  # absolute floor, for p-values and statistics near zero

CASES: dict[str, set[tuple[str, str]]] = defaultdict(set)  # peer -> {(dataset, family)}
# peer -> {(dataset, family): values compared} (a family run twice, golden and live, counts once)
VALUES: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
LARGEST: dict[tuple[str, str], tuple[float, str, str]] = {}  # (peer, family) -> (rel, what, id)


def _record(peer: str, family: str, what: str, excess: float, theirs: float, case: str) -> None:
    rel = excess / abs(theirs) if abs(theirs) > ABS_FLOOR else excess
    key = (peer, family)
    if key not in LARGEST or rel > LARGEST[key][0]:
        LARGEST[key] = (rel, what, case)
    CASES[peer].add((case, family))
    VALUES[peer][(case, family)] = VALUES[peer].get((case, family), 0) + 1


def begin(peer: str, case: str, family: str) -> None:
    """A comparison of one dataset and test family starts (its value count restarts)."""
    VALUES[peer][(case, family)] = 0


def close_r(family: str, what: str, ours: float, theirs: float | None, case: str,
            rel: float = REL) -> None:
    """``ours`` equals R's full-precision value to ``rel`` (1e-12 absolute floor).

    ``rel`` is looser only where both sides solve an equation numerically (CI limits from
    noncentral distributions), and the test says so.
    """
    if theirs is None:
        return
    ours, theirs = float(ours), float(theirs)
    if math.isinf(theirs) or math.isinf(ours):
        assert ours == theirs, f"{case} {family}: {what}: laktasi {ours!r} vs R {theirs!r}"
        _record("R", family, what, 0.0, 1.0, case)
        return
    diff = abs(ours - theirs)
    _record("R", family, what, diff, theirs, case)
    assert diff <= max(rel * abs(theirs), ABS_FLOOR), (
        f"{case} {family}: {what}: laktasi {ours!r} vs R {theirs!r} "
        f"(relative difference {diff / max(abs(theirs), ABS_FLOOR):.2g})")


def close_pspp(family: str, what: str, ours: float, printed: list | None, case: str) -> None:
    """``ours`` equals what PSPP printed (``[value, decimals]``) to its printed precision."""
    if printed is None or printed[0] is None:
        return
    value, decimals = printed
    half = 0.5 * 10.0 ** -decimals if decimals > 0 else 0.0
    close_pspp_derived(family, what, ours, float(value), half, case)


def close_pspp_derived(family: str, what: str, ours: float, value: float, half: float,
                       case: str) -> None:
    """As :func:`close_pspp` for a number computed from PSPP's printed ones; ``half`` is the
    bound on the error that their rounding puts into it."""
    ours = float(ours)
    excess = max(0.0, abs(ours - value) - half)
    _record("PSPP", family, what, excess, value, case)
    assert excess <= max(REL * abs(value), ABS_FLOOR), (
        f"{case} {family}: {what}: laktasi {ours!r} vs PSPP {value!r} (± {half:.1g} rounding)")


def summary_lines() -> list[str]:
    """Lines for pytest's terminal summary (empty when no peer comparison ran)."""
    if not CASES:
        return []
    counts = ", ".join(f"{peer} {len(CASES[peer])} cases ({sum(VALUES[peer].values())} values)"
                       for peer in sorted(CASES))
    worst = max(LARGEST.items(), key=lambda kv: kv[1][0])
    (peer, family), (rel, what, case) = worst
    lines = [f"peer comparisons: {counts}; largest relative difference {rel:.2g} "
             f"({peer} {family}: {what}, {case})"]
    for p in sorted(CASES):
        fams = sorted(((f, v) for (q, f), v in LARGEST.items() if q == p), key=lambda kv: -kv[1][0])
        lines.append(f"  largest relative difference from {p} per test family: " + "; ".join(
            f"{f} {v[0]:.2g} ({v[2]})" for f, v in fams))
    return lines
