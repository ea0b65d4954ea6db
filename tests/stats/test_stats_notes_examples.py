"""The worked examples of shared/STATS-NOTES.md, each number with where it comes from.

PSPP numbers were printed by GNU PSPP 1.6.2 with ``SET FORMAT=F14.8`` (8 decimals: compared
to 5e-9) or at its default format (compared at the printed precision). R numbers come from
R 4.2.2 (coin, nortest) run with ``options(digits = 15)``; the R call is in the comment above
each assertion. Where PSPP 1.6.2 has a known defect (Fisher's two-sided p with equal row
totals; McNemar's exact p above 1), the expected value is R's, and the test says so.
"""

from __future__ import annotations

import pytest

import laktasi.stats as st

PSPP8 = 5e-9  # half a unit of the 8th decimal (SET FORMAT=F14.8)
R_REL = 1e-10  # R's 15 printed digits


def printed(ours: float, text: str) -> None:
    """``ours`` rounds to PSPP's printed ``text`` (half a unit of its last decimal)."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    assert abs(ours - float(text)) <= 0.5 * 10.0**-decimals + 1e-12, (ours, text)


# --- Wilcoxon signed-rank --------------------------------------------------------------------

PRE = [4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 7]
POST = [8, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 15, 17]


def test_wilcoxon_example():
    res = st.wilcoxon_signed_rank(PRE, POST)
    # PSPP: NPAR TESTS /WILCOXON=pre WITH post (PAIRED). with SET FORMAT=F14.8
    assert res.z == pytest.approx(-3.42997170, abs=PSPP8)
    assert res.pvalue_asymptotic == pytest.approx(0.00060364, abs=PSPP8)
    assert res.pvalue == res.pvalue_asymptotic  # method="auto" reports SPSS's Asymp. Sig.
    # > qnorm(wilcox.test(post, pre, paired = TRUE, correct = FALSE, exact = FALSE)$p.value / 2)
    assert res.z == pytest.approx(-3.42997170285018, rel=R_REL)
    # > wilcox.test(post, pre, paired = TRUE, correct = FALSE, exact = FALSE)$p.value
    assert res.pvalue_asymptotic == pytest.approx(0.000603644198133432, rel=R_REL)
    # every post > pre: 15 positive ranks (d = post - pre), no negative ranks, no ties
    assert (res.positive.n, res.negative.n, res.ties, res.n) == (15, 0, 0, 15)
    assert res.positive.sum_ranks == 120 and res.negative.sum_ranks == 0
    # > 2 * psignrank(0, 15)   # exact, no-ties distribution = 2 / 2^15
    assert res.pvalue_exact_no_ties == pytest.approx(2 / 2**15, rel=1e-12)
    # > pvalue(coin::wilcoxsign_test(post ~ pre, distribution = "exact", zero.method = "Wilcoxon"))
    assert res.pvalue_exact == pytest.approx(6.103515625e-05, rel=1e-12)


def test_wilcoxon_r_default_continuity_correction_is_not_spss():
    # > wilcox.test(post, pre, paired = TRUE, exact = FALSE)$p.value   # correct = TRUE
    r_default = 0.000670444465934634
    res = st.wilcoxon_signed_rank(PRE, POST)
    assert abs(res.pvalue_asymptotic - r_default) > 1e-5


# --- Mann-Whitney (PSPP's own case: npar.at, height BY sex) ---------------------------------

HEIGHT = [201, 84, 83, 94, 88, 99, 55, 69, 86, 79, 91, 201, 88, 85, 82, 88, 75, 99, 81, 72,
          89, 92, 80, 82, 76, 65, 85, 76, 145, 24]
SEX = [1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1]


def test_mann_whitney_height_by_sex():
    x = [h for h, s in zip(HEIGHT, SEX, strict=True) if s == 0]
    y = [h for h, s in zip(HEIGHT, SEX, strict=True) if s == 1]
    res = st.mann_whitney(x, y)
    # PSPP: SET FORMAT=F11.4. NPAR TESTS /M-W = height BY sex (0,1).
    assert res.ranks_x.n == 15 and res.ranks_y.n == 15
    printed(res.ranks_x.mean_rank, "14.5333")
    printed(res.ranks_x.sum_ranks, "218.0000")
    printed(res.ranks_y.mean_rank, "16.4667")
    printed(res.ranks_y.sum_ranks, "247.0000")
    printed(res.u, "98.0000")
    printed(res.w, "218.0000")
    printed(res.z, "-.6020")
    printed(res.pvalue_asymptotic, ".547")
    # > r <- rank(height); c(mean(r[sex == 0]), mean(r[sex == 1]))
    assert res.ranks_x.mean_rank == pytest.approx(14.5333333333333, rel=R_REL)
    assert res.ranks_y.mean_rank == pytest.approx(16.4666666666667, rel=R_REL)
    # > wilcox.test(height[sex == 0], height[sex == 1], correct = FALSE, exact = FALSE)$statistic
    assert res.u_x == 98
    # > statistic(coin::wilcox_test(height ~ factor(sex), distribution = "asymptotic"))
    assert res.z == pytest.approx(-0.602034989595028, rel=R_REL)
    # > wilcox.test(height[sex == 0], height[sex == 1], correct = FALSE, exact = FALSE)$p.value
    assert res.pvalue_asymptotic == pytest.approx(0.547150846865451, rel=R_REL)
    # > pvalue(coin::wilcox_test(height ~ factor(sex), distribution = "exact"))   # tie-aware
    assert res.pvalue_exact == pytest.approx(0.559464810938184, rel=1e-9)
    # > 2 * pwilcox(98, 15, 15)   # SPSS's exact: the distribution without ties
    assert res.pvalue_exact_no_ties == pytest.approx(0.566774494589651, rel=1e-9)


# --- Chi-square family and Fisher's exact test on [[12, 20], [21, 11]] ------------------------

TABLE = [[12, 20], [21, 11]]


def test_chi_square_family_example():
    res = st.chi_square(TABLE)
    # PSPP: CROSSTABS r BY c /STATISTICS=CHISQ (weighted counts) with SET FORMAT=F14.8
    assert res.pearson.statistic == pytest.approx(5.06744868, abs=PSPP8)
    assert res.pearson.pvalue == pytest.approx(0.02437924, abs=PSPP8)
    assert res.likelihood_ratio.statistic == pytest.approx(5.13682230, abs=PSPP8)
    assert res.likelihood_ratio.pvalue == pytest.approx(0.02342348, abs=PSPP8)
    assert res.continuity.statistic == pytest.approx(4.00391007, abs=PSPP8)
    assert res.continuity.pvalue == pytest.approx(0.04539484, abs=PSPP8)
    assert res.linear_by_linear.statistic == pytest.approx(4.98826979, abs=PSPP8)
    assert res.linear_by_linear.pvalue == pytest.approx(0.02551971, abs=PSPP8)
    assert res.pearson.df == res.likelihood_ratio.df == res.continuity.df == res.linear_by_linear.df == 1
    # > m <- matrix(c(12, 21, 20, 11), 2); cp <- chisq.test(m, correct = FALSE); c(cp$statistic, cp$p.value)
    assert res.pearson.statistic == pytest.approx(5.0674486803519061, rel=R_REL)
    assert res.pearson.pvalue == pytest.approx(0.0243792400089759, rel=R_REL)
    # > cc <- chisq.test(m); c(cc$statistic, cc$p.value)
    assert res.continuity.statistic == pytest.approx(4.0039100684261975, rel=R_REL)
    assert res.continuity.pvalue == pytest.approx(0.0453948385725206, rel=R_REL)
    # > lr <- 2 * sum(m * log(m / cp$expected)); c(lr, pchisq(lr, 1, lower.tail = FALSE))
    assert res.likelihood_ratio.statistic == pytest.approx(5.1368222998258020, rel=R_REL)
    assert res.likelihood_ratio.pvalue == pytest.approx(0.0234234849689075, rel=R_REL)
    # > x <- rep(c(1, 2, 1, 2), m); y <- rep(c(1, 1, 2, 2), m)
    # > lbl <- (sum(m) - 1) * cor(x, y)^2; c(lbl, pchisq(lbl, 1, lower.tail = FALSE))
    assert res.linear_by_linear.statistic == pytest.approx(4.9882697947214059, rel=R_REL)
    assert res.linear_by_linear.pvalue == pytest.approx(0.0255197133641312, rel=R_REL)
    # > chisq.test(m)$expected   # 16.5 15.5 / 16.5 15.5: no cell below 5
    assert res.expected == ((16.5, 15.5), (16.5, 15.5))
    assert res.min_expected == 15.5 and res.n_expected_below_5 == 0


def test_fisher_two_sided_is_rs_not_pspps():
    # PSPP 1.6.2 defect 1 (equal row totals 32 and 32): PSPP prints Exact Sig. (2-sided)
    # .0282, leaving out the mirror tables. The expected value is R's.
    res = st.fisher_exact(TABLE)
    # > fisher.test(matrix(c(12, 21, 20, 11), 2))$p.value
    assert res.pvalue == pytest.approx(0.0445668142933615, rel=R_REL)
    printed(res.pvalue, ".0446")
    # 1-sided agrees with PSPP (.02228341, SET FORMAT=F14.8) and with
    # > fisher.test(matrix(c(12, 21, 20, 11), 2), alternative = "less")$p.value
    assert res.pvalue_one_sided == pytest.approx(0.02228341, abs=PSPP8)
    assert res.pvalue_one_sided == pytest.approx(0.0222834071466807, rel=R_REL)
    # > f <- fisher.test(matrix(c(12, 21, 20, 11), 2)); c(f$estimate, f$conf.int)
    # R solves these with uniroot's default tolerance (about 1e-4).
    assert res.effect_size.value == pytest.approx(0.320352376935496, abs=1e-4)
    assert res.effect_size.ci.low == pytest.approx(0.0996272461344985, abs=1e-4)
    assert res.effect_size.ci.high == pytest.approx(0.9762262323070950, abs=1e-4)


def test_fisher_second_defect_example():
    # PSPP 1.6.2 defect 1 again (row totals 10 and 10): PSPP prints .0102; R's value expected.
    # > fisher.test(matrix(c(9, 3, 1, 7), 2))$p.value
    assert st.fisher_exact([[9, 1], [3, 7]]).pvalue == pytest.approx(0.0197666110978804, rel=R_REL)


# --- McNemar ---------------------------------------------------------------------------------


def test_mcnemar_b9_c0():
    res = st.mcnemar_table(9, 0)
    # > binom.test(0, 9)$p.value   # = 2 * 0.5^9
    assert res.pvalue_exact == 0.00390625
    assert res.pvalue == res.pvalue_exact and res.spss_method == "binomial"
    # > mcnemar.test(matrix(c(1, 0, 9, 1), 2), correct = FALSE)   # 9, p 0.00269979606326019
    assert res.chi2 == pytest.approx(9.0, rel=1e-12)
    assert res.chi2_pvalue == pytest.approx(0.00269979606326019, rel=R_REL)
    # > mcnemar.test(matrix(c(1, 0, 9, 1), 2))   # 7.11111111111111, p 0.00766076113517949
    assert res.chi2_corrected == pytest.approx(7.11111111111111072, rel=R_REL)
    assert res.chi2_corrected_pvalue == pytest.approx(0.00766076113517949, rel=R_REL)
    # STATS-NOTES rounding: .0027 and .00766
    printed(res.chi2_pvalue, ".0027")
    printed(res.chi2_corrected_pvalue, ".00766")


def test_mcnemar_published_spss_crosstabs_value():
    # Published SPSS CROSSTABS output, b = 5, c = 3: .727
    # > binom.test(3, 8)$p.value
    res = st.mcnemar_table(5, 3)
    assert res.pvalue_exact == pytest.approx(0.7265625, rel=1e-12)
    printed(res.pvalue_exact, ".727")


def test_mcnemar_exact_p_is_capped_at_1():
    # PSPP 1.6.2 defect 3: NPAR TESTS /MCNEMAR prints 1.3125 for b = c = 3 (2 * P(X <= 3),
    # X ~ Bin(6, 1/2), not capped). A probability cannot exceed 1; the expected value is R's.
    # > binom.test(3, 6)$p.value
    assert st.mcnemar_table(3, 3).pvalue_exact == 1.0


# --- Paired t --------------------------------------------------------------------------------

A = [2, 1, 2, 2, 3]
B = [3, 2, 4.5, 4.5, 6]


def test_paired_t_example():
    res = st.paired_t(A, B)  # laktasi: B - A; PSPP T-TEST /PAIRS=A WITH B prints A - B
    # PSPP (t-test.at "T-TEST /PAIRS"): mean -2.00, SD .94, SE .42, CI -3.16 to -.84,
    # t -4.78, df 4, Sig. .009; correlation .918, Sig. .028
    printed(-res.mean_difference, "-2.00")
    printed(res.sd_difference, ".94")
    printed(res.se_difference, ".42")
    printed(-res.ci.high, "-3.16")
    printed(-res.ci.low, "-.84")
    printed(-res.statistic, "-4.78")
    assert res.df == 4
    printed(res.pvalue, ".009")
    printed(res.correlation, ".918")
    printed(res.correlation_pvalue, ".028")
    # > tt <- t.test(A, B, paired = TRUE); c(tt$statistic, tt$p.value, tt$estimate, tt$conf.int)
    assert -res.statistic == pytest.approx(-4.7809144373375743, rel=R_REL)
    assert res.pvalue == pytest.approx(0.0087696594583256, rel=R_REL)
    assert -res.mean_difference == pytest.approx(-2.0, rel=1e-12)
    assert -res.ci.high == pytest.approx(-3.1614703176925949, rel=R_REL)
    assert -res.ci.low == pytest.approx(-0.8385296823074049, rel=R_REL)
    # > c(sd(A - B), sd(A - B) / sqrt(5))
    assert res.sd_difference == pytest.approx(0.9354143466934853, rel=R_REL)
    assert res.se_difference == pytest.approx(0.4183300132670377, rel=R_REL)
    # > ct <- cor.test(A, B); c(ct$estimate, ct$p.value)
    assert res.correlation == pytest.approx(0.9176629354822470, rel=R_REL)
    assert res.correlation_pvalue == pytest.approx(0.0280084560101462, rel=R_REL)


# --- Shapiro-Wilk ----------------------------------------------------------------------------


def test_shapiro_wilk_example():
    x = [65, 61, 63, 86, 70, 55, 74, 35, 72, 68, 45, 58]
    res = st.shapiro_wilk(x)
    # PSPP (examine.at "EXAMINE -- shapiro-wilk 2"): EXAMINE x /PLOT = boxplot. -> .971, 12, .922
    printed(res.statistic, ".971")
    printed(res.pvalue, ".922")
    assert res.df == 12
    # > sw <- shapiro.test(x); c(sw$statistic, sw$p.value)
    assert res.statistic == pytest.approx(0.971066436915881, rel=1e-9)
    assert res.pvalue == pytest.approx(0.921648863542127, rel=1e-9)
