"""Ranking helpers and exact permutation distributions of rank statistics.

Average ranks are multiples of 1/2, so the distributions are built on doubled
ranks (whole numbers) and are exact (no Monte Carlo).
"""

from __future__ import annotations

import math

import numpy as np

from ._scipy import rankdata_average


def clean(values: np.ndarray) -> np.ndarray:
    """Each value rounded to 12 significant digits, so that equal values read off a scale tie.

    ``2.3 - 1.1`` and ``3.4 - 2.2`` differ in the 16th digit; rounded to 12
    significant digits of each value they are the tie they are. The rule is per
    value: a huge value elsewhere in the data does not turn small real
    differences into zeros. The ties are R's ``rank(signif(x, 12))``, i.e.
    ``wilcox.test(..., digits.rank = 12)``. Zeros stay zeros; non-finite
    values are returned as they are.

    Parameters
    ----------
    values : numpy.ndarray
        One-dimensional float array.

    Returns
    -------
    numpy.ndarray
        A new float array of the same shape (decimal rounding, as ``f"{v:.11e}"``).

    Examples
    --------
    >>> clean(np.array([2.3 - 1.1, 3.4 - 2.2, 1e12, 0.0])).tolist()
    [1.2, 1.2, 1000000000000.0, 0.0]
    """
    arr = np.asarray(values, dtype=float)
    if arr.size == 0:
        return arr.copy()
    # Python's float formatting rounds the decimal expansion correctly: signif(v, 12)
    return np.array([float(f"{v:.11e}") if math.isfinite(v) else v for v in arr.tolist()],
                    dtype=float).reshape(arr.shape)


def average_ranks(values: np.ndarray) -> np.ndarray:
    """Average ranks (ties share the mean of their positions), as SPSS, PSPP and R.

    Parameters
    ----------
    values : numpy.ndarray
        One-dimensional values (already rounded by :func:`clean`).

    Returns
    -------
    numpy.ndarray
        Float ranks 1..n.
    """
    return rankdata_average(values)


def tie_sizes(values: np.ndarray) -> np.ndarray:
    _, counts = np.unique(values, return_counts=True)
    return counts


def signed_rank_distribution(doubled_ranks: np.ndarray) -> np.ndarray:
    """P(sum of doubled ranks with a + sign = s), each sign +/- with probability 1/2."""
    total = int(doubled_ranks.sum())
    dist = np.zeros(total + 1)
    dist[0] = 1.0
    top = 0
    for r in doubled_ranks.astype(int):
        new = dist[: top + r + 1].copy()
        new[r : top + r + 1] += dist[: top + 1]
        top += r
        dist[: top + 1] = new * 0.5
    return dist


def rank_sum_distribution(doubled_ranks: np.ndarray, m: int) -> np.ndarray:
    """P(sum of doubled ranks of a random subset of size m = s)."""
    ranks = doubled_ranks.astype(int)
    total = int(ranks.sum())
    dp = np.zeros((m + 1, total + 1))
    dp[0, 0] = 1.0
    for i, r in enumerate(ranks, start=1):
        k = min(i, m)
        # 0/1 knapsack step; numpy copies overlapping operands, so this is exact
        dp[1 : k + 1, r:] += dp[:k, : total + 1 - r]
    counts: np.ndarray = dp[m]
    out: np.ndarray = counts / float(counts.sum())
    return out


def tail_probabilities(dist: np.ndarray, observed: int) -> tuple[float, float]:
    """(P(S <= observed), P(S >= observed)) for a distribution on 0..len-1."""
    cdf = np.cumsum(dist)
    less = float(cdf[min(max(observed, -1), dist.size - 1)]) if observed >= 0 else 0.0
    greater = float(dist[max(observed, 0):].sum()) if observed < dist.size else 0.0
    return min(1.0, less), min(1.0, greater)


def exact_pvalue(dist: np.ndarray, observed: int, alternative: str) -> float:
    """p from an exact distribution of an integer statistic (larger = 'greater').

    Two-sided: ``P(|S - E| >= |s - E|)``, the rule of R's coin package.
    """
    less, greater = tail_probabilities(dist, observed)
    if alternative == "less":
        return less
    if alternative == "greater":
        return greater
    support = np.arange(dist.size)
    mean = float((support * dist).sum())
    dev = abs(observed - mean)
    mask = np.abs(support - mean) >= dev - 1e-7 * max(1.0, dev)
    return min(1.0, float(dist[mask].sum()))
