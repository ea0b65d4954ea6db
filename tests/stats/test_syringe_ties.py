"""Volumes read off a 1 cc syringe (0.1 cc steps) tie when their differences are equal.

Peers compute post - pre in binary floating point, where 2.3 - 1.1 and 3.4 - 2.2
differ in the 16th digit, so they rank "equal" differences apart. laktasi rounds the
differences to 12 significant digits first and ranks them as the ties they are.
"""

import numpy as np
import pytest

from laktasi.stats import mann_whitney, wilcoxon_signed_rank

PRE = [1.1, 2.2, 0.7, 3.3, 1.0, 2.0, 0.3]
POST = [2.3, 3.4, 1.9, 4.5, 0.5, 2.0, 1.1]


def test_equal_syringe_differences_are_ties():
    res = wilcoxon_signed_rank(PRE, POST)
    # |d| = 1.2 (x4), 0.5, 0.8 and one zero: ranks 1, 2, 4.5 x 4
    # Z = (1 - 10.5) / sqrt(6*7*13/24 - (4**3 - 4)/48) = -9.5 / sqrt(21.5)
    assert res.z == pytest.approx(-9.5 / np.sqrt(21.5), rel=1e-12)
    assert res.ties == 1 and res.has_ties


def test_scaling_to_whole_tenths_gives_the_same_answer():
    # the same data in tenths of a cc are exact integers for every program
    a = wilcoxon_signed_rank(PRE, POST)
    b = wilcoxon_signed_rank(np.round(np.array(PRE) * 10), np.round(np.array(POST) * 10))
    assert a.z == pytest.approx(b.z, rel=1e-12)
    assert a.pvalue_exact == pytest.approx(b.pvalue_exact, rel=1e-12)


def test_pspp_ranks_floating_point_noise_apart():
    # PSPP 1.6.2, NPAR TESTS /WILCOXON=pre WITH post (PAIRED), SET FORMAT=F14.8, on PRE/POST
    # as decimals printed Z = -1.99723566: of the four 1.2 differences it saw only two as tied
    # (1.1999999999999997 twice; 1.2 and 1.2000000000000002 apart).
    # > wilcox.test(POST, PRE, paired = TRUE, correct = FALSE, exact = FALSE) does the same.
    z_pspp = -1.99723566
    n = 6
    var_one_pair = n * (n + 1) * (2 * n + 1) / 24 - (2**3 - 2) / 48
    assert (1 - n * (n + 1) / 4) / np.sqrt(var_one_pair) == pytest.approx(z_pspp, abs=5e-9)
    assert wilcoxon_signed_rank(PRE, POST).z != pytest.approx(z_pspp, abs=1e-3)


def test_mann_whitney_syringe_values_tie_across_groups():
    x = [0.1 + 0.2, 0.5, 0.7]
    y = [0.3, 0.9, 1.1]
    res = mann_whitney(x, y)
    assert res.has_ties  # 0.1 + 0.2 == 0.30000000000000004 ties with 0.3
