"""Statistics recomputed from summary statistics: what a paper's printed numbers allow.

A paper prints means, SDs and n, not its data. These functions recompute from such
summaries what the raw-data tests of the core would give, or test whether the summaries can
describe any data at all:

- :func:`grim_totals` and :func:`grimmer_consistent`: GRIM (Brown & Heathers 2017) and
  GRIMMER (Anaya 2016): can n whole numbers have a mean (and SD) that print as reported?
- :func:`t_test_from_summaries`: Student's or Welch's t of two groups from their means, SDs
  and sizes (:func:`scipy.stats.ttest_ind_from_stats` computes t and p), as the Independent
  Samples Test row of :func:`laktasi.stats.independent_t` on the raw data.
- :func:`ancova_from_summaries`: the one-covariate ANCOVA of :func:`laktasi.stats.ancova`
  (after, adjusted for before) from each group's before/after summaries and their
  correlation.
- :func:`implied_correlation`: the before-after correlation a paired t test's printed p
  implies (Cohen's d_z needs it; papers never print it).

Printed numbers are passed as the interval of true values that print so (``5.48`` is
[5.475, 5.485]), so the functions decide nothing about rounding rules. Nothing is rounded
and nothing is worded here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from laktasi.errors import LaktasiInputError, TooFewObservationsError

from ._results import ConfidenceInterval, TRow
from ._scipy import stats as sps  # imported when first used
from ._scipy import t_isf, t_ppf, t_sf
from .serialise import Serialisable

__all__ = [
    "AncovaSummaryResult",
    "ImpliedCorrelation",
    "ancova_from_summaries",
    "grim_totals",
    "grimmer_consistent",
    "implied_correlation",
    "t_test_from_summaries",
]

# A value on the edge of a printed interval counts as inside it (float error of n * mean).
_EPS = 1e-9


@dataclass(frozen=True)
class AncovaSummaryResult(Serialisable):
    """ANCOVA of two groups from summaries: the after difference adjusted for before.

    ``difference`` is first minus second group's adjusted after mean, ``statistic`` its t
    (the square root of SPSS's F for the group, with the difference's sign), ``pvalue``
    two-sided, ``df`` the error df (n1 + n2 - 3), ``slope`` the common within-group slope
    of after on before. Undefined values (no spread of the before values) are NaN.
    """

    difference: float
    statistic: float
    pvalue: float
    df: int
    slope: float


@dataclass(frozen=True)
class ImpliedCorrelation(Serialisable):
    """The before-after correlation that a paired t test's p implies.

    ``r`` = (s1² + s2² − sd_d²) / (2 s1 s2) with ``sd_difference`` = |mean difference| √n /
    ``t`` and ``t`` the paired t whose two-sided p (df = n − 1) is the given p. ``r`` outside
    [−1, 1] means no data have these summaries and this p.
    """

    r: float
    sd_difference: float
    t: float
    df: int


def _whole(n: float, what: str, least: int) -> int:
    if isinstance(n, bool) or int(n) != n or n < least:
        raise TooFewObservationsError(
            f"{what} = {n!r} must be a whole number of at least {least}.",
            what=what, n=n, min_n=least, name=what, value=n,
            message_id="not_whole_at_least")
    return int(n)


def _finite(value: float, what: str, *, positive: bool = False, low: float | None = None,
            high: float | None = None) -> float:
    v = float(value)
    if math.isnan(v) or (positive and v < 0) or (low is not None and v < low) \
            or (high is not None and v > high):
        allowed = ("a number >= 0" if positive else
                   f"a number in [{low}, {high}]" if low is not None else "a number")
        raise LaktasiInputError(f"{what} = {value!r} is not allowed; it must be {allowed}.",
                                what=what, value=value, allowed=allowed, name=what, low=low,
                                high=high, message_id=(
                                    "number_below_zero" if positive else
                                    "number_out_of_range" if low is not None else
                                    "number_missing"))
    return v


def grim_totals(mean_low: float, mean_high: float, n: int) -> list[int]:
    """The whole-number totals of ``n`` values whose mean lies in [mean_low, mean_high].

    GRIM: n whole numbers have a whole-number total, so their mean is a multiple of 1/n; a
    printed mean no multiple of 1/n prints as is impossible (the list is empty).

    Parameters
    ----------
    mean_low, mean_high : float
        The interval of true means that print as the reported mean (``5.48`` printed with
        two decimals: 5.475 and 5.485). A mean on an edge counts as inside.
    n : int
        The number of values (at least 1).

    Returns
    -------
    list[int]
        Every total s with s / n in the interval, in increasing order; empty when none
        (the mean fails GRIM).

    Examples
    --------
    >>> grim_totals(5.475, 5.485, 15)  # 82/15 = 5.4667, 83/15 = 5.5333
    []
    >>> grim_totals(5.465, 5.475, 15)
    [82]
    """
    n = _whole(n, "n", 1)
    lo, hi = math.ceil(mean_low * n - _EPS), math.floor(mean_high * n + _EPS)
    return [s for s in range(lo, hi + 1) if mean_low - _EPS <= s / n <= mean_high + _EPS]


def grimmer_consistent(totals: Sequence[int], sd_low: float, sd_high: float, n: int) -> bool:
    """GRIMMER: can n whole numbers with one of these totals have an SD in [sd_low, sd_high]?

    The sum of squares Q of whole numbers is a whole number with the parity of their total
    s, and the SD (n − 1 in the denominator) is √((Q − s²/n) / (n − 1)); the SD is possible
    when some such Q gives an SD inside the interval.

    Parameters
    ----------
    totals : Sequence[int]
        The totals the printed mean allows (see :func:`grim_totals`).
    sd_low, sd_high : float
        The interval of true SDs that print as the reported SD. An SD on an edge counts as
        inside.
    n : int
        The number of values (at least 2).

    Returns
    -------
    bool
        True when some total and some whole-number sum of squares of its parity give an SD
        in the interval; False when the printed SD is impossible for whole-number data.

    Examples
    --------
    >>> totals = grim_totals(5.465, 5.475, 15)  # mean 5,47: total 82
    >>> grimmer_consistent(totals, 0.895, 0.905, 15), grimmer_consistent(totals, 0.915, 0.925, 15)
    (False, True)
    """
    n = _whole(n, "n", 2)
    for s in totals:
        base = s * s / n
        q_lo = math.ceil((n - 1) * max(sd_low, 0) ** 2 + base - _EPS)
        q_hi = math.floor((n - 1) * sd_high**2 + base + _EPS)
        for q in range(q_lo, q_hi + 1):
            if (q - s) % 2:  # a sum of squares of integers has the parity of their sum
                continue
            var = (q - base) / (n - 1)
            if var >= 0 and sd_low - _EPS <= math.sqrt(var) <= sd_high + _EPS:
                return True
    return False


def t_test_from_summaries(mean1: float, sd1: float, n1: int, mean2: float, sd2: float, n2: int,
                          *, equal_var: bool = False, confidence: float = 0.95) -> TRow:
    """Two-sample t test (first minus second) from each group's mean, SD and size.

    t and its two-sided p come from :func:`scipy.stats.ttest_ind_from_stats`; they equal
    the Student (``equal_var=True``) or Welch row of :func:`laktasi.stats.independent_t` on
    raw data with these summaries.

    Parameters
    ----------
    mean1, sd1, n1 : float, float, int
        Mean, SD (n − 1 in the denominator) and size of the first group (n1 ≥ 2).
    mean2, sd2, n2 : float, float, int
        The same for the second group.
    equal_var : bool
        True: Student's t with the pooled SD (df = n1 + n2 − 2); False (default): Welch's t
        with the Welch–Satterthwaite df.
    confidence : float
        Level of the mean difference's confidence interval.

    Returns
    -------
    TRow
        ``statistic`` (t), ``df``, ``pvalue`` (two-sided), ``mean_difference``,
        ``se_difference`` and ``ci``. When both SDs are 0, t is ±inf with p = 0 for
        different means, and t, p, df and the interval are NaN for equal means (no test
        is defined).

    Examples
    --------
    >>> row = t_test_from_summaries(5.0, 1.0, 10, 4.0, 2.0, 12)
    >>> round(row.statistic, 4), round(row.pvalue, 4)
    (1.5191, 0.1474)
    """
    n1, n2 = _whole(n1, "n1", 2), _whole(n2, "n2", 2)
    m1, m2 = _finite(mean1, "mean1"), _finite(mean2, "mean2")
    s1, s2 = _finite(sd1, "sd1", positive=True), _finite(sd2, "sd2", positive=True)
    level = _finite(confidence, "confidence", low=0.0, high=1.0)
    res = sps.ttest_ind_from_stats(m1, s1, n1, m2, s2, n2, equal_var=equal_var)
    t, p = float(res.statistic), float(res.pvalue)
    v1, v2 = s1 * s1 / n1, s2 * s2 / n2
    if equal_var:
        df = float(n1 + n2 - 2)
        pooled = ((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / df
        se = math.sqrt(pooled * (1 / n1 + 1 / n2))
    else:
        se = math.sqrt(v1 + v2)
        df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1)) if v1 + v2 > 0 \
            else math.nan
    diff = m1 - m2
    if se > 0:
        half = t_ppf(0.5 + level / 2, df) * se
        ci = ConfidenceInterval(diff - half, diff + half, level)
    else:
        ci = ConfidenceInterval(math.nan, math.nan, level)
        df = math.nan
    return TRow(t, df, p, diff, se, ci)


def ancova_from_summaries(first: Sequence[float], second: Sequence[float]
                          ) -> AncovaSummaryResult:
    """One-covariate ANCOVA of two groups (after adjusted for before, common within-group
    slope) from their summaries.

    The pooled within-group sums of squares and cross-products follow from each group's
    SDs and before-after correlation; the numbers equal those of
    :func:`laktasi.stats.ancova` on raw data with these summaries.

    Parameters
    ----------
    first, second : Sequence[float]
        Each group as (n, before mean, before SD, after mean, after SD, before-after r).

    Returns
    -------
    AncovaSummaryResult
        The adjusted difference (first − second), its t, two-sided p, the error df
        (n1 + n2 − 3) and the common slope. All NaN but ``df`` when the before values have
        no spread or df < 1; with no residual spread, t is ±inf and p = 0 for a nonzero
        difference, and t and p are NaN for a zero difference.

    Examples
    --------
    >>> res = ancova_from_summaries((20, 10.0, 2.0, 14.0, 2.5, 0.6),
    ...                             (20, 10.5, 2.0, 12.0, 2.5, 0.6))
    >>> round(res.difference, 3), res.df
    (2.375, 37)
    """
    groups = []
    for name, g in (("first", first), ("second", second)):
        if len(g) != 6:
            raise LaktasiInputError(
                f"{name} must be (n, before mean, before SD, after mean, after SD, r); got "
                f"{len(g)} values.", what=name, value=tuple(g), name=name,
                n_values=len(g), message_id="summary_group_needs_six")
        n = _whole(g[0], f"{name} n", 2)
        groups.append((n, _finite(g[1], f"{name} before mean"),
                       _finite(g[2], f"{name} before SD", positive=True),
                       _finite(g[3], f"{name} after mean"),
                       _finite(g[4], f"{name} after SD", positive=True),
                       _finite(g[5], f"{name} r", low=-1.0, high=1.0)))
    (n1, a1, sa1, b1, sb1, r1), (n2, a2, sa2, b2, sb2, r2) = groups
    sxx = (n1 - 1) * sa1**2 + (n2 - 1) * sa2**2
    syy = (n1 - 1) * sb1**2 + (n2 - 1) * sb2**2
    sxy = (n1 - 1) * r1 * sa1 * sb1 + (n2 - 1) * r2 * sa2 * sb2
    df = n1 + n2 - 3
    if sxx <= 0 or df < 1:
        return AncovaSummaryResult(math.nan, math.nan, math.nan, df, math.nan)
    slope = sxy / sxx
    mse = max(syy - sxy * sxy / sxx, 0.0) / df
    diff = (b1 - b2) - slope * (a1 - a2)
    var = mse * (1 / n1 + 1 / n2 + (a1 - a2) ** 2 / sxx)
    if var <= 0:
        if diff == 0:
            return AncovaSummaryResult(diff, math.nan, math.nan, df, slope)
        return AncovaSummaryResult(diff, math.copysign(math.inf, diff), 0.0, df, slope)
    t = diff / math.sqrt(var)
    return AncovaSummaryResult(diff, t, 2 * t_sf(abs(t), df), df, slope)


def implied_correlation(n: int, sd_pre: float, sd_post: float, mean_difference: float,
                        pvalue: float) -> ImpliedCorrelation:
    """The before-after correlation implied by a paired t test's two-sided p.

    The paired t with this p (df = n − 1) gives the SD of the differences,
    sd_d = |mean difference| √n / t, and sd_d² = s1² + s2² − 2 r s1 s2 gives r.

    Parameters
    ----------
    n : int
        Number of pairs (at least 2).
    sd_pre, sd_post : float
        SDs before and after (> 0).
    mean_difference : float
        Mean after minus mean before (its sign does not matter).
    pvalue : float
        The paired t test's two-sided p, in [0, 1].

    Returns
    -------
    ImpliedCorrelation
        ``r``, the implied SD of the differences, the paired t and its df. A p of 1 gives
        t = 0: the SD of the differences is 0 for a zero mean difference and infinite (r
        = −inf) otherwise. An ``r`` outside [−1, 1] means the summaries and the p cannot
        come from the same data.

    Examples
    --------
    >>> res = implied_correlation(30, 1.0, 1.2, 0.5, 0.01)
    >>> round(res.t, 4), round(res.r, 4)
    (2.7564, 0.6054)
    """
    n = _whole(n, "n", 2)
    s1 = _finite(sd_pre, "sd_pre", positive=True)
    s2 = _finite(sd_post, "sd_post", positive=True)
    if s1 == 0 or s2 == 0:
        raise LaktasiInputError("sd_pre and sd_post must be above 0 (r is undefined when "
                                "either group has no spread).", what="sd", value=(s1, s2),
                                message_id="sd_pre_post_zero")
    diff = abs(_finite(mean_difference, "mean_difference"))
    p = _finite(pvalue, "pvalue", low=0.0, high=1.0)
    df = n - 1
    t = t_isf(p / 2, df)
    if p < 1 and not t > 0:  # a p too small for the t quantile (it overflows): t is +inf
        t = math.inf
    if t <= 0:
        sd_d = 0.0 if diff == 0 else math.inf
    else:
        sd_d = diff * math.sqrt(n) / t
    return ImpliedCorrelation((s1 * s1 + s2 * s2 - sd_d * sd_d) / (2 * s1 * s2), sd_d, t, df)
