"""PSPP's own regression cases (tests/language/stats/*.at, tag v1.6.2), ported.

Each expected value is the string PSPP's test expects, so the printed precision is
known: laktasi must round to it (half a unit of the last printed digit). PSPP computes
paired differences first - second; laktasi's are post - pre (second - first).
"""

from __future__ import annotations

import pytest

import laktasi.stats as st


def printed(ours: float, text: str) -> None:
    decimals = len(text.split(".")[1]) if "." in text else 0
    assert abs(ours - float(text)) <= 0.5 * 10.0**-decimals + 1e-12, (ours, text)


# npar.at "NPAR TESTS WILCOXON" (~line 530): weighted cases expanded (w = 2 -> two rows)
FOO = [1, 1, 2, 1, 2, 1, 2, 4, 1, 2, 2, 12, 12, 12, 13]
BAR = [1, 2, 1, 4, 5, 19, 7, 5, 12, 13, 2, 0, 0, 1, 1]


def test_npar_wilcoxon():
    res = st.wilcoxon_signed_rank(FOO, BAR)  # first = foo, second = bar
    # PSPP "first - second": Negative Ranks 8, 6.00, 48.00 = our positive row (bar > foo)
    assert res.positive.n == 8
    printed(res.positive.mean_rank, "6.00")
    printed(res.positive.sum_ranks, "48.00")
    assert res.negative.n == 5
    printed(res.negative.mean_rank, "8.60")
    printed(res.negative.sum_ranks, "43.00")
    assert res.ties == 2 and res.n == 15
    printed(res.z, "-.18")
    printed(res.pvalue, ".861")
    # /METHOD=EXACT: "Exact Sig. (2-tailed) .893, (1-tailed) .446" = the distribution
    # without ties (SPSS's exact), not the tie-aware one (.881)
    printed(res.pvalue_exact_no_ties, ".893")
    one = st.wilcoxon_signed_rank(FOO, BAR, alternative="greater")
    printed(one.pvalue_exact_no_ties, ".446")


def test_npar_wilcoxon_with_missing_values():
    # npar.at "NPAR TESTS WILCOXON with missing values": same output as above
    foo = [1, 1, 2, 1, 2, 1, 2, 4, 1, 2, 2, 12, 12, 34.2, 12, 13]
    bar = [1, 2, 1, 4, 5, 19, 7, 5, 12, 13, 2, 0, 0, None, 1, 1]
    res = st.wilcoxon_signed_rank(foo, bar)
    assert res.n == 15 and res.notes[0].code == "missing_dropped"
    printed(res.z, "-.18")
    printed(res.pvalue, ".861")


HEIGHT = [201, 84, 83, 94, 88, 99, 55, 69, 86, 79, 91, 201, 88, 85, 82, 88, 75, 99, 81, 72,
          89, 92, 80, 82, 76, 65, 85, 76, 145, 24]
SEX = [1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1]


def test_npar_mann_whitney():
    # npar.at "NPAR TESTS Mann-Whitney" (~line 1020), /M-W = height BY sex (0,1)
    x = [h for h, s in zip(HEIGHT, SEX, strict=True) if s == 0]
    y = [h for h, s in zip(HEIGHT, SEX, strict=True) if s == 1]
    res = st.mann_whitney(x, y)
    assert res.ranks_x.n == 15 and res.ranks_y.n == 15
    printed(res.ranks_x.mean_rank, "14.5333")
    printed(res.ranks_x.sum_ranks, "218.0000")
    printed(res.ranks_y.mean_rank, "16.4667")
    printed(res.ranks_y.sum_ranks, "247.0000")
    printed(res.u, "98.0000")
    printed(res.w, "218.0000")
    printed(res.z, "-.6020")
    printed(res.pvalue, ".547")


def test_npar_mcnemar():
    # npar.at "NPAR TESTS McNemar" (~line 1248): v1 & v2 table [[4, 9], [2, 5]]
    res = st.mcnemar_table(9, 2, a=4, d=5)
    assert res.n == 20
    printed(res.pvalue, ".065")
    # v1 & junk: [[8, 5], [2, 5]]
    printed(st.mcnemar_table(5, 2, a=8, d=5).pvalue, ".453")


def test_npar_mcnemar_symmetry():
    # npar.at "NPAR TESTS McNemar Symetricity": [[9, 8], [1, 5]] both ways round -> .039
    printed(st.mcnemar_table(8, 1, a=9, d=5).pvalue, ".039")
    printed(st.mcnemar_table(1, 8, a=9, d=5).pvalue, ".039")


def test_crosstabs_fisher_exact():
    # crosstabs.at "CROSSTABS Fisher Exact Test" (~line 692): schtyp x female
    res = st.chi_square([[77, 91], [14, 18]])
    printed(res.pearson.statistic, ".047")
    printed(res.pearson.pvalue, ".828")
    printed(res.likelihood_ratio.statistic, ".047")
    printed(res.likelihood_ratio.pvalue, ".828")
    printed(res.continuity.statistic, ".001")
    printed(res.continuity.pvalue, ".981")
    printed(res.linear_by_linear.statistic, ".047")
    printed(res.linear_by_linear.pvalue, ".829")
    fisher = st.fisher_exact([[77, 91], [14, 18]])
    printed(fisher.pvalue, ".849")  # unequal row totals: PSPP and R agree here
    printed(fisher.pvalue_one_sided, ".492")


def test_crosstabs_female_by_ses():
    res = st.chi_square([[15, 47, 29], [32, 48, 29]])
    printed(res.pearson.statistic, "4.577")
    assert res.pearson.df == 2
    printed(res.pearson.pvalue, ".101")
    printed(res.likelihood_ratio.statistic, "4.679")
    printed(res.likelihood_ratio.pvalue, ".096")
    printed(res.linear_by_linear.statistic, "3.110")
    printed(res.linear_by_linear.pvalue, ".078")


def test_t_test_pairs():
    # t-test.at "T-TEST /PAIRS": A - B
    res = st.paired_t([2.0, 1.0, 2.0, 2.0, 3.0], [3.0, 2.0, 4.5, 4.5, 6.0])
    printed(res.pre.mean, "2.00")
    printed(res.pre.sd, ".71")
    printed(res.pre.se, ".32")
    printed(res.post.mean, "4.00")
    printed(res.post.sd, "1.54")
    printed(res.post.se, ".69")
    printed(res.correlation, ".918")
    printed(res.correlation_pvalue, ".028")
    printed(-res.mean_difference, "-2.00")
    printed(res.sd_difference, ".94")
    printed(res.se_difference, ".42")
    printed(-res.ci.high, "-3.16")
    printed(-res.ci.low, "-.84")
    printed(-res.statistic, "-4.78")
    assert res.df == 4
    printed(res.pvalue, ".009")


def test_t_test_pairs_bug_perfect_correlation():
    # t-test.at "T-TEST /PAIRS bug": A = 11, 1, 1; B = 2, 1, 1
    res = st.paired_t([11, 1, 1], [2, 1, 1])
    printed(res.correlation, "1.000")
    printed(res.correlation_pvalue, ".000")
    printed(-res.mean_difference, "3.000")
    printed(res.sd_difference, "5.196")
    printed(res.se_difference, "3.000")
    printed(-res.ci.high, "-9.908")
    printed(-res.ci.low, "15.908")
    printed(-res.statistic, "1.000")
    printed(res.pvalue, ".423")


def test_t_test_groups():
    # t-test.at "T-TEST /GROUPS": DEP1 by INDEP (1.1, 2.1); the 3.1 case is ignored
    res = st.independent_t([1, 2, 2, 2, 3], [3, 4, 4, 4, 5])
    printed(res.x.mean, "2.00")
    printed(res.x.sd, ".71")
    printed(res.levene_f, ".00")
    printed(res.levene_pvalue, "1.000")
    for row in (res.student, res.welch):
        printed(row.statistic, "-4.47")
        printed(row.df, "8.00")
        printed(row.pvalue, ".002")
        printed(row.mean_difference, "-2.00")
        printed(row.se_difference, ".45")
        printed(row.ci.low, "-3.03")
        printed(row.ci.high, "-.97")


@pytest.mark.parametrize(("values", "w", "p"), [
    # examine.at "EXAMINE -- shapiro-wilk 1", groups g = 1 and g = 2
    ([96, 98, 95, 89, 90, 92, 94, 93, 97, 100], ".984", ".983"),
    ([99, 96, 80, 89, 91, 92, 93, 94, 99, 80], ".882", ".136"),
    # "EXAMINE -- shapiro-wilk 2" (n = 12, Royston's large-sample branch)
    ([65, 61, 63, 86, 70, 55, 74, 35, 72, 68, 45, 58], ".971", ".922"),
])
def test_examine_shapiro_wilk(values, w, p):
    res = st.shapiro_wilk(values)
    printed(res.statistic, w)
    printed(res.pvalue, p)


def test_examine_haverage_percentiles():
    # examine.at "EXAMINE -- percentiles": X = 2, 8, 5, /PERCENTILES=HAVERAGE
    res = st.descriptives([2.0, 8.0, 5.0])
    printed(res.q1, "2.00")
    printed(res.median, "5.00")
    printed(res.q3, "8.00")
    # PSPP prints 5th and 10th percentiles .40 and .80 (interpolating towards 0 below the
    # first case); SPSS's HAVERAGE rule (and laktasi) give the minimum there. laktasi only
    # reports quartiles, which are inside the data for n >= 3.
