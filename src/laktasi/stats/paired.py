"""Tests for one group measured twice (pre and post on the same mothers).

All differences are ``post - pre`` (an increase is positive).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import numpy as np

from laktasi.errors import (
    ConstantInputError,
    InvalidTableError,
    LaktasiInputError,
    LengthMismatchError,
)

from . import _effsize, _ranks
from ._pvalues import normal_pvalue, t_pvalue
from ._results import (
    ConfidenceInterval,
    EffectSize,
    GroupSummary,
    McNemarResult,
    Note,
    PairedTResult,
    RankRow,
    WilcoxonResult,
)
from ._scipy import stats, t_ppf, t_sf
from ._validation import (
    ALTERNATIVES,
    category_list,
    check_confidence_level,
    check_option,
    paired_arrays,
)

__all__ = ["mcnemar", "mcnemar_table", "paired_t", "wilcoxon_signed_rank"]

_EXACT_AUTO_MAX_N = 200
_EXACT_MAX_N = 1000


def _rank_row(ranks: np.ndarray) -> RankRow:
    n = int(ranks.size)
    total = float(ranks.sum())
    return RankRow(n, total / n if n else math.nan, total)


def wilcoxon_signed_rank(
    pre: Any,
    post: Any,
    *,
    alternative: str = "two-sided",
    method: str = "auto",
    confidence_level: float = 0.95,
) -> WilcoxonResult:
    """Wilcoxon signed-rank test as SPSS's NPAR TESTS /WILCOXON prints it.

    Parameters
    ----------
    pre, post : array-like
        Paired measurements (same mother, same position). Pairs with a missing
        value are dropped and counted in ``notes``.
    alternative : {"two-sided", "less", "greater"}
        ``"greater"``: post tends to be larger than pre.
    method : {"auto", "asymptotic", "exact"}
        ``"auto"`` and ``"asymptotic"``: ``pvalue`` is the normal approximation
        with tie correction and no continuity correction (SPSS's "Asymp. Sig.").
        ``"auto"`` also fills the exact p-values when at most 200 differences
        are non-zero. ``"exact"``: ``pvalue`` is the exact permutation p
        conditional on the tied ranks (as R ``coin::wilcoxsign_test(...,
        distribution = "exact", zero.method = "Wilcoxon")``).
    confidence_level : float
        Level of the effect-size CI.

    Returns
    -------
    WilcoxonResult
        ``z`` as SPSS (based on the smaller rank sum, never positive);
        ``negative``/``positive`` rank rows for post < pre / post > pre;
        ``ties`` = zero differences (dropped); ``pvalue_exact_no_ties`` is the
        exact p from the distribution without ties (SPSS's "Exact Sig.", not
        corrected for ties); effect sizes: matched-pairs rank-biserial (with
        CI) and r = Z / sqrt(N) with N = pairs analysed.

    Notes
    -----
    R's ``wilcox.test(post, pre, paired = TRUE)`` applies a continuity
    correction by default; ``correct = FALSE`` gives this ``pvalue_asymptotic``.

    Examples
    --------
    >>> pre = [4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 7]
    >>> post = [8, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 15, 17]
    >>> res = wilcoxon_signed_rank(pre, post)
    >>> round(res.z, 8), round(res.pvalue, 8)
    (-3.4299717, 0.00060364)
    """
    check_option("alternative", alternative, ALTERNATIVES)
    check_option("method", method, ("auto", "asymptotic", "exact"))
    level = check_confidence_level(confidence_level)
    a, b, notes = paired_arrays(pre, post, min_n=1)
    d = _ranks.clean(b - a)
    nonzero = d != 0
    ties = int((~nonzero).sum())
    if ties:
        notes.append(Note("zero_differences_dropped", {"n": ties}))
    dn = d[nonzero]
    n = int(dn.size)
    if n == 0:
        raise ConstantInputError(
            "Every post value equals its pre value (all differences are zero); the "
            "signed-rank test needs at least one non-zero difference.",
            what="differences",
            value=0.0,
            message_id="all_differences_zero",
        )
    absd = np.abs(dn)
    ranks = _ranks.average_ranks(absd)
    t_plus = float(ranks[dn > 0].sum())
    t_minus = float(ranks[dn < 0].sum())
    tie_counts = _ranks.tie_sizes(absd)
    has_ties = bool((tie_counts > 1).any())
    if has_ties:
        notes.append(Note("ties_present", {"groups": int((tie_counts > 1).sum())}))
    mean = n * (n + 1) / 4
    var = n * (n + 1) * (2 * n + 1) / 24 - float((tie_counts**3 - tie_counts).sum()) / 48
    sd = math.sqrt(var)
    z_dir = (t_plus - mean) / sd if sd > 0 else 0.0
    z = -abs(z_dir)
    p_asym = normal_pvalue(z_dir, alternative)

    p_exact = p_exact_no_ties = None
    limit = _EXACT_MAX_N if method == "exact" else _EXACT_AUTO_MAX_N
    if method != "asymptotic":
        if n <= limit:
            doubled = np.rint(2 * ranks).astype(int)
            observed = round(2 * t_plus)
            p_exact = _ranks.exact_pvalue(
                _ranks.signed_rank_distribution(doubled), observed, alternative
            )
            p_exact_no_ties = _spss_exact(
                _ranks.signed_rank_distribution(2 * np.arange(1, n + 1)),
                observed,
                alternative,
            )
        else:
            notes.append(Note("exact_not_computed", {"reason": "n_nonzero>" + str(limit)}))
    if method == "exact" and p_exact is None:
        raise LaktasiInputError(
            f"The exact test is available for at most {limit} non-zero differences; "
            f"there are {n}. Use method='asymptotic'.",
            n=n,
            max_n=limit,
            message_id="exact_too_many_differences",
        )
    pvalue = p_exact if method == "exact" and p_exact is not None else p_asym
    method_text = (
        "exact permutation distribution conditional on ties; zero differences dropped"
        if method == "exact"
        else "asymptotic normal, tie-corrected, no continuity correction; zero differences "
        "dropped"
    )
    rb = _effsize.rank_biserial_paired(t_plus, t_minus, n, level)
    if rb.ci is None:
        notes.append(Note("ci_unavailable", {"what": "rank_biserial", "reason": "|r| = 1"}))
    r = _effsize.r_from_z(z_dir, int(a.size), "pairs analysed (zero differences included)")
    return WilcoxonResult(
        statistic=z,
        pvalue=pvalue,
        z=z,
        z_directional=z_dir,
        t_plus=t_plus,
        t_minus=t_minus,
        negative=_rank_row(ranks[dn < 0]),
        positive=_rank_row(ranks[dn > 0]),
        ties=ties,
        n=int(a.size),
        n_nonzero=n,
        pvalue_asymptotic=p_asym,
        pvalue_exact=p_exact,
        pvalue_exact_no_ties=p_exact_no_ties,
        has_ties=has_ties,
        alternative=alternative,
        method=method_text,
        effect_size=rb,
        effect_sizes=(rb, r),
        notes=tuple(notes),
    )


def _spss_exact(dist: np.ndarray, observed_doubled: int, alternative: str) -> float:
    """SPSS's "Exact Sig." from a no-ties distribution: 2 x the smaller one-tailed p."""
    less, greater = _ranks.tail_probabilities(dist, observed_doubled)
    if alternative == "less":
        return less
    if alternative == "greater":
        return greater
    return min(1.0, 2 * min(less, greater))


def paired_t(
    pre: Any,
    post: Any,
    *,
    alternative: str = "two-sided",
    confidence_level: float = 0.95,
) -> PairedTResult:
    """Paired-samples t test with SPSS's three tables and effect sizes.

    Returns the content of Paired Samples Statistics (``pre``, ``post``),
    Paired Samples Correlations (``correlation``, ``correlation_pvalue``) and
    Paired Samples Test (mean, SD, SE of ``post - pre``, its CI, t, df, p).
    Effect sizes: Cohen's d_z (mean difference / SD of differences, CI by the
    noncentral t) and Hedges' g_av (mean difference / average SD, corrected
    by 1 - 3/(4(n-1)-1) as Lakens 2013; CI by Algina & Keselman's noncentral-t
    method).

    Notes
    -----
    SPSS's ``T-TEST /PAIRS=pre WITH post`` reports ``pre - post``: the mean
    difference, t and CI there are the negatives of these.

    Parameters
    ----------
    pre, post : array-like
        Paired measurements (same mother, same position); incomplete pairs are
        dropped and counted in ``notes``. At least 2 complete pairs.
    alternative : {"two-sided", "less", "greater"}, default "two-sided"
        ``"greater"``: post larger than pre. The CI stays two-sided (as SPSS).
    confidence_level : float, default 0.95
        Level of the CI of the mean difference and of the effect sizes.

    Returns
    -------
    PairedTResult
        t, df, p, ``pre``/``post`` summaries, mean, SD and SE of the differences
        with CI, ``correlation`` and ``correlation_pvalue`` (NaN with a note when
        undefined: a constant variable, or exactly 2 pairs), ``effect_size``
        (d_z) and ``effect_sizes`` (d_z, g_av).

    Raises
    ------
    LaktasiInputError
        Lengths that differ, fewer than 2 complete pairs, a value that is not a
        number, or differences that are all equal (SE = 0).

    Examples
    --------
    >>> res = paired_t([2, 1, 2, 2, 3], [3, 2, 4.5, 4.5, 6])
    >>> round(res.mean_difference, 2), round(res.statistic, 2), res.df, round(res.pvalue, 3)
    (2.0, 4.78, 4, 0.009)
    """
    check_option("alternative", alternative, ALTERNATIVES)
    level = check_confidence_level(confidence_level)
    a, b, notes = paired_arrays(pre, post, min_n=2)
    d = b - a
    n = int(d.size)
    df = n - 1
    mean_d = float(d.mean())
    sd_d = float(d.std(ddof=1))
    if sd_d == 0 or np.ptp(_ranks.clean(d)) == 0:
        raise ConstantInputError(
            f"Every difference post - pre equals {mean_d:g}; the standard error is zero and "
            "t cannot be computed.",
            what="differences",
            value=mean_d,
            message_id="differences_constant",
        )
    se_d = sd_d / math.sqrt(n)
    t = mean_d / se_d
    p = t_pvalue(t, df, alternative)
    tcrit = t_ppf(1 - (1 - level) / 2, df)
    ci = ConfidenceInterval(mean_d - tcrit * se_d, mean_d + tcrit * se_d, level)
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        r, r_p = math.nan, math.nan
        notes.append(Note("ci_unavailable", {"what": "correlation", "reason": "constant"}))
    else:
        r = float(np.corrcoef(a, b)[0, 1])
        r = max(-1.0, min(1.0, r))
        if n < 3:
            # two points always lie on a line: r = +/-1 with n - 2 = 0 df, so its p is
            # undefined (PSPP prints NaN; R's cor.test refuses "not enough finite observations")
            r_p = math.nan
            notes.append(Note("correlation_pvalue_undefined", {"n": n, "df": n - 2}))
        elif abs(r) == 1:
            r_p = 0.0
        else:
            tr = r * math.sqrt((n - 2) / (1 - r * r))
            r_p = 2 * t_sf(abs(tr), n - 2)
    pre_s = _summary("pre", a)
    post_s = _summary("post", b)
    lo, hi = _effsize.ncp_ci_t(t, df, level)
    sqn = math.sqrt(n)
    dz = EffectSize(
        "d_z",
        mean_d / sd_d,
        ConfidenceInterval(lo / sqn, hi / sqn, level),
        "mean(post - pre) / SD(post - pre); CI by inverting the noncentral t",
        "pairs",
    )
    s_av = (pre_s.sd + post_s.sd) / 2
    effect_sizes: tuple[EffectSize, ...] = (dz,)
    if s_av > 0:
        j = 1 - 3 / (4 * (n - 1) - 1) if n > 2 else math.nan
        scale = sd_d / (sqn * s_av)
        gav = EffectSize(
            "g_av",
            mean_d / s_av * j,
            ConfidenceInterval(lo * scale * j, hi * scale * j, level),
            "mean(post - pre) / ((SD_pre + SD_post) / 2) x (1 - 3/(4(n-1)-1)) (Lakens 2013); "
            "CI by the noncentral t (Algina & Keselman 2003)",
            "pairs",
        )
        effect_sizes = (dz, gav)
    return PairedTResult(
        statistic=t,
        pvalue=p,
        df=df,
        n=n,
        pre=pre_s,
        post=post_s,
        mean_difference=mean_d,
        sd_difference=sd_d,
        se_difference=se_d,
        ci=ci,
        correlation=r,
        correlation_pvalue=r_p,
        alternative=alternative,
        method="Student's paired t, differences post - pre",
        effect_size=dz,
        effect_sizes=effect_sizes,
        notes=tuple(notes),
    )


def _summary(label: str, x: np.ndarray) -> GroupSummary:
    n = int(x.size)
    sd = float(x.std(ddof=1)) if n > 1 else math.nan
    return GroupSummary(label, n, float(x.mean()), sd, sd / math.sqrt(n))


def mcnemar_table(
    b: int, c: int, *, a: int = 0, d: int = 0, confidence_level: float = 0.95
) -> McNemarResult:
    """McNemar test from the discordant counts of a paired 2 x 2 table.

    ``b`` = pairs that moved from the first level to the second (e.g. tidak
    lancar -> lancar), ``c`` = the reverse; ``a``, ``d`` the concordant pairs
    (they do not change the test, only ``n`` and ``table``).

    ``pvalue`` is the exact binomial p, 2 P(X <= min(b, c)) with
    X ~ Bin(b + c, 1/2), capped at 1. Also given: chi-square without and with
    continuity correction (R ``mcnemar.test(tbl, correct = FALSE/TRUE)``) and
    what SPSS NPAR TESTS prints (``spss_method``: binomial below 25 changes).
    Effect size: the discordant-pair odds ratio b/c with the exact
    (Clopper-Pearson) CI.

    Parameters
    ----------
    b : int
        Pairs that moved from the first level to the second.
    c : int
        Pairs that moved from the second level to the first.
    a, d : int, default 0
        Pairs that stayed at the first / second level.
    confidence_level : float, default 0.95
        Level of the odds-ratio CI.

    Returns
    -------
    McNemarResult
        ``pvalue`` (exact), ``chi2``/``chi2_corrected`` with p, ``spss_method`` and
        ``spss_pvalue``, the table, ``effect_size`` (b/c with exact CI).

    Raises
    ------
    InvalidTableError
        A count that is missing (NaN), infinite, negative, fractional or not a
        number; the message names the argument (``b = nan ...``).

    Examples
    --------
    >>> res = mcnemar_table(9, 0)
    >>> res.pvalue, round(res.chi2_corrected, 3)
    (0.00390625, 7.111)
    """
    level = check_confidence_level(confidence_level)
    counts = [a, b, c, d]
    for name, v in zip("abcd", counts, strict=True):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer, float, np.floating)):
            raise InvalidTableError(
                f"{name} = {v!r} is not a count; counts must be whole numbers >= 0.",
                cell=name,
                value=v,
                message_id="count_not_a_number",
            )
        if not math.isfinite(v):
            raise InvalidTableError(
                f"{name} = {v!r} is missing or infinite; counts must be whole numbers >= 0.",
                cell=name,
                value=v,
                message_id="count_not_finite",
            )
        if v < 0 or v != int(v):
            raise InvalidTableError(
                f"{name} = {v!r} is not a whole number >= 0; counts must be whole numbers >= 0.",
                cell=name,
                value=v,
                message_id="count_not_whole",
            )
    a, b, c, d = (int(v) for v in counts)
    m = b + c
    notes: list[Note] = []
    if m == 0:
        p_exact = 1.0
        chi2 = chi2c = math.nan
        p_chi2 = p_chi2c = 1.0
        notes.append(Note("no_discordant_pairs", {}))
    else:
        p_exact = min(1.0, 2 * float(stats.binom.cdf(min(b, c), m, 0.5)))
        chi2 = (b - c) ** 2 / m
        # as R's mcnemar.test: no correction when b == c (the statistic is then 0)
        chi2c = (abs(b - c) - 1) ** 2 / m if b != c else 0.0
        p_chi2 = float(stats.chi2.sf(chi2, 1))
        p_chi2c = float(stats.chi2.sf(chi2c, 1))
    spss_method = "binomial" if m < 25 else "chi-square-corrected"
    effect = _discordant_odds_ratio(b, c, level)
    return McNemarResult(
        statistic=chi2c,
        pvalue=p_exact,
        table=((a, b), (c, d)),
        levels=(0, 1),
        b=b,
        c=c,
        n=a + b + c + d,
        pvalue_exact=p_exact,
        chi2=chi2,
        chi2_pvalue=p_chi2,
        chi2_corrected=chi2c,
        chi2_corrected_pvalue=p_chi2c,
        df=1,
        spss_method=spss_method,
        spss_pvalue=p_exact if spss_method == "binomial" else p_chi2c,
        method="exact binomial on the discordant pairs",
        effect_size=effect,
        notes=tuple(notes),
    )


def _discordant_odds_ratio(b: int, c: int, level: float) -> EffectSize:
    m = b + c
    if m == 0:
        return EffectSize("odds_ratio", math.nan, None, "b / c (no discordant pairs)")
    alpha = 1 - level
    p_lo = 0.0 if b == 0 else float(stats.beta.ppf(alpha / 2, b, m - b + 1))
    p_hi = 1.0 if b == m else float(stats.beta.ppf(1 - alpha / 2, b + 1, m - b))
    odds = math.inf if c == 0 else b / c
    hi = math.inf if p_hi >= 1 else p_hi / (1 - p_hi)
    return EffectSize(
        "odds_ratio",
        odds,
        ConfidenceInterval(p_lo / (1 - p_lo), hi, level),
        "discordant-pair odds ratio b / c; exact CI from the Clopper-Pearson interval of "
        "b / (b + c) (as R exact2x2::mcnemar.exact)",
        "discordant pairs",
    )


def mcnemar(
    pre: Any, post: Any, *, levels: tuple[Any, Any] | None = None, confidence_level: float = 0.95
) -> McNemarResult:
    """McNemar test on two paired binary variables (pre and post per mother).

    ``levels`` orders the two categories (``b`` counts pairs going from
    ``levels[0]`` before to ``levels[1]`` after). Default: sorted values seen.
    Pairs with a missing value (None or NaN) are dropped and counted in
    ``notes``. See :func:`mcnemar_table` for the numbers returned.

    Parameters
    ----------
    pre, post : array-like
        Two paired binary variables (any two values: text, 0/1, ...), one value
        per mother.
    levels : tuple of two values, optional
        The order of the categories.
    confidence_level : float, default 0.95
        Level of the odds-ratio CI.

    Returns
    -------
    McNemarResult
        As :func:`mcnemar_table`, with ``levels`` set.

    Raises
    ------
    LaktasiInputError
        Lengths that differ, other than two categories, a value outside
        ``levels``, no complete pair, or an input that is not a sequence.

    Examples
    --------
    >>> pre = ["tidak"] * 9 + ["lancar"] * 3
    >>> post = ["lancar"] * 12
    >>> mcnemar(pre, post, levels=("tidak", "lancar")).pvalue
    0.00390625
    """
    pre_l = category_list(pre, "pre")
    post_l = category_list(post, "post")
    if len(pre_l) != len(post_l):
        raise LengthMismatchError(
            f"pre has {len(pre_l)} values but post has {len(post_l)}; paired data need one "
            "pre and one post value per mother (the same length).",
            n_pre=len(pre_l),
            n_post=len(post_l),
            message_id="paired_lengths_differ",
        )
    pairs = [(x, y) for x, y in zip(pre_l, post_l, strict=True) if x is not None and y is not None]
    dropped = len(pre_l) - len(pairs)
    if levels is None:
        seen = sorted({v for p in pairs for v in p}, key=lambda v: (str(type(v)), v))
        if len(seen) != 2:
            raise LaktasiInputError(
                f"McNemar needs exactly two categories; found {len(seen)}: "
                f"{', '.join(map(repr, seen))}. Pass levels=(first, second) if one category "
                "never occurs.",
                levels=seen,
                n_levels=len(seen),
                message_id="mcnemar_needs_two_categories",
            )
        levels = (seen[0], seen[1])
    if len(levels) != 2:
        raise LaktasiInputError(f"levels must name two categories, got {levels!r}.", levels=levels,
                                message_id="levels_not_two")
    for i, (x, y) in enumerate(pairs):
        for v in (x, y):
            if v not in levels:
                raise LaktasiInputError(
                    f"Value {v!r} (pair {i + 1}) is not one of the two categories "
                    f"{levels[0]!r}, {levels[1]!r}.",
                    value=v,
                    allowed=levels,
                    pair=i + 1,
                    message_id="value_not_in_levels",
                )
    cnt = np.zeros((2, 2), dtype=int)
    for x, y in pairs:
        cnt[levels.index(x), levels.index(y)] += 1
    if not pairs:
        raise LaktasiInputError("No complete pairs remain after dropping missing values.", n=0,
                                message_id="no_complete_pairs")
    res = mcnemar_table(
        int(cnt[0, 1]), int(cnt[1, 0]), a=int(cnt[0, 0]), d=int(cnt[1, 1]),
        confidence_level=confidence_level,
    )
    notes = res.notes
    if dropped:
        notes = (Note("missing_dropped", {"n": dropped, "rule": "pairwise"}), *notes)
    return replace(res, levels=tuple(levels), notes=notes)
