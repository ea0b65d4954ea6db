"""p-values from a statistic's reference distribution, for each alternative."""

from __future__ import annotations

from ._scipy import norm_cdf, norm_sf, t_cdf, t_sf


def normal_pvalue(z: float, alternative: str) -> float:
    """p of a standard-normal statistic; "greater" means z large."""
    if alternative == "two-sided":
        return min(1.0, 2 * norm_sf(abs(z)))
    if alternative == "greater":
        return norm_sf(z)
    return norm_cdf(z)


def t_pvalue(t: float, df: float, alternative: str) -> float:
    """p of a t statistic with ``df`` degrees of freedom; "greater" means t large."""
    if alternative == "two-sided":
        return min(1.0, 2 * t_sf(abs(t), df))
    if alternative == "greater":
        return t_sf(t, df)
    return t_cdf(t, df)
