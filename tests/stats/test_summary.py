"""Statistics from summaries (laktasi.stats.summary) against the core on raw data and
against brute force: what a paper's printed mean, SD and n allow."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

import laktasi.stats as st
from laktasi.errors import LaktasiInputError
from laktasi.stats.summary import (
    ancova_from_summaries,
    grim_totals,
    grimmer_consistent,
    implied_correlation,
    t_test_from_summaries,
)


def _printed(x: float, decimals: int = 2) -> tuple[float, float]:
    """The interval of true values that print as x rounded to ``decimals``."""
    v = round(x, decimals)
    half = 0.5 * 10.0**-decimals
    return v - half, v + half


# --- GRIM and GRIMMER ---------------------------------------------------------------------

def test_grim_finds_exactly_the_means_whole_numbers_can_print():
    n = 7
    reachable = {round(s / n, 2) for s in range(0, 9 * n + 1)}  # totals of 7 values in 0..9
    for k in range(0, 901):
        mean = k / 100
        totals = grim_totals(mean - 0.005, mean + 0.005, n)
        assert bool(totals) == (mean in reachable), mean
        assert all(round(s / n, 2) == mean or abs(s / n - mean) <= 0.005 + 1e-9 for s in totals)


def test_grim_keeps_a_mean_on_the_edge_of_its_interval():
    # 1/8 = 0.125 prints as 0.13 with half-up rounding and as 0.12 with half-even
    assert grim_totals(0.115, 0.125, 8) == [1] == grim_totals(0.125, 0.135, 8)


def test_grimmer_accepts_every_mean_and_sd_that_whole_numbers_give():
    n = 5
    for data in itertools.combinations_with_replacement(range(10), n):
        x = np.array(data, dtype=float)
        mean, sd = _printed(float(x.mean())), _printed(float(x.std(ddof=1)))
        totals = grim_totals(*mean, n)
        assert int(x.sum()) in totals
        assert grimmer_consistent(totals, *sd, n), data


def test_grimmer_refuses_the_seed_papers_impossible_sd():
    # n = 15, mean 5,47 (total 82): SD 0,900 needs a sum of squares Q = 459.6; the whole
    # numbers of the total's (even) parity nearest to it give SDs 0.834 and 0.915
    totals = grim_totals(5.465, 5.475, 15)
    assert totals == [82]
    assert not grimmer_consistent(totals, 0.8995, 0.9005, 15)
    base = 82 * 82 / 15
    assert 14 * 0.9**2 + base == pytest.approx(459.607, abs=1e-3)
    assert [round(math.sqrt((q - base) / 14), 3) for q in (458, 460)] == [0.834, 0.915]
    assert grimmer_consistent(totals, 0.9145, 0.9155, 15)
    assert grimmer_consistent(totals, 0.8335, 0.8345, 15)


def test_grimmer_with_no_total_is_false():
    assert not grimmer_consistent([], 0.0, 10.0, 5)


# --- t test from summaries ----------------------------------------------------------------

@pytest.mark.parametrize("seed", range(6))
def test_t_from_summaries_equals_both_rows_of_the_core_on_raw_data(seed):
    rng = np.random.default_rng(seed)
    n1, n2 = int(rng.integers(3, 40)), int(rng.integers(3, 40))
    x, y = rng.normal(10, 2, n1), rng.normal(9, 3 + seed, n2)
    core = st.independent_t(x, y)
    for equal_var, row in ((True, core.student), (False, core.welch)):
        got = t_test_from_summaries(x.mean(), x.std(ddof=1), n1, y.mean(), y.std(ddof=1), n2,
                                    equal_var=equal_var)
        for name in ("statistic", "df", "pvalue", "mean_difference", "se_difference"):
            assert getattr(got, name) == pytest.approx(getattr(row, name), rel=1e-10), name
        assert (got.ci.low, got.ci.high) == pytest.approx((row.ci.low, row.ci.high), rel=1e-10)


def test_t_from_summaries_equals_the_welch_formula_it_replaces():
    # the audit's former hand-written Welch p, digit for digit on the seed paper's numbers
    from scipy import stats as sps

    m1, s1, n1, m2, s2, n2 = 9.93, 2.49, 15, 8.07, 3.56, 15
    v1, v2 = s1 * s1 / n1, s2 * s2 / n2
    t = (m1 - m2) / math.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    row = t_test_from_summaries(m1, s1, n1, m2, s2, n2)
    assert row.statistic == pytest.approx(t, rel=1e-14)
    assert row.pvalue == pytest.approx(2 * float(sps.t.sf(abs(t), df)), rel=1e-12)
    assert row.df == pytest.approx(df, rel=1e-14)


def test_t_from_summaries_without_spread():
    differ = t_test_from_summaries(5.0, 0.0, 4, 4.0, 0.0, 6)
    assert differ.statistic == math.inf and differ.pvalue == 0.0
    same = t_test_from_summaries(5.0, 0.0, 4, 5.0, 0.0, 6)
    assert math.isnan(same.statistic) and math.isnan(same.pvalue) and math.isnan(same.df)
    assert same.to_dict()["pvalue"] is None  # undefined stays undefined, never 0 or 1


@pytest.mark.parametrize("args", [
    (5.0, 1.0, 1, 4.0, 1.0, 5),      # one value in a group
    (5.0, -1.0, 5, 4.0, 1.0, 5),     # negative SD
    (float("nan"), 1.0, 5, 4.0, 1.0, 5),
    (5.0, 1.0, 5.5, 4.0, 1.0, 5),    # n not whole
])
def test_t_from_summaries_refuses_impossible_summaries(args):
    with pytest.raises(LaktasiInputError):
        t_test_from_summaries(*args)


# --- ANCOVA from summaries ----------------------------------------------------------------

@pytest.mark.parametrize("seed", range(5))
def test_ancova_from_summaries_equals_the_core_on_raw_data(seed):
    rng = np.random.default_rng(seed)
    n1, n2 = int(rng.integers(8, 30)), int(rng.integers(8, 30))
    pre = rng.gamma(3, 1, n1 + n2)
    group = np.array([1] * n1 + [0] * n2)
    post = 0.7 * pre + 0.8 * group + rng.normal(0, 1, n1 + n2)
    summaries = []
    for g in (1, 0):
        x, y = pre[group == g], post[group == g]
        summaries.append((len(x), x.mean(), x.std(ddof=1), y.mean(), y.std(ddof=1),
                          np.corrcoef(x, y)[0, 1]))
    res = ancova_from_summaries(*summaries)
    core = st.ancova(post, pre, group, levels=(1, 0))
    assert res.pvalue == pytest.approx(core.pvalue, rel=1e-9) and res.df == core.df_error
    assert res.statistic**2 == pytest.approx(core.statistic, rel=1e-9)  # F = t^2
    adj = {a.label: a.adjusted_mean for a in core.adjusted_means}
    assert res.difference == pytest.approx(adj["1"] - adj["0"], rel=1e-9)


def test_ancova_from_summaries_degenerate_cases_are_not_numbers():
    flat = ancova_from_summaries((10, 5.0, 0.0, 6.0, 1.0, 0.0), (10, 5.0, 0.0, 5.0, 1.0, 0.0))
    assert math.isnan(flat.pvalue) and math.isnan(flat.difference) and flat.df == 17
    # after = before exactly in both groups (r = 1, equal SDs): no residual spread
    exact = ancova_from_summaries((10, 5.0, 1.0, 7.0, 1.0, 1.0), (10, 5.0, 1.0, 6.0, 1.0, 1.0))
    assert exact.difference == pytest.approx(1.0) and exact.pvalue == 0.0
    none = ancova_from_summaries((10, 5.0, 1.0, 6.0, 1.0, 1.0), (10, 5.0, 1.0, 6.0, 1.0, 1.0))
    assert none.difference == 0 and math.isnan(none.pvalue)
    with pytest.raises(LaktasiInputError):
        ancova_from_summaries((10, 5.0, 1.0, 6.0, 1.0, 1.5), (10, 5.0, 1.0, 6.0, 1.0, 0.5))
    with pytest.raises(LaktasiInputError):
        ancova_from_summaries((10, 5.0, 1.0, 6.0, 1.0), (10, 5.0, 1.0, 6.0, 1.0, 0.5))


# --- implied pre-post correlation ---------------------------------------------------------

@pytest.mark.parametrize("seed", range(6))
def test_implied_correlation_recovers_the_correlation_of_the_raw_data(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(8, 60))
    pre = rng.normal(10, 2, n)
    post = pre * rng.uniform(0.2, 1.2) + rng.normal(1, 1.5, n)
    t = st.paired_t(pre, post)
    res = implied_correlation(n, pre.std(ddof=1), post.std(ddof=1), post.mean() - pre.mean(),
                              t.pvalue)
    assert res.r == pytest.approx(np.corrcoef(pre, post)[0, 1], rel=1e-7, abs=1e-9)
    assert res.sd_difference == pytest.approx((post - pre).std(ddof=1), rel=1e-7)
    assert res.t == pytest.approx(abs(t.statistic), rel=1e-7) and res.df == n - 1


def test_implied_correlation_edges():
    no_change = implied_correlation(10, 1.0, 1.0, 0.0, 1.0)  # p = 1: t = 0
    assert no_change.t == 0 and no_change.sd_difference == 0 and no_change.r == 1.0
    impossible = implied_correlation(10, 1.0, 1.0, 0.5, 1.0)  # a change with p = 1
    assert impossible.r == -math.inf
    assert implied_correlation(10, 1.0, 1.0, 3.0, 0.5).r < -1  # summaries and p disagree
    # a p so small that the t quantile overflows (df = 3): t is +inf, the differences have
    # no spread and r = (s1² + s2²) / (2 s1 s2), never -inf
    tiny = implied_correlation(4, 1.0, 2.0, 0.5, 1e-300)
    assert tiny.t == math.inf and tiny.sd_difference == 0 and tiny.r == pytest.approx(1.25)
    assert implied_correlation(4, 1.0, 2.0, 0.5, 0.0).r == pytest.approx(1.25)
    for bad in ((1, 1.0, 1.0, 0.5, 0.1), (10, 0.0, 1.0, 0.5, 0.1), (10, 1.0, 1.0, 0.5, 1.5)):
        with pytest.raises(LaktasiInputError):
            implied_correlation(*bad)
