"""The fused simulation (laktasi.power._fused): exact alias tables, the numba kernels equal
to the pure-numpy path (same seed, same estimate), their decisions equal to p < alpha of
the vectorised kernels and of laktasi.stats on the same bits, the models' fused
distributions equal to their numpy draws, and the GPU path equal to the CPU path.

Expected values: laktasi.stats (the core, itself checked against PSPP and R) for the
decisions; exact integer sums for the alias tables; the models' own numpy draws for the
distributions (within 5 standard errors).
"""

import numpy as np
import pytest

import laktasi.stats as st
from laktasi.errors import LaktasiError, LaktasiInputError
from laktasi.power import _fused as f
from laktasi.power import (
    binary_groups,
    binary_pairs,
    integer_counts,
    paired_t_pvalues,
    rank_sum_pvalues,
    signed_rank_pvalues,
    simulate_power,
    two_group_counts,
)
from laktasi.power._exact import mcnemar_pvalues, two_by_two_table
from laktasi.power.simulate import PAIRED_TESTS, TWO_GROUP_TESTS

CASES = [  # (model, test, n): odd and even n, ratio != 1, the SPSS McNemar
    (integer_counts(effect=0.5), "wilcoxon", 30),
    (integer_counts(effect=0.4, spread=2.5), "wilcoxon", 17),
    (integer_counts(effect=0.5), "paired-t", 30),
    (integer_counts(effect=0.3, base_low=0, base_high=2), "paired-t", 11),
    (two_group_counts(effect=0.7), "mann-whitney", 30),
    (two_group_counts(effect=0.7, ratio=1.3), "mann-whitney", 15),
    (binary_pairs(0.3, 0.1), "mcnemar", 30),
    (binary_pairs(0.45, 0.25), "mcnemar-spss", 60),
    (binary_groups(0.7, 0.4), "fisher", 30),
    (binary_groups(0.35, 0.7, ratio=1.5), "chi-square", 10),
    (binary_groups(0.6, 0.3), "chi-square-corrected", 25),
]
IDS = [f"{m.name}-{t}-{n}" for m, t, n in CASES]


@pytest.mark.parametrize("k", [2, 3, 5, 13, 100, 497])
def test_alias_table_realises_the_units_exactly(k):
    probs = np.random.default_rng(k).gamma(0.5, size=k)
    probs[k // 2] = 0.0  # an impossible value stays impossible
    weights = f.units(probs)
    assert sum(weights) == 2**32 and weights[k // 2] == 0
    assert max(abs(w / 2**32 - p) for w, p in zip(weights, probs / probs.sum(),
                                                  strict=True)) <= 2**-32
    assert f.alias_table(weights).units_of(k) == weights


def test_splitmix_matches_the_published_sequence():
    # SplitMix64 seeded with 0: the first outputs of Vigna's reference splitmix64.c
    out = f.splitmix(np, 0, np.arange(3, dtype=np.uint64))
    assert [int(v) for v in out] == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4,
                                     0x06C45D188009454F]


@pytest.mark.parametrize(("model", "test", "n"), CASES, ids=IDS)
def test_numba_and_numpy_give_the_same_estimate(model, test, n):
    pytest.importorskip("numba", reason="numba is not installed: the numpy path alone runs")
    plan = f.plan_for(model.fused, test, n, 0.05)
    a = f.fused_hits(plan, 30_001, 3, engine="numpy", block=7_000)
    b = f.fused_hits(plan, 30_001, 3, engine="numba", block=4_099, workers=3)
    assert a == b and 0 < a < 30_001


def _core_p(test, x, y):
    try:
        if test == "wilcoxon":
            return st.wilcoxon_signed_rank(x, y).pvalue_asymptotic
        if test == "paired-t":
            return st.paired_t(x, y).pvalue
        return st.mann_whitney(x, y).pvalue_asymptotic
    except LaktasiError:
        return 1.0


@pytest.mark.parametrize(("model", "test", "n"), CASES[:6], ids=IDS[:6])
def test_fused_decisions_are_p_below_alpha_of_the_kernels_and_the_core(model, test, n):
    plan = f.plan_for(model.fused, test, n, 0.05)
    key = f.stream_key(9)
    if test == "paired-t":  # drawn by block sums: check the rule on mother-by-mother data
        mothers = f.plan_for(model.fused, "wilcoxon", n, 0.05)
        x, y = f.array_values(mothers, key, 100, 20_100)
        d = y - x
        p = paired_t_pvalues(x, y)
        rule = f._paired_t_reject(np, d.sum(axis=1), (d * d).sum(axis=1), n, plan.crit2)
        assert (rule == (p < 0.05)).all()
        # and the block sums have the distribution of the sums of n differences
        s1, s2 = f.array_values(plan, key, 0, 20_000)
        for got, want in ((s1, d.sum(axis=1)), (s2, (d * d).sum(axis=1))):
            assert abs(got.mean() - want.mean()) < 5 * np.sqrt(2 * want.var() / 20_000)
            assert abs(got.std() / want.std() - 1) < 0.05
    else:
        x, y = f.array_values(plan, key, 100, 20_100)  # the bits of studies 100..20,099
        p = {"wilcoxon": signed_rank_pvalues, "mann-whitney": rank_sum_pvalues}[test](x, y)
        assert f.array_hits(plan, key, 100, 20_100) == int((p < 0.05).sum())
    for i in range(0, 20_000, 97):  # and the kernel's p is the core's
        assert p[i] == pytest.approx(_core_p(test, x[i], y[i]), rel=1e-10, abs=1e-14)


@pytest.mark.parametrize(("model", "test", "n"), CASES[6:], ids=IDS[6:])
def test_binary_fused_decisions_are_the_exact_tables(model, test, n):
    plan = f.plan_for(model.fused, test, n, 0.05)
    key = f.stream_key(4)
    draws = f.array_values(plan, key, 5, 50_005)
    if plan.kind == "one-draw":
        b, c = np.array([(b, c) for b in range(n + 1) for c in range(n + 1 - b)]).T
        p = mcnemar_pvalues(b[draws[0]], c[draws[0]], "exact" if test == "mcnemar" else "spss")
        # the trinomial draw has the model's distribution of (b, c)
        pre, post = model(np.random.default_rng(1), 50_000, n)
        for got, want in ((b[draws[0]], ((pre == 0) & (post == 1)).sum(axis=1)),
                          (c[draws[0]], ((pre == 1) & (post == 0)).sum(axis=1))):
            assert abs(got.mean() - want.mean()) < 5 * np.sqrt(2 * want.var() / 50_000)
    else:
        p = two_by_two_table(n, plan.m, test)[draws[0], draws[1]]
    assert f.array_hits(plan, key, 5, 50_005) == int((p < 0.05).sum())


@pytest.mark.parametrize(("model", "n"), [(integer_counts(effect=0.5), 20),
                                          (integer_counts(effect=-0.2, spread=3.0), 20),
                                          (two_group_counts(effect=0.7, ratio=1.3), 20)])
def test_fused_distribution_is_the_models_numpy_draw(model, n):
    a, b = model(np.random.default_rng(2), 20_000, n)
    spec = model.fused
    if isinstance(spec, f.PairedValues):
        pairs = [(np.asarray(b, int) - a, spec.probs)]
    else:
        pairs = [(a, spec.probs_x), (b, spec.probs_y)]
    for values, probs in pairs:
        values = values.ravel()
        for i, p in enumerate(probs):
            share = (values == spec.lo + i).mean()
            assert abs(share - p) <= 5 * np.sqrt(p * (1 - p) / values.size) + 1e-12
        assert values.min() >= spec.lo and values.max() < spec.lo + len(probs)


def test_fused_estimates_agree_with_the_numpy_draws_within_monte_carlo_error():
    for model, test, n in CASES[::2]:
        fused = simulate_power(n, model, test, sims=40_000, seed=8)
        pre, post = model(np.random.default_rng(8), 40_000, n)
        pvalues = (PAIRED_TESTS | TWO_GROUP_TESTS)[test]
        plain = float((pvalues(pre, post) < 0.05).mean())
        assert abs(fused.power - plain) < 5 * np.sqrt(2 * fused.se**2 + 1e-12)


def _gpu_ready() -> bool:
    from laktasi.power.simulate import cupy_available

    return cupy_available()


@pytest.mark.skipif(not _gpu_ready(), reason="no CuPy or no NVIDIA GPU here: the GPU path "
                    "(laktasi.power._gpu) is compared with the CPU path only where one is")
@pytest.mark.parametrize(("model", "test", "n"), CASES, ids=IDS)
def test_gpu_gives_the_cpu_estimate(model, test, n):
    gpu = simulate_power(n, model, test, sims=200_001, seed=6, backend="cupy")
    cpu = simulate_power(n, model, test, sims=200_001, seed=6)
    assert gpu.power == cpu.power


def test_gpu_backend_needs_cupy_or_a_fused_model():
    from laktasi.power import normal_differences

    with pytest.raises(LaktasiInputError, match="numpy"):
        simulate_power(20, normal_differences(0.5), "wilcoxon", sims=10, backend="cupy")
    if not _gpu_ready():
        with pytest.raises(LaktasiInputError, match="numpy"):
            simulate_power(20, integer_counts(), sims=10, backend="cupy")


@pytest.mark.parametrize(("model", "test", "n"), [
    (integer_counts(effect=0.1), "wilcoxon", 300),
    (two_group_counts(effect=0.3, ratio=1.3), "mann-whitney", 200),
    (integer_counts(effect=0.1), "paired-t", 257),
])
def test_large_groups_use_wide_lanes_and_still_agree(model, test, n):
    # 256 mothers or more: counts packed in 16-bit lanes instead of 8-bit ones
    pytest.importorskip("numba", reason="numba is not installed: the numpy path alone runs")
    plan = f.plan_for(model.fused, test, n, 0.05)
    assert all(g.bits == 16 for g in plan.groups if g.bits) or test == "paired-t"
    assert f.fused_hits(plan, 3_001, 5, engine="numpy") == f.fused_hits(plan, 3_001, 5,
                                                                        engine="numba")
    if test == "wilcoxon":
        key = f.stream_key(5)
        x, y = f.array_values(plan, key, 0, 500)
        assert f.array_hits(plan, key, 0, 500) == int((signed_rank_pvalues(x, y) < 0.05).sum())


# Each compiled copy of the rank kernels (lane width, words per count vector, a rest block
# in either group or not) against the pure-numpy path on the same bits.
LAYOUTS = [  # (model, test, n, lane bits, words of a block's table row, rests)
    (integer_counts(effect=0.5), "wilcoxon", 30, 8, 4, (False,)),
    (integer_counts(effect=0.5), "wilcoxon", 17, 8, 4, (True,)),
    (integer_counts(effect=0.5, spread=3.0), "wilcoxon", 21, 8, 8, (True,)),
    (integer_counts(effect=0.1, base_low=0, base_high=1, spread=0.8), "wilcoxon", 300, 16, 4,
     (False,)),
    (integer_counts(effect=0.1), "wilcoxon", 301, 16, 8, (True,)),
    (two_group_counts(effect=0.7), "mann-whitney", 30, 8, 4, (False, False)),
    (two_group_counts(effect=0.7, ratio=1.3), "mann-whitney", 16, 8, 4, (False, True)),
    (two_group_counts(effect=0.7, ratio=0.8), "mann-whitney", 7, 8, 4, (True, False)),
    (two_group_counts(effect=0.7), "mann-whitney", 17, 8, 4, (True, True)),
    (two_group_counts(effect=0.7, spread=2.5), "mann-whitney", 21, 8, 8, (True, True)),
    (two_group_counts(effect=0.3, base_low=0, base_high=2, spread=0.8), "mann-whitney", 300,
     16, 4, (True, False)),
    (two_group_counts(effect=0.3, ratio=1.3), "mann-whitney", 200, 16, 8, (False, False)),
    (integer_counts(effect=0.5), "paired-t", 30, 16, 2, (False,)),
    (integer_counts(effect=0.3, base_low=0, base_high=2), "paired-t", 29, 16, 2, (True,)),
]


@pytest.mark.parametrize(("model", "test", "n", "bits", "row", "rests"), LAYOUTS,
                         ids=[f"{t}-{n}-{b}bit-{w}-{r}" for _, t, n, b, w, r in LAYOUTS])
def test_every_compiled_layout_equals_the_numpy_path(model, test, n, bits, row, rests):
    pytest.importorskip("numba", reason="numba is not installed: the numpy path alone runs")
    plan = f.plan_for(model.fused, test, n, 0.05)
    assert tuple(g.rest is not None for g in plan.groups) == rests
    if test == "paired-t":
        assert f._sum_columns(plan.groups[0].main).shape[1] == row
    else:
        assert all(g.bits == bits for g in plan.groups)
        tables = [g.main.signed_columns if test == "wilcoxon" else g.main.columns
                  for g in plan.groups]
        assert all(cols.shape[1] == row for _, cols in tables)
    assert f.fused_hits(plan, 6_007, 11, engine="numpy") == f.fused_hits(plan, 6_007, 11,
                                                                         engine="numba")
