"""Analytic sample size and power.

Conventions follow G*Power 3.1 (Faul et al. 2007, 2009) where G*Power has the test:

* t tests: exact power from the noncentral t, both rejection regions of a two-sided
  test; the sample size is the smallest n whose power reaches the target.
* Wilcoxon signed-rank and Mann-Whitney: the A.R.E. method -- the t test's power with the
  sample size multiplied by the asymptotic relative efficiency of the parent distribution
  (normal 3/pi, Laplace 1.5, logistic pi^2/9, and 0.864, the minimum ARE over all
  continuous distributions; Hodges & Lehmann 1956).
* McNemar: G*Power's *exact* computation -- the conditional exact binomial test on the
  discordant pairs, its power averaged over the binomial distribution of the number of
  discordant pairs (the test laktasi.stats.mcnemar runs). Connor's (1987) normal
  approximation is available as ``method="normal"``.
* Two proportions: the normal approximation as R ``power.prop.test`` (``"normal"``), with
  Fleiss, Tytun & Ury's (1980) continuity correction (``"normal-cc"``), and the exact
  power of Fisher's exact test or of the chi-square tests by full enumeration of the two
  binomial outcomes (``"fisher"``, ``"chi-square"``, ``"chi-square-corrected"``) -- the
  tests laktasi.stats prints.

A study is significant when p < alpha (the reporting rule in laktasi's results chapter).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import stats

from laktasi.errors import InvalidOptionError, LaktasiInputError
from laktasi.stats.serialise import Serialisable

from ._exact import two_by_two_table

__all__ = [
    "ARE",
    "SampleSize",
    "dropout_inflate",
    "mann_whitney_n",
    "mann_whitney_power",
    "mcnemar_n",
    "mcnemar_power",
    "paired_t_n",
    "paired_t_power",
    "two_proportions_n",
    "two_proportions_power",
    "two_sample_t_n",
    "two_sample_t_power",
    "wilcoxon_n",
    "wilcoxon_power",
]

# Asymptotic relative efficiency of the rank tests to the t test, by parent distribution
ARE = {"normal": 3 / math.pi, "laplace": 1.5, "logistic": math.pi**2 / 9, "min": 0.864}

_ALTERNATIVES = ("two-sided", "one-sided")
_PROPORTION_METHODS = ("normal", "normal-cc", "fisher", "chi-square", "chi-square-corrected")
_MCNEMAR_METHODS = ("exact", "normal")
_MAX_N = 100_000


@dataclass(frozen=True)
class SampleSize(Serialisable):
    """A planned sample size.

    ``n`` is pairs (one-group designs) or mothers per group (two-group designs, equal
    groups); ``n_total`` all mothers analysed; ``n_enrol`` all mothers to recruit after
    dropout inflation (per group ceil(n / (1 - dropout))); ``power`` the power reached at
    ``n``; ``source`` a key for the reference of the method (words in
    laktasi.i18n.power); ``parameters`` the inputs by name; ``actual_alpha`` the
    size of an exact discrete test at ``n`` (None for continuous tests).
    """

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
    source: str = ""
    parameters: tuple[tuple[str, float | str], ...] = ()
    actual_alpha: float | None = None


def _check(alpha: float, power: float, alternative: str, dropout: float) -> None:
    if not 0 < alpha < 1 or not 0 < power < 1:
        raise LaktasiInputError(f"alpha = {alpha} and power = {power} must lie between 0 and 1.",
                                alpha=alpha, power=power, message_id="alpha_power_range")
    _check_alt(alternative)
    if not 0 <= dropout < 1:
        raise LaktasiInputError(f"dropout = {dropout} must be at least 0 and below 1 "
                                "(e.g. 0.1 for 10 %).", dropout=dropout,
                                message_id="dropout_range")


def _check_alt(alternative: str) -> None:
    if alternative not in _ALTERNATIVES:
        raise InvalidOptionError(f"alternative={alternative!r}: choose 'two-sided' or "
                                 "'one-sided'.", option="alternative", value=alternative,
                                 allowed=_ALTERNATIVES, message_id="option_not_allowed")


def _check_parent(parent: str) -> float:
    if parent not in ARE:
        raise InvalidOptionError(f"parent={parent!r}: choose one of {', '.join(ARE)}.",
                                 option="parent", value=parent, allowed=tuple(ARE),
                                 message_id="option_not_allowed")
    return ARE[parent]


def _check_prob(name: str, p: float) -> None:
    if not 0 < p < 1:
        raise LaktasiInputError(f"{name} = {p} must lie strictly between 0 and 1.",
                                what=name, value=p, message_id="probability_strictly_between")


def dropout_inflate(n: int, dropout: float) -> int:
    """Mothers to recruit so that ``n`` remain when a fraction ``dropout`` is lost:
    ceil(n / (1 - dropout)).

    >>> dropout_inflate(34, 0.1)
    38
    """
    if not 0 <= dropout < 1:
        raise LaktasiInputError(f"dropout = {dropout} must be at least 0 and below 1.",
                                dropout=dropout, message_id="dropout_range")
    return math.ceil(n / (1 - dropout) - 1e-9)


def _t_power(ncp: float, df: float, alpha: float, alternative: str) -> float:
    if alternative == "two-sided":
        crit = stats.t.isf(alpha / 2, df)
        return float(stats.nct.sf(crit, df, ncp) + stats.nct.cdf(-crit, df, ncp))
    crit = stats.t.isf(alpha, df)
    return float(stats.nct.sf(crit, df, abs(ncp)))


def paired_t_power(n: float, dz: float, alpha: float = 0.05, alternative: str = "two-sided",
                   efficiency: float = 1.0) -> float:
    """Power of the paired t test with ``n`` pairs and standardised mean difference d_z
    (noncentral t, both tails when two-sided, as G*Power). ``efficiency`` < 1 gives the
    A.R.E. method (n replaced by n x efficiency in the noncentrality and the df)."""
    _check_alt(alternative)
    m = n * efficiency
    return _t_power(dz * math.sqrt(m), m - 1, alpha, alternative)


def two_sample_t_power(n1: float, n2: float, d: float, alpha: float = 0.05,
                       alternative: str = "two-sided", efficiency: float = 1.0) -> float:
    """Power of Student's two-sample t test (noncentral t; ``efficiency`` as in
    :func:`paired_t_power`)."""
    _check_alt(alternative)
    m1, m2 = n1 * efficiency, n2 * efficiency
    return _t_power(d * math.sqrt(m1 * m2 / (m1 + m2)), m1 + m2 - 2, alpha, alternative)


def wilcoxon_power(n: int, dz: float, alpha: float = 0.05, alternative: str = "two-sided",
                   parent: str = "normal") -> float:
    """Power of the Wilcoxon signed-rank test by the A.R.E. method (as G*Power)."""
    return paired_t_power(n, dz, alpha, alternative, _check_parent(parent))


def mann_whitney_power(n1: int, n2: int, d: float, alpha: float = 0.05,
                       alternative: str = "two-sided", parent: str = "normal") -> float:
    """Power of the Mann-Whitney test by the A.R.E. method (as G*Power)."""
    return two_sample_t_power(n1, n2, d, alpha, alternative, _check_parent(parent))


def _smallest(power_at: Callable[[int], float], target: float, start: int = 2) -> int:
    n = max(2, start)
    while power_at(n) < target:
        n += 1
        if n > _MAX_N:
            raise LaktasiInputError(f"The effect is too small: no sample up to {_MAX_N:,} "
                                    "reaches this power.", max_n=_MAX_N,
                                    message_id="effect_too_small")
    return n


def _plan(test: str, n: int, groups: int, target: float, achieved: float, alpha: float,
          effect: float, alternative: str, dropout: float, method: str, source: str,
          parameters: tuple[tuple[str, float | str], ...] = (),
          actual_alpha: float | None = None) -> SampleSize:
    return SampleSize(test, n, groups * n, target, achieved, alpha, effect, alternative,
                      dropout, groups * dropout_inflate(n, dropout), method, source,
                      parameters, actual_alpha)


def paired_t_n(dz: float, power: float = 0.8, alpha: float = 0.05,
               alternative: str = "two-sided", dropout: float = 0.0) -> SampleSize:
    """Pairs needed for the paired t test (G*Power "Means: difference between two
    dependent means (matched pairs)"; R ``power.t.test(type = "paired", strict = TRUE)``
    rounded up).

    >>> paired_t_n(0.5, power=0.95).n
    54
    """
    _check(alpha, power, alternative, dropout)
    n = _smallest(lambda k: paired_t_power(k, dz, alpha, alternative), power)
    return _plan("paired-t", n, 1, power, paired_t_power(n, dz, alpha, alternative), alpha, dz,
                 alternative, dropout, "exact noncentral t", "gpower-t", (("dz", dz),))


def two_sample_t_n(d: float, power: float = 0.8, alpha: float = 0.05,
                   alternative: str = "two-sided", dropout: float = 0.0) -> SampleSize:
    """Mothers per group for Student's two-sample t test with equal groups.

    >>> two_sample_t_n(0.5, power=0.95).n_total
    210
    """
    _check(alpha, power, alternative, dropout)
    n = _smallest(lambda k: two_sample_t_power(k, k, d, alpha, alternative), power)
    return _plan("two-sample-t", n, 2, power, two_sample_t_power(n, n, d, alpha, alternative),
                 alpha, d, alternative, dropout, "exact noncentral t", "gpower-t", (("d", d),))


def wilcoxon_n(dz: float, power: float = 0.8, alpha: float = 0.05,
               alternative: str = "two-sided", parent: str = "normal",
               dropout: float = 0.0) -> SampleSize:
    """Pairs for the Wilcoxon signed-rank test by the A.R.E. method (as G*Power "Means:
    Wilcoxon signed-rank test (matched pairs)")."""
    _check(alpha, power, alternative, dropout)
    k = _check_parent(parent)
    n = _smallest(lambda m: paired_t_power(m, dz, alpha, alternative, k), power,
                  start=math.ceil(2 / k))
    return _plan("wilcoxon", n, 1, power, paired_t_power(n, dz, alpha, alternative, k), alpha,
                 dz, alternative, dropout, f"A.R.E. method, {parent} parent (ARE = {k:.4f})",
                 "gpower-are", (("dz", dz), ("parent", parent), ("are", k)))


def mann_whitney_n(d: float, power: float = 0.8, alpha: float = 0.05,
                   alternative: str = "two-sided", parent: str = "normal",
                   dropout: float = 0.0) -> SampleSize:
    """Mothers per group for the Mann-Whitney test by the A.R.E. method (as G*Power
    "Means: Wilcoxon-Mann-Whitney test (two groups)")."""
    _check(alpha, power, alternative, dropout)
    k = _check_parent(parent)
    n = _smallest(lambda m: two_sample_t_power(m, m, d, alpha, alternative, k), power,
                  start=math.ceil(2 / k))
    return _plan("mann-whitney", n, 2, power, two_sample_t_power(n, n, d, alpha, alternative, k),
                 alpha, d, alternative, dropout,
                 f"A.R.E. method, {parent} parent (ARE = {k:.4f})", "gpower-are",
                 (("d", d), ("parent", parent), ("are", k)))


# --- McNemar -------------------------------------------------------------------------


def _mcnemar_exact(n: int, p_improve: float, p_worsen: float, alpha: float,
                   alternative: str) -> tuple[float, float]:
    """(power, actual alpha) of the exact conditional McNemar test with n pairs."""
    pd_ = p_improve + p_worsen
    m = np.arange(n + 1)
    weight = stats.binom.pmf(m, n, pd_)
    x = np.arange(n + 1)
    mm, xx = np.meshgrid(m, x, indexing="ij")  # rows m discordant pairs, x of them improved
    valid = xx <= mm
    if alternative == "two-sided":
        p = np.minimum(1.0, 2 * stats.binom.cdf(np.minimum(xx, mm - xx), mm, 0.5))
    elif p_improve >= p_worsen:
        p = stats.binom.sf(xx - 1, mm, 0.5)
    else:
        p = stats.binom.cdf(xx, mm, 0.5)
    reject = valid & (p < alpha) & (mm > 0)
    q = p_improve / pd_
    power = float((weight * (stats.binom.pmf(xx, mm, q) * reject).sum(axis=1)).sum())
    size = float((weight * (stats.binom.pmf(xx, mm, 0.5) * reject).sum(axis=1)).sum())
    return power, size


def _mcnemar_normal(n: float, p_improve: float, p_worsen: float, alpha: float,
                    alternative: str) -> float:
    pd_ = p_improve + p_worsen
    diff = abs(p_improve - p_worsen)
    za = stats.norm.isf(alpha / 2 if alternative == "two-sided" else alpha)
    return float(stats.norm.cdf((diff * math.sqrt(n) - za * math.sqrt(pd_))
                                / math.sqrt(pd_ - diff**2)))


def _check_discordant(p_improve: float, p_worsen: float) -> None:
    _check_prob("p_improve", p_improve)
    _check_prob("p_worsen", p_worsen)
    if p_improve + p_worsen > 1 or p_improve == p_worsen:
        raise LaktasiInputError(
            f"p_improve = {p_improve} and p_worsen = {p_worsen}: the discordant proportions "
            "must differ and add up to at most 1.", p_improve=p_improve, p_worsen=p_worsen,
            message_id="discordant_proportions")


def mcnemar_power(n: int, p_improve: float, p_worsen: float, alpha: float = 0.05,
                  alternative: str = "two-sided", method: str = "exact") -> float:
    """Power of McNemar's test with ``n`` pairs.

    ``p_improve`` = P(tidak lancar -> lancar), ``p_worsen`` = P(lancar -> tidak lancar)
    (G*Power's odds ratio is p_improve / p_worsen, its proportion of discordant pairs
    their sum). ``method="exact"``: G*Power's exact computation (the exact binomial test
    that laktasi.stats.mcnemar runs, two-sided = alpha/2 in each tail); ``"normal"``:
    Connor (1987).
    """
    _check_alt(alternative)
    _check_discordant(p_improve, p_worsen)
    if method == "exact":
        return _mcnemar_exact(int(n), p_improve, p_worsen, alpha, alternative)[0]
    if method == "normal":
        return _mcnemar_normal(n, p_improve, p_worsen, alpha, alternative)
    raise InvalidOptionError(f"method={method!r}: choose 'exact' or 'normal'.", option="method",
                             value=method, allowed=_MCNEMAR_METHODS,
                             message_id="option_not_allowed")


def mcnemar_n(p_improve: float, p_worsen: float, power: float = 0.8, alpha: float = 0.05,
              alternative: str = "two-sided", method: str = "exact",
              dropout: float = 0.0) -> SampleSize:
    """Pairs for McNemar's test from the expected discordant proportions (see
    :func:`mcnemar_power`). ``"exact"`` returns the smallest n whose exact power reaches the
    target (as G*Power); ``"normal"`` Connor's (1987) closed form rounded up.
    """
    _check(alpha, power, alternative, dropout)
    _check_discordant(p_improve, p_worsen)
    pd_ = p_improve + p_worsen
    diff = abs(p_improve - p_worsen)
    za = stats.norm.isf(alpha / 2 if alternative == "two-sided" else alpha)
    zb = stats.norm.isf(1 - power)
    approx = (za * math.sqrt(pd_) + zb * math.sqrt(pd_ - diff**2)) ** 2 / diff**2
    params: tuple[tuple[str, float | str], ...] = (
        ("p_improve", p_improve), ("p_worsen", p_worsen), ("p_discordant", pd_),
        ("odds_ratio", p_improve / p_worsen))
    if method == "normal":
        n = math.ceil(approx - 1e-9)
        return _plan("mcnemar", n, 1, power,
                     _mcnemar_normal(n, p_improve, p_worsen, alpha, alternative), alpha, diff,
                     alternative, dropout, "normal approximation (Connor 1987)", "connor1987",
                     params)
    if method != "exact":
        raise InvalidOptionError(f"method={method!r}: choose 'exact' or 'normal'.",
                                 option="method", value=method, allowed=_MCNEMAR_METHODS,
                                 message_id="option_not_allowed")
    n = _smallest(lambda k: _mcnemar_exact(k, p_improve, p_worsen, alpha, alternative)[0],
                  power, start=max(2, int(0.7 * approx)))
    achieved, size = _mcnemar_exact(n, p_improve, p_worsen, alpha, alternative)
    return _plan("mcnemar", n, 1, power, achieved, alpha, diff, alternative, dropout,
                 "exact conditional binomial test, power averaged over the number of "
                 "discordant pairs", "gpower-mcnemar-exact", params, size)


# --- two independent proportions -------------------------------------------------------


def _prop_normal(n: float, p1: float, p2: float, alpha: float, alternative: str,
                 continuity: bool) -> float:
    diff = abs(p1 - p2)
    if continuity:  # Fleiss et al. (1980): the corrected n is n_cc; invert for the plain n
        n = n - 2 / diff if n > 2 / diff else 0.0
        if n <= 0:
            return 0.0
    za = stats.norm.isf(alpha / 2 if alternative == "two-sided" else alpha)
    pbar = (p1 + p2) / 2
    num = math.sqrt(n) * diff - za * math.sqrt(2 * pbar * (1 - pbar))
    return float(stats.norm.cdf(num / math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))))


def _prop_exact(n1: int, n2: int, p1: float, p2: float, alpha: float,
                test: str) -> tuple[float, float]:
    table = two_by_two_table(n1, n2, test)
    reject = table < alpha
    f1 = stats.binom.pmf(np.arange(n1 + 1), n1, p1)
    f2 = stats.binom.pmf(np.arange(n2 + 1), n2, p2)
    pbar = (n1 * p1 + n2 * p2) / (n1 + n2)
    g1 = stats.binom.pmf(np.arange(n1 + 1), n1, pbar)
    g2 = stats.binom.pmf(np.arange(n2 + 1), n2, pbar)
    return float(f1 @ reject @ f2), float(g1 @ reject @ g2)


def two_proportions_power(n1: int, n2: int, p1: float, p2: float, alpha: float = 0.05,
                          alternative: str = "two-sided", method: str = "normal") -> float:
    """Power to detect proportions p1 vs p2 (e.g. "ASI lancar") with n1 and n2 mothers.

    ``"normal"``: as R ``power.prop.test`` (n = n1 = n2, the far tail ignored);
    ``"normal-cc"``: with Fleiss et al.'s continuity correction; ``"fisher"``,
    ``"chi-square"``, ``"chi-square-corrected"``: exact power of that test (two-sided
    only) by enumerating every pair of binomial outcomes.
    """
    _check_alt(alternative)
    _check_prob("p1", p1)
    _check_prob("p2", p2)
    if method in ("normal", "normal-cc"):
        if n1 != n2:
            raise LaktasiInputError("The normal approximation here assumes equal groups "
                                    f"(n1 = {n1}, n2 = {n2}); use method='fisher' or "
                                    "'chi-square' for unequal groups.", n1=n1, n2=n2,
                                    message_id="normal_needs_equal_groups")
        return _prop_normal(n1, p1, p2, alpha, alternative, method == "normal-cc")
    if method not in _PROPORTION_METHODS:
        raise InvalidOptionError(f"method={method!r}: choose one of "
                                 f"{', '.join(_PROPORTION_METHODS)}.", option="method",
                                 value=method, allowed=_PROPORTION_METHODS,
                                 message_id="option_not_allowed")
    if alternative != "two-sided":
        raise InvalidOptionError(f"method={method!r} is computed for two-sided tests only.",
                                 option="alternative", value=alternative,
                                 method=method, message_id="method_two_sided_only")
    return _prop_exact(int(n1), int(n2), p1, p2, alpha, method)[0]


def two_proportions_n(p1: float, p2: float, power: float = 0.8, alpha: float = 0.05,
                      alternative: str = "two-sided", method: str = "normal",
                      dropout: float = 0.0) -> SampleSize:
    """Mothers per group (equal groups) to compare two proportions; ``method`` as in
    :func:`two_proportions_power`. The exact methods return the smallest n whose exact
    power reaches the target (exact power is not monotone in n: a slightly larger n can
    have slightly less power).

    >>> two_proportions_n(0.5, 0.75, power=0.9).n
    77
    """
    _check(alpha, power, alternative, dropout)
    _check_prob("p1", p1)
    _check_prob("p2", p2)
    diff = abs(p1 - p2)
    if diff == 0:
        raise LaktasiInputError("p1 and p2 are equal: there is no difference to detect.",
                                p1=p1, p2=p2, message_id="proportions_equal")
    if method not in _PROPORTION_METHODS:
        raise InvalidOptionError(f"method={method!r}: choose one of "
                                 f"{', '.join(_PROPORTION_METHODS)}.", option="method",
                                 value=method, allowed=_PROPORTION_METHODS,
                                 message_id="option_not_allowed")
    za = stats.norm.isf(alpha / 2 if alternative == "two-sided" else alpha)
    zb = stats.norm.isf(1 - power)
    pbar = (p1 + p2) / 2
    n = (za * math.sqrt(2 * pbar * (1 - pbar)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
         ) ** 2 / diff**2
    params: tuple[tuple[str, float | str], ...] = (("p1", p1), ("p2", p2))
    if method in ("normal", "normal-cc"):
        if method == "normal-cc":
            n = n / 4 * (1 + math.sqrt(1 + 4 / (n * diff))) ** 2
        n_int = math.ceil(n - 1e-9)
        achieved = _prop_normal(n_int, p1, p2, alpha, alternative, method == "normal-cc")
        return _plan("two-proportions", n_int, 2, power, achieved, alpha, diff, alternative,
                     dropout, "normal approximation" + (
                         " with continuity correction (Fleiss, Tytun & Ury 1980)"
                         if method == "normal-cc" else ""),
                     "fleiss1980" if method == "normal-cc" else "r-power-prop", params)
    if alternative != "two-sided":
        raise InvalidOptionError(f"method={method!r} is computed for two-sided tests only.",
                                 option="alternative", value=alternative,
                                 method=method, message_id="method_two_sided_only")
    k = _smallest(lambda m: _prop_exact(m, m, p1, p2, alpha, method)[0], power,
                  start=max(2, int(0.8 * n)))
    achieved, size = _prop_exact(k, k, p1, p2, alpha, method)
    label = {"fisher": "Fisher's exact test", "chi-square": "Pearson chi-square test",
             "chi-square-corrected": "continuity-corrected chi-square test"}[method]
    return _plan("two-proportions", k, 2, power, achieved, alpha, diff, alternative, dropout,
                 f"exact power of {label} (enumeration of both binomial outcomes)",
                 "exact-enumeration", (*params, ("test", method)), size)
