"""Edge cases of the core found on fresh data (issue 9, item 13), each against its peer.

- ANCOVA with a constant outcome: R's ``anova(lm(post ~ pre + g))`` prints F = NaN (0/0)
  and warns "ANOVA F-tests on an essentially perfect fit are unreliable"; laktasi refuses.
  A perfect fit (post an exact line in pre within groups) draws the same R warning (its
  rule: residual SS < 1e-10 x the sum of squared fitted values); laktasi refuses there too.
- paired_t with exactly two pairs: PSPP 1.6.2 ``T-TEST /PAIRS=pre WITH post (PAIRED)``
  prints the correlation 1.000 with Sig. "NaN"; R's ``cor.test`` stops with "not enough
  finite observations". The t test itself is defined (R ``t.test(post, pre, paired =
  TRUE)$p.value`` = 0.1695013).
- Ranking: values are rounded to 12 significant digits each (R ``wilcox.test(...,
  digits.rank = 12)``, i.e. ``rank(signif(x, 12))``), so a huge value elsewhere does not
  turn small real differences into zeros.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import laktasi.stats as st
from laktasi.errors import (
    ConstantInputError,
    InvalidTableError,
    LaktasiError,
    LaktasiInputError,
    NonNumericError,
    TooFewObservationsError,
)
from laktasi.stats._ranks import clean

PRE = [9.8, 11.2, 10.4, 8.7, 12.1, 9.9, 10.6, 11.8, 9.1, 10.2, 12.4, 8.9]
GROUP = ["kontrol"] * 6 + ["intervensi"] * 6


# ---------------------------------------------------------------------------------- ANCOVA

def test_ancova_constant_outcome_is_refused():
    # everyone at the scale's maximum after the intervention:
    # > d <- data.frame(pre = PRE, post = 14, g = factor(GROUP)); anova(lm(post ~ pre + g, d))
    # R: F value NaN, Pr(>F) NaN, and the perfect-fit warning
    with pytest.raises(ConstantInputError, match="All 12 post values are equal") as info:
        st.ancova([14.0] * 12, PRE, GROUP)
    assert info.value.detail["what"] == "post"


def test_ancova_outcome_equal_up_to_float_noise_is_constant():
    post = [0.1 + 0.2] * 6 + [0.3] * 6  # 0.30000000000000004 and 0.3: one value
    with pytest.raises(ConstantInputError):
        st.ancova(post, PRE, GROUP)


@pytest.mark.parametrize("post", [
    # post = pre: R warns (perfect fit) and prints F for g 0 / 0 noise (laktasi gave F < 0)
    PRE,
    # post = 2 pre + 3 in one group: R's F for g is 2.5e+31 with the perfect-fit warning
    [2 * p + (3 if g == "intervensi" else 0) for p, g in zip(PRE, GROUP, strict=True)],
])
def test_ancova_perfect_fit_is_refused(post):
    # > anova(lm(post ~ pre + g, d))  # "ANOVA F-tests on an essentially perfect fit are
    # > #                                 unreliable"
    with pytest.raises(LaktasiInputError, match="perfect fit") as info:
        st.ancova(post, PRE, GROUP)
    assert info.value.detail["reason"] == "perfect_fit"


def test_ancova_close_to_but_not_a_perfect_fit_runs():
    # residual noise of 1e-3 on values around 20: R gives no warning, laktasi computes
    rng = np.random.default_rng(3)
    post = 2 * np.array(PRE) + rng.normal(0, 1e-3, 12)
    res = st.ancova(post, PRE, GROUP)
    assert res.statistic >= 0 and 0 <= res.pvalue <= 1


@pytest.mark.parametrize("args", [([], [], []), ([math.nan] * 4, [1, 2, 3, 4], [0, 0, 1, 1]),
                                  ([1, 2, 3, 4], [1, 2, 3, 4], [None] * 4)])
def test_ancova_without_complete_cases_raises_a_laktasi_error(args):
    with pytest.raises(TooFewObservationsError, match="No mother has post, pre and group"):
        st.ancova(*args)


def test_ancova_results_are_never_negative():
    # group adjusted means identical by construction: SS group ~ 0 must not come out < 0
    pre = np.array(PRE)
    noise = np.array([0.3, -0.2, 0.1, -0.4, 0.25, -0.05] * 2)
    res = st.ancova(pre + noise, pre, GROUP)
    assert res.ss_group >= 0 and res.statistic >= 0 and res.effect_size.value >= 0


# -------------------------------------------------------------------------------- paired t

def test_paired_t_two_pairs_correlation_p_is_undefined():
    # PSPP: Paired Samples Correlations "Pair 1,pre & post,2,1.000,NaN";
    # R: cor.test(c(1, 2), c(3, 5.5)) -> "not enough finite observations"
    res = st.paired_t([1, 2], [3, 5.5])
    assert res.correlation == pytest.approx(1.0)
    assert math.isnan(res.correlation_pvalue)
    assert res.to_dict()["correlation_pvalue"] is None
    assert any(n.code == "correlation_pvalue_undefined" and n.detail == {"n": 2, "df": 0}
               for n in res.notes)
    # > t.test(c(3, 5.5), c(1, 2), paired = TRUE)$p.value; PSPP prints .170
    assert res.pvalue == pytest.approx(0.16950131892286416, rel=1e-12)


def test_paired_t_perfect_correlation_with_three_pairs_keeps_p_zero():
    # > cor.test(c(1, 2, 3), c(3, 4.5, 6))  # r = 1, p-value = 0 (t = Inf with df = 1)
    res = st.paired_t([1, 2, 3], [3, 4.5, 6])
    assert res.correlation == pytest.approx(1.0) and res.correlation_pvalue == 0.0


# ----------------------------------------------------------------------------- McNemar table

@pytest.mark.parametrize(("kwargs", "name"), [({"b": math.nan, "c": 1}, "b"),
                                              ({"b": 1, "c": math.inf}, "c"),
                                              ({"b": 1, "c": 2, "a": math.nan}, "a"),
                                              ({"b": 1, "c": 2, "d": -math.inf}, "d")])
def test_mcnemar_table_missing_count_names_the_argument(kwargs, name):
    with pytest.raises(InvalidTableError, match=rf"^{name} = ") as info:
        st.mcnemar_table(**kwargs)
    assert info.value.detail["cell"] == name


@pytest.mark.parametrize(("call", "what"), [
    (lambda: st.mcnemar(None, None), "single value"),
    (lambda: st.mcnemar(3, 3), "single value"),
    (lambda: st.frequencies(3), "single value"),
    (lambda: st.frequencies([[1, 2], [3, 4]]), "one-dimensional"),
    (lambda: st.frequencies([[1, 2], [3]]), "not a single category value"),
])
def test_categorical_inputs_that_are_not_sequences_are_located(call, what):
    with pytest.raises(NonNumericError, match=what):
        call()


# --------------------------------------------------------------------------------- ranking

def test_rounding_is_per_value_to_12_significant_digits():
    assert clean(np.array([2.3 - 1.1, 3.4 - 2.2, 4.5 - 3.3])).tolist() == [1.2, 1.2, 1.2]
    # a huge value elsewhere keeps small values as they are (the old rule rounded them
    # to 12 digits of the largest value: 0.001 -> 0)
    assert clean(np.array([1e13, 0.001, 0.0051, -0.0052])).tolist() == [
        1e13, 0.001, 0.0051, -0.0052]
    assert clean(np.array([1.23456789012345, 0.0])).tolist() == [1.23456789012, 0.0]


def test_wilcoxon_huge_difference_keeps_small_differences_as_r_digits_rank():
    # > pre <- rep(0, 7); post <- c(1e13, 0.001, 0.002, -0.003, 0.004, 0.0051, -0.0052)
    # > wilcox.test(post, pre, paired = TRUE, correct = FALSE, exact = FALSE,
    # +             digits.rank = 12)   # V = 19, p = 0.39802471950693774
    # (the old rule made six differences zero: V = 1 from one pair)
    res = st.wilcoxon_signed_rank([0] * 7, [1e13, 0.001, 0.002, -0.003, 0.004, 0.0051, -0.0052])
    assert res.n_nonzero == 7
    assert res.t_plus == 19
    assert res.pvalue_asymptotic == pytest.approx(0.39802471950693774, rel=1e-9)


def test_syringe_ties_as_r_digits_rank():
    # > pre <- c(1.1, 2.2, 0.7, 3.3, 1.0, 2.0, 0.3); post <- c(2.3, 3.4, 1.9, 4.5, 0.5, 2.0, 1.1)
    # > wilcox.test(post, pre, paired = TRUE, correct = FALSE, exact = FALSE,
    # +             digits.rank = 12)   # V = 20, p = 0.040479456113210174
    # (without digits.rank R gives p = 0.045799589111186673: the 1.2 differences split)
    res = st.wilcoxon_signed_rank([1.1, 2.2, 0.7, 3.3, 1.0, 2.0, 0.3],
                                  [2.3, 3.4, 1.9, 4.5, 0.5, 2.0, 1.1])
    assert res.t_plus == 20
    assert res.pvalue_asymptotic == pytest.approx(0.040479456113210174, rel=1e-9)


def test_mann_whitney_huge_value_as_r_digits_rank():
    # > wilcox.test(c(0.1 + 0.2, 0.5, 0.7, 2e12), c(0.3, 0.9, 1.1, 0.30000001),
    # +             correct = FALSE, exact = FALSE, digits.rank = 12)  # W = 8.5, p = .884549...
    # (the old rule rounded to whole tens: 0.3 and 0.30000001 tied with everything)
    res = st.mann_whitney([0.1 + 0.2, 0.5, 0.7, 2e12], [0.3, 0.9, 1.1, 0.30000001])
    assert res.u_x == 8.5
    assert res.pvalue_asymptotic == pytest.approx(0.88454943885296233, rel=1e-9)


# ---------------------------------------------------------------------- no foreign errors

@pytest.mark.parametrize("func", [
    lambda v: st.paired_t(v, v), lambda v: st.wilcoxon_signed_rank(v, v),
    lambda v: st.independent_t(v, v), lambda v: st.mann_whitney(v, v),
    st.descriptives, st.frequencies, st.shapiro_wilk, st.kolmogorov_smirnov_lilliefors,
    st.chi_square, st.fisher_exact, lambda v: st.mcnemar(v, v), lambda v: st.ancova(v, v, v),
])
@pytest.mark.parametrize("value", [[], [1.0], [math.nan] * 3, [2.0] * 5, None, 3, "abc",
                                   [[1, 2], [3, 4]]])
def test_bad_or_empty_input_raises_only_laktasi_errors(func, value):
    try:
        func(value)
    except LaktasiError:
        pass
