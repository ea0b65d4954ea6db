"""Monte-Carlo power: accuracy against analytic values (fixed seeds), reproducibility,
curves and plots.

Expected values: the analytic functions of laktasi.power, themselves checked against
G*Power's examples and R in test_analytic.py; tolerance 4 Monte-Carlo standard errors
(or 2 percentage points against the A.R.E. approximation, as the issue asks).
"""

import math

import pytest

from laktasi.errors import LaktasiInputError
from laktasi.power import (
    binary_groups,
    binary_pairs,
    integer_counts,
    mcnemar_power,
    milk_volume,
    normal_differences,
    normal_groups,
    ordinal_scores,
    paired_t_power,
    power_curve,
    simulate_power,
    two_proportions_power,
    two_sample_t_power,
)
from laktasi.report.plots import power_curve_plot


@pytest.mark.parametrize(("n", "dz"), [(15, 0.8), (30, 0.5)])
def test_simulated_paired_t_power_matches_the_noncentral_t(n, dz):
    sim = simulate_power(n, normal_differences(dz), "paired-t", sims=40_000, seed=11)
    assert abs(sim.power - paired_t_power(n, dz)) < 4 * sim.se


def test_simulated_two_sample_t_power_matches_the_noncentral_t():
    sim = simulate_power(25, normal_groups(0.7), "two-sample-t", sims=30_000, seed=12)
    assert abs(sim.power - two_sample_t_power(25, 25, 0.7)) < 4 * sim.se


@pytest.mark.parametrize(("n", "dz"), [(20, 0.6), (40, 0.4)])
def test_simulated_wilcoxon_power_is_within_2_points_of_the_are_value(n, dz):
    sim = simulate_power(n, normal_differences(dz), "wilcoxon", sims=40_000, seed=5)
    assert abs(sim.power - paired_t_power(n, dz, efficiency=3 / math.pi)) < 0.02


def test_simulated_mann_whitney_power_is_within_2_points_of_the_are_value():
    sim = simulate_power(30, normal_groups(0.6), "mann-whitney", sims=20_000, seed=2)
    assert abs(sim.power - two_sample_t_power(30, 30, 0.6, efficiency=3 / math.pi)) < 0.02


def test_simulated_mcnemar_power_matches_the_exact_power():
    sim = simulate_power(40, binary_pairs(0.3, 0.08), "mcnemar", sims=30_000, seed=3)
    assert abs(sim.power - mcnemar_power(40, 0.3, 0.08)) < 4 * sim.se


@pytest.mark.parametrize("test", ["fisher", "chi-square", "chi-square-corrected"])
def test_simulated_two_by_two_power_matches_the_exact_power(test):
    sim = simulate_power(25, binary_groups(0.75, 0.35), test, sims=30_000, seed=4)
    exact = two_proportions_power(25, 25, 0.75, 0.35, method=test)
    assert abs(sim.power - exact) < 4 * sim.se


def test_simulation_is_reproducible():
    a = simulate_power(20, integer_counts(), sims=5_000, seed=42)
    b = simulate_power(20, integer_counts(), sims=5_000, seed=42)
    c = simulate_power(20, integer_counts(), sims=5_000, seed=43)
    assert a.power == b.power and a.power != c.power
    # chunking is part of the stream: same seed and chunk give the same numbers
    d = simulate_power(20, milk_volume(), sims=6_000, seed=1, chunk=1_000)
    e = simulate_power(20, milk_volume(), sims=6_000, seed=1, chunk=1_000)
    assert d == e
    # each chunk has its own stream: the number of threads does not change the estimate
    one = simulate_power(20, integer_counts(), sims=7_000, seed=5, chunk=1_000, workers=1)
    three = simulate_power(20, integer_counts(), sims=7_000, seed=5, chunk=1_000, workers=3)
    assert one == three


def test_ties_cost_power_ordinal_scores_below_the_normal_are():
    # a 3-level score throws information away: power below the continuous latent's value
    sim = simulate_power(20, ordinal_scores(levels=3, effect=0.5, r=0.5), "wilcoxon",
                         sims=20_000, seed=6)
    assert sim.power < paired_t_power(20, 0.5, efficiency=3 / math.pi)


def test_progress_is_reported_and_the_core_is_silent(capsys):
    seen = []
    simulate_power(15, integer_counts(), sims=3_000, chunk=1_000, seed=0, progress=seen.append)
    assert seen == [1_000, 2_000, 3_000]
    assert capsys.readouterr().out == ""


def test_power_curve_rises_with_n_and_plots():
    curve = power_curve([10, 20, 40], integer_counts(effect=0.5), sims=4_000, seed=3)
    assert curve[0].power < curve[1].power < curve[2].power
    png, svg = power_curve_plot(curve, xlabel="n", ylabel="power",
                                analytic=[0.2, 0.4, 0.7])
    assert png.startswith(b"\x89PNG") and "<svg" in svg


def test_design_and_test_must_fit():
    with pytest.raises(LaktasiInputError, match="design"):
        simulate_power(20, normal_groups(0.5), "wilcoxon", sims=10)
    with pytest.raises(LaktasiInputError, match="binary"):
        simulate_power(20, integer_counts(), "mcnemar", sims=10)
    with pytest.raises(LaktasiInputError, match="test="):
        simulate_power(20, integer_counts(), "sign-test", sims=10)
    with pytest.raises(LaktasiInputError, match="backend"):
        simulate_power(20, integer_counts(), sims=10, backend="opencl")
