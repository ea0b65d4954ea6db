"""Frozen result objects shared by every test.

The core neither rounds nor speaks a language: numbers are full precision and
remarks are :class:`Note` codes with their data, which the report layer words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .serialise import Serialisable

__all__ = [
    "AdjustedMean",
    "AncovaResult",
    "ChiSquareResult",
    "ConfidenceInterval",
    "DescriptivesResult",
    "EffectSize",
    "FisherResult",
    "FrequenciesResult",
    "FrequencyRow",
    "GroupSummary",
    "IndependentTResult",
    "MannWhitneyResult",
    "McNemarResult",
    "NormalityResult",
    "Note",
    "PairedTResult",
    "RankRow",
    "TRow",
    "TestRow",
    "WilcoxonResult",
]


@dataclass(frozen=True)
class ConfidenceInterval(Serialisable):
    low: float
    high: float
    level: float = 0.95


@dataclass(frozen=True)
class EffectSize(Serialisable):
    """An effect size, its confidence interval and how both were computed.

    ``name`` is one of: ``r`` (|Z|/sqrt(N), ``n_basis`` says which N),
    ``rank_biserial``, ``d_z``, ``g_av``, ``hedges_g``, ``cohens_d``, ``phi``,
    ``cramers_v``, ``odds_ratio``, ``partial_eta_squared``.
    """

    name: str
    value: float
    ci: ConfidenceInterval | None = None
    method: str = ""
    n_basis: str = ""


@dataclass(frozen=True)
class Note(Serialisable):
    """A remark about the computation: a code plus the numbers it refers to.

    Codes: ``missing_dropped`` (n), ``zero_differences_dropped`` (n),
    ``ties_present`` (groups), ``expected_below_5`` (cells, percent,
    min_expected), ``exact_not_computed`` (reason), ``ci_unavailable``
    (what, reason), ``forced_option`` (option, value), ``constant_differences``.
    """

    code: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RankRow(Serialisable):
    """One row of SPSS's Ranks table: N, Mean Rank, Sum of Ranks."""

    n: int
    mean_rank: float
    sum_ranks: float


@dataclass(frozen=True)
class TestRow(Serialisable):
    """One row of a test-statistics table (e.g. SPSS's Chi-Square Tests)."""

    statistic: float
    df: float
    pvalue: float


@dataclass(frozen=True)
class GroupSummary(Serialisable):
    """N, mean, SD and SE of the mean of one group or time point."""

    label: str
    n: int
    mean: float
    sd: float
    se: float


@dataclass(frozen=True)
class WilcoxonResult(Serialisable):
    """Wilcoxon signed-rank test; differences are ``post - pre``.

    ``statistic`` is SPSS's Z (= ``z``, never positive); ``pvalue`` is the one
    ``method`` says (asymptotic by default, as SPSS's "Asymp. Sig.").
    """

    statistic: float
    pvalue: float
    z: float
    z_directional: float
    t_plus: float
    t_minus: float
    negative: RankRow
    positive: RankRow
    ties: int
    n: int
    n_nonzero: int
    pvalue_asymptotic: float
    pvalue_exact: float | None
    pvalue_exact_no_ties: float | None
    has_ties: bool
    alternative: str
    method: str
    effect_size: EffectSize
    effect_sizes: tuple[EffectSize, ...]
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class MannWhitneyResult(Serialisable):
    """Mann-Whitney U test for two independent groups (x first, y second).

    ``statistic`` is U = min(U_x, U_y) as SPSS prints it; ``w`` is SPSS/PSPP's
    Wilcoxon W (the rank sum of the group with the smaller U).
    """

    statistic: float
    pvalue: float
    u: float
    u_x: float
    u_y: float
    w: float
    z: float
    ranks_x: RankRow
    ranks_y: RankRow
    n: int
    n_x: int
    n_y: int
    pvalue_asymptotic: float
    pvalue_exact: float | None
    pvalue_exact_no_ties: float | None
    has_ties: bool
    alternative: str
    method: str
    effect_size: EffectSize
    effect_sizes: tuple[EffectSize, ...]
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class McNemarResult(Serialisable):
    """McNemar test on paired binary data.

    ``table`` is ``[[a, b], [c, d]]`` with rows = pre, columns = post, in the
    order of ``levels``; ``b`` (level 0 -> level 1) and ``c`` (1 -> 0) are the
    discordant pairs. ``pvalue`` is the exact binomial p (capped at 1);
    ``statistic`` is the continuity-corrected chi-square (R's default).
    ``spss_method`` is what SPSS NPAR TESTS prints: ``"binomial"`` when fewer
    than 25 pairs change, else ``"chi-square-corrected"``.
    """

    statistic: float
    pvalue: float
    table: tuple[tuple[int, int], tuple[int, int]]
    levels: tuple[Any, Any]
    b: int
    c: int
    n: int
    pvalue_exact: float
    chi2: float
    chi2_pvalue: float
    chi2_corrected: float
    chi2_corrected_pvalue: float
    df: int
    spss_method: str
    spss_pvalue: float
    method: str
    effect_size: EffectSize
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class ChiSquareResult(Serialisable):
    """Chi-square family for an r x c table of independent observations."""

    statistic: float
    pvalue: float
    df: int
    n: int
    observed: tuple[tuple[float, ...], ...]
    expected: tuple[tuple[float, ...], ...]
    pearson: TestRow
    continuity: TestRow | None
    likelihood_ratio: TestRow
    linear_by_linear: TestRow | None
    n_cells: int
    n_expected_below_5: int
    min_expected: float
    method: str
    effect_size: EffectSize
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class FisherResult(Serialisable):
    """Fisher's exact test (2 x 2 and r x c); two-sided p as R's fisher.test.

    For 2 x 2 tables ``statistic`` is the sample odds ratio (ad/bc) and
    ``effect_size`` the conditional maximum-likelihood odds ratio with its
    exact CI (as R). For r x c tables ``statistic`` is the probability of the
    observed table.
    """

    statistic: float
    pvalue: float
    pvalue_less: float | None
    pvalue_greater: float | None
    pvalue_one_sided: float | None
    n: int
    shape: tuple[int, int]
    method: str
    effect_size: EffectSize | None
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class PairedTResult(Serialisable):
    """Paired-samples t test; differences are ``post - pre``.

    SPSS's ``T-TEST /PAIRS=pre WITH post`` prints ``pre - post``: there
    ``mean_difference``, ``statistic`` and ``ci`` have the opposite sign.
    """

    statistic: float
    pvalue: float
    df: int
    n: int
    pre: GroupSummary
    post: GroupSummary
    mean_difference: float
    sd_difference: float
    se_difference: float
    ci: ConfidenceInterval
    correlation: float
    correlation_pvalue: float
    alternative: str
    method: str
    effect_size: EffectSize
    effect_sizes: tuple[EffectSize, ...]
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class TRow(Serialisable):
    """One row of SPSS's Independent Samples Test (equal / unequal variances)."""

    statistic: float
    df: float
    pvalue: float
    mean_difference: float
    se_difference: float
    ci: ConfidenceInterval


@dataclass(frozen=True)
class IndependentTResult(Serialisable):
    """Independent-samples t test (x - y), Student and Welch rows, Levene.

    ``statistic``, ``pvalue`` and ``df`` come from the row that ``method``
    names (``equal_var``: Levene's p >= .05 picks Student in ``"auto"``).
    """

    statistic: float
    pvalue: float
    df: float
    n: int
    x: GroupSummary
    y: GroupSummary
    levene_f: float
    levene_df1: int
    levene_df2: int
    levene_pvalue: float
    student: TRow
    welch: TRow
    equal_var: bool
    alternative: str
    method: str
    effect_size: EffectSize
    effect_sizes: tuple[EffectSize, ...]
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class AdjustedMean(Serialisable):
    """A group's post mean adjusted to the overall pre mean (SPSS EMMEANS)."""

    label: str
    n: int
    mean_pre: float
    mean_post: float
    adjusted_mean: float
    se: float
    ci: ConfidenceInterval


@dataclass(frozen=True)
class AncovaResult(Serialisable):
    """One-way ANCOVA: post ~ group + pre (Type III sums of squares)."""

    statistic: float
    pvalue: float
    df_effect: int
    df_error: int
    n: int
    ss_group: float
    ss_covariate: float
    ss_error: float
    covariate_f: float
    covariate_pvalue: float
    slope: float
    adjusted_means: tuple[AdjustedMean, ...]
    difference: float | None
    difference_ci: ConfidenceInterval | None
    slopes_f: float
    slopes_df1: int
    slopes_df2: int
    slopes_pvalue: float
    method: str
    effect_size: EffectSize
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class NormalityResult(Serialisable):
    """A normality test (Shapiro-Wilk W or Lilliefors-corrected K-S D)."""

    statistic: float
    pvalue: float
    n: int
    df: int
    test: str
    method: str
    pvalue_lower_bound: bool = False
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class DescriptivesResult(Serialisable):
    """What SPSS's DESCRIPTIVES / EXAMINE print for one variable."""

    n: int
    n_missing: int
    mean: float
    se_mean: float
    ci_mean: ConfidenceInterval
    trimmed_mean_5: float
    median: float
    variance: float
    sd: float
    min: float
    max: float
    range: float
    q1: float
    q3: float
    iqr: float
    skewness: float
    se_skewness: float
    kurtosis: float
    se_kurtosis: float
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class FrequencyRow(Serialisable):
    """One row of SPSS's FREQUENCIES table."""

    value: Any
    n: int
    percent: float
    valid_percent: float
    cumulative_percent: float


@dataclass(frozen=True)
class FrequenciesResult(Serialisable):
    rows: tuple[FrequencyRow, ...]
    n: int
    n_valid: int
    n_missing: int
    missing_percent: float
    notes: tuple[Note, ...] = ()
