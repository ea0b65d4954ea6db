"""The worked examples of the shared statistics notes, STATS-NOTES.md (issue 2's acceptance
numbers, copied here as values)."""

import pytest

import laktasi.stats as st

PRE = [4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 7]
POST = [8, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 15, 17]


def test_wilcoxon_example():
    # PSPP NPAR TESTS /WILCOXON and
    # > wilcox.test(post, pre, paired = TRUE, correct = FALSE, exact = FALSE)
    res = st.wilcoxon_signed_rank(PRE, POST)
    assert res.z == pytest.approx(-3.42997170, abs=5e-9)
    assert res.pvalue == pytest.approx(0.00060364, abs=5e-9)
    assert res.positive.n == 15 and res.negative.n == 0 and res.ties == 0
    # no ties among non-zero |d|? the exact no-ties p is 2 / 2^15
    assert res.pvalue_exact_no_ties == pytest.approx(2 / 2**15, rel=1e-12)


def test_r_default_continuity_correction_differs():
    # > wilcox.test(post, pre, paired = TRUE, exact = FALSE)   # correct = TRUE: .00067044
    res = st.wilcoxon_signed_rank(PRE, POST)
    assert res.pvalue != pytest.approx(0.00067044, abs=5e-9)


def test_chi_square_family_example():
    res = st.chi_square([[12, 20], [21, 11]])
    assert res.pearson.statistic == pytest.approx(5.06744868, abs=5e-9)
    assert res.pearson.pvalue == pytest.approx(0.02437924, abs=5e-9)
    assert res.likelihood_ratio.statistic == pytest.approx(5.13682230, abs=5e-9)
    assert res.likelihood_ratio.pvalue == pytest.approx(0.02342348, abs=5e-9)
    assert res.continuity.statistic == pytest.approx(4.00391007, abs=5e-9)
    assert res.continuity.pvalue == pytest.approx(0.04539484, abs=5e-9)
    assert res.linear_by_linear.statistic == pytest.approx(4.98826979, abs=5e-9)
    assert res.linear_by_linear.pvalue == pytest.approx(0.02551971, abs=5e-9)


def test_fisher_two_sided_is_rs_not_pspps():
    # > fisher.test(matrix(c(12, 21, 20, 11), 2))$p.value   -> 0.04456681429 (PSPP: .0282)
    res = st.fisher_exact([[12, 20], [21, 11]])
    assert res.pvalue == pytest.approx(0.04456681429, abs=5e-12)
    assert res.pvalue_one_sided == pytest.approx(0.02228341, abs=5e-9)
    # > fisher.test(matrix(c(9, 3, 1, 7), 2))$p.value   -> 0.0197666111 (PSPP: .0102)
    assert st.fisher_exact([[9, 1], [3, 7]]).pvalue == pytest.approx(0.0197666111, abs=5e-11)


def test_mcnemar_examples():
    res = st.mcnemar_table(9, 0)
    assert res.pvalue == 0.00390625
    assert res.chi2 == pytest.approx(9.0) and res.chi2_pvalue == pytest.approx(0.0027, abs=5e-5)
    assert res.chi2_corrected == pytest.approx(7.111, abs=5e-4)
    assert res.chi2_corrected_pvalue == pytest.approx(0.00766, abs=5e-6)
    # published SPSS CROSSTABS output: b = 5, c = 3 -> .727; > binom.test(3, 8)$p.value
    assert st.mcnemar_table(5, 3).pvalue == pytest.approx(0.7265625, abs=1e-12)
    # PSPP defect 3 prints 1.3125 for b = c = 3; the exact p is capped at 1
    assert st.mcnemar_table(3, 3).pvalue == 1.0


def test_paired_t_example():
    # PSPP T-TEST /PAIRS=A WITH B: A - B mean -2.00, SD .94, SE .42, CI -3.16 to -.84,
    # t -4.78, df 4, p .009, r .918 (laktasi reports B - A: signs flip)
    res = st.paired_t([2, 1, 2, 2, 3], [3, 2, 4.5, 4.5, 6])
    assert -res.mean_difference == pytest.approx(-2.00, abs=5e-3)
    assert res.sd_difference == pytest.approx(0.94, abs=5e-3)
    assert res.se_difference == pytest.approx(0.42, abs=5e-3)
    assert (-res.ci.high, -res.ci.low) == pytest.approx((-3.16, -0.84), abs=5e-3)
    assert -res.statistic == pytest.approx(-4.78, abs=5e-3)
    assert res.df == 4 and res.pvalue == pytest.approx(0.009, abs=5e-4)
    assert res.correlation == pytest.approx(0.918, abs=5e-4)


def test_shapiro_wilk_example():
    res = st.shapiro_wilk([65, 61, 63, 86, 70, 55, 74, 35, 72, 68, 45, 58])
    assert res.statistic == pytest.approx(0.971, abs=5e-4)
    assert res.pvalue == pytest.approx(0.922, abs=5e-4)

# The Mann-Whitney example (height BY sex) is PSPP's own case: test_pspp_regression.py
