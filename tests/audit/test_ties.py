"""Tie structures behind printed rank sums: the dynamic programme against brute force, and
the |Z| ranges against the core's own Wilcoxon / Mann-Whitney on data."""

import itertools

import numpy as np
import pytest

import laktasi.stats as st
from laktasi.audit.ties import doubled_sum_candidates, mw_z_range, tie_term_range, wilcoxon_z_range


def _brute(m, k, max_blocks=None):
    """{doubled marked sum: (min, max) tie term} over every composition and marked set."""
    out = {}
    for cuts in itertools.product([0, 1], repeat=m - 1):
        blocks, start = [], 0
        for i, c in enumerate(cuts, start=1):
            if c:
                blocks.append((start, i))
                start = i
        blocks.append((start, m))
        if max_blocks is not None and len(blocks) > max_blocks:
            continue
        doubled = [0] * m
        term = 0
        for a, b in blocks:
            t = b - a
            term += t**3 - t
            for j in range(a, b):
                doubled[j] = a + b + 1  # 2 x midrank of ranks a+1..b
        for marked in itertools.combinations(range(m), k):
            s = sum(doubled[j] for j in marked)
            lo, hi = out.get(s, (np.inf, -np.inf))
            out[s] = (min(lo, term), max(hi, term))
    return out


@pytest.mark.parametrize(("m", "k", "max_blocks"), [
    (5, 2, None), (6, 3, None), (7, 2, None), (7, 4, None), (6, 2, 2), (7, 3, 3), (6, 0, None),
])
def test_tie_term_range_equals_brute_force(m, k, max_blocks):
    brute = _brute(m, k, max_blocks)
    for target2 in range(0, m * (m + 1) + 1):
        got = tie_term_range(m, k, target2, max_blocks)
        if target2 not in brute:
            assert got is None, target2
        else:
            assert got == (brute[target2][0], brute[target2][1], True), target2


def test_amanda_z_is_attainable_only_with_ties():
    # 15 positive ranks, sum 120: no ties |Z| = 3.4078; every difference tied |Z| = sqrt(15)
    lo, hi, exact = wilcoxon_z_range(15, 0, 0)
    assert exact
    assert lo == pytest.approx(3.40777, abs=1e-5)
    assert hi == pytest.approx(15**0.5, abs=1e-12)
    assert lo < 3.434 < hi and lo < 3.438 < hi  # Amanda's table 4


def test_stats_notes_wilcoxon_example_lies_in_the_range():
    # STATS-NOTES: pre/post below give Z = -3.42997170 (PSPP, R wilcox.test correct=FALSE)
    pre = [4, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 7]
    post = [8, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13, 15, 17]
    w = st.wilcoxon_signed_rank(pre, post)
    lo, hi, _ = wilcoxon_z_range(15, 0, 0)
    assert lo <= abs(w.z) <= hi and abs(w.z) == pytest.approx(3.42997170, abs=1e-8)


@pytest.mark.parametrize("seed", range(25))
def test_core_results_lie_in_the_ranges(seed):
    rng = np.random.default_rng(seed)
    n1, n2 = int(rng.integers(3, 16)), int(rng.integers(3, 16))
    levels = int(rng.integers(2, 6))
    x, y = rng.integers(0, levels, n1), rng.integers(0, levels, n2)
    if np.ptp(np.concatenate([x, y])) == 0:
        return
    mw = st.mann_whitney(x, y)
    lo, hi, exact = mw_z_range(n1, n2, round(2 * mw.ranks_x.sum_ranks), levels)
    assert exact and lo - 1e-9 <= abs(mw.z) <= hi + 1e-9
    d = rng.integers(-2, 5, n1 + n2)
    if np.any(d != 0):
        w = st.wilcoxon_signed_rank(np.zeros(d.size), d)
        lo, hi, _ = wilcoxon_z_range(w.n_nonzero, w.negative.n, round(2 * w.t_minus))
        assert lo - 1e-9 <= abs(w.z) <= hi + 1e-9


def test_pspp_mann_whitney_case():
    # PSPP npar.at: sums 218/247 (n 15/15), Z -.6020 with ties; no ties |Z| = .6014
    lo, hi, _ = mw_z_range(15, 15, 436)
    assert lo == pytest.approx(0.60143, abs=1e-5) and lo < 0.6020 < hi


def test_candidates_from_printed_intervals():
    assert doubled_sum_candidates([(119.995, 120.005), (119.85, 120.15)], 0, 240) == [240]
    assert doubled_sum_candidates([(10.2, 10.4)], 0, 100) == []
    assert doubled_sum_candidates([(9.5, 10.5)], 0, 100) == [19, 20, 21]
