"""Fisher's exact test on large tables (issue 9, item 13).

- 2 x 2 with N = 100,000: p-values and the conditional-MLE odds ratio with its exact CI
  against R 4.2.2 (tests/reference/fisher_large_2x2.R: ``fisher.test`` for the p-values;
  the same equations as fisher.test solved at ``uniroot(tol = 1e-13)`` for the odds ratio,
  because fisher.test's own uniroot stops at eps^0.25).
- r x c tables too large for the network algorithm are refused from a work and memory
  estimate before any table is enumerated, with a message naming the table size.
"""

from __future__ import annotations

import numpy as np
import pytest

import laktasi.stats.contingency as contingency
from laktasi.errors import LaktasiInputError
from laktasi.stats import fisher_exact

# (table, fisher.test p two-sided / less / greater, MLE, 95 % CI, one-sided 95 % limits)
LARGE_2X2 = [
    ([[30000, 20000], [25000, 25000]],
     (5.7668756370419558e-222, 1.0, 2.8834378185210369e-222),
     1.4999938775635424, (1.4627744753085721, 1.5381728567853987),
     (1.4686747950374555, 1.531988373844116)),
    ([[50, 49950], [30, 49970]],
     (0.032922926232478562, 0.99086505508282663, 0.016461463116239222),
     1.6673256569312178, (1.039553367268627, 2.7163662564736524),
     (1.1157472615581439, 2.5169537805582234)),
]


@pytest.mark.parametrize(("table", "p", "mle", "ci", "one_sided"), LARGE_2X2)
def test_large_2x2_against_r(table, p, mle, ci, one_sided):
    res = fisher_exact(table)
    # > fisher.test(tab)$p.value; fisher.test(tab, alternative = "less" / "greater")$p.value
    assert res.pvalue == pytest.approx(p[0], rel=1e-9)
    assert res.pvalue_less == pytest.approx(p[1], rel=1e-9)
    assert res.pvalue_greater == pytest.approx(p[2], rel=1e-9)
    # conditional MLE and exact CI (fisher.test's equations at tol 1e-13)
    assert res.effect_size.value == pytest.approx(mle, rel=1e-9)
    assert res.effect_size.ci.low == pytest.approx(ci[0], rel=1e-9)
    assert res.effect_size.ci.high == pytest.approx(ci[1], rel=1e-9)
    # one-sided intervals: (lower, Inf) for "greater", (0, upper) for "less"
    greater = fisher_exact(table, alternative="greater").effect_size.ci
    less = fisher_exact(table, alternative="less").effect_size.ci
    assert greater.low == pytest.approx(one_sided[0], rel=1e-9) and greater.high == np.inf
    assert less.low == 0 and less.high == pytest.approx(one_sided[1], rel=1e-9)


def test_large_2x2_estimate_agrees_with_fisher_test_within_its_uniroot_tolerance():
    # > fisher.test(matrix(c(30000, 20000, 25000, 25000), 2, byrow = TRUE))
    # estimate 1.4999570875801491, conf.int 1.4627567212607362 1.5382061675420589
    # (uniroot on 1/t with tol eps^0.25 = 1.2e-4 for values above 1)
    res = fisher_exact([[30000, 20000], [25000, 25000]]).effect_size
    tol = 2 * np.finfo(float).eps ** 0.25
    for ours, r in ((res.value, 1.4999570875801491), (res.ci.low, 1.4627567212607362),
                    (res.ci.high, 1.5382061675420589)):
        assert abs(1 / ours - 1 / r) <= tol


def _proportional(n: int, shape: tuple[int, int]) -> np.ndarray:
    rng = np.random.default_rng(20261130)
    return rng.multinomial(n, np.full(shape[0] * shape[1], 1 / (shape[0] * shape[1]))).reshape(
        shape)


@pytest.mark.parametrize(("n", "shape"), [(3000, (3, 4)), (100_000, (3, 4)), (150, (4, 4))])
def test_too_large_rxc_is_refused_before_any_table_is_enumerated(monkeypatch, n, shape):
    def never(*args, **kwargs):
        raise AssertionError("the network started before the refusal")

    monkeypatch.setattr(contingency, "_compositions", never)
    monkeypatch.setattr(contingency, "_column_bounds", never)
    table = _proportional(n, shape)
    with pytest.raises(LaktasiInputError,
                       match=rf"{shape[0]} x {shape[1]} table with N = {n} is too large") as e:
        fisher_exact(table)
    assert "estimated before starting" in e.value.detail["reason"]
    assert e.value.detail["shape"] == shape and e.value.detail["n"] == n


def test_cost_estimate_grows_with_n_and_allows_the_tables_r_checks():
    small = contingency.rxc_cost_estimate(np.array([[10, 5, 8, 7], [6, 9, 7, 8], [8, 8, 9, 5]]))
    big = contingency.rxc_cost_estimate(_proportional(3000, (3, 4)))
    assert small[0] < contingency._MAX_WORK_ESTIMATE < big[0]
    assert small[1] < big[1]


def test_memory_estimate_alone_refuses(monkeypatch):
    monkeypatch.setattr(contingency, "_MAX_BYTES", 1000)
    with pytest.raises(LaktasiInputError, match="GB of memory, estimated before starting"):
        fisher_exact([[10, 5, 8, 7], [6, 9, 7, 8], [8, 8, 9, 5]])


def test_step_budget_is_checked_before_a_column_is_filled(monkeypatch):
    # a table the estimate lets through, with a budget smaller than its first column's
    # fillings: refused before those fillings are built
    built = []
    real = contingency._compositions
    monkeypatch.setattr(contingency, "_compositions",
                        lambda total, caps: built.append(total) or real(total, caps))
    monkeypatch.setattr(contingency, "_MAX_TABLES", 10)
    with pytest.raises(LaktasiInputError, match="more steps than the budget"):
        fisher_exact([[12, 3, 10, 5, 6], [4, 11, 6, 9, 8], [8, 8, 7, 7, 9]])
    assert built == []


def test_capped_count_is_exact():
    from itertools import product
    caps = (3, 5, 2)
    brute = sum(1 for v in product(*(range(c + 1) for c in caps)) if sum(v) == 6)
    assert contingency._capped_count(6, caps) == brute
    assert contingency._capped_count(6, caps) == len(contingency._compositions(6, caps))
