"""p-values from a statistic's reference distribution, for each alternative."""

from __future__ import annotations

from scipy import stats


def normal_pvalue(z: float, alternative: str) -> float:
    """p of a standard-normal statistic; "greater" means z large."""
    if alternative == "two-sided":
        return min(1.0, 2 * float(stats.norm.sf(abs(z))))
    if alternative == "greater":
        return float(stats.norm.sf(z))
    return float(stats.norm.cdf(z))


def t_pvalue(t: float, df: float, alternative: str) -> float:
    """p of a t statistic with ``df`` degrees of freedom; "greater" means t large."""
    if alternative == "two-sided":
        return min(1.0, 2 * float(stats.t.sf(abs(t), df)))
    if alternative == "greater":
        return float(stats.t.sf(t, df))
    return float(stats.t.cdf(t, df))
