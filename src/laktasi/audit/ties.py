"""Tie structures consistent with printed rank sums, and the Z they allow.

Ranks 1..m fall into consecutive tie blocks (each block gets its midrank); k of the m
values are *marked* (the negative differences of a signed-rank test, or group 1 of a
Mann-Whitney test). For a printed rank sum of the marked values, the tie term
sum(t^3 - t) of SPSS's variance can only take values between a minimum and a maximum;
since the numerator of Z is fixed by the rank sum, that bounds |Z| exactly.

The bounds come from a dynamic programme over (ranks used, tie blocks used, marked
values used, doubled marked sum); it is exact. Where it would be too large, wide but
valid bounds are used instead (no tie at all; every value tied, or equal blocks when the
number of distinct values is limited).
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["doubled_sum_candidates", "mw_z_range", "tie_term_range", "wilcoxon_z_range"]

_MAX_CELLS = 6_000_000


def doubled_sum_candidates(intervals: list[tuple[float, float]], lo: int, hi: int) -> list[int]:
    """Whole numbers 2T in [lo, hi] with T inside every (low, high) interval."""
    a = max([lo / 2] + [x for x, _ in intervals])
    b = min([hi / 2] + [y for _, y in intervals])
    if a > b + 1e-9:
        return []
    return list(range(math.ceil(2 * a - 1e-9), math.floor(2 * b + 1e-9) + 1))


def _loose(m: int, max_blocks: int | None) -> tuple[float, float]:
    hi = float(m**3 - m)
    if max_blocks is None or max_blocks >= m:
        return 0.0, hi
    q, r = divmod(m, max_blocks)  # equal blocks minimise sum(t^3 - t) (convexity)
    lo = r * ((q + 1) ** 3 - (q + 1)) + (max_blocks - r) * (q**3 - q)
    return float(lo), hi


def tie_term_range(m: int, k: int, target2: int, max_blocks: int | None = None
                   ) -> tuple[float, float, bool] | None:
    """Range of sum(t^3 - t) over tie structures where k marked values have doubled
    midrank sum ``target2``; ``None`` when no structure gives that sum.

    Returns ``(min, max, exact)``; ``exact`` is False when the wide bounds were used.

    Examples
    --------
    >>> tie_term_range(15, 0, 0)          # Amanda: no negative ranks, 15 positive
    (0.0, 3360.0, True)
    >>> tie_term_range(4, 2, 2 * 4)       # marked {1, 3} (no tie) ... {2, 2} of a tie {1,2,3}
    (0.0, 24.0, True)
    """
    if not 0 <= k <= m or target2 < 0 or target2 > m * (m + 1):
        return None
    if k > m - k:  # the unmarked values have the complementary sum
        k, target2 = m - k, m * (m + 1) - target2
    if target2 < k * (k + 1) or target2 > k * (2 * m - k + 1):
        return None
    nb = 1 if max_blocks is None else max_blocks + 1
    if (m + 1) * nb * (k + 1) * (target2 + 1) > _MAX_CELLS:
        lo, hi = _loose(m, max_blocks)
        return lo, hi, False
    s_max = target2
    shape = (m + 1, nb, k + 1, s_max + 1)
    best = np.full(shape, -np.inf)
    least = np.full(shape, np.inf)
    best[0, 0, 0, 0] = least[0, 0, 0, 0] = 0.0
    blocks = slice(None) if max_blocks is None else slice(None, -1)
    shifted = slice(None) if max_blocks is None else slice(1, None)
    for i in range(m):
        k_top = min(k, i)  # at most i values marked so far ...
        s_top = min(s_max, i * (i + 1))  # ... with a doubled sum at most i(i + 1)
        if not np.isfinite(best[i, :, : k_top + 1, : s_top + 1]).any():
            continue
        for t in range(1, m - i + 1):
            term = float(t**3 - t)
            doubled_mid = 2 * i + t + 1
            for g in range(min(t, k) + 1):
                shift = g * doubled_mid
                rows = min(k_top, k - g) + 1
                cols = min(s_top, s_max - shift) + 1
                if rows <= 0 or cols <= 0:
                    break
                for a, op in ((best, np.maximum), (least, np.minimum)):
                    src = a[i, blocks, :rows, :cols]
                    dst = a[i + t, shifted, g: g + rows, shift: shift + cols]
                    op(dst, src + term, out=dst)
    hi = float(best[m, :, k, s_max].max())
    if not math.isfinite(hi):
        return None
    return float(least[m, :, k, s_max].min()), hi, True


def wilcoxon_z_range(m: int, k_neg: int, t_neg2: int) -> tuple[float, float, bool] | None:
    """|Z| range of SPSS's signed-rank Z for m non-zero differences, k_neg negative with
    doubled rank sum ``t_neg2``, over every tie structure giving that sum."""
    ties = tie_term_range(m, k_neg, t_neg2)
    if ties is None:
        return None
    num = abs(min(t_neg2, m * (m + 1) - t_neg2) / 2 - m * (m + 1) / 4)
    v0 = m * (m + 1) * (2 * m + 1) / 24
    lo_t, hi_t, exact = ties
    # every value tied leaves m(m+1)^2/16 > 0: the variance never vanishes
    return num / math.sqrt(v0 - lo_t / 48), num / math.sqrt(v0 - hi_t / 48), exact


def mw_z_range(n1: int, n2: int, t1_2: int, max_levels: int | None = None
               ) -> tuple[float, float, bool] | None:
    """|Z| range of SPSS's Mann-Whitney Z when group 1 (n1 values) has doubled rank sum
    ``t1_2``, over tie structures with at most ``max_levels`` distinct values."""
    n = n1 + n2
    ties = tie_term_range(n, n1, t1_2, max_levels)
    if ties is None:
        return None
    u1 = t1_2 / 2 - n1 * (n1 + 1) / 2
    num = abs(u1 - n1 * n2 / 2)
    lo_t, hi_t, exact = ties
    if num == 0:
        return 0.0, 0.0, exact
    base = n1 * n2 / (n * (n - 1))
    var_hi = base * ((n**3 - n) / 12 - lo_t / 12)
    var_lo = base * ((n**3 - n) / 12 - hi_t / 12)
    z_hi = math.inf if var_lo <= 0 else num / math.sqrt(var_lo)
    return num / math.sqrt(var_hi), z_hi, exact
