"""Effect sizes and their confidence intervals (private helpers).

CIs follow the R package effectsize where it has one (noncentral t / chi-square
/ F inversion, Fisher-z for rank-biserial), but are always two-sided at the
requested level.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from ._results import ConfidenceInterval, EffectSize
from ._scipy import norm_ppf, optimize, special, stats


def _solve_decreasing(f: Callable[[float], float], target: float, start: float) -> float:
    """Root of f(x) = target for f decreasing in x, bracketing outwards from start."""
    step = max(1.0, abs(start))
    lo, hi = start - step, start + step
    for _ in range(200):
        if f(lo) >= target:
            break
        lo -= step
        step *= 2
    step = max(1.0, abs(start))
    for _ in range(200):
        if f(hi) <= target:
            break
        hi += step
        step *= 2
    return float(optimize.brentq(lambda x: f(x) - target, lo, hi, xtol=1e-12, rtol=1e-12,
                                 maxiter=500))


def ncp_ci_t(t: float, df: float, level: float) -> tuple[float, float]:
    """CI of the noncentrality parameter of a t statistic (inverting the noncentral t)."""
    alpha = 1 - level

    def cdf(ncp: float) -> float:
        return float(stats.nct.cdf(t, df, ncp))

    lo = _solve_decreasing(cdf, 1 - alpha / 2, t)
    hi = _solve_decreasing(cdf, alpha / 2, t)
    return lo, hi


def _ncp_ci_nonnegative(cdf: Callable[[float], float], level: float,
                        start: float) -> tuple[float, float]:
    alpha = 1 - level
    at_zero = cdf(0.0)
    lo = 0.0 if at_zero <= 1 - alpha / 2 else _solve_positive(cdf, 1 - alpha / 2, start)
    hi = 0.0 if at_zero <= alpha / 2 else _solve_positive(cdf, alpha / 2, start)
    return lo, hi


def _solve_positive(cdf: Callable[[float], float], target: float, start: float) -> float:
    hi = max(1.0, 2 * start)
    while cdf(hi) > target:
        hi *= 2
        if hi > 1e9:  # pragma: no cover - absurd statistics
            return math.inf
    return float(optimize.brentq(lambda x: cdf(x) - target, 0.0, hi, xtol=1e-12, rtol=1e-12))


def ncp_ci_chi2(chi2: float, df: int, level: float) -> tuple[float, float]:
    return _ncp_ci_nonnegative(lambda ncp: float(stats.ncx2.cdf(chi2, df, ncp)) if ncp > 0
                               else float(stats.chi2.cdf(chi2, df)), level, chi2)


def ncp_ci_f(f: float, df1: int, df2: int, level: float) -> tuple[float, float]:
    return _ncp_ci_nonnegative(lambda ncp: float(stats.ncf.cdf(f, df1, df2, ncp)) if ncp > 0
                               else float(stats.f.cdf(f, df1, df2)), level, f * df1)


def fisher_z_ci(r: float, se: float, level: float) -> ConfidenceInterval | None:
    if not np.isfinite(r) or abs(r) >= 1:
        return None
    z = norm_ppf(1 - (1 - level) / 2)
    zr = math.atanh(r)
    return ConfidenceInterval(math.tanh(zr - z * se), math.tanh(zr + z * se), level)


def hedges_j(df: float) -> float:
    """Exact small-sample correction J(df) = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2))."""
    half = df / 2
    return math.exp(special.gammaln(half) - 0.5 * math.log(half) - special.gammaln(half - 0.5))


def rank_biserial_paired(t_plus: float, t_minus: float, n_nonzero: int, level: float) -> EffectSize:
    total = t_plus + t_minus
    r = (t_plus - t_minus) / total if total > 0 else math.nan
    maxw = n_nonzero * (n_nonzero + 1) / 2
    se = math.sqrt((2 * n_nonzero**3 + 3 * n_nonzero**2 + n_nonzero) / 6) / maxw
    return EffectSize(
        "rank_biserial",
        r,
        fisher_z_ci(r, se, level),
        "matched-pairs rank-biserial (T+ - T-)/(T+ + T-), sign of post - pre; CI by Fisher z "
        "(as R effectsize)",
        "non-zero differences",
    )


def rank_biserial_two_sample(u_x: float, n_x: int, n_y: int, level: float) -> EffectSize:
    r = 2 * u_x / (n_x * n_y) - 1
    se = math.sqrt((n_x + n_y + 1) / (3 * n_x * n_y))
    return EffectSize(
        "rank_biserial",
        r,
        fisher_z_ci(r, se, level),
        "rank-biserial 2U_x/(n_x n_y) - 1, positive when x tends to be larger; CI by Fisher z "
        "(as R effectsize)",
        "both groups",
    )


def r_from_z(z_directional: float, n: int, n_basis: str) -> EffectSize:
    return EffectSize(
        "r",
        float(np.sign(z_directional) * abs(z_directional) / math.sqrt(n)),
        None,
        "r = Z / sqrt(N), signed by the direction of the effect",
        n_basis,
    )


def cramers_v(chi2: float, n: int, shape: tuple[int, int], level: float) -> EffectSize:
    k = min(shape) - 1
    df = (shape[0] - 1) * (shape[1] - 1)
    v = math.sqrt(chi2 / (n * k))
    lo, hi = ncp_ci_chi2(chi2, df, level)
    return EffectSize(
        "cramers_v" if min(shape) > 2 or max(shape) > 2 else "phi",
        v,
        ConfidenceInterval(math.sqrt(lo / (n * k)), min(1.0, math.sqrt(hi / (n * k))), level),
        "sqrt(chi2 / (N (min(r, c) - 1))); CI by inverting the noncentral chi-square",
        "all cases in the table",
    )


def partial_eta_squared(f: float, df1: int, df2: int, level: float) -> EffectSize:
    value = f * df1 / (f * df1 + df2)
    lo, hi = ncp_ci_f(f, df1, df2, level)
    return EffectSize(
        "partial_eta_squared",
        value,
        ConfidenceInterval(lo / (lo + df1 + df2 + 1), hi / (hi + df1 + df2 + 1), level),
        "SS_effect / (SS_effect + SS_error); CI by inverting the noncentral F "
        "(ncp / (ncp + df1 + df2 + 1))",
    )
