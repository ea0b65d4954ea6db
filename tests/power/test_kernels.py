"""The vectorised p-values equal laktasi.stats on every simulated dataset.

Expected values: laktasi.stats itself (the core, verified against PSPP and R), called
study by study.
A study the core cannot test (all values equal, no discordant pair) must get p = 1.
"""

import numpy as np
import pytest

import laktasi.stats as st
from laktasi.errors import LaktasiError
from laktasi.power import (
    binary_groups,
    binary_pairs,
    independent_t_pvalues,
    integer_counts,
    mcnemar_study_pvalues,
    milk_volume,
    milk_volume_groups,
    normal_differences,
    normal_groups,
    ordinal_groups,
    ordinal_scores,
    paired_t_pvalues,
    rank_sum_pvalues,
    signed_rank_pvalues,
    two_by_two_pvalues,
    two_group_counts,
)


def _same(fast, a, b, reference):
    checked = 0
    for x, y, p in zip(a, b, fast, strict=True):
        try:
            ref = reference(x, y)
        except LaktasiError:
            assert p == 1.0
            continue
        assert p == pytest.approx(ref, rel=1e-10, abs=1e-14)
        checked += 1
    assert checked >= 0.8 * len(fast)


PAIRED_MODELS = {
    "counts": (integer_counts(effect=0.4, spread=1.2), 25),
    "ordinal": (ordinal_scores(levels=4, effect=0.4), 12),
    "milk": (milk_volume(), 15),
    "normal": (normal_differences(0.3), 20),
}
GROUP_MODELS = {
    "counts": (two_group_counts(effect=0.7, ratio=1.3), 15),
    "ordinal": (ordinal_groups(levels=5, effect=0.5), 10),
    "milk": (milk_volume_groups(ratio=1.4), 12),
    "normal": (normal_groups(0.5, ratio=0.7), 12),
}


@pytest.mark.parametrize("name", PAIRED_MODELS)
def test_signed_rank_equals_the_core(name):
    model, n = PAIRED_MODELS[name]
    pre, post = model(np.random.default_rng(7), 300, n)
    _same(signed_rank_pvalues(pre, post), pre, post,
          lambda a, b: st.wilcoxon_signed_rank(a, b).pvalue_asymptotic)


@pytest.mark.parametrize("name", ["counts", "ordinal", "milk"])
def test_paired_t_equals_the_core(name):
    model, n = PAIRED_MODELS[name]
    pre, post = model(np.random.default_rng(8), 200, n)
    _same(paired_t_pvalues(pre, post), pre, post, lambda a, b: st.paired_t(a, b).pvalue)


@pytest.mark.parametrize("name", GROUP_MODELS)
def test_mann_whitney_equals_the_core(name):
    model, n = GROUP_MODELS[name]
    x, y = model(np.random.default_rng(9), 300, n)
    _same(rank_sum_pvalues(x, y), x, y, lambda a, b: st.mann_whitney(a, b).pvalue_asymptotic)


@pytest.mark.parametrize("equal_var", [True, False, "auto"])
@pytest.mark.parametrize("name", ["counts", "milk"])
def test_independent_t_equals_the_core(name, equal_var):
    model, n = GROUP_MODELS[name]
    x, y = model(np.random.default_rng(10), 150, n)
    _same(independent_t_pvalues(x, y, equal_var), x, y,
          lambda a, b: st.independent_t(a, b, equal_var=equal_var).pvalue)


def test_mcnemar_equals_the_core():
    pre, post = binary_pairs(0.3, 0.1, p_pre=0.3)(np.random.default_rng(11), 300, 20)
    _same(mcnemar_study_pvalues(pre, post), pre, post,
          lambda a, b: st.mcnemar(a, b, levels=(0, 1)).pvalue)

    def spss(a, b):
        return st.mcnemar(a, b, levels=(0, 1)).spss_pvalue

    pre, post = binary_pairs(0.45, 0.25, p_pre=0.4)(np.random.default_rng(12), 100, 60)
    _same(mcnemar_study_pvalues(pre, post, "spss"), pre, post, spss)


def _table(a, b):
    return [[int(a.sum()), int(a.size - a.sum())], [int(b.sum()), int(b.size - b.sum())]]


def _chi(a, b, corrected):
    t = np.array(_table(a, b))
    if (t.sum(axis=0) == 0).any():
        raise LaktasiError("a column of the table is empty")
    res = st.chi_square(t)
    return res.continuity.pvalue if corrected else res.pearson.pvalue


def test_two_by_two_tests_equal_the_core():
    x, y = binary_groups(0.35, 0.7, ratio=1.5)(np.random.default_rng(13), 300, 10)
    _same(two_by_two_pvalues(x, y, "fisher"), x, y,
          lambda a, b: st.fisher_exact(_table(a, b)).pvalue)
    _same(two_by_two_pvalues(x, y, "chi-square"), x, y, lambda a, b: _chi(a, b, False))
    _same(two_by_two_pvalues(x, y, "chi-square-corrected"), x, y,
          lambda a, b: _chi(a, b, True))


def test_ties_from_floating_point_are_ties_as_in_the_core():
    # 2.3 - 1.1 and 3.4 - 2.2 differ in the 16th digit; the core counts them as a tie
    pre = np.array([[1.1, 2.2, 0.5, 1.0]])
    post = np.array([[2.3, 3.4, 0.9, 0.7]])
    expected = st.wilcoxon_signed_rank(pre[0], post[0]).pvalue_asymptotic
    assert signed_rank_pvalues(pre, post)[0] == pytest.approx(expected, rel=1e-12)
