"""laktasi.stats against one peer's output for one corpus dataset, one test family at a time.

Used by test_peers_golden.py (committed golden files) and test_peers_live.py (PSPP and R
run live). ``families(peer, case, gold)`` lists the test families a dataset has for a
peer; ``check(peer, family, case, gold)`` runs laktasi and compares.

Signs: laktasi's paired differences are post - pre. PSPP computes pre - post: its
"Negative Ranks" row is our positive row, and its paired t, mean difference and CI are
ours negated (p is the same).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import cache
from pathlib import Path

import numpy as np
from compare import begin, close_pspp, close_pspp_derived, close_r

import laktasi.stats as st

REF = Path(__file__).parents[1] / "reference"
NCP_T_PRECISION = 37.62  # R's pt() "may not achieve full precision" beyond this ncp


def load(name: str) -> dict:
    """``corpus`` (by id) or a golden file (``r``, ``pspp``)."""
    if name == "corpus":
        return {c["id"]: c for c in json.loads((REF / "corpus" / "corpus.json").read_text())}
    return json.loads((REF / "golden" / f"{name}.json").read_text())


def _arr(values) -> np.ndarray:
    return np.array([math.nan if v is None else v for v in values], dtype=float)


def _binary_table(case: dict) -> list[list[int]]:
    """Rows = group (x, y), columns = outcome 0, 1 (as R and PSPP CROSSTABS g BY v)."""
    return [[sum(v == 0 for v in case[g]), sum(v == 1 for v in case[g])] for g in ("x", "y")]


def _spread(case: dict) -> bool:
    """Two groups, at least one with more than one distinct value (a t test exists)."""
    return any(len({v for v in case[g] if v is not None}) > 1 for g in ("x", "y"))


def _computed(case: dict) -> dict:
    """Every laktasi result for one dataset."""
    kind = case["kind"]
    out: dict = {}
    if kind == "paired":
        pre, post = _arr(case["pre"]), _arr(case["post"])
        out["wilcoxon"] = st.wilcoxon_signed_rank(pre, post)
        out["t"] = st.paired_t(pre, post)
        for name, v in (("pre", pre), ("post", post)):
            # each variable on its own with its missing values: laktasi drops them (as
            # EXAMINE and R on the non-missing values)
            x = v[~np.isnan(v)]
            out[f"descriptives {name}"] = st.descriptives(v)
            if np.ptp(x) > 0:
                out[f"shapiro {name}"] = st.shapiro_wilk(v)
                if x.size >= 5:
                    out[f"lilliefors {name}"] = st.kolmogorov_smirnov_lilliefors(v)
    elif kind == "paired_binary":
        out["mcnemar"] = st.mcnemar(case["pre"], case["post"])
    elif kind == "two_group":
        x, y = _arr(case["x"]), _arr(case["y"])
        out["mann-whitney"] = st.mann_whitney(x, y)
        if _spread(case):
            out["t"] = st.independent_t(x, y)
        if case["sub"] == "binary":
            out["chi"] = st.chi_square(_binary_table(case))
            out["fisher"] = st.fisher_exact(_binary_table(case))
    elif kind == "table":
        out["chi"] = st.chi_square(case["table"])
        out["fisher"] = st.fisher_exact(case["table"])
    elif kind == "ancova":
        out["ancova"] = st.ancova(_arr(case["post"]), _arr(case["pre"]), case["group"])
    return out


_CACHE: dict[str, dict] = {}


def computed(case: dict) -> dict:
    """laktasi's results for ``case``, computed once per dataset id."""
    if case["id"] not in _CACHE:
        _CACHE[case["id"]] = _computed(case)
    return _CACHE[case["id"]]


# ------------------------------------------------------------------------------ R checks

def _r_wilcoxon(case, r, o, cid):
    w = o["wilcoxon"]
    # > wilcox.test(post, pre, paired = TRUE, correct = FALSE, exact = FALSE)
    close_r("wilcoxon", "V (T+)", w.t_plus, r["wilcoxon_v"], cid)
    close_r("wilcoxon", "asymptotic p", w.pvalue_asymptotic, r["wilcoxon_p"], cid)


def _r_wilcoxon_exact(case, r, o, cid):
    # > coin::wilcoxsign_test(post ~ pre, distribution = "exact", zero.method = "Wilcoxon")
    close_r("wilcoxon exact", "exact p", o["wilcoxon"].pvalue_exact, r["wilcoxon_exact_p"], cid)


def _r_paired_t(case, r, o, cid):
    t = o["t"]
    # > t.test(post, pre, paired = TRUE); sd(post - pre)
    close_r("paired t", "t", t.statistic, r["t"], cid)
    close_r("paired t", "df", t.df, r["t_df"], cid)
    close_r("paired t", "p", t.pvalue, r["t_p"], cid)
    close_r("paired t", "mean difference", t.mean_difference, r["t_mean"], cid)
    close_r("paired t", "sd difference", t.sd_difference, r["t_sd"], cid)
    close_r("paired t", "ci low", t.ci.low, r["t_ci"][0], cid)
    close_r("paired t", "ci high", t.ci.high, r["t_ci"][1], cid)


def _r_dz_ci(case, r, o, cid):
    t = o["t"]
    # > uniroot(function(d) pt(t, n - 1, d) - c(.975, .025), ...) / sqrt(n)   (d_z CI)
    # R's pt() with ncp > 37.62 "may not achieve full precision" (its own warning): limits
    # beyond that are checked against mpmath in test_effect_size_cis.py instead. Both sides
    # solve an equation numerically: 1e-7.
    for name, ours, theirs in (("low", t.effect_size.ci.low, r["dz_ci"][0]),
                               ("high", t.effect_size.ci.high, r["dz_ci"][1])):
        if abs(theirs) * math.sqrt(t.n) <= NCP_T_PRECISION:
            close_r("d_z ci", name, ours, theirs, cid, rel=1e-7)


def _r_correlation(case, r, o, cid):
    t = o["t"]
    # > cor.test(pre, post)
    close_r("correlation", "r", t.correlation, r["cor"], cid)
    close_r("correlation", "p", t.correlation_pvalue, r["cor_p"], cid)


def _r_normality(var):
    def check(case, r, o, cid):
        g = r[var]
        # > shapiro.test(x); nortest::lillie.test(x)   (x = all non-missing values of var)
        if "sw_w" in g:
            close_r(f"normality {var}", "shapiro W", o[f"shapiro {var}"].statistic, g["sw_w"], cid)
            close_r(f"normality {var}", "shapiro p", o[f"shapiro {var}"].pvalue, g["sw_p"], cid)
        if "ks_d" in g:
            ks = o[f"lilliefors {var}"]
            close_r(f"normality {var}", "lilliefors D", ks.statistic, g["ks_d"], cid)
            close_r(f"normality {var}", "lilliefors p", ks.pvalue, g["ks_p"], cid)
    return check


def _r_descriptives(var):
    def check(case, r, o, cid):
        g, d = r[var], o[f"descriptives {var}"]
        fam = f"descriptives {var}"
        # > mean(x); sd(x); var(x); median(x); min(x); max(x)
        for what, ours in (("n", d.n), ("mean", d.mean), ("sd", d.sd), ("var", d.variance),
                           ("median", d.median), ("min", d.min), ("max", d.max)):
            close_r(fam, what, ours, g[what], cid)
        # > quantile(x, c(.25, .5, .75), type = 6)   (type 6 = SPSS HAVERAGE)
        for what, ours, q in zip(("q1", "median (type 6)", "q3"), (d.q1, d.median, d.q3), g["q"],
                                 strict=True):
            close_r(fam, what, ours, q, cid)
    return check


def _r_mcnemar(case, r, o, cid):
    m = o["mcnemar"]
    # > tab <- table(factor(pre, 0:1), factor(post, 0:1))   (complete pairs)
    assert [x for row in m.table for x in row] == r["table"], cid
    # > binom.test(min(b, c), b + c); mcnemar.test(tab, correct = FALSE / TRUE)
    close_r("mcnemar", "exact p", m.pvalue_exact, r["exact_p"], cid)
    close_r("mcnemar", "chi2", m.chi2, r["chi2"], cid)
    close_r("mcnemar", "chi2 p", m.chi2_pvalue, r["chi2_p"], cid)
    close_r("mcnemar", "chi2 corrected", m.chi2_corrected, r["chi2c"], cid)
    close_r("mcnemar", "chi2 corrected p", m.chi2_corrected_pvalue, r["chi2c_p"], cid)
    # the same from the counts: mcnemar_table(b, c, a=a, d=d)
    a, b, c, d = r["table"]
    mt = st.mcnemar_table(int(b), int(c), a=int(a), d=int(d))
    close_r("mcnemar", "exact p (mcnemar_table)", mt.pvalue_exact, r["exact_p"], cid)
    close_r("mcnemar", "chi2 corrected (mcnemar_table)", mt.chi2_corrected, r["chi2c"], cid)


def _r_mann_whitney(case, r, o, cid):
    mw = o["mann-whitney"]
    # > wilcox.test(x, y, correct = FALSE, exact = FALSE)   (R's W is U of x)
    close_r("mann-whitney", "U_x", mw.u_x, r["mw_w"], cid)
    close_r("mann-whitney", "asymptotic p", mw.pvalue_asymptotic, r["mw_p"], cid)


def _r_mann_whitney_exact(case, r, o, cid):
    # > coin::wilcox_test(v ~ g, distribution = "exact")
    close_r("mann-whitney exact", "exact p", o["mann-whitney"].pvalue_exact, r["mw_exact_p"], cid)


def _r_independent_t(case, r, o, cid):
    t = o["t"]
    # > t.test(x, y, var.equal = TRUE); t.test(x, y, var.equal = FALSE)
    for name, row, gold in (("student", t.student, r["t_student"]),
                            ("welch", t.welch, r["t_welch"])):
        close_r("independent t", f"{name} t", row.statistic, gold[0], cid)
        close_r("independent t", f"{name} df", row.df, gold[1], cid)
        close_r("independent t", f"{name} p", row.pvalue, gold[2], cid)
        close_r("independent t", f"{name} ci low", row.ci.low, gold[3], cid)
        close_r("independent t", f"{name} ci high", row.ci.high, gold[4], cid)


def _r_hedges_ci(case, r, o, cid):
    t = o["t"]
    # Hedges' g CI: noncentral-t limits x sqrt(1/n1 + 1/n2) x J(df), pt() in R (1e-7: both
    # sides solve numerically; limits beyond R's pt() precision are left out, as for d_z)
    scale = math.sqrt(1 / t.x.n + 1 / t.y.n) * st._effsize.hedges_j(t.x.n + t.y.n - 2)
    for name, ours, theirs in (("low", t.effect_size.ci.low, r["g_ci"][0]),
                               ("high", t.effect_size.ci.high, r["g_ci"][1])):
        if abs(theirs) / scale <= NCP_T_PRECISION:
            close_r("hedges g ci", name, ours, theirs, cid, rel=1e-7)


def _r_levene(case, r, o, cid):
    t = o["t"]
    # > anova(lm(abs(c(x - mean(x), y - mean(y))) ~ g))   (Levene, mean-centred)
    close_r("levene", "F", t.levene_f, r["levene_f"], cid)
    close_r("levene", "p", t.levene_pvalue, r["levene_p"], cid)


def _table_gold(case, r):
    return r["table"] if case["kind"] == "two_group" else r


def _r_chi_square(case, r, o, cid):
    chi, g = o["chi"], _table_gold(case, r)
    # > chisq.test(tab, correct = FALSE); chisq.test(tab, correct = TRUE)   (2 x 2)
    close_r("chi-square", "pearson", chi.pearson.statistic, g["pearson"], cid)
    close_r("chi-square", "pearson df", chi.pearson.df, g["pearson_df"], cid)
    close_r("chi-square", "pearson p", chi.pearson.pvalue, g["pearson_p"], cid)
    for ours, e in zip(np.ravel(chi.expected), g["expected"], strict=True):
        close_r("chi-square", "expected count", ours, e, cid)
    close_r("chi-square", "min expected", chi.min_expected, min(g["expected"]), cid)
    assert chi.n_expected_below_5 == sum(e < 5 for e in g["expected"]), cid
    if "yates" in g:
        close_r("chi-square", "continuity", chi.continuity.statistic, g["yates"], cid)
        close_r("chi-square", "continuity p", chi.continuity.pvalue, g["yates_p"], cid)


def _r_cramers_v_ci(case, r, o, cid):
    chi, g = o["chi"], _table_gold(case, r)
    # Cramer's V CI: pchisq(chi2, df, ncp) inverted with uniroot (laktasi caps the upper
    # limit at 1, the largest V there is). Both sides solve numerically: 1e-7.
    close_r("cramers v ci", "low", chi.effect_size.ci.low, g["v_ci"][0], cid, rel=1e-7)
    close_r("cramers v ci", "high", chi.effect_size.ci.high, min(1.0, g["v_ci"][1]), cid, rel=1e-7)


def _r_fisher(case, r, o, cid):
    f, g = o["fisher"], _table_gold(case, r)
    # > fisher.test(tab); fisher.test(tab, alternative = "less" / "greater")
    close_r("fisher", "two-sided p", f.pvalue, g["fisher_p"], cid)
    if "fisher_less" in g:
        close_r("fisher", "p less", f.pvalue_less, g["fisher_less"], cid)
        close_r("fisher", "p greater", f.pvalue_greater, g["fisher_greater"], cid)


def _r_fisher_or(case, r, o, cid):
    f, g = o["fisher"], _table_gold(case, r)
    table = np.array(_binary_table(case) if case["kind"] == "two_group" else case["table"])
    # R finds the conditional MLE and its CI with uniroot() at its default tolerance
    # (.Machine$double.eps^0.25 = 1.2e-4) on t in (0, 1) for values below 1 and on 1/t for
    # values above 1: R's values are off by up to that much (2 % for a lower limit of
    # 0.0005). laktasi is compared at 1e-9 with the same quantities solved to machine
    # precision here, and with R's fisher.test within R's own tolerance.
    mle, lo, hi = _exact_or(table)
    close_r("fisher odds ratio", "conditional MLE (exact solve)", f.effect_size.value, mle, cid)
    close_r("fisher odds ratio", "ci low (exact solve)", f.effect_size.ci.low, lo, cid)
    close_r("fisher odds ratio", "ci high (exact solve)", f.effect_size.ci.high, hi, cid)
    r_lo, r_hi = g["or_ci"]
    for what, ours, theirs in (("MLE", f.effect_size.value, g["or"]),
                               ("ci low", f.effect_size.ci.low, r_lo),
                               ("ci high", f.effect_size.ci.high, r_hi)):
        assert _within_uniroot(ours, theirs), f"{cid} {what}: laktasi {ours!r} vs R {theirs!r}"


def _within_uniroot(ours: float, theirs: float | None) -> bool:
    """Equal within the tolerance of R's uniroot (2 x eps^0.25 on t or on 1/t)."""
    tol = 2 * np.finfo(float).eps ** 0.25
    if theirs is None or not math.isfinite(theirs) or not math.isfinite(ours):
        return theirs is None or ours == theirs
    if theirs <= 1:
        return abs(ours - theirs) <= tol
    return abs(1 / ours - 1 / theirs) <= tol


def _exact_or(t: np.ndarray) -> tuple[float, float, float]:
    """Conditional MLE odds ratio and 95 % exact CI of a 2 x 2 table, solved to 1e-14."""
    from scipy import optimize
    from scipy.special import gammaln, logsumexp

    (a, b), (c, _d) = t
    k, m = a + b, a + c
    n = t.sum() - m
    x = np.arange(max(0, k - n), min(k, m) + 1)
    logc = (gammaln(m + 1) - gammaln(x + 1) - gammaln(m - x + 1)
            + gammaln(n + 1) - gammaln(k - x + 1) - gammaln(n - k + x + 1))

    def dist(lp):
        w = logc + x * lp
        return np.exp(w - logsumexp(w))

    def root(f):
        return float(np.exp(optimize.brentq(f, -60, 60, xtol=1e-14, rtol=1e-15)))

    lo = 0.0 if a == x[0] else root(lambda lp: dist(lp)[x >= a].sum() - 0.025)
    hi = math.inf if a == x[-1] else root(lambda lp: dist(lp)[x <= a].sum() - 0.025)
    if a == x[0]:
        mle = 0.0
    elif a == x[-1]:
        mle = math.inf
    else:
        mle = root(lambda lp: (dist(lp) * x).sum() - a)
    return mle, lo, hi


def _r_ancova(case, r, o, cid):
    a = o["ancova"]
    # > fit <- lm(post ~ pre + g); anova(fit)   (group last: sequential SS = Type III)
    close_r("ancova", "n", a.n, r["n"], cid)
    close_r("ancova", "F group", a.statistic, r["f_group"], cid)
    close_r("ancova", "p group", a.pvalue, r["p_group"], cid)
    close_r("ancova", "df effect", a.df_effect, r["df_effect"], cid)
    close_r("ancova", "df error", a.df_error, r["df_error"], cid)
    close_r("ancova", "SS group", a.ss_group, r["ss_group"], cid)
    close_r("ancova", "SS error", a.ss_error, r["ss_error"], cid)
    # partial eta squared = SS_group / (SS_group + SS_error)
    close_r("ancova", "partial eta squared", a.effect_size.value, r["eta2"], cid)
    # > anova(lm(post ~ g + pre))   (covariate last)
    close_r("ancova", "F pre", a.covariate_f, r["f_pre"], cid)
    close_r("ancova", "p pre", a.covariate_pvalue, r["p_pre"], cid)
    close_r("ancova", "SS pre", a.ss_covariate, r["ss_pre"], cid)
    close_r("ancova", "slope", a.slope, r["slope"], cid)


def _r_adjusted_means(case, r, o, cid):
    a = o["ancova"]
    # > predict(fit, data.frame(pre = mean(pre), g = levels(g)), se.fit = TRUE)
    for m, adj, se in zip(a.adjusted_means, r["adj"], r["adj_se"], strict=True):
        close_r("ancova adjusted means", f"{m.label} mean", m.adjusted_mean, adj, cid)
        close_r("ancova adjusted means", f"{m.label} se", m.se, se, cid)
    if "diff" in r:
        # > coef(fit)[3]; confint(fit)[3, ]   (second group minus first)
        close_r("ancova adjusted means", "difference", a.difference, r["diff"], cid)
        close_r("ancova adjusted means", "difference ci low", a.difference_ci.low,
                r["diff_ci"][0], cid)
        close_r("ancova adjusted means", "difference ci high", a.difference_ci.high,
                r["diff_ci"][1], cid)


def _r_slopes(case, r, o, cid):
    a = o["ancova"]
    # > anova(fit, lm(post ~ pre * g))   (homogeneity of regression slopes)
    close_r("ancova slopes", "F", a.slopes_f, r["slopes_f"], cid)
    close_r("ancova slopes", "p", a.slopes_pvalue, r["slopes_p"], cid)
    close_r("ancova slopes", "df1", a.slopes_df1, r["slopes_df1"], cid)
    close_r("ancova slopes", "df2", a.slopes_df2, r["slopes_df2"], cid)


def _r_eta2_ci(case, r, o, cid):
    a = o["ancova"]
    # partial eta squared CI: pf(F, df1, df2, ncp) inverted, ncp / (ncp + df1 + df2 + 1)
    close_r("partial eta2 ci", "low", a.effect_size.ci.low, r["eta2_ci"][0], cid, rel=1e-7)
    close_r("partial eta2 ci", "high", a.effect_size.ci.high, r["eta2_ci"][1], cid, rel=1e-7)


# --------------------------------------------------------------------------- PSPP checks

def _p_wilcoxon(case, p, o, cid):
    w, g = o["wilcoxon"], p["wilcoxon"]
    # NPAR TESTS /WILCOXON=pre WITH post (PAIRED): PSPP's Negative Ranks = our positive
    for name, ours, gold in (("positive", w.positive, g["neg"]), ("negative", w.negative, g["pos"])):
        close_pspp("wilcoxon", f"{name} n", ours.n, gold[0], cid)
        if ours.n:  # PSPP defect 4: an empty row's mean rank prints NaN
            close_pspp("wilcoxon", f"{name} mean rank", ours.mean_rank, gold[1], cid)
        close_pspp("wilcoxon", f"{name} sum of ranks", ours.sum_ranks, gold[2], cid)
    close_pspp("wilcoxon", "ties", w.ties, g["ties"], cid)
    close_pspp("wilcoxon", "Z", w.z, g["z"], cid)
    close_pspp("wilcoxon", "asymptotic p", w.pvalue_asymptotic, g["p"], cid)


def _p_paired_t(case, p, o, cid):
    t, g = o["t"], p["t_test"]
    # T-TEST /PAIRS=pre WITH post (PAIRED): Paired Samples Test, pre - post
    close_pspp("paired t", "mean difference", -t.mean_difference, g["mean"], cid)
    close_pspp("paired t", "sd difference", t.sd_difference, g["sd"], cid)
    close_pspp("paired t", "se difference", t.se_difference, g["se"], cid)
    close_pspp("paired t", "ci low", -t.ci.high, g["lo"], cid)
    close_pspp("paired t", "ci high", -t.ci.low, g["hi"], cid)
    close_pspp("paired t", "t", -t.statistic, g["t"], cid)
    close_pspp("paired t", "df", t.df, g["df"], cid)
    close_pspp("paired t", "p", t.pvalue, g["p"], cid)


def _p_paired_stats(case, p, o, cid):
    t = o["t"]
    # T-TEST /PAIRS: Paired Sample Statistics (N, Mean, Std. Deviation, S.E. Mean)
    for name, s in (("pre", t.pre), ("post", t.post)):
        for what, ours, cell in zip(("n", "mean", "sd", "se"), (s.n, s.mean, s.sd, s.se),
                                    p["t_stats"][name], strict=True):
            close_pspp("paired t statistics", f"{name} {what}", ours, cell, cid)


def _p_correlation(case, p, o, cid):
    t = o["t"]
    # T-TEST /PAIRS: Paired Samples Correlations (N, Correlation, Sig.)
    n, r, sig = p["t_corr"]
    close_pspp("correlation", "n", t.n, n, cid)
    close_pspp("correlation", "r", t.correlation, r, cid)
    close_pspp("correlation", "p", t.correlation_pvalue, sig, cid)


_EXAMINE = [("Mean", "mean", "se_mean"), ("Median", "median", None),
            ("Variance", "variance", None), ("Std. Deviation", "sd", None),
            ("Minimum", "min", None), ("Maximum", "max", None), ("Range", "range", None),
            ("5% Trimmed Mean", "trimmed_mean_5", None), ("Interquartile Range", "iqr", None),
            ("Skewness", "skewness", "se_skewness"), ("Kurtosis", "kurtosis", "se_kurtosis")]


def _p_examine(var):
    def check(case, p, o, cid):
        d, g = o[f"descriptives {var}"], p[f"examine_{var}"]
        fam = f"examine {var}"
        # EXAMINE /VARIABLES=var /STATISTICS=DESCRIPTIVES /PERCENTILES(25,50,75)=HAVERAGE
        desc = g["descriptives"]
        for label, attr, se_attr in _EXAMINE:
            value = getattr(d, attr)
            if label in desc and not math.isnan(value):
                close_pspp(fam, label, value, desc[label][0], cid)
                if se_attr is not None and not math.isnan(getattr(d, se_attr)):
                    close_pspp(fam, f"{label} SE", getattr(d, se_attr), desc[label][1], cid)
        for label, value in (("95% Confidence Interval for Mean|Lower Bound", d.ci_mean.low),
                             ("95% Confidence Interval for Mean|Upper Bound", d.ci_mean.high)):
            close_pspp(fam, label, value, desc[label][0], cid)
        for what, ours, cell in zip(("HAVERAGE 25", "HAVERAGE 50", "HAVERAGE 75"),
                                    (d.q1, d.median, d.q3), g["haverage"], strict=True):
            close_pspp(fam, what, ours, cell, cid)
    return check


def _p_shapiro(var):
    def check(case, p, o, cid):
        sw = o[f"shapiro {var}"]
        w, df, sig = p[f"examine_{var}"]["shapiro"]
        # EXAMINE /PLOT=NPPLOT: Tests of Normality (Shapiro-Wilk only in PSPP 1.6.2)
        close_pspp(f"shapiro {var}", "W", sw.statistic, w, cid)
        close_pspp(f"shapiro {var}", "df", sw.df, df, cid)
        close_pspp(f"shapiro {var}", "p", sw.pvalue, sig, cid)
    return check


def _p_mcnemar(case, p, o, cid):
    m, g = o["mcnemar"], p["mcnemar"]
    # NPAR TESTS /MCNEMAR=pre WITH post (PAIRED): PSPP prints the crosstab and the exact p
    assert [list(row) for row in m.table] == g["table"], cid
    close_pspp("mcnemar", "n", m.n, g["n"], cid)
    # PSPP defect 3: its exact p is 2 x the one-sided tail without the cap at 1 (b = c = 3:
    # 1.3125). Where PSPP's value is above 1 it is compared with R's binom.test instead
    # (test_r, family "mcnemar"); here only where it is a probability.
    if g["exact_p2"][0] <= 1 + 1e-9:
        close_pspp("mcnemar", "exact p", m.pvalue_exact, g["exact_p2"], cid)


def _p_mann_whitney(case, p, o, cid):
    mw, g = o["mann-whitney"], p["mann_whitney"]
    # NPAR TESTS /M-W=v BY g(1,2)
    for name, ours, gold in (("x", mw.ranks_x, g["ranks_x"]), ("y", mw.ranks_y, g["ranks_y"])):
        close_pspp("mann-whitney", f"{name} n", ours.n, gold[0], cid)
        close_pspp("mann-whitney", f"{name} mean rank", ours.mean_rank, gold[1], cid)
        close_pspp("mann-whitney", f"{name} sum of ranks", ours.sum_ranks, gold[2], cid)
    close_pspp("mann-whitney", "U", mw.u, g["u"], cid)
    close_pspp("mann-whitney", "W", mw.w, g["w"], cid)
    close_pspp("mann-whitney", "Z", mw.z, g["z"], cid)
    close_pspp("mann-whitney", "asymptotic p", mw.pvalue_asymptotic, g["p"], cid)


def _p_group_stats(case, p, o, cid):
    t = o["t"]
    # T-TEST /GROUPS=g(1,2): Group Statistics (N, Mean, Std. Deviation, S.E. Mean)
    for name, s in (("x", t.x), ("y", t.y)):
        for what, ours, cell in zip(("n", "mean", "sd", "se"), (s.n, s.mean, s.sd, s.se),
                                    p["group_stats"][name], strict=True):
            close_pspp("group statistics", f"{name} {what}", ours, cell, cid)


def _p_independent_t(case, p, o, cid):
    t = o["t"]
    # T-TEST /GROUPS=g(1,2): Independent Samples Test, both rows
    for name, row, gold in (("student", t.student, p["t_test"]["student"]),
                            ("welch", t.welch, p["t_test"]["welch"])):
        for what, ours, cell in zip(
                ("t", "df", "p", "mean difference", "se difference", "ci low", "ci high"),
                (row.statistic, row.df, row.pvalue, row.mean_difference, row.se_difference,
                 row.ci.low, row.ci.high), gold, strict=True):
            close_pspp("independent t", f"{name} {what}", ours, cell, cid)


def _p_levene(case, p, o, cid):
    t = o["t"]
    # T-TEST /GROUPS: Levene's Test for Equality of Variances (mean-centred)
    close_pspp("levene", "F", t.levene_f, p["t_test"]["levene_f"], cid)
    close_pspp("levene", "p", t.levene_pvalue, p["t_test"]["levene_p"], cid)


def _p_chi_square(case, p, o, cid):
    chi, g = o["chi"], p["crosstabs"]
    # CROSSTABS /STATISTICS=CHISQ: Chi-Square Tests (value, df, asymptotic sig.)
    for key, name, row in (("pearson", "pearson", chi.pearson), ("yates", "continuity",
                           chi.continuity), ("lr", "likelihood ratio", chi.likelihood_ratio),
                           ("lbl", "linear-by-linear", chi.linear_by_linear)):
        if key in g:
            assert row is not None, f"{cid}: PSPP prints {name}, laktasi has none"
            close_pspp("chi-square", name, row.statistic, g[key][0], cid)
            close_pspp("chi-square", f"{name} df", row.df, g[key][1], cid)
            close_pspp("chi-square", f"{name} p", row.pvalue, g[key][2], cid)


def _p_fisher(case, p, o, cid):
    f = o["fisher"]
    # CROSSTABS: Fisher's Exact Test. PSPP defect 1: its two-sided p leaves tables out (not
    # only with equal row totals; it can even exceed 1: [[1, 3], [1, 1]] -> 1.0944), so the
    # two-sided p is compared with R's fisher.test (test_r, family "fisher"). PSPP's
    # one-sided p (the tail in the observed direction) is compared here.
    close_pspp("fisher 1-sided", "1-sided p", f.pvalue_one_sided, p["crosstabs"]["fisher"][1], cid)


def _p_ancova(case, p, o, cid):
    a = o["ancova"]
    full, red = p["full"], p["reduced"]
    fam = "ancova (regression)"
    # PSPP 1.6.2's GLM takes no covariates: REGRESSION /VARIABLES=pre d2 [d3] /DEPENDENT=post
    close_pspp(fam, "slope (B of pre)", a.slope, full["coef"]["pre"][0], cid)
    close_pspp(fam, "SS error (residual)", a.ss_error, full["ss_residual"], cid)
    close_pspp(fam, "df error", a.df_error, full["df_residual"], cid)
    # the covariate's t in the full model: t^2 = F of pre entered last
    close_pspp(fam, "|t| of pre = sqrt(F pre)", math.sqrt(a.covariate_f),
               [abs(full["coef"]["pre"][3][0]), full["coef"]["pre"][3][1]], cid)
    close_pspp(fam, "p of pre", a.covariate_pvalue, full["coef"]["pre"][4], cid)
    if a.df_effect == 1:  # two groups: the dummy's B is the adjusted difference, t^2 = F
        d2 = full["coef"]["d2"]
        close_pspp(fam, "difference (B of d2)", a.difference, d2[0], cid)
        close_pspp(fam, "|t| of d2 = sqrt(F group)", math.sqrt(a.statistic),
                   [abs(d2[3][0]), d2[3][1]], cid)
        close_pspp(fam, "p of d2 = p group", a.pvalue, d2[4], cid)
    # F group from the two residual sums of squares (full vs post ~ pre), each printed
    # to 16 decimals: the bound on their rounding is carried into F
    close_pspp(fam, "df error (reduced)", a.df_error + a.df_effect, red["df_residual"], cid)
    f_value, half = _f_change(red["ss_residual"], full["ss_residual"], a.df_effect, a.df_error)
    close_pspp_derived(fam, "F group from REGRESSION SS", a.statistic, f_value, half, cid)


def _p_slopes(case, p, o, cid):
    a = o["ancova"]
    full, inter = p["full"], p["interaction"]
    # REGRESSION with pre x dummy terms: F for separate slopes from the residual SS
    close_pspp("ancova slopes (regression)", "df2", a.slopes_df2, inter["df_residual"], cid)
    f_value, half = _f_change(full["ss_residual"], inter["ss_residual"], a.slopes_df1,
                              a.slopes_df2)
    close_pspp_derived("ancova slopes (regression)", "F", a.slopes_f, f_value, half, cid)


def _f_change(ss_reduced: list, ss_full: list, df1: int, df2: int) -> tuple[float, float]:
    """F for the terms the full model adds, and the bound on the error from rounding."""
    r, dr = ss_reduced[0], 0.5 * 10.0 ** -ss_reduced[1]
    f, df_ = ss_full[0], 0.5 * 10.0 ** -ss_full[1]
    value = ((r - f) / df1) / (f / df2)
    half = value * ((dr + df_) / max(r - f, 1e-300) + df_ / f)
    return value, half


# ----------------------------------------------------------------------------- registry

Check = Callable[[dict, dict, dict, str], None]

R_CHECKS: dict[str, list[tuple[str, Check, Callable[[dict, dict], bool]]]] = {
    "paired": [
        ("wilcoxon", _r_wilcoxon, lambda c, g: True),
        ("wilcoxon exact", _r_wilcoxon_exact, lambda c, g: "wilcoxon_exact_p" in g),
        ("paired t", _r_paired_t, lambda c, g: True),
        ("d_z ci", _r_dz_ci, lambda c, g: True),
        ("correlation", _r_correlation, lambda c, g: "cor" in g),
        ("normality pre", _r_normality("pre"), lambda c, g: "sw_w" in g["pre"]),
        ("normality post", _r_normality("post"), lambda c, g: "sw_w" in g["post"]),
        ("descriptives pre", _r_descriptives("pre"), lambda c, g: True),
        ("descriptives post", _r_descriptives("post"), lambda c, g: True),
    ],
    "paired_binary": [("mcnemar", _r_mcnemar, lambda c, g: True)],
    "two_group": [
        ("mann-whitney", _r_mann_whitney, lambda c, g: True),
        ("mann-whitney exact", _r_mann_whitney_exact, lambda c, g: "mw_exact_p" in g),
        ("independent t", _r_independent_t, lambda c, g: "t_student" in g),
        ("hedges g ci", _r_hedges_ci, lambda c, g: "t_student" in g),
        ("levene", _r_levene, lambda c, g: "levene_f" in g),
        ("chi-square", _r_chi_square, lambda c, g: "table" in g),
        ("cramers v ci", _r_cramers_v_ci, lambda c, g: "table" in g),
        ("fisher", _r_fisher, lambda c, g: "table" in g),
        ("fisher odds ratio", _r_fisher_or, lambda c, g: "table" in g),
    ],
    "table": [
        ("chi-square", _r_chi_square, lambda c, g: True),
        ("cramers v ci", _r_cramers_v_ci, lambda c, g: True),
        ("fisher", _r_fisher, lambda c, g: True),
        ("fisher odds ratio", _r_fisher_or, lambda c, g: "or" in g),
    ],
    "ancova": [
        ("ancova", _r_ancova, lambda c, g: True),
        ("ancova adjusted means", _r_adjusted_means, lambda c, g: True),
        ("ancova slopes", _r_slopes, lambda c, g: True),
        ("partial eta2 ci", _r_eta2_ci, lambda c, g: True),
    ],
}

PSPP_CHECKS: dict[str, list[tuple[str, Check, Callable[[dict, dict], bool]]]] = {
    "paired": [
        ("wilcoxon", _p_wilcoxon, lambda c, g: "wilcoxon" in g),
        ("paired t", _p_paired_t, lambda c, g: "t_test" in g),
        ("paired t statistics", _p_paired_stats, lambda c, g: "t_stats" in g),
        ("correlation", _p_correlation, lambda c, g: "t_corr" in g),
        ("examine pre", _p_examine("pre"), lambda c, g: "examine_pre" in g),
        ("examine post", _p_examine("post"), lambda c, g: "examine_post" in g),
        ("shapiro pre", _p_shapiro("pre"), lambda c, g: "shapiro" in g.get("examine_pre", {})),
        ("shapiro post", _p_shapiro("post"),
         lambda c, g: "shapiro" in g.get("examine_post", {})),
    ],
    "paired_binary": [("mcnemar", _p_mcnemar, lambda c, g: "mcnemar" in g)],
    "two_group": [
        ("mann-whitney", _p_mann_whitney, lambda c, g: "mann_whitney" in g),
        ("group statistics", _p_group_stats, lambda c, g: "group_stats" in g and _spread(c)),
        ("independent t", _p_independent_t, lambda c, g: "t_test" in g and _spread(c)),
        ("levene", _p_levene,
         lambda c, g: "t_test" in g and _spread(c) and g["t_test"]["levene_f"] is not None),
        ("chi-square", _p_chi_square, lambda c, g: "crosstabs" in g),
        ("fisher 1-sided", _p_fisher, lambda c, g: "fisher" in g.get("crosstabs", {})),
    ],
    "table": [
        ("chi-square", _p_chi_square, lambda c, g: "crosstabs" in g),
        ("fisher 1-sided", _p_fisher, lambda c, g: "fisher" in g.get("crosstabs", {})),
    ],
    "ancova": [
        ("ancova (regression)", _p_ancova, lambda c, g: "full" in g and "reduced" in g),
        ("ancova slopes (regression)", _p_slopes,
         lambda c, g: "full" in g and "interaction" in g),
    ],
}

CHECKS = {"R": R_CHECKS, "PSPP": PSPP_CHECKS}


def families(peer: str, case: dict, gold: dict) -> list[str]:
    """The test families this peer's output has for this dataset."""
    return [name for name, _, applies in CHECKS[peer].get(case["kind"], []) if applies(case, gold)]


def check(peer: str, family: str, case: dict, gold: dict) -> None:
    """Compare laktasi with the peer's numbers for one dataset and test family."""
    for name, fn, _ in CHECKS[peer][case["kind"]]:
        if name == family:
            begin(peer, case["id"], family)
            fn(case, gold, computed(case), case["id"])
            return
    raise KeyError(f"no {peer} check {family!r} for kind {case['kind']!r}")


@cache
def slug(family: str) -> str:
    return family.replace(" ", "-").replace("(", "").replace(")", "")
