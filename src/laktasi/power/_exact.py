"""Exact tables of p-values for discrete tests, shared by the analytic power functions and
the simulator (a simulated study's p-value is a lookup in these tables).

The tables reproduce :mod:`laktasi.stats`: Fisher's two-sided p sums the hypergeometric
probabilities no larger than the observed one (relative tolerance 1e-7, as R
``fisher.test``); the continuity-corrected chi-square is SPSS's form (0 when
|ad - bc| <= N/2); McNemar's exact p is 2 P(X <= min(b, c)), X ~ Bin(b + c, 1/2), capped
at 1. Tables whose success column is empty or full (no variation) get p = 1: the test
cannot reject there.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

__all__ = ["TWO_BY_TWO_TESTS", "mcnemar_pvalues", "two_by_two_table"]

TWO_BY_TWO_TESTS = ("fisher", "chi-square", "chi-square-corrected")


def two_by_two_table(n1: int, n2: int, test: str) -> np.ndarray:
    """p-value of every 2 x 2 outcome: ``table[a, c]`` for a successes among n1 and c
    successes among n2 (table ``[[a, n1 - a], [c, n2 - c]]``), two-sided."""
    if test not in TWO_BY_TWO_TESTS:
        raise ValueError(test)
    big_n = n1 + n2
    a = np.arange(n1 + 1)[:, None]
    c = np.arange(n2 + 1)[None, :]
    t = a + c
    if test == "fisher":
        out = np.ones((n1 + 1, n2 + 1))
        for tt in range(1, big_n):
            lo, hi = max(0, tt - n2), min(n1, tt)
            sup = np.arange(lo, hi + 1)
            probs = stats.hypergeom(big_n, n1, tt).pmf(sup)
            keep = probs[None, :] <= probs[:, None] * (1 + 1e-7)
            p = np.minimum(1.0, (keep * probs[None, :]).sum(axis=1))
            out[sup, tt - sup] = p
        return out
    b, d = n1 - a, n2 - c
    denom = (n1 * n2) * t * (big_n - t)
    cross = np.abs(a * d - b * c).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if test == "chi-square":
            stat = big_n * cross**2 / denom
        else:
            stat = np.where(cross > big_n / 2, big_n * (cross - big_n / 2) ** 2 / denom, 0.0)
    p = stats.chi2.sf(stat, 1)
    return np.where(denom > 0, p, 1.0)


def mcnemar_pvalues(b: np.ndarray, c: np.ndarray, test: str = "exact") -> np.ndarray:
    """McNemar p-values for arrays of discordant counts (b: 0 -> 1, c: 1 -> 0).

    ``test``: "exact" (laktasi's ``pvalue``), "chi-square" (no correction), "chi-square-
    corrected" (R's default) or "spss" (binomial below 25 changes, else corrected)."""
    b = np.asarray(b)
    c = np.asarray(c)
    m = b + c
    if test == "spss":
        return np.where(m < 25, mcnemar_pvalues(b, c, "exact"),
                        mcnemar_pvalues(b, c, "chi-square-corrected"))
    if test == "exact":
        p = np.minimum(1.0, 2 * stats.binom.cdf(np.minimum(b, c), m, 0.5))
        return np.where(m > 0, p, 1.0)
    diff = np.abs(b - c).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if test == "chi-square":
            stat = diff**2 / m
        elif test == "chi-square-corrected":
            stat = np.where(b != c, (diff - 1) ** 2 / m, 0.0)
        else:
            raise ValueError(test)
    return np.where(m > 0, stats.chi2.sf(stat, 1), 1.0)
