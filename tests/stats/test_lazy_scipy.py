"""The special functions the core calls instead of ``scipy.stats`` (issue 14: importing
scipy.stats costs ~0.7 s) give scipy.stats' numbers bit for bit, and a test that needs no
scipy.stats does not import it."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy import stats

from laktasi.stats import _scipy

XS = [-40.0, -8.3, -1.959963984540054, -0.5, 0.0, 1e-300, 0.3, 1.0, 2.5, 7.0, 38.0,
      np.inf, -np.inf, np.nan]
DFS = [0.5, 1, 2, 3.5, 14, 29, 120, 1e6]


@pytest.mark.parametrize("x", XS)
def test_normal_functions_equal_scipy_stats(x):
    np.testing.assert_array_equal(_scipy.norm_sf(x), stats.norm.sf(x))
    np.testing.assert_array_equal(_scipy.norm_cdf(x), stats.norm.cdf(x))
    np.testing.assert_array_equal(_scipy.norm_sf(x, 0.7, 2.3), stats.norm.sf(x, 0.7, 2.3))
    np.testing.assert_array_equal(_scipy.norm_cdf(x, -1.1, 0.4), stats.norm.cdf(x, -1.1, 0.4))


@pytest.mark.parametrize("df", DFS)
def test_t_functions_equal_scipy_stats(df):
    for x in XS:
        np.testing.assert_array_equal(_scipy.t_sf(x, df), stats.t.sf(x, df))
        np.testing.assert_array_equal(_scipy.t_cdf(x, df), stats.t.cdf(x, df))
    for q in (1e-12, 0.005, 0.025, 0.05, 0.5, 0.9, 0.95, 0.975, 0.995, 1 - 1e-12):
        np.testing.assert_array_equal(_scipy.t_ppf(q, df), stats.t.ppf(q, df))
        np.testing.assert_array_equal(_scipy.t_isf(q, df), stats.t.isf(q, df))
        np.testing.assert_array_equal(_scipy.norm_ppf(q), stats.norm.ppf(q))


@pytest.mark.parametrize("df", DFS)
def test_t_isf_at_the_edges_equals_scipy_stats(df):
    for q in (0.0, 1e-300, 0.5, 1.0):
        np.testing.assert_array_equal(_scipy.t_isf(q, df), stats.t.isf(q, df))


@pytest.mark.parametrize("values", [
    [3.0, 1.0, 2.0, 2.0, 5.0, 1.0, 1.0],
    [0.5, -0.5, 0.5, -0.5, 2.0],
    [7.0],
    [],
    list(np.round(np.random.default_rng(4).normal(size=200), 1)),
    [4, 4, 1, 9, 9, 9],
])
def test_average_ranks_equal_scipy_rankdata(values):
    np.testing.assert_array_equal(_scipy.rankdata_average(np.asarray(values)),
                                  stats.rankdata(values, method="average"))


def test_rankdata_with_nan_is_scipys_answer():
    a = np.array([1.0, np.nan, 2.0])
    np.testing.assert_array_equal(_scipy.rankdata_average(a), stats.rankdata(a))


def test_wilcoxon_shapiro_and_descriptives_import_no_scipy_stats():
    code = ("import sys, laktasi.stats as st\n"
            "st.wilcoxon_signed_rank([4, 5, 6, 5, 7, 3, 6], [8, 9, 12, 6, 9, 8, 7])\n"
            "st.shapiro_wilk([1, 3, 2, 5, 4, 8])\n"
            "st.descriptives([1, 3, 2, 5, 4, 8])\n"
            "st.frequencies(['a', 'b', 'a'])\n"
            "print(sorted(m for m in ('scipy.stats', 'scipy.optimize') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"
