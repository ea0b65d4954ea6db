"""Tests comparing two (or more) independent groups of mothers."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from laktasi.errors import (
    ConstantInputError,
    LaktasiInputError,
    LengthMismatchError,
    TooFewObservationsError,
)

from . import _effsize, _ranks
from ._pvalues import normal_pvalue
from ._results import (
    AdjustedMean,
    AncovaResult,
    ConfidenceInterval,
    EffectSize,
    GroupSummary,
    IndependentTResult,
    MannWhitneyResult,
    Note,
    RankRow,
    TRow,
)
from ._scipy import stats, t_ppf
from ._validation import (
    ALTERNATIVES,
    as_float_array,
    check_confidence_level,
    check_option,
    is_missing,
    levels_of,
    require_n,
    sample_array,
)

__all__ = ["ancova", "independent_t", "mann_whitney"]

_EXACT_AUTO_MAX_N = 100
_EXACT_MAX_N = 400
_PERFECT_FIT = 1e-10  # R anova.lm: residual SS below this x sum(fitted^2) is a perfect fit


def mann_whitney(
    x: Any,
    y: Any,
    *,
    alternative: str = "two-sided",
    method: str = "auto",
    confidence_level: float = 0.95,
) -> MannWhitneyResult:
    """Mann-Whitney U test as SPSS's NPAR TESTS /M-W prints it.

    Parameters
    ----------
    x, y : array-like
        The two groups (missing values dropped and counted in ``notes``).
    alternative : {"two-sided", "less", "greater"}
        ``"greater"``: values in x tend to be larger than in y.
    method : {"auto", "asymptotic", "exact"}
        ``"auto"``/``"asymptotic"``: ``pvalue`` is the normal approximation
        with tie correction, no continuity correction (SPSS "Asymp. Sig.");
        ``"auto"`` also fills the exact p-values when N <= 100. ``"exact"``:
        ``pvalue`` is the exact permutation p conditional on ties (as R
        ``coin::wilcox_test(..., distribution = "exact")``).
    confidence_level : float, default 0.95
        Level of the rank-biserial CI.

    Returns
    -------
    MannWhitneyResult
        ``u`` = min(U_x, U_y); ``w`` = rank sum of the group with the smaller
        U (as PSPP); ``z`` tie-corrected (never positive);
        ``pvalue_exact_no_ties`` = SPSS's "Exact Sig. [2*(1-tailed Sig.)]"
        (distribution without ties); rank-biserial r with CI and r = Z/sqrt(N).

    Examples
    --------
    >>> res = mann_whitney([1, 2, 3, 4], [5, 6, 7, 8, 9])
    >>> res.u, res.w, round(res.z, 4)
    (0.0, 10.0, -2.4495)
    """
    check_option("alternative", alternative, ALTERNATIVES)
    check_option("method", method, ("auto", "asymptotic", "exact"))
    level = check_confidence_level(confidence_level)
    xa, notes_x = sample_array(x, "x", min_n=1)
    ya, notes_y = sample_array(y, "y", min_n=1)
    notes = notes_x + notes_y
    nx, ny = int(xa.size), int(ya.size)
    n = nx + ny
    pooled = _ranks.clean(np.concatenate([xa, ya]))
    if np.ptp(pooled) == 0:
        raise ConstantInputError(
            f"All {n} values are equal ({pooled[0]:g}); the groups cannot be ranked apart.",
            what="values",
            value=float(pooled[0]),
            n=n,
            message_id="groups_all_equal",
        )
    ranks = _ranks.average_ranks(pooled)
    rx, ry = ranks[:nx], ranks[nx:]
    sum_x = float(rx.sum())
    u_x = sum_x - nx * (nx + 1) / 2
    u_y = nx * ny - u_x
    u = min(u_x, u_y)
    w = sum_x if u_x < u_y else float(ry.sum())  # as PSPP: a tie in U takes y's sum
    tie_counts = _ranks.tie_sizes(pooled)
    has_ties = bool((tie_counts > 1).any())
    if has_ties:
        notes.append(Note("ties_present", {"groups": int((tie_counts > 1).sum())}))
    tie_term = float((tie_counts**3 - tie_counts).sum())
    var = nx * ny / (n * (n - 1)) * ((n**3 - n) / 12 - tie_term / 12)
    sd = math.sqrt(var)
    z_x = (u_x - nx * ny / 2) / sd
    z = -abs(z_x)
    p_asym = normal_pvalue(z_x, alternative)

    p_exact = p_exact_no_ties = None
    limit = _EXACT_MAX_N if method == "exact" else _EXACT_AUTO_MAX_N
    if method != "asymptotic":
        if n <= limit:
            doubled = np.rint(2 * ranks).astype(int)
            observed = round(2 * sum_x)
            p_exact = _ranks.exact_pvalue(
                _ranks.rank_sum_distribution(doubled, nx), observed, alternative
            )
            plain = _ranks.rank_sum_distribution(2 * np.arange(1, n + 1), nx)
            less, greater = _ranks.tail_probabilities(plain, observed)
            p_exact_no_ties = {
                "less": less,
                "greater": greater,
                "two-sided": min(1.0, 2 * min(less, greater)),
            }[alternative]
        else:
            notes.append(Note("exact_not_computed", {"reason": f"N>{limit}"}))
    if method == "exact" and p_exact is None:
        raise LaktasiInputError(
            f"The exact test is available for at most {limit} cases; there are {n}. "
            "Use method='asymptotic'.",
            n=n,
            max_n=limit,
            message_id="exact_too_many_cases",
        )
    rb = _effsize.rank_biserial_two_sample(u_x, nx, ny, level)
    if rb.ci is None:
        notes.append(Note("ci_unavailable", {"what": "rank_biserial", "reason": "|r| = 1"}))
    r = _effsize.r_from_z(z_x, n, "all cases in both groups")
    return MannWhitneyResult(
        statistic=u,
        pvalue=p_exact if method == "exact" and p_exact is not None else p_asym,
        u=u,
        u_x=u_x,
        u_y=u_y,
        w=w,
        z=z,
        ranks_x=RankRow(nx, sum_x / nx, sum_x),
        ranks_y=RankRow(ny, float(ry.sum()) / ny, float(ry.sum())),
        n=n,
        n_x=nx,
        n_y=ny,
        pvalue_asymptotic=p_asym,
        pvalue_exact=p_exact,
        pvalue_exact_no_ties=p_exact_no_ties,
        has_ties=has_ties,
        alternative=alternative,
        method=(
            "exact permutation distribution conditional on ties"
            if method == "exact"
            else "asymptotic normal, tie-corrected, no continuity correction"
        ),
        effect_size=rb,
        effect_sizes=(rb, r),
        notes=tuple(notes),
    )


def _summary(label: str, v: np.ndarray) -> GroupSummary:
    sd = float(v.std(ddof=1))
    return GroupSummary(label, int(v.size), float(v.mean()), sd, sd / math.sqrt(v.size))


def _t_row(sx: GroupSummary, sy: GroupSummary, equal_var: bool, alternative: str,
           level: float) -> TRow:
    """One row of SPSS's Independent Samples Test (x - y).

    t and p from ``scipy.stats.ttest_ind_from_stats`` (Student with pooled variance or
    Welch); df (Welch-Satterthwaite), SE and the two-sided CI of the difference here.

    Parameters
    ----------
    sx, sy : GroupSummary
        n, mean and SD of each group.
    equal_var : bool
        True: Student (pooled variance); False: Welch.
    alternative : {"two-sided", "less", "greater"}
        Passed to scipy ("greater": mean of x larger).
    level : float
        Confidence level of the CI.

    Returns
    -------
    TRow
        t, df, p, mean difference, its SE and CI.
    """
    nx, ny = sx.n, sy.n
    diff = sx.mean - sy.mean
    if equal_var:
        df = float(nx + ny - 2)
        sp2 = ((nx - 1) * sx.sd**2 + (ny - 1) * sy.sd**2) / df
        se = math.sqrt(sp2 * (1 / nx + 1 / ny))
    else:
        vx, vy = sx.sd**2 / nx, sy.sd**2 / ny
        df = (vx + vy) ** 2 / (vx**2 / (nx - 1) + vy**2 / (ny - 1))
        se = math.sqrt(vx + vy)
    res = stats.ttest_ind_from_stats(sx.mean, sx.sd, nx, sy.mean, sy.sd, ny,
                                     equal_var=equal_var, alternative=alternative)
    q = t_ppf(1 - (1 - level) / 2, df)
    return TRow(float(res.statistic), df, float(res.pvalue), diff, se,
                ConfidenceInterval(diff - q * se, diff + q * se, level))


def independent_t(
    x: Any,
    y: Any,
    *,
    equal_var: str | bool = "auto",
    alternative: str = "two-sided",
    confidence_level: float = 0.95,
) -> IndependentTResult:
    """Independent-samples t test as SPSS's T-TEST /GROUPS prints it (x - y).

    Both rows are always computed: ``student`` ("Equal variances assumed") and
    ``welch`` ("Equal variances not assumed"), with Levene's test based on
    absolute deviations from the group means (as SPSS and PSPP; R
    ``car::leveneTest(..., center = mean)``).

    Effect size: Hedges' g (pooled SD, exact small-sample correction) with a
    CI from the noncentral t; Cohen's d is listed in ``effect_sizes`` too.

    Parameters
    ----------
    x, y : array-like
        The two groups (missing values dropped and counted in ``notes``); at least
        2 values each, not both constant.
    equal_var : {"auto", True, False}, default "auto"
        Which row fills ``statistic``/``pvalue``/``df``. ``"auto"``: Student
        when Levene's p >= .05, else Welch (the rule SPSS users apply);
        ``method`` says which was used.
    alternative : {"two-sided", "less", "greater"}, default "two-sided"
        ``"greater"``: mean of x larger than mean of y. The CIs stay two-sided.
    confidence_level : float, default 0.95
        Level of the CIs of the difference and of the effect sizes.

    Returns
    -------
    IndependentTResult
        ``student`` and ``welch`` rows (t, df, p, difference, SE, CI), the row in
        use in ``statistic``/``pvalue``/``df``, group summaries ``x``/``y``,
        Levene's F, df and p, ``effect_size`` (Hedges' g) and ``effect_sizes``.

    Examples
    --------
    >>> res = independent_t([5, 6, 7, 8], [1, 2, 3, 4, 5])
    >>> round(res.student.statistic, 4), res.student.df
    (3.5642, 7.0)
    """
    check_option("alternative", alternative, ALTERNATIVES)
    check_option("equal_var", equal_var, ("auto", True, False))
    level = check_confidence_level(confidence_level)
    xa, nx_notes = sample_array(x, "x", min_n=2)
    ya, ny_notes = sample_array(y, "y", min_n=2)
    notes = nx_notes + ny_notes
    sx, sy = _summary("x", xa), _summary("y", ya)
    nx, ny = sx.n, sy.n
    if sx.sd == 0 and sy.sd == 0:
        raise ConstantInputError(
            "Both groups are constant (SD = 0 in each); t cannot be computed.",
            what="both groups",
            value=sx.mean,
            message_id="both_groups_constant",
        )
    diff = sx.mean - sy.mean
    df_s = nx + ny - 2
    sp2 = ((nx - 1) * sx.sd**2 + (ny - 1) * sy.sd**2) / df_s
    student = _t_row(sx, sy, True, alternative, level)
    welch = _t_row(sx, sy, False, alternative, level)
    lev_f, lev_p = _levene(xa, ya)
    if math.isnan(lev_f):
        notes.append(Note("levene_undefined", {"reason": "no spread of absolute deviations "
                                                         "within the groups"}))
    if equal_var == "auto":
        use_student = not (lev_p < 0.05)
        how = f"Levene p = {lev_p:.6g}: " + ("Student (equal variances assumed)" if use_student
                                             else "Welch (equal variances not assumed)")
    else:
        use_student = bool(equal_var)
        how = "Student (equal variances assumed)" if use_student else "Welch (unequal variances)"
    row = student if use_student else welch
    d = diff / math.sqrt(sp2)
    j = _effsize.hedges_j(df_s)
    lo, hi = _effsize.ncp_ci_t(student.statistic, df_s, level)
    scale = math.sqrt(1 / nx + 1 / ny)
    g = EffectSize(
        "hedges_g",
        d * j,
        ConfidenceInterval(lo * scale * j, hi * scale * j, level),
        "(mean_x - mean_y) / pooled SD x J(df), exact J; CI by inverting the noncentral t",
        "both groups",
    )
    cd = EffectSize(
        "cohens_d",
        d,
        ConfidenceInterval(lo * scale, hi * scale, level),
        "(mean_x - mean_y) / pooled SD; CI by inverting the noncentral t",
        "both groups",
    )
    return IndependentTResult(
        statistic=row.statistic,
        pvalue=row.pvalue,
        df=row.df,
        n=nx + ny,
        x=sx,
        y=sy,
        levene_f=lev_f,
        levene_df1=1,
        levene_df2=df_s,
        levene_pvalue=lev_p,
        student=student,
        welch=welch,
        equal_var=use_student,
        alternative=alternative,
        method=how,
        effect_size=g,
        effect_sizes=(g, cd),
        notes=tuple(notes),
    )


def _levene(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Levene's F on absolute deviations from the group means (SPSS, PSPP).

    ``scipy.stats.levene(x, y, center="mean")``; (NaN, NaN) when the absolute
    deviations do not vary within the groups (F is 0/0 or x/0 there).

    Parameters
    ----------
    x, y : numpy.ndarray
        The two groups, no missing values.

    Returns
    -------
    tuple of float
        (F with 1 and n - 2 df, p).
    """
    zx, zy = np.abs(x - x.mean()), np.abs(y - y.mean())
    z = np.concatenate([zx, zy])
    within = float(((zx - zx.mean()) ** 2).sum() + ((zy - zy.mean()) ** 2).sum())
    if within <= 1e-12 * float((z * z).sum()):  # no spread within the groups: F undefined
        return math.nan, math.nan
    res = stats.levene(x, y, center="mean")
    return float(res.statistic), float(res.pvalue)


def _sse(design: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray, int]:
    coef, _, rank, _ = np.linalg.lstsq(design, y, rcond=None)
    resid = y - design @ coef
    return float(resid @ resid), coef, int(rank)


def ancova(
    post: Any,
    pre: Any,
    group: Any,
    *,
    levels: tuple[Any, ...] | None = None,
    confidence_level: float = 0.95,
) -> AncovaResult:
    """One-way ANCOVA: post adjusted for pre, compared between groups.

    The model is ``post ~ group + pre`` (SPSS ``UNIANOVA post BY group WITH
    pre``, Type III sums of squares; with one covariate and no interaction
    this equals R's ``anova(lm(post ~ pre + group))`` row for group).
    Returned: F, df and p for group and for the covariate, the common slope,
    adjusted (estimated marginal) means at the overall pre mean with SE and
    CI, for two groups the adjusted difference (second level minus first)
    with CI, the homogeneity-of-regression-slopes test (the group x pre
    interaction in ``post ~ group * pre``) and partial eta squared with CI.

    Cases with a missing post, pre or group are dropped (listwise) and counted
    in ``notes``.

    Parameters
    ----------
    post : array-like
        The outcome after the intervention, one value per mother.
    pre : array-like
        The same measurement before (the covariate).
    group : array-like
        The group of each mother (two or more groups).
    levels : tuple, optional
        The order of the groups (default: sorted); the difference is
        ``levels[1] - levels[0]``.
    confidence_level : float, default 0.95
        Level of the CIs.

    Returns
    -------
    AncovaResult
        F, df and p for group (``statistic``, ``pvalue``) and for the covariate,
        sums of squares, the common slope, ``adjusted_means``, ``difference`` and
        ``difference_ci`` (two groups), the separate-slopes test and partial eta
        squared with CI.

    Raises
    ------
    LaktasiInputError
        Lengths that differ, no complete case, fewer than two groups or fewer
        than 2 cases in a group, constant pre, constant post (e.g. everyone at the
        scale's maximum: R's F is NaN there), or a perfect fit (R's anova.lm rule:
        residual SS < 1e-10 x sum of squared fitted values).
    """
    level = check_confidence_level(confidence_level)
    y = as_float_array(post, "post")
    x = as_float_array(pre, "pre")
    g = list(group.to_numpy() if hasattr(group, "to_numpy") else group)
    if not (len(y) == len(x) == len(g)):
        raise LengthMismatchError(
            f"post, pre and group must have one value per mother; got {len(y)}, {len(x)} and "
            f"{len(g)} values.",
            lengths=(len(y), len(x), len(g)),
            n_post=len(y),
            n_pre=len(x),
            n_group=len(g),
            message_id="ancova_lengths_differ",
        )
    g_missing = np.array([is_missing(v) for v in g], dtype=bool)
    keep = ~(np.isnan(y) | np.isnan(x) | g_missing)
    notes: list[Note] = []
    if not keep.all():
        notes.append(Note("missing_dropped", {"n": int((~keep).sum()), "rule": "listwise"}))
    y, x = y[keep], x[keep]
    g = [v for v, k in zip(g, keep, strict=True) if k]
    if y.size == 0:
        raise TooFewObservationsError(
            f"No mother has post, pre and group all present ({len(keep)} rows given); "
            "ANCOVA needs complete cases.",
            n=0,
            min_n=4,
            what="complete cases",
            n_rows=len(keep),
            message_id="ancova_no_complete_cases",
        )
    levels = levels_of(g, levels, "Group", message_id="group_values_not_allowed")
    k = len(levels)
    if k < 2:
        raise LaktasiInputError(
            f"ANCOVA compares groups; only {k} group found ({', '.join(map(repr, levels))}).",
            levels=levels,
            n_groups=k,
            message_id="ancova_one_group",
        )
    idx = np.array([levels.index(v) for v in g])
    counts = np.bincount(idx, minlength=k)
    if (counts < 2).any():
        raise LaktasiInputError(
            "Every group needs at least 2 complete cases; counts are "
            + ", ".join(f"{lv!r}: {c}" for lv, c in zip(levels, counts, strict=True))
            + ".",
            counts=counts.tolist(),
            group_counts={lv: int(c) for lv, c in zip(levels, counts, strict=True)},
            message_id="ancova_group_too_small",
        )
    n = int(y.size)
    require_n(n, k + 2, "complete cases", message_id="too_few_cases")
    if np.ptp(x) == 0:
        raise ConstantInputError("All pre values are equal; pre cannot adjust post.",
                                 what="pre", value=float(x[0]),
                                 message_id="ancova_pre_constant")
    if np.ptp(_ranks.clean(y)) == 0:
        # R: anova(lm(post ~ pre + g)) prints F = NaN (0 / 0) and warns of a perfect fit
        raise ConstantInputError(
            f"All {n} post values are equal ({y[0]:g}, e.g. everyone at the scale's maximum); "
            "there is no variation between or within the groups to test.",
            what="post",
            value=float(y[0]),
            n=n,
            message_id="ancova_post_constant",
        )
    dummies = np.zeros((n, k - 1))
    for j in range(1, k):
        dummies[:, j - 1] = idx == j
    ones = np.ones((n, 1))
    full = np.hstack([ones, dummies, x[:, None]])
    sse_full, coef, rank = _sse(full, y)
    df_error = n - k - 1
    if rank < full.shape[1] or df_error < 1:
        raise LaktasiInputError("The data cannot separate group and pre (the design is "
                                "singular); check that pre varies within groups.",
                                message_id="ancova_singular")
    fitted = full @ coef
    if sse_full < _PERFECT_FIT * float(fitted @ fitted):
        # R's anova.lm warns "ANOVA F-tests on an essentially perfect fit are unreliable"
        # when the residual SS < 1e-10 x the sum of squared fitted values: refuse there
        raise LaktasiInputError(
            "post is (almost) exactly a straight line in pre within the groups (residual "
            f"sum of squares {sse_full:.3g}); F-tests on a perfect fit are meaningless. "
            "Check that post and pre are different measurements.",
            ss_error=sse_full,
            reason="perfect_fit",
            residual_ss=float(f"{sse_full:.3g}"),
            message_id="ancova_perfect_fit",
        )
    sse_no_group, _, _ = _sse(np.hstack([ones, x[:, None]]), y)
    sse_no_pre, _, _ = _sse(np.hstack([ones, dummies]), y)
    # sums of squares are >= 0; a difference of two equal residual sums can come out -1e-15
    ss_group = max(0.0, sse_no_group - sse_full)
    ss_cov = max(0.0, sse_no_pre - sse_full)
    mse = sse_full / df_error
    f_group = (ss_group / (k - 1)) / mse
    f_cov = ss_cov / mse
    p_group = float(stats.f.sf(f_group, k - 1, df_error))
    p_cov = float(stats.f.sf(f_cov, 1, df_error))
    cov = mse * np.linalg.inv(full.T @ full)
    xbar = float(x.mean())
    q = t_ppf(1 - (1 - level) / 2, df_error)
    adj = []
    vecs = []
    for j, lv in enumerate(levels):
        v = np.zeros(full.shape[1])
        v[0] = 1
        if j:
            v[j] = 1
        v[-1] = xbar
        vecs.append(v)
        m = float(v @ coef)
        se = math.sqrt(float(v @ cov @ v))
        sel = idx == j
        adj.append(AdjustedMean(str(lv), int(sel.sum()), float(x[sel].mean()),
                                float(y[sel].mean()), m, se,
                                ConfidenceInterval(m - q * se, m + q * se, level)))
    diff = diff_ci = None
    if k == 2:
        cvec = vecs[1] - vecs[0]
        diff = float(cvec @ coef)
        se_d = math.sqrt(float(cvec @ cov @ cvec))
        diff_ci = ConfidenceInterval(diff - q * se_d, diff + q * se_d, level)
    inter = np.hstack([full, dummies * x[:, None]])
    sse_int, _, rank_int = _sse(inter, y)
    df2 = n - 2 * k
    if df2 >= 1 and rank_int == inter.shape[1] and sse_int > 0:
        f_sl = ((sse_full - sse_int) / (k - 1)) / (sse_int / df2)
        p_sl = float(stats.f.sf(f_sl, k - 1, df2))
    else:
        f_sl, p_sl = math.nan, math.nan
        notes.append(Note("slopes_test_undefined", {"df": df2}))
    eff = _effsize.partial_eta_squared(f_group, k - 1, df_error, level)
    return AncovaResult(
        statistic=f_group,
        pvalue=p_group,
        df_effect=k - 1,
        df_error=df_error,
        n=n,
        ss_group=ss_group,
        ss_covariate=ss_cov,
        ss_error=sse_full,
        covariate_f=f_cov,
        covariate_pvalue=p_cov,
        slope=float(coef[-1]),
        adjusted_means=tuple(adj),
        difference=diff,
        difference_ci=diff_ci,
        slopes_f=f_sl,
        slopes_df1=k - 1,
        slopes_df2=df2,
        slopes_pvalue=p_sl,
        method="ANCOVA post ~ group + pre, Type III sums of squares",
        effect_size=eff,
        notes=tuple(notes),
    )
