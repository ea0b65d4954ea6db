"""laktasi.stats against PSPP 1.6.2 and R 4.2.2 on the generated corpus (golden files).

Corpus: tests/reference/generate_corpus.py; peers: tests/reference/run_pspp.py and
tests/reference/run_r.R (see tests/reference/README.md). One test per dataset and peer.
Signs: laktasi's paired differences are post - pre; PSPP prints pre - post (its
"Negative Ranks" row is our positive row, its t, mean difference and CI are negated).
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from compare import close_pspp, close_r

import laktasi.stats as st

REF = Path(__file__).parents[1] / "reference"
CORPUS = {c["id"]: c for c in json.loads((REF / "corpus" / "corpus.json").read_text())}
R_GOLD = json.loads((REF / "golden" / "r.json").read_text())
PSPP_GOLD = json.loads((REF / "golden" / "pspp.json").read_text())


def _arr(values):
    return np.array([math.nan if v is None else v for v in values], dtype=float)


@cache
def ours(cid: str) -> dict:
    c = CORPUS[cid]
    out: dict = {}
    if c["kind"] == "paired":
        pre, post = _arr(c["pre"]), _arr(c["post"])
        out["w"] = st.wilcoxon_signed_rank(pre, post)
        out["t"] = st.paired_t(pre, post)
        x = pre[~np.isnan(pre)]
        out["d"] = st.descriptives(x)
        if np.ptp(x) > 0:
            out["sw"] = st.shapiro_wilk(x)
            if x.size >= 5:
                out["ks"] = st.kolmogorov_smirnov_lilliefors(x)
    elif c["kind"] == "two_group":
        x, y = _arr(c["x"]), _arr(c["y"])
        out["mw"] = st.mann_whitney(x, y)
        if np.std(x) > 0 or np.std(y) > 0:
            out["t"] = st.independent_t(x, y)
    elif c["kind"] == "mcnemar":
        out["m"] = st.mcnemar_table(c["b"], c["c"], a=c["a"], d=c["d"])
    elif c["kind"] == "table":
        out["chi"] = st.chi_square(c["table"])
        out["f"] = st.fisher_exact(c["table"])
    elif c["kind"] == "ancova":
        out["a"] = st.ancova(c["post"], c["pre"], c["group"])
    return out


@pytest.mark.parametrize("cid", sorted(R_GOLD))
def test_against_r(cid):
    c, r, o = CORPUS[cid], R_GOLD[cid], ours(cid)
    kind = c["kind"]
    if kind == "paired":
        w, t = o["w"], o["t"]
        # > wilcox.test(post, pre, paired = TRUE, correct = FALSE, exact = FALSE)
        close_r("wilcoxon V", w.t_plus * (10 if c["tenths"] else 1) ** 0, r["wilcoxon_v"], cid)
        close_r("wilcoxon p", w.pvalue_asymptotic, r["wilcoxon_p"], cid)
        # > coin::wilcoxsign_test(post ~ pre, distribution = "exact", zero.method = "Wilcoxon")
        if "wilcoxon_exact_p" in r:
            close_r("wilcoxon exact p", w.pvalue_exact, r["wilcoxon_exact_p"], cid)
        # > t.test(post, pre, paired = TRUE); cor.test(pre, post)
        close_r("paired t", t.statistic, r["t"], cid)
        close_r("paired t df", t.df, r["t_df"], cid)
        close_r("paired t p", t.pvalue, r["t_p"], cid)
        close_r("paired t mean", t.mean_difference, r["t_mean"], cid)
        close_r("paired t ci", t.ci.low, r["t_ci"][0], cid)
        close_r("paired t ci", t.ci.high, r["t_ci"][1], cid)
        # > uniroot(function(d) pt(t, n - 1, d) - c(.975, .025), ...) / sqrt(n)   (d_z CI)
        # R's pt() with ncp > 37.62 "may not achieve full precision" (its own warning):
        # limits beyond that are checked against mpmath in test_effect_size_cis.py instead
        for ours_lim, r_lim in zip((t.effect_size.ci.low, t.effect_size.ci.high), r["dz_ci"],
                                   strict=True):
            if abs(r_lim) * math.sqrt(t.n) <= 37.62:
                close_r("d_z ci", ours_lim, r_lim, cid, rel=1e-7)
        if "cor" in r:
            close_r("correlation", t.correlation, r["cor"], cid)
            close_r("correlation p", t.correlation_pvalue, r["cor_p"], cid)
        # > shapiro.test(pre); nortest::lillie.test(pre)
        if "sw_w" in r:
            close_r("shapiro W", o["sw"].statistic, r["sw_w"], cid)
            close_r("shapiro p", o["sw"].pvalue, r["sw_p"], cid)
        if "ks_d" in r:
            close_r("lilliefors D", o["ks"].statistic, r["ks_d"], cid)
            close_r("lilliefors p", o["ks"].pvalue, r["ks_p"], cid)
        d = o["d"]
        # > mean(pre); sd(pre); quantile(pre, c(.25, .5, .75), type = 6)   (type 6 = HAVERAGE)
        close_r("mean", d.mean, r["mean"], cid)
        close_r("sd", d.sd, r["sd"], cid)
        for ours_q, q in zip((d.q1, d.median, d.q3), r["q"], strict=True):
            close_r("haverage percentile", ours_q, q, cid)
    elif kind == "two_group":
        mw = o["mw"]
        # > wilcox.test(x, y, correct = FALSE, exact = FALSE)   (R's W is U_x)
        close_r("mann-whitney U_x", mw.u_x, r["mw_w"], cid)
        close_r("mann-whitney p", mw.pvalue_asymptotic, r["mw_p"], cid)
        # > coin::wilcox_test(v ~ g, distribution = "exact")
        if "mw_exact_p" in r:
            close_r("mann-whitney exact p", mw.pvalue_exact, r["mw_exact_p"], cid)
        if "t_student" in r:
            t = o["t"]
            # > t.test(x, y, var.equal = TRUE / FALSE)
            for row, gold in ((t.student, r["t_student"]), (t.welch, r["t_welch"])):
                close_r("independent t", row.statistic, gold[0], cid)
                close_r("independent t df", row.df, gold[1], cid)
                close_r("independent t p", row.pvalue, gold[2], cid)
                close_r("independent t ci", row.ci.low, gold[3], cid)
                close_r("independent t ci", row.ci.high, gold[4], cid)
            # Hedges' g CI: noncentral-t limits x sqrt(1/n1 + 1/n2) x J(df), pt() in R
            scale = math.sqrt(1 / t.x.n + 1 / t.y.n) * st._effsize.hedges_j(t.x.n + t.y.n - 2)
            for ours_lim, r_lim in zip((t.effect_size.ci.low, t.effect_size.ci.high),
                                       r["g_ci"], strict=True):
                if abs(r_lim) / scale <= 37.62:  # R's pt() precision limit, as above
                    close_r("hedges g ci", ours_lim, r_lim, cid, rel=1e-7)
            # > anova(lm(abs(c(x - mean(x), y - mean(y))) ~ g))   (Levene, mean-centred)
            if "levene_f" in r:
                close_r("levene F", t.levene_f, r["levene_f"], cid)
                close_r("levene p", t.levene_pvalue, r["levene_p"], cid)
    elif kind == "mcnemar":
        m = o["m"]
        # > binom.test(min(b, c), b + c); mcnemar.test(tab, correct = FALSE / TRUE)
        close_r("mcnemar exact p", m.pvalue_exact, r["exact_p"], cid)
        close_r("mcnemar chi2", m.chi2, r["chi2"], cid)
        close_r("mcnemar chi2 p", m.chi2_pvalue, r["chi2_p"], cid)
        close_r("mcnemar chi2 corrected", m.chi2_corrected, r["chi2c"], cid)
        close_r("mcnemar chi2 corrected p", m.chi2_corrected_pvalue, r["chi2c_p"], cid)
    elif kind == "table":
        chi, f = o["chi"], o["f"]
        # > chisq.test(tab, correct = FALSE); fisher.test(tab)
        close_r("pearson chi2", chi.pearson.statistic, r["pearson"], cid)
        close_r("pearson p", chi.pearson.pvalue, r["pearson_p"], cid)
        for ours_e, e in zip(np.ravel(chi.expected), r["expected"], strict=True):
            close_r("expected count", ours_e, e, cid)
        close_r("fisher p", f.pvalue, r["fisher_p"], cid)
        # Cramer's V CI: pchisq(chi2, df, ncp) inverted with uniroot
        # (laktasi caps the upper limit at 1, the largest V there is)
        close_r("cramers v ci", chi.effect_size.ci.low, r["v_ci"][0], cid, rel=1e-7)
        close_r("cramers v ci", chi.effect_size.ci.high, min(1.0, r["v_ci"][1]), cid, rel=1e-7)
        if "yates" in r:
            # > chisq.test(tab, correct = TRUE); fisher.test(tab, alternative = ...)
            close_r("yates chi2", chi.continuity.statistic, r["yates"], cid)
            close_r("yates p", chi.continuity.pvalue, r["yates_p"], cid)
            close_r("fisher less", f.pvalue_less, r["fisher_less"], cid)
            close_r("fisher greater", f.pvalue_greater, r["fisher_greater"], cid)
            # R finds the conditional MLE and its CI with uniroot() at its default tolerance
            # (.Machine$double.eps^0.25): R's values are off in the 4th-5th digit (up to 5 %
            # for huge upper limits). laktasi is compared at 1e-9 with the same quantities
            # solved to machine precision here, and with R within R's own tolerance.
            mle, lo, hi = _exact_or(np.array(c["table"]))
            close_r("conditional OR (exact solve)", f.effect_size.value, mle, cid)
            close_r("OR ci (exact solve)", f.effect_size.ci.low, lo, cid)
            close_r("OR ci (exact solve)", f.effect_size.ci.high, hi, cid)
            if r["or"] is not None and np.isfinite(r["or"]):
                assert f.effect_size.value == pytest.approx(r["or"], rel=5e-3, abs=1e-6)
            r_lo, r_hi = r["or_ci"]
            assert f.effect_size.ci.low == pytest.approx(r_lo, rel=5e-3, abs=1e-6)
            if r_hi is not None and np.isfinite(r_hi):
                assert f.effect_size.ci.high == pytest.approx(r_hi, rel=6e-2)
    elif kind == "ancova":
        a = o["a"]
        # > anova(lm(post ~ pre + g)); predict(fit, data.frame(pre = mean(pre), g), se.fit = TRUE)
        close_r("ancova F group", a.statistic, r["f_group"], cid)
        close_r("ancova p group", a.pvalue, r["p_group"], cid)
        close_r("ancova df error", a.df_error, r["df_error"], cid)
        close_r("ancova SS group", a.ss_group, r["ss_group"], cid)
        close_r("ancova SS error", a.ss_error, r["ss_error"], cid)
        close_r("ancova F pre", a.covariate_f, r["f_pre"], cid)
        close_r("ancova slope", a.slope, r["slope"], cid)
        # partial eta squared CI: pf(F, df1, df2, ncp) inverted, ncp / (ncp + df1 + df2 + 1)
        close_r("partial eta2 ci", a.effect_size.ci.low, r["eta2_ci"][0], cid, rel=1e-7)
        close_r("partial eta2 ci", a.effect_size.ci.high, r["eta2_ci"][1], cid, rel=1e-7)
        for m, adj, se in zip(a.adjusted_means, r["adj"], r["adj_se"], strict=True):
            close_r("adjusted mean", m.adjusted_mean, adj, cid)
            close_r("adjusted mean se", m.se, se, cid)
        # > anova(fit, lm(post ~ pre * g))
        close_r("slopes F", a.slopes_f, r["slopes_f"], cid)
        close_r("slopes p", a.slopes_pvalue, r["slopes_p"], cid)


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


def _neg(cell):
    return None if cell is None or cell[0] is None else [-cell[0], cell[1]]


@pytest.mark.parametrize("cid", sorted(PSPP_GOLD))
def test_against_pspp(cid):
    c, p, o = CORPUS[cid], PSPP_GOLD[cid], ours(cid)
    kind = c["kind"]
    if kind == "paired":
        w, t, d = o["w"], o["t"], o["d"]
        # NPAR TESTS /WILCOXON=pre WITH post (PAIRED): PSPP's Negative Ranks = our positive
        for ours_row, gold in ((w.positive, p["neg"]), (w.negative, p["pos"])):
            close_pspp("wilcoxon rank n", ours_row.n, gold[0], cid)
            if ours_row.n:  # PSPP defect 4: an empty row's mean rank prints NaN
                close_pspp("wilcoxon mean rank", ours_row.mean_rank, gold[1], cid)
            close_pspp("wilcoxon sum of ranks", ours_row.sum_ranks, gold[2], cid)
        assert w.ties == p["ties"]
        close_pspp("wilcoxon Z", w.z, p["z"], cid)
        close_pspp("wilcoxon p", w.pvalue_asymptotic, p["p"], cid)
        # T-TEST /PAIRS=pre WITH post (PAIRED): pre - post
        close_pspp("paired t mean", -t.mean_difference, p["t_mean"], cid)
        close_pspp("paired t sd", t.sd_difference, p["t_sd"], cid)
        close_pspp("paired t se", t.se_difference, p["t_se"], cid)
        close_pspp("paired t ci", -t.ci.high, p["t_lo"], cid)
        close_pspp("paired t ci", -t.ci.low, p["t_hi"], cid)
        close_pspp("paired t", -t.statistic, p["t"], cid)
        close_pspp("paired t df", t.df, p["t_df"], cid)
        close_pspp("paired t p", t.pvalue, p["t_p"], cid)
        if not math.isnan(t.correlation):
            close_pspp("correlation", t.correlation, p["cor"], cid)
            close_pspp("correlation p", t.correlation_pvalue, p["cor_p"], cid)
        # EXAMINE /VARIABLES=pre /STATISTICS=DESCRIPTIVES /PERCENTILES=HAVERAGE
        g = p["descriptives"]
        pairs = [("Mean", d.mean, d.se_mean), ("Median", d.median, None),
                 ("Variance", d.variance, None), ("Std. Deviation", d.sd, None),
                 ("Minimum", d.min, None), ("Maximum", d.max, None), ("Range", d.range, None),
                 ("5% Trimmed Mean", d.trimmed_mean_5, None),
                 ("Interquartile Range", d.iqr, None),
                 ("Skewness", d.skewness, d.se_skewness), ("Kurtosis", d.kurtosis, d.se_kurtosis),
                 ("95% Confidence Interval for Mean|Lower Bound", d.ci_mean.low, None),
                 ("95% Confidence Interval for Mean|Upper Bound", d.ci_mean.high, None)]
        for label, value, se in pairs:
            if label not in g or math.isnan(value):
                continue
            close_pspp(f"examine {label}", value, g[label][0], cid)
            if se is not None and g[label][1] is not None:
                close_pspp(f"examine {label} SE", se, g[label][1], cid)
        for ours_q, q in zip((d.q1, d.median, d.q3), p["haverage"], strict=True):
            close_pspp("examine HAVERAGE percentile", ours_q, q, cid)
        if "sw_w" in p and "sw" in o:
            close_pspp("shapiro W", o["sw"].statistic, p["sw_w"], cid)
            close_pspp("shapiro p", o["sw"].pvalue, p["sw_p"], cid)
    elif kind == "two_group":
        mw = o["mw"]
        # NPAR TESTS /M-W=v BY g(1,2)
        for ours_row, gold in ((mw.ranks_x, p["ranks_x"]), (mw.ranks_y, p["ranks_y"])):
            close_pspp("mann-whitney n", ours_row.n, gold[0], cid)
            close_pspp("mann-whitney mean rank", ours_row.mean_rank, gold[1], cid)
            close_pspp("mann-whitney sum of ranks", ours_row.sum_ranks, gold[2], cid)
        close_pspp("mann-whitney U", mw.u, p["u"], cid)
        close_pspp("mann-whitney W", mw.w, p["w"], cid)
        close_pspp("mann-whitney Z", mw.z, p["z"], cid)
        close_pspp("mann-whitney p", mw.pvalue_asymptotic, p["p"], cid)
        if "t" in o:
            t = o["t"]
            # T-TEST /GROUPS=g(1,2) /VARIABLES=v
            if not math.isnan(t.levene_f):
                close_pspp("levene F", t.levene_f, p["levene_f"], cid)
                close_pspp("levene p", t.levene_pvalue, p["levene_p"], cid)
            for row, gold in ((t.student, p["student"]), (t.welch, p["welch"])):
                for name, value, cell in zip(
                        ("t", "df", "p", "mean difference", "se difference", "ci", "ci"),
                        (row.statistic, row.df, row.pvalue, row.mean_difference,
                         row.se_difference, row.ci.low, row.ci.high), gold, strict=True):
                    close_pspp(f"independent {name}", value, cell, cid)
    elif kind == "mcnemar":
        m = o["m"]
        # NPAR TESTS /MCNEMAR: PSPP defect 3 (exact p above 1) -> compared with R only
        if p["exact_p"][0] is not None and p["exact_p"][0] <= 1:
            close_pspp("mcnemar exact p", m.pvalue_exact, p["exact_p"], cid)
    elif kind == "table":
        chi, f = o["chi"], o["f"]
        # CROSSTABS /STATISTICS=CHISQ (cases weighted by count)
        rows = [("pearson", chi.pearson), ("yates", chi.continuity), ("lr", chi.likelihood_ratio),
                ("lbl", chi.linear_by_linear)]
        for key, row in rows:
            if key in p and row is not None:
                close_pspp(f"{key} statistic", row.statistic, p[key][0], cid)
                close_pspp(f"{key} df", row.df, p[key][1], cid)
                close_pspp(f"{key} p", row.pvalue, p[key][2], cid)
        if "fisher" in p:
            # PSPP defect 1: its two-sided Fisher p leaves tables out (with equal row totals,
            # and in other tables too: see tests/reference/README.md) -> the two-sided p is
            # compared with R's fisher.test in test_against_r; the 1-sided p with PSPP here.
            close_pspp("fisher 1-sided", f.pvalue_one_sided, p["fisher"][4], cid)
