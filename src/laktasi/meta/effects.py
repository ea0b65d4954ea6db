"""Effect sizes from what papers print, with the definitions of R metafor's ``escalc()``.

Every function returns an :class:`Effect`: the effect ``yi``, its sampling variance ``vi``,
the measure's code and the formula used (so a report can state the conversion). An
``Effect`` unpacks like a pair: ``yi, vi = smd(...)``.

Measures (escalc's names; "paired" = one group measured before and after):

========  ===================================================================
SMCR      standardised mean change, raw-score standardisation (paired)
SMCC      standardised mean change, change-score standardisation (paired)
MC        raw mean change (paired)
SMD       Hedges' g, two independent groups
MD        raw mean difference, two independent groups
OR        log odds ratio, 2x2 table of two groups
RR        log risk ratio, 2x2 table of two groups
RD        risk difference, 2x2 table of two groups
MPORC     log odds ratio of paired binary data from the discordant pairs
========  ===================================================================

Conversions when a paper prints only a test statistic (stated approximations, not escalc
measures, but built so that they equal escalc's SMCC / SMD when the statistic is exact):
``smcc_from_t``, ``smcc_from_p``, ``smcc_from_z``, ``smd_from_t``, ``smd_from_p``,
``smd_from_z`` and ``d_from_z`` (r = Z / sqrt(N) turned into d).

Notes
-----
The small-sample correction is metafor's exact one, c(m) = Gamma(m/2) /
(sqrt(m/2) Gamma((m-1)/2)), with m = n - 1 (paired) or n1 + n2 - 2 (two groups), and the
variances are escalc's default ``vtype = "LS"``. For 2x2 tables, 1/2 is added to every
cell of a table that has a zero cell (escalc's ``add = 1/2, to = "only0"``), also for RD.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from laktasi.errors import LaktasiInputError
from laktasi.stats.serialise import Serialisable

__all__ = [
    "Effect",
    "d_from_p_paired",
    "d_from_t_paired",
    "d_from_z",
    "hedges_correction",
    "log_odds_ratio",
    "log_risk_ratio",
    "mean_change",
    "mean_difference",
    "paired_log_odds_ratio",
    "risk_difference",
    "smcc_from_p",
    "smcc_from_t",
    "smcc_from_z",
    "smd",
    "smd_change_change",
    "smd_change_raw",
    "smd_from_p",
    "smd_from_t",
    "smd_from_z",
]


@dataclass(frozen=True)
class Effect(Serialisable):
    """One study's effect size: ``yi``, its variance ``vi``, the measure and the formula.

    ``corrected`` is True when 1/2 was added to the cells of a 2x2 table.
    """

    yi: float
    vi: float
    measure: str
    formula: str
    corrected: bool = False

    def __iter__(self):
        return iter((self.yi, self.vi))

    def __getitem__(self, index: int) -> float:
        return (self.yi, self.vi)[index]

    def __len__(self) -> int:
        return 2


def hedges_correction(m: float) -> float:
    """c(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), metafor's exact correction (m > 1)."""
    if m <= 1:
        raise LaktasiInputError(f"The small-sample correction needs m > 1 degrees of "
                                f"freedom (got {m}).", m=m,
                                message_id="hedges_df_too_small")
    return math.exp(math.lgamma(m / 2) - 0.5 * math.log(m / 2) - math.lgamma((m - 1) / 2))


def _check_n(n: float, name: str = "n", minimum: int = 3) -> None:
    if not n >= minimum:
        raise LaktasiInputError(f"{name} = {n}: needs at least {minimum}.", name=name, value=n,
                                min_n=minimum, message_id="sample_size_too_small")


def _check_r(r: float) -> None:
    if not -1 <= r <= 1:
        raise LaktasiInputError(f"r = {r}: a correlation must lie between -1 and 1.", r=r,
                                message_id="correlation_out_of_range")


def _check_sd(**sds: float) -> None:
    for name, value in sds.items():
        if not value > 0:
            raise LaktasiInputError(f"{name} = {value}: a standard deviation must be > 0.",
                                    name=name, value=value, message_id="sd_not_positive")


def smd_change_raw(m_post: float, m_pre: float, sd_pre: float, n: int, r: float) -> Effect:
    """Standardised mean change, raw-score standardisation (escalc "SMCR").

    yi = c(n-1)(m_post - m_pre)/sd_pre, vi = 2(1-r)/n + yi^2/(2n). ``r`` is the pre-post
    correlation; papers rarely print it: assume one and vary it (``over_correlation``).

    Examples
    --------
    >>> round(smd_change_raw(11.33, 5.47, 0.915, 15, 0.5).yi, 4)
    6.054
    """
    _check_n(n)
    _check_sd(sd_pre=sd_pre)
    _check_r(r)
    yi = hedges_correction(n - 1) * (m_post - m_pre) / sd_pre
    return Effect(yi, 2 * (1 - r) / n + yi * yi / (2 * n), "SMCR",
                  "yi = c(n-1)(m_post - m_pre)/sd_pre; vi = 2(1-r)/n + yi^2/(2n)")


def smd_change_change(m_post: float, m_pre: float, sd_post: float, sd_pre: float, n: int,
                      r: float) -> Effect:
    """Standardised mean change, change-score standardisation (escalc "SMCC").

    sd_d = sqrt(sd_post^2 + sd_pre^2 - 2 r sd_post sd_pre), yi = c(n-1)(m_post - m_pre)/sd_d,
    vi = 1/n + yi^2/(2n).
    """
    _check_n(n)
    _check_sd(sd_post=sd_post, sd_pre=sd_pre)
    _check_r(r)
    sd_d = math.sqrt(sd_post**2 + sd_pre**2 - 2 * r * sd_post * sd_pre)
    if sd_d <= 0:
        raise LaktasiInputError("The SD of the change is 0 with this r: choose r < 1.",
                                message_id="change_sd_zero")
    yi = hedges_correction(n - 1) * (m_post - m_pre) / sd_d
    return Effect(yi, 1 / n + yi * yi / (2 * n), "SMCC",
                  "sd_d = sqrt(sd_post^2 + sd_pre^2 - 2 r sd_post sd_pre); "
                  "yi = c(n-1)(m_post - m_pre)/sd_d; vi = 1/n + yi^2/(2n)")


def mean_change(m_post: float, m_pre: float, sd_post: float, sd_pre: float, n: int, r: float
                ) -> Effect:
    """Raw mean change (escalc "MC"): yi = m_post - m_pre,
    vi = (sd_post^2 + sd_pre^2 - 2 r sd_post sd_pre)/n."""
    _check_n(n, minimum=2)
    _check_r(r)
    return Effect(m_post - m_pre, (sd_post**2 + sd_pre**2 - 2 * r * sd_post * sd_pre) / n, "MC",
                  "yi = m_post - m_pre; vi = (sd_post^2 + sd_pre^2 - 2 r sd_post sd_pre)/n")


def smd(m1: float, sd1: float, n1: int, m2: float, sd2: float, n2: int) -> Effect:
    """Hedges' g for two groups (escalc "SMD"): yi = c(n1+n2-2)(m1 - m2)/sd_pooled,
    vi = 1/n1 + 1/n2 + yi^2/(2(n1+n2))."""
    _check_n(n1, "n1", 2)
    _check_n(n2, "n2", 2)
    _check_sd(sd1=sd1, sd2=sd2)
    sp = math.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / (n1 + n2 - 2))
    yi = hedges_correction(n1 + n2 - 2) * (m1 - m2) / sp
    return Effect(yi, 1 / n1 + 1 / n2 + yi * yi / (2 * (n1 + n2)), "SMD",
                  "yi = c(n1+n2-2)(m1 - m2)/sd_pooled; vi = 1/n1 + 1/n2 + yi^2/(2(n1+n2))")


def mean_difference(m1: float, sd1: float, n1: int, m2: float, sd2: float, n2: int) -> Effect:
    """Raw mean difference (escalc "MD"): vi = sd1^2/n1 + sd2^2/n2."""
    _check_n(n1, "n1", 2)
    _check_n(n2, "n2", 2)
    return Effect(m1 - m2, sd1**2 / n1 + sd2**2 / n2, "MD",
                  "yi = m1 - m2; vi = sd1^2/n1 + sd2^2/n2")


def _table(a: float, b: float, c: float, d: float) -> tuple[float, float, float, float, bool]:
    if min(a, b, c, d) < 0:
        raise LaktasiInputError(f"Counts must be >= 0 (got {a}, {b}, {c}, {d}).",
                                counts=[a, b, c, d], message_id="counts_negative")
    if a + b == 0 or c + d == 0:
        raise LaktasiInputError("Each group of a 2x2 table needs at least one person.",
                                message_id="two_by_two_group_empty")
    if 0 in (a, b, c, d):
        return a + 0.5, b + 0.5, c + 0.5, d + 0.5, True
    return float(a), float(b), float(c), float(d), False


def log_odds_ratio(a: int, b: int, c: int, d: int) -> Effect:
    """log OR of [[a, b], [c, d]] (rows: group 1 events, non-events; group 2 ...):
    yi = log(ad/bc), vi = 1/a + 1/b + 1/c + 1/d (escalc "OR")."""
    a, b, c, d, fix = _table(a, b, c, d)
    return Effect(math.log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d, "OR",
                  "yi = log(a d/(b c)); vi = 1/a + 1/b + 1/c + 1/d", fix)


def log_risk_ratio(a: int, b: int, c: int, d: int) -> Effect:
    """log RR: yi = log(a/(a+b)) - log(c/(c+d)), vi = 1/a - 1/(a+b) + 1/c - 1/(c+d)
    (escalc "RR")."""
    a, b, c, d, fix = _table(a, b, c, d)
    return Effect(math.log(a / (a + b)) - math.log(c / (c + d)),
                  1 / a - 1 / (a + b) + 1 / c - 1 / (c + d), "RR",
                  "yi = log(a/(a+b)) - log(c/(c+d)); vi = 1/a - 1/(a+b) + 1/c - 1/(c+d)", fix)


def risk_difference(a: int, b: int, c: int, d: int) -> Effect:
    """RD: yi = p1 - p2, vi = p1(1-p1)/n1 + p2(1-p2)/n2 (escalc "RD", vtype "LS"; a table
    with a zero cell gets 1/2 added to every cell first, as escalc's default)."""
    a, b, c, d, fix = _table(a, b, c, d)
    n1, n2 = a + b, c + d
    p1, p2 = a / n1, c / n2
    return Effect(p1 - p2, p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2, "RD",
                  "yi = a/(a+b) - c/(c+d); vi = p1(1-p1)/n1 + p2(1-p2)/n2", fix)


def paired_log_odds_ratio(b: int, c: int, *, a: int | None = None, d: int | None = None
                          ) -> Effect:
    """Log odds ratio of paired binary data from the discordant pairs (escalc "MPORC"):
    yi = log(b/c), vi = 1/b + 1/c, where b = pairs with the event only after (or only in
    the first condition) and c = only before.

    escalc adds 1/2 to all four cells when any of the paired table's cells is 0; give the
    concordant counts ``a`` (event both times) and ``d`` (neither) to apply that rule
    exactly. Without them only b and c are checked.
    """
    cells = [b, c] + [x for x in (a, d) if x is not None]
    if min(cells) < 0:
        raise LaktasiInputError(f"Counts must be >= 0 (got {cells}).", counts=list(cells),
                                message_id="counts_negative")
    fix = 0 in cells
    bb, cc = (b + 0.5, c + 0.5) if fix else (float(b), float(c))
    return Effect(math.log(bb / cc), 1 / bb + 1 / cc, "MPORC",
                  "yi = log(b/c); vi = 1/b + 1/c (discordant pairs)", fix)


def smcc_from_t(t: float, n: int) -> Effect:
    """SMCC from a printed paired t: d_z = t/sqrt(n) (exact: t = mean change/(sd_d/sqrt(n))),
    then yi = c(n-1) d_z and vi = 1/n + yi^2/(2n), as escalc "SMCC"."""
    _check_n(n)
    yi = hedges_correction(n - 1) * t / math.sqrt(n)
    return Effect(yi, 1 / n + yi * yi / (2 * n), "SMCC",
                  "d_z = t/sqrt(n); yi = c(n-1) d_z; vi = 1/n + yi^2/(2n)")


def smcc_from_p(p: float, n: int, sign: float = 1.0) -> Effect:
    """SMCC from a printed two-sided paired-t p: t = qt(1 - p/2, n - 1) with the sign the
    paper reports, then :func:`smcc_from_t`. A printed "0,000" has no exact t: use a bound."""
    from scipy import stats

    if not 0 < p < 1:
        raise LaktasiInputError(f"p = {p} must lie strictly between 0 and 1 to convert.",
                                p=p, message_id="p_convert_range")
    _check_n(n)
    t = float(stats.t.isf(p / 2, n - 1)) * (1 if sign >= 0 else -1)
    e = smcc_from_t(t, n)
    return Effect(e.yi, e.vi, "SMCC", "t = qt(1 - p/2, n-1); " + e.formula)


def smcc_from_z(z: float, n: int) -> Effect:
    """SMCC from the Z of a paired rank test (Wilcoxon) printed alone, taking Z as the
    paired t (an approximation: for normal data the rank test's efficiency is 0.955)."""
    e = smcc_from_t(z, n)
    return Effect(e.yi, e.vi, "SMCC", "t ~ Z (rank test); " + e.formula)


def smd_from_t(t: float, n1: int, n2: int) -> Effect:
    """Hedges' g from a printed pooled-variance two-sample t: d = t sqrt(1/n1 + 1/n2)
    (exact), then yi = c(n1+n2-2) d and escalc "SMD"'s variance."""
    _check_n(n1, "n1", 2)
    _check_n(n2, "n2", 2)
    yi = hedges_correction(n1 + n2 - 2) * t * math.sqrt(1 / n1 + 1 / n2)
    return Effect(yi, 1 / n1 + 1 / n2 + yi * yi / (2 * (n1 + n2)), "SMD",
                  "d = t sqrt(1/n1 + 1/n2); yi = c(n1+n2-2) d; "
                  "vi = 1/n1 + 1/n2 + yi^2/(2(n1+n2))")


def smd_from_p(p: float, n1: int, n2: int, sign: float = 1.0) -> Effect:
    """Hedges' g from a printed two-sided two-sample t-test p: t = qt(1 - p/2, n1+n2-2)."""
    from scipy import stats

    if not 0 < p < 1:
        raise LaktasiInputError(f"p = {p} must lie strictly between 0 and 1 to convert.",
                                p=p, message_id="p_convert_range")
    t = float(stats.t.isf(p / 2, n1 + n2 - 2)) * (1 if sign >= 0 else -1)
    e = smd_from_t(t, n1, n2)
    return Effect(e.yi, e.vi, "SMD", "t = qt(1 - p/2, n1+n2-2); " + e.formula)


def smd_from_z(z: float, n1: int, n2: int) -> Effect:
    """Hedges' g from the Z of a two-group rank test (Mann-Whitney) printed alone, taking
    Z as the two-sample t (approximation)."""
    e = smd_from_t(z, n1, n2)
    return Effect(e.yi, e.vi, "SMD", "t ~ Z (rank test); " + e.formula)


def d_from_t_paired(t: float, n: int) -> Effect:
    """d_z = t / sqrt(n) from a printed paired t without the small-sample correction,
    variance 1/n + d^2/(2n). Prefer :func:`smcc_from_t` (escalc's SMCC)."""
    _check_n(n, minimum=2)
    dz = t / math.sqrt(n)
    return Effect(dz, 1 / n + dz * dz / (2 * n), "DZ", "d_z = t/sqrt(n); vi = 1/n + d_z^2/(2n)")


def d_from_p_paired(p: float, n: int, sign: float = 1.0) -> Effect:
    """d_z from a printed two-sided paired-t p (t = qt(1 - p/2, n - 1)); ``sign`` gives the
    direction the paper reports. A printed "0,000" has no exact t: use a bound instead."""
    from scipy import stats

    if not 0 < p < 1:
        raise LaktasiInputError(f"p = {p} must lie strictly between 0 and 1 to convert.",
                                p=p, message_id="p_convert_range")
    t = float(stats.t.isf(p / 2, n - 1)) * (1 if sign >= 0 else -1)
    e = d_from_t_paired(t, n)
    return Effect(e.yi, e.vi, "DZ", "t = qt(1 - p/2, n-1); " + e.formula)


def d_from_z(z: float, n: int) -> Effect:
    """r = Z / sqrt(N) converted to d = 2r / sqrt(1 - r^2) with var 4 / N (Rosenthal's
    two-group approximation for a rank test printed only as Z)."""
    r = z / math.sqrt(n)
    if abs(r) >= 1:
        raise LaktasiInputError(f"|Z| / sqrt(N) = {abs(r):.3f} >= 1: cannot convert.",
                                ratio=round(abs(r), 3), message_id="z_convert_too_large")
    return Effect(2 * r / math.sqrt(1 - r * r), 4 / n, "D_Z",
                  "r = Z/sqrt(N); d = 2r/sqrt(1 - r^2); vi = 4/N")
