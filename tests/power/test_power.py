"""Sample size and power: analytic values against R, simulation against analytic values,
and the vectorised p-values against laktasi.stats on every simulated study."""

import numpy as np
import pytest

import laktasi.stats as st
from laktasi.power import (
    integer_counts,
    mann_whitney_n,
    normal_differences,
    paired_t_n,
    paired_t_power,
    signed_rank_pvalues,
    simulate_power,
    two_proportions_n,
    two_sample_t_n,
    wilcoxon_n,
)


def test_paired_t_n_matches_r():
    # > power.t.test(delta = .5, sd = 1, power = .95, type = "paired")$n  -> 53.94 -> 54
    assert paired_t_n(0.5, power=0.95).n == 54
    # > power.t.test(delta = .8, sd = 1, power = .8, type = "paired")$n   -> 14.30 -> 15
    assert paired_t_n(0.8, power=0.8).n == 15


def test_two_sample_t_n_matches_r():
    # > power.t.test(delta = .5, sd = 1, power = .95)$n  -> 104.93 -> 105 per group
    res = two_sample_t_n(0.5, power=0.95)
    assert (res.n, res.n_total) == (105, 210)


def test_two_proportions_matches_r():
    # > power.prop.test(p1 = .5, p2 = .75, power = .9)$n  -> 76.71 -> 77 per group
    assert two_proportions_n(0.5, 0.75, power=0.9).n == 77


def test_are_method_and_dropout():
    # A.R.E. method: the t test's n inflated by 1 / ARE (3 / pi for a normal parent)
    w = wilcoxon_n(0.5, power=0.95)
    assert w.n == 57 and paired_t_power(56, 0.5, efficiency=3 / np.pi) < 0.95 <= w.power
    assert mann_whitney_n(0.5, power=0.95).n == 110
    assert paired_t_n(0.5, power=0.8, dropout=0.1).n_enrol == 38  # 34 / 0.9 = 37.8


def test_vectorised_signed_rank_equals_the_core_on_each_study():
    rng = np.random.default_rng(7)
    pre, post = integer_counts(effect=0.4, spread=1.2)(rng, 400, 25)
    fast = signed_rank_pvalues(pre, post)
    for a, b, p in zip(pre, post, fast, strict=True):
        ref = st.wilcoxon_signed_rank(a, b).pvalue_asymptotic if np.any(a != b) else 1.0
        assert p == pytest.approx(ref, rel=1e-12, abs=1e-15)
    pre, post = normal_differences(0.3)(rng, 200, 20)
    for a, b, p in zip(pre, post, signed_rank_pvalues(pre, post), strict=True):
        assert p == pytest.approx(st.wilcoxon_signed_rank(a, b).pvalue_asymptotic, rel=1e-12)


@pytest.mark.parametrize(("n", "dz"), [(15, 0.8), (30, 0.5)])
def test_simulated_paired_t_power_matches_the_noncentral_t(n, dz):
    sim = simulate_power(n, normal_differences(dz), "paired-t", sims=40_000, seed=11)
    exact = paired_t_power(n, dz)
    assert abs(sim.power - exact) < 4 * sim.se


@pytest.mark.parametrize(("n", "dz"), [(20, 0.6), (40, 0.4)])
def test_simulated_wilcoxon_power_is_close_to_the_are_value(n, dz):
    sim = simulate_power(n, normal_differences(dz), "wilcoxon", sims=40_000, seed=5)
    are = paired_t_power(n, dz, efficiency=3 / np.pi)
    assert abs(sim.power - are) < 0.02


def test_simulation_is_reproducible():
    a = simulate_power(20, integer_counts(), sims=5_000, seed=42)
    b = simulate_power(20, integer_counts(), sims=5_000, seed=42)
    c = simulate_power(20, integer_counts(), sims=5_000, seed=43)
    assert a.power == b.power and a.power != c.power


def test_power_curve_rises_with_n_and_plots(tmp_path):
    from laktasi.power import power_curve, power_curve_plot

    curve = power_curve([10, 20, 40], integer_counts(effect=0.5), sims=4_000, seed=3)
    assert curve[0].power < curve[1].power < curve[2].power
    png, svg = power_curve_plot(curve, xlabel="n", ylabel="power")
    assert png.startswith(b"\x89PNG") and "<svg" in svg


def test_vectorised_mann_whitney_equals_the_core_on_each_study():
    from laktasi.power import rank_sum_pvalues, two_group_counts

    rng = np.random.default_rng(9)
    x, y = two_group_counts(effect=0.7, ratio=1.3)(rng, 300, 15)
    for a, b, p in zip(x, y, rank_sum_pvalues(x, y), strict=True):
        if len(set(a) | set(b)) > 1:
            assert p == pytest.approx(st.mann_whitney(a, b).pvalue_asymptotic, rel=1e-12,
                                      abs=1e-15)


def test_simulated_mann_whitney_power_near_the_are_value_for_normal_data():
    from laktasi.power import two_sample_t_power

    def normal_groups(rng, sims, n):
        return rng.standard_normal((sims, n)) + 0.6, rng.standard_normal((sims, n))

    sim = simulate_power(30, normal_groups, "mann-whitney", sims=20_000, seed=2)
    are = two_sample_t_power(30, 30, 0.6, efficiency=3 / np.pi)
    assert abs(sim.power - are) < 0.02
