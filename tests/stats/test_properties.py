"""Properties every correct implementation has (hypothesis)."""

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st_

import laktasi.stats as st

counts = st_.integers(min_value=0, max_value=12)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st_.composite
def paired_counts(draw, min_n=3, max_n=40):
    n = draw(st_.integers(min_n, max_n))
    pre = draw(st_.lists(counts, min_size=n, max_size=n))
    post = draw(st_.lists(counts, min_size=n, max_size=n))
    assume(any(a != b for a, b in zip(pre, post, strict=True)))
    return pre, post


@st_.composite
def two_groups(draw, min_n=2, max_n=30):
    x = draw(st_.lists(counts, min_size=min_n, max_size=max_n))
    y = draw(st_.lists(counts, min_size=min_n, max_size=max_n))
    assume(len(set(x + y)) > 1)
    return x, y


@SETTINGS
@given(paired_counts())
def test_wilcoxon_swapping_pre_and_post_flips_direction_keeps_p(data):
    pre, post = data
    a = st.wilcoxon_signed_rank(pre, post)
    b = st.wilcoxon_signed_rank(post, pre)
    assert a.z == b.z  # SPSS's Z uses the smaller rank sum: same value
    assert np.isclose(a.z_directional, -b.z_directional, rtol=1e-12, atol=1e-12)
    assert np.isclose(a.pvalue, b.pvalue, rtol=1e-12, atol=0)
    assert np.isclose(a.pvalue_exact, b.pvalue_exact, rtol=1e-10, atol=1e-15)
    assert a.positive == b.negative and a.negative == b.positive
    assert np.isclose(a.effect_size.value, -b.effect_size.value)


@SETTINGS
@given(paired_counts())
def test_wilcoxon_pvalues_are_probabilities_and_ranks_add_up(data):
    pre, post = data
    r = st.wilcoxon_signed_rank(pre, post)
    for p in (r.pvalue, r.pvalue_asymptotic, r.pvalue_exact, r.pvalue_exact_no_ties):
        assert 0 <= p <= 1
    m = r.n_nonzero
    assert np.isclose(r.t_plus + r.t_minus, m * (m + 1) / 2)
    assert r.negative.n + r.positive.n + r.ties == r.n
    assert r.z <= 0
    one = st.wilcoxon_signed_rank(pre, post, alternative="greater").pvalue
    other = st.wilcoxon_signed_rank(pre, post, alternative="less").pvalue
    assert np.isclose(one + other, 1.0)


@SETTINGS
@given(two_groups())
def test_mann_whitney_relabelling_groups_keeps_p(data):
    x, y = data
    a = st.mann_whitney(x, y)
    b = st.mann_whitney(y, x)
    assert np.isclose(a.u, b.u) and np.isclose(a.z, b.z)
    assert np.isclose(a.pvalue, b.pvalue, rtol=1e-12)
    assert np.isclose(a.pvalue_exact, b.pvalue_exact, rtol=1e-9, atol=1e-15)
    assert np.isclose(a.pvalue_exact_no_ties, b.pvalue_exact_no_ties, rtol=1e-9, atol=1e-15)
    assert np.isclose(a.effect_size.value, -b.effect_size.value)
    assert np.isclose(a.u_x + a.u_y, len(x) * len(y))
    for p in (a.pvalue, a.pvalue_exact, a.pvalue_exact_no_ties):
        assert 0 <= p <= 1


@SETTINGS
@given(two_groups(min_n=2))
def test_t_tests_relabelling_keeps_p(data):
    x, y = data
    assume(np.std(x) > 0 or np.std(y) > 0)
    a = st.independent_t(x, y)
    b = st.independent_t(y, x)
    assert np.isclose(a.student.pvalue, b.student.pvalue, rtol=1e-10)
    assert np.isclose(a.welch.pvalue, b.welch.pvalue, rtol=1e-10)
    assert np.isclose(a.student.statistic, -b.student.statistic)


@SETTINGS
@given(st_.lists(st_.lists(st_.integers(0, 7), min_size=2, max_size=4), min_size=2, max_size=3))
def test_chi_square_and_fisher_are_invariant_to_transposition(rows):
    width = min(len(r) for r in rows)
    table = np.array([r[:width] for r in rows])
    assume((table.sum(axis=0) > 0).all() and (table.sum(axis=1) > 0).all())
    a, b = st.chi_square(table), st.chi_square(table.T)
    assert np.isclose(a.pearson.statistic, b.pearson.statistic)
    assert np.isclose(a.likelihood_ratio.statistic, b.likelihood_ratio.statistic)
    fa, fb = st.fisher_exact(table), st.fisher_exact(table.T)
    assert np.isclose(fa.pvalue, fb.pvalue, rtol=1e-9)
    assert 0 <= fa.pvalue <= 1


@SETTINGS
@given(st_.integers(0, 30), st_.integers(0, 30))
def test_mcnemar_is_symmetric_in_b_and_c(b, c):
    assert st.mcnemar_table(b, c).pvalue == st.mcnemar_table(c, b).pvalue
    assert 0 <= st.mcnemar_table(b, c).pvalue <= 1


@settings(max_examples=25, deadline=None)
@given(st_.integers(0, 2**32 - 1), st_.integers(120, 200))
def test_wilcoxon_exact_and_asymptotic_converge_as_n_grows(seed, n):
    rng = np.random.default_rng(seed)
    pre = rng.normal(10, 2, n)
    post = pre + rng.normal(0.2, 1.5, n)
    r = st.wilcoxon_signed_rank(pre, post)
    assert abs(r.pvalue_exact - r.pvalue_asymptotic) < 0.01


@settings(max_examples=25, deadline=None)
@given(st_.integers(0, 2**32 - 1), st_.integers(40, 50))
def test_mann_whitney_exact_and_asymptotic_converge_as_n_grows(seed, n):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 10, n)
    y = rng.integers(1, 11, n)
    r = st.mann_whitney(x, y)
    assert abs(r.pvalue_exact - r.pvalue_asymptotic) < 0.01


def test_exact_asymptotic_gap_shrinks_with_n():
    # the same pattern of differences, growing n: |exact - asymptotic| falls
    gaps = []
    for n in (10, 40, 160):
        d = np.tile([1, 2, 3, -1, 2, 4, -2, 1], n // 8 + 1)[:n]
        r = st.wilcoxon_signed_rank(np.zeros(n), d)
        gaps.append(abs(r.pvalue_exact - r.pvalue_asymptotic))
    assert gaps[0] > gaps[1] > gaps[2]
