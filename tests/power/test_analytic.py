"""Analytic sample size and power against G*Power's published examples and R.

Sources of the expected numbers:
* [GP] G*Power 3.1 manual examples as quoted in the Spower package vignette
  "G*Power examples evaluated with Spower" (github.com/philchalmers/Spower,
  vignettes/original/gpower_examples.Rmd). The manual itself could not be read here.
* [W] K. Wuensch, "G*Power: t Tests" handout (docest.com/doc/194539/g-power-t-tests),
  G*Power output reproduced there.
* [R] R 4.2 ``stats::power.t.test`` / ``power.prop.test``, calls quoted above each assert.
"""

import math

import numpy as np
import pytest
from scipy import stats

from laktasi.errors import LaktasiInputError
from laktasi.power import (
    dropout_inflate,
    mann_whitney_n,
    mann_whitney_power,
    mcnemar_n,
    mcnemar_power,
    paired_t_n,
    paired_t_power,
    two_proportions_n,
    two_proportions_power,
    two_sample_t_n,
    two_sample_t_power,
    wilcoxon_n,
    wilcoxon_power,
)


def test_paired_t_gpower_example_19_3_power():
    # [GP] example 19.3: matched pairs, dz = 0.421637, N = 50, two-tailed -> power .832
    assert round(paired_t_power(50, 0.421637), 3) == 0.832


def test_one_sample_t_gpower_example_20_3_sample_sizes():
    # [GP] example 20.3 (one-sample t = the paired t on the differences):
    # d = .625, power .95, one-tailed -> N = 30; d = .1, power .9, alpha .01 -> N = 1492
    assert paired_t_n(0.625, power=0.95, alternative="one-sided").n == 30
    assert paired_t_n(0.1, power=0.9, alpha=0.01).n == 1492


def test_one_sample_t_power_wuensch_handout():
    # [W] G*Power, one sample, d = 1/3, N = 25, two tails -> power = 0.360
    assert round(paired_t_power(25, 1 / 3), 3) == 0.360


def test_two_sample_t_gpower_one_tailed_88_per_group():
    # [GP] t tests section: d = .5, one-tailed, alpha .05, power .95 -> 88 per group
    assert two_sample_t_n(0.5, power=0.95, alternative="one-sided").n == 88


def test_paired_t_n_matches_r():
    # [R] > power.t.test(delta = .5, sd = 1, power = .95, type = "paired")$n -> 53.94 -> 54
    #     (the number the brief quotes as the G*Power manual's; not confirmed from it)
    assert paired_t_n(0.5, power=0.95).n == 54
    # [R] > power.t.test(n = 20, delta = .6, type = "paired", strict = TRUE)$power
    assert paired_t_power(20, 0.6) == pytest.approx(0.72100509956, abs=1e-9)
    # [R] > power.t.test(n = 12, delta = .8, type = "paired", strict = TRUE)$power
    assert paired_t_power(12, 0.8) == pytest.approx(0.7136600656, abs=1e-9)


def test_two_sample_t_matches_r():
    # [R] > power.t.test(delta = .5, sd = 1, power = .95)$n -> 104.93 -> 105 per group
    res = two_sample_t_n(0.5, power=0.95)
    assert (res.n, res.n_total) == (105, 210)
    # [R] > power.t.test(n = 30, delta = .5, strict = TRUE)$power
    assert two_sample_t_power(30, 30, 0.5) == pytest.approx(0.47789652076, abs=1e-9)


def test_wilcoxon_are_gpower_example_22_3():
    # [GP] example 22.3: Wilcoxon signed-rank, normal parent, d = .1, N = 649, one-tailed
    # -> power .800
    assert round(wilcoxon_power(649, 0.1, alternative="one-sided"), 3) == 0.800


def test_are_method_definition_and_parents():
    # the A.R.E. method: t-test power at n x ARE (Lehmann 1975); ARE values by parent
    assert wilcoxon_power(30, 0.5, parent="laplace") == paired_t_power(45, 0.5)
    w = wilcoxon_n(0.5, power=0.95)
    assert w.n == 57 and paired_t_power(56, 0.5, efficiency=3 / math.pi) < 0.95 <= w.power
    assert mann_whitney_n(0.5, power=0.95).n == 110
    # the least favourable parent needs the most mothers
    ns = {p: mann_whitney_n(0.5, parent=p).n for p in ("normal", "laplace", "logistic", "min")}
    assert ns["laplace"] < ns["logistic"] < ns["normal"] < ns["min"]
    assert mann_whitney_power(20, 40, 0.5, parent="min") == two_sample_t_power(
        20 * 0.864, 40 * 0.864, 0.5)


def test_mcnemar_exact_gpower_example_5_3():
    # [GP] example 5.3 (O'Brien 2002 table: pi12 = .08, pi21 = .32, N = 50, one-tailed)
    # -> power .839 with actual alpha .032 (G*Power's exact computation; we get .0326,
    # within the vignette's 3-digit quote of it)
    assert round(mcnemar_power(50, 0.32, 0.08, alternative="one-sided"), 3) == 0.839
    from laktasi.power.analytic import _mcnemar_exact

    power, size = _mcnemar_exact(50, 0.08, 0.32, 0.05, "one-sided")
    assert round(power, 3) == 0.839 and abs(size - 0.032) < 0.001


def test_mcnemar_n_exact_is_smallest_n_reaching_power_and_normal_is_connor():
    plan = mcnemar_n(0.32, 0.08, power=0.8)
    assert plan.power >= 0.8 > mcnemar_power(plan.n - 1, 0.32, 0.08)
    assert plan.actual_alpha < 0.05
    # Connor (1987) closed form, written out:
    za, zb = stats.norm.isf(0.025), stats.norm.isf(0.2)
    connor = (za * math.sqrt(0.4) + zb * math.sqrt(0.4 - 0.24**2)) ** 2 / 0.24**2
    assert mcnemar_n(0.32, 0.08, power=0.8, method="normal").n == math.ceil(connor)


def test_two_proportions_matches_r():
    # [R] > power.prop.test(p1 = .5, p2 = .75, power = .9)$n -> 76.71 -> 77 per group
    assert two_proportions_n(0.5, 0.75, power=0.9).n == 77
    # [R] > power.prop.test(p1 = .3, p2 = .6, power = .8)$n -> 41.97 -> 42
    assert two_proportions_n(0.3, 0.6).n == 42
    # [R] > power.prop.test(n = 40, p1 = .3, p2 = .6)$power -> 0.780179491786
    assert two_proportions_power(40, 40, 0.3, 0.6) == pytest.approx(0.780179491786, abs=1e-9)


def test_two_proportions_continuity_correction_is_fleiss_formula():
    # Fleiss, Tytun & Ury (1980): n_cc = n / 4 (1 + sqrt(1 + 4 / (n |p1 - p2|)))^2
    n = 41.97025  # [R] power.prop.test(p1 = .3, p2 = .6, power = .8)$n
    expected = math.ceil(n / 4 * (1 + math.sqrt(1 + 4 / (n * 0.3))) ** 2)
    plan = two_proportions_n(0.3, 0.6, method="normal-cc")
    assert plan.n == expected == 49


def _brute_force_power(n1, n2, p1, p2, alpha, pvalue):
    power = 0.0
    for a in range(n1 + 1):
        for c in range(n2 + 1):
            if pvalue([[a, n1 - a], [c, n2 - c]]) < alpha:
                power += stats.binom.pmf(a, n1, p1) * stats.binom.pmf(c, n2, p2)
    return power


def test_fisher_exact_power_equals_enumeration_with_scipy():
    # independent computation: every outcome tested with scipy.stats.fisher_exact
    def fisher(t):
        return stats.fisher_exact(t).pvalue

    expected = _brute_force_power(8, 11, 0.2, 0.75, 0.05, fisher)
    assert two_proportions_power(8, 11, 0.2, 0.75, method="fisher") == pytest.approx(
        expected, rel=1e-9)


def test_chi_square_exact_power_equals_enumeration_with_scipy():
    def pearson(t):
        t = np.array(t)
        if (t.sum(axis=0) == 0).any():
            return 1.0
        return stats.chi2_contingency(t, correction=False).pvalue

    expected = _brute_force_power(9, 7, 0.3, 0.8, 0.05, pearson)
    assert two_proportions_power(9, 7, 0.3, 0.8, method="chi-square") == pytest.approx(
        expected, rel=1e-9)


def test_fisher_n_is_close_to_the_corrected_normal_n():
    fisher = two_proportions_n(0.3, 0.6, method="fisher")
    assert fisher.power >= 0.8 and fisher.actual_alpha < 0.05
    assert abs(fisher.n - two_proportions_n(0.3, 0.6, method="normal-cc").n) <= 3


def test_dropout_inflation():
    assert dropout_inflate(34, 0.1) == 38  # 34 / 0.9 = 37.8
    assert paired_t_n(0.5, power=0.8, dropout=0.1).n_enrol == 38
    two = two_sample_t_n(0.5, dropout=0.2)  # 64 per group / 0.8 = 80 per group
    assert (two.n, two.n_enrol) == (64, 160)


def test_invalid_inputs_raise_clear_errors():
    with pytest.raises(LaktasiInputError, match="parent"):
        wilcoxon_n(0.5, parent="gamma")
    with pytest.raises(LaktasiInputError, match="dropout"):
        paired_t_n(0.5, dropout=1.0)
    with pytest.raises(LaktasiInputError, match="discordant"):
        mcnemar_n(0.2, 0.2)
    with pytest.raises(LaktasiInputError, match="method"):
        two_proportions_n(0.3, 0.6, method="exact")
