"""Analytic sample size and power (noncentral t, normal approximations, ARE method).

Conventions follow G*Power 3.1: exact noncentral-t power for t tests; for the Wilcoxon
and Mann-Whitney tests the A.R.E. method (the t test's noncentrality and df with the
sample size multiplied by the asymptotic relative efficiency of the parent distribution).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import stats

from laktasi.errors import InvalidOptionError, LaktasiInputError
from laktasi.stats._results import _Serialisable

__all__ = [
    "ARE",
    "SampleSize",
    "mann_whitney_n",
    "mcnemar_n",
    "paired_t_n",
    "paired_t_power",
    "two_proportions_n",
    "two_sample_t_n",
    "two_sample_t_power",
    "wilcoxon_n",
]

# Asymptotic relative efficiency of the rank tests to the t test, by parent distribution
ARE = {"normal": 3 / math.pi, "laplace": 1.5, "logistic": math.pi**2 / 9, "min": 0.864}


@dataclass(frozen=True)
class SampleSize(_Serialisable):
    """A planned sample size: per group (``n``), total, achieved power, and inputs."""

    test: str
    n: int
    n_total: int
    target_power: float
    power: float
    alpha: float
    effect: float
    alternative: str
    dropout: float
    n_enrol: int
    method: str


def _check(alpha: float, power: float, alternative: str, dropout: float) -> None:
    if not 0 < alpha < 1 or not 0 < power < 1:
        raise LaktasiInputError(f"alpha = {alpha} and power = {power} must lie between 0 and 1.")
    if alternative not in ("two-sided", "one-sided"):
        raise InvalidOptionError(f"alternative={alternative!r}: choose 'two-sided' or "
                                 "'one-sided'.", option="alternative", value=alternative)
    if not 0 <= dropout < 1:
        raise LaktasiInputError(f"dropout = {dropout} must be at least 0 and below 1 "
                                "(e.g. 0.1 for 10 %).")


def _t_power(ncp: float, df: float, alpha: float, alternative: str) -> float:
    if alternative == "two-sided":
        crit = stats.t.isf(alpha / 2, df)
        return float(stats.nct.sf(crit, df, ncp) + stats.nct.cdf(-crit, df, ncp))
    crit = stats.t.isf(alpha, df)
    return float(stats.nct.sf(crit, df, abs(ncp)))


def paired_t_power(n: float, dz: float, alpha: float = 0.05, alternative: str = "two-sided",
                   efficiency: float = 1.0) -> float:
    """Power of the paired t test with n pairs (efficiency < 1: the ARE method)."""
    m = n * efficiency
    return _t_power(dz * math.sqrt(m), m - 1, alpha, alternative)


def two_sample_t_power(n1: float, n2: float, d: float, alpha: float = 0.05,
                       alternative: str = "two-sided", efficiency: float = 1.0) -> float:
    m1, m2 = n1 * efficiency, n2 * efficiency
    return _t_power(d * math.sqrt(m1 * m2 / (m1 + m2)), m1 + m2 - 2, alpha, alternative)


def _smallest(power_at, target: float, start: int = 2) -> int:
    n = start
    while power_at(n) < target:
        n += 1
        if n > 1_000_000:  # pragma: no cover - effect size ~ 0
            raise LaktasiInputError("The effect is too small: no sample below 1,000,000 "
                                    "reaches this power.")
    return n


def _plan(test, n, per_group_total, target, achieved, alpha, effect, alternative, dropout,
          method):
    enrol = math.ceil(per_group_total / (1 - dropout) - 1e-9)
    return SampleSize(test, n, per_group_total, target, achieved, alpha, effect, alternative,
                      dropout, enrol, method)


def paired_t_n(dz: float, power: float = 0.8, alpha: float = 0.05,
               alternative: str = "two-sided", dropout: float = 0.0) -> SampleSize:
    """Pairs needed for the paired t test (G*Power "Means: difference between two dependent
    means (matched pairs)"; R ``power.t.test(type = "paired")`` rounded up).

    >>> paired_t_n(0.5, power=0.95).n
    54
    """
    _check(alpha, power, alternative, dropout)
    n = _smallest(lambda k: paired_t_power(k, dz, alpha, alternative), power)
    return _plan("paired-t", n, n, power, paired_t_power(n, dz, alpha, alternative), alpha, dz,
                 alternative, dropout, "exact noncentral t")


def two_sample_t_n(d: float, power: float = 0.8, alpha: float = 0.05,
                   alternative: str = "two-sided", dropout: float = 0.0) -> SampleSize:
    """Per-group n for the two-sample t test with equal groups.

    >>> two_sample_t_n(0.5, power=0.95).n_total
    210
    """
    _check(alpha, power, alternative, dropout)
    n = _smallest(lambda k: two_sample_t_power(k, k, d, alpha, alternative), power)
    return _plan("two-sample-t", n, 2 * n, power, two_sample_t_power(n, n, d, alpha, alternative),
                 alpha, d, alternative, dropout, "exact noncentral t")


def wilcoxon_n(dz: float, power: float = 0.8, alpha: float = 0.05,
               alternative: str = "two-sided", parent: str = "normal",
               dropout: float = 0.0) -> SampleSize:
    """Pairs for the Wilcoxon signed-rank test by the A.R.E. method (as G*Power)."""
    _check(alpha, power, alternative, dropout)
    if parent not in ARE:
        raise InvalidOptionError(f"parent={parent!r}: choose one of {', '.join(ARE)}.",
                                 option="parent", value=parent)
    k = ARE[parent]
    n = _smallest(lambda m: paired_t_power(m, dz, alpha, alternative, k), power,
                  start=max(2, math.ceil(2 / k)))
    return _plan("wilcoxon", n, n, power, paired_t_power(n, dz, alpha, alternative, k), alpha, dz,
                 alternative, dropout, f"A.R.E. method, {parent} parent (ARE = {k:.4f})")


def mann_whitney_n(d: float, power: float = 0.8, alpha: float = 0.05,
                   alternative: str = "two-sided", parent: str = "normal",
                   dropout: float = 0.0) -> SampleSize:
    """Per-group n for the Mann-Whitney test by the A.R.E. method (as G*Power)."""
    _check(alpha, power, alternative, dropout)
    k = ARE[parent]
    n = _smallest(lambda m: two_sample_t_power(m, m, d, alpha, alternative, k), power,
                  start=max(2, math.ceil(2 / k)))
    return _plan("mann-whitney", n, 2 * n, power, two_sample_t_power(n, n, d, alpha, alternative, k),
                 alpha, d, alternative, dropout, f"A.R.E. method, {parent} parent (ARE = {k:.4f})")


def two_proportions_n(p1: float, p2: float, power: float = 0.8, alpha: float = 0.05,
                      alternative: str = "two-sided", continuity: bool = False,
                      dropout: float = 0.0) -> SampleSize:
    """Per-group n to compare two proportions (normal approximation; with ``continuity``
    Fleiss' correction), as R ``power.prop.test`` without correction.
    """
    _check(alpha, power, alternative, dropout)
    za = stats.norm.isf(alpha / 2 if alternative == "two-sided" else alpha)
    zb = stats.norm.isf(1 - power)
    pbar = (p1 + p2) / 2
    diff = abs(p1 - p2)
    if diff == 0:
        raise LaktasiInputError("p1 and p2 are equal: there is no difference to detect.")
    n = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
         ) ** 2 / diff**2
    if continuity:
        n = n / 4 * (1 + math.sqrt(1 + 4 / (n * diff))) ** 2
    n_int = math.ceil(n - 1e-9)
    return _plan("two-proportions", n_int, 2 * n_int, power, power, alpha, diff, alternative, dropout,
                 "normal approximation" + (" with continuity correction (Fleiss)"
                                           if continuity else ""))


def mcnemar_n(p_improve: float, p_worsen: float, power: float = 0.8, alpha: float = 0.05,
              alternative: str = "two-sided", dropout: float = 0.0) -> SampleSize:
    """Pairs for McNemar's test from the expected discordant proportions
    (Connor 1987 normal approximation): p_improve = P(worse -> better), p_worsen the reverse.
    """
    _check(alpha, power, alternative, dropout)
    pd_ = p_improve + p_worsen
    diff = abs(p_improve - p_worsen)
    if diff == 0 or pd_ > 1:
        raise LaktasiInputError("The discordant proportions must differ and add up to at "
                                "most 1.")
    za = stats.norm.isf(alpha / 2 if alternative == "two-sided" else alpha)
    zb = stats.norm.isf(1 - power)
    n = (za * math.sqrt(pd_) + zb * math.sqrt(pd_ - diff**2)) ** 2 / diff**2
    n_int = math.ceil(n - 1e-9)
    return _plan("mcnemar", n_int, n_int, power, power, alpha, diff, alternative, dropout,
                 "normal approximation (Connor 1987)")
