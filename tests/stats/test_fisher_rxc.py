"""r x c Fisher exact p: the network algorithm against R's fisher.test (FEXACT) on tables
larger than the peer corpus holds, and the located refusal of tables too large."""

import pytest

import laktasi.stats.contingency as contingency
from laktasi.errors import LaktasiInputError
from laktasi.stats import fisher_exact


@pytest.mark.parametrize(("table", "r_value"), [
    # > fisher.test(matrix(c(10,5,8,7, 6,9,7,8, 8,8,9,5), 3, byrow = TRUE))$p.value
    ([[10, 5, 8, 7], [6, 9, 7, 8], [8, 8, 9, 5]], 0.795705793639013),
    # > fisher.test(matrix(c(12,3,10,5,6, 4,11,6,9,8, 8,8,7,7,9), 3, byrow = TRUE),
    # +             workspace = 2e8)$p.value
    ([[12, 3, 10, 5, 6], [4, 11, 6, 9, 8], [8, 8, 7, 7, 9]], 0.179207852346638),
    # > fisher.test(matrix(c(20,10,15,12, 11,19,14,16, 14,12,18,13), 3, byrow = TRUE),
    # +             workspace = 2e8)$p.value
    ([[20, 10, 15, 12], [11, 19, 14, 16], [14, 12, 18, 13]], 0.336154413465379),
])
def test_rxc_against_r(table, r_value):
    # R prints 15 significant digits; FEXACT and laktasi agree to about 1e-13
    assert fisher_exact(table).pvalue == pytest.approx(r_value, rel=1e-12)


def test_rxc_transposed_table_gives_the_same_p():
    table = [[12, 3, 10, 5, 6], [4, 11, 6, 9, 8], [8, 8, 7, 7, 9]]
    transposed = [list(col) for col in zip(*table, strict=True)]
    assert fisher_exact(transposed).pvalue == pytest.approx(fisher_exact(table).pvalue,
                                                            rel=1e-13)


def test_too_large_is_refused_with_the_table_size(monkeypatch):
    monkeypatch.setattr(contingency, "_MAX_TABLES", 1_000)
    with pytest.raises(LaktasiInputError, match=r"3 x 5 table with N = 113 is too large"):
        fisher_exact([[12, 3, 10, 5, 6], [4, 11, 6, 9, 8], [8, 8, 7, 7, 9]])
