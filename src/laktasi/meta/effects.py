"""Effect sizes from what papers print (the definitions of R metafor's escalc()).

Each function returns (yi, vi): the effect and its sampling variance.
"""

from __future__ import annotations

import math

from laktasi.errors import LaktasiInputError

__all__ = [
    "d_from_t_paired",
    "hedges_correction",
    "log_odds_ratio",
    "mean_change",
    "mean_difference",
    "smd",
    "smd_change_raw",
]


def hedges_correction(m: float) -> float:
    """c(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)), metafor's exact correction."""
    return math.exp(math.lgamma(m / 2) - 0.5 * math.log(m / 2) - math.lgamma((m - 1) / 2))


def smd_change_raw(m_post: float, m_pre: float, sd_pre: float, n: int, r: float
                   ) -> tuple[float, float]:
    """Standardised mean change, raw-score standardisation (escalc "SMCR"):
    yi = c(n-1)(m_post - m_pre)/sd_pre, vi = 2(1-r)/n + yi^2/(2n). ``r`` is the pre-post
    correlation (papers rarely print it: assume one and vary it in a sensitivity analysis).
    """
    if n < 3 or sd_pre <= 0 or not -1 <= r <= 1:
        raise LaktasiInputError("SMCR needs n >= 3, sd_pre > 0 and -1 <= r <= 1.")
    yi = hedges_correction(n - 1) * (m_post - m_pre) / sd_pre
    return yi, 2 * (1 - r) / n + yi * yi / (2 * n)


def mean_change(m_post: float, m_pre: float, sd_post: float, sd_pre: float, n: int, r: float
                ) -> tuple[float, float]:
    """Raw mean change (escalc "MC"): vi = (sd_post^2 + sd_pre^2 - 2 r sd_post sd_pre)/n."""
    return m_post - m_pre, (sd_post**2 + sd_pre**2 - 2 * r * sd_post * sd_pre) / n


def smd(m1: float, sd1: float, n1: int, m2: float, sd2: float, n2: int) -> tuple[float, float]:
    """Hedges' g for two groups (escalc "SMD", large-sample variance)."""
    sp = math.sqrt(((n1 - 1) * sd1**2 + (n2 - 1) * sd2**2) / (n1 + n2 - 2))
    yi = hedges_correction(n1 + n2 - 2) * (m1 - m2) / sp
    return yi, 1 / n1 + 1 / n2 + yi * yi / (2 * (n1 + n2))


def mean_difference(m1: float, sd1: float, n1: int, m2: float, sd2: float, n2: int
                    ) -> tuple[float, float]:
    """Raw mean difference (escalc "MD")."""
    return m1 - m2, sd1**2 / n1 + sd2**2 / n2


def log_odds_ratio(a: int, b: int, c: int, d: int) -> tuple[float, float]:
    """log OR of [[a, b], [c, d]]; 1/2 added to every cell when one is 0 (escalc's default)."""
    if 0 in (a, b, c, d):
        a, b, c, d = a + 0.5, b + 0.5, c + 0.5, d + 0.5
    return math.log(a * d / (b * c)), 1 / a + 1 / b + 1 / c + 1 / d


def d_from_t_paired(t: float, n: int) -> tuple[float, float]:
    """d_z = t / sqrt(n) from a printed paired t, with its large-sample variance
    1/n + d^2/(2n) (stated conversion when only t is printed)."""
    dz = t / math.sqrt(n)
    return dz, 1 / n + dz * dz / (2 * n)


def paired_log_odds_ratio(b: int, c: int) -> tuple[float, float]:
    """log of the discordant-pair odds ratio b/c (McNemar data), variance 1/b + 1/c
    (1/2 added to both when one is 0)."""
    if b == 0 or c == 0:
        b, c = b + 0.5, c + 0.5
    return math.log(b / c), 1 / b + 1 / c


def d_from_p_paired(p: float, n: int, sign: float = 1.0) -> tuple[float, float]:
    """d_z from a printed two-sided paired-t p (t = qt(1 - p/2, n - 1)); ``sign`` gives the
    direction the paper reports. A printed "0,000" has no exact t: use a bound instead."""
    from scipy import stats

    if not 0 < p < 1:
        raise LaktasiInputError(f"p = {p} must lie strictly between 0 and 1 to convert.")
    t = float(stats.t.isf(p / 2, n - 1)) * (1 if sign >= 0 else -1)
    return d_from_t_paired(t, n)


def d_from_z(z: float, n: int) -> tuple[float, float]:
    """r = Z / sqrt(N) converted to d = 2r / sqrt(1 - r^2) with var 4 / N (stated
    approximation for a rank test printed only as Z)."""
    r = z / math.sqrt(n)
    if abs(r) >= 1:
        raise LaktasiInputError(f"|Z| / sqrt(N) = {abs(r):.3f} >= 1: cannot convert.")
    return 2 * r / math.sqrt(1 - r * r), 4 / n
