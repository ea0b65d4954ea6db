"""Bad input raises a LaktasiInputError subclass that says what and what is allowed."""

import math

import numpy as np
import pandas as pd
import pytest

import laktasi.stats as st
from laktasi.errors import (
    ConstantInputError,
    InvalidOptionError,
    InvalidTableError,
    LaktasiInputError,
    LengthMismatchError,
    NegativeCountError,
    NonNumericError,
    TooFewObservationsError,
)


def test_paired_length_mismatch_names_both_lengths():
    with pytest.raises(LengthMismatchError, match="pre has 3 values but post has 2"):
        st.wilcoxon_signed_rank([1, 2, 3], [1, 2])
    with pytest.raises(LengthMismatchError):
        st.paired_t([1, 2, 3], [1, 2])
    with pytest.raises(LengthMismatchError):
        st.mcnemar([0, 1, 1], [1, 0])


def test_non_numeric_value_is_located():
    with pytest.raises(NonNumericError) as info:
        st.paired_t([1, 2, "tiga", 4], [2, 3, 4, 5])
    assert "pre[2] = 'tiga'" in str(info.value)
    assert info.value.detail["index"] == 2


def test_infinite_value_is_rejected():
    with pytest.raises(NonNumericError, match="infinite"):
        st.descriptives([1.0, math.inf, 3.0])


def test_too_few_observations():
    with pytest.raises(TooFewObservationsError, match="at least 2"):
        st.paired_t([1.0], [2.0])
    with pytest.raises(TooFewObservationsError, match="at least 3"):
        st.shapiro_wilk([1.0, 2.0])
    with pytest.raises(TooFewObservationsError):
        st.independent_t([1.0], [2.0, 3.0])


def test_all_missing_pairs_are_too_few():
    with pytest.raises(TooFewObservationsError):
        st.wilcoxon_signed_rank([np.nan, 1.0], [2.0, np.nan])


def test_constant_input():
    with pytest.raises(ConstantInputError, match="all differences are zero"):
        st.wilcoxon_signed_rank([1, 2, 3], [1, 2, 3])
    with pytest.raises(ConstantInputError, match="standard error is zero"):
        st.paired_t([1, 2, 3], [3, 4, 5])
    with pytest.raises(ConstantInputError):
        st.shapiro_wilk([2, 2, 2, 2])
    with pytest.raises(ConstantInputError):
        st.mann_whitney([1, 1], [1, 1, 1])


def test_negative_and_fractional_counts():
    with pytest.raises(NegativeCountError, match=r"row 1, column 2.*whole numbers >= 0"):
        st.chi_square([[3, -1], [2, 4]])
    with pytest.raises(InvalidTableError, match="not a whole number"):
        st.fisher_exact([[3, 1.5], [2, 4]])
    with pytest.raises(InvalidTableError):
        st.mcnemar_table(-1, 3)
    with pytest.raises(InvalidTableError, match="all zero"):
        st.chi_square([[0, 0], [2, 4]])


def test_invalid_option_lists_allowed_values():
    with pytest.raises(InvalidOptionError, match="'two-sided', 'less', 'greater'"):
        st.wilcoxon_signed_rank([1, 2], [3, 5], alternative="bigger")
    with pytest.raises(InvalidOptionError, match="'auto', 'asymptotic', 'exact'"):
        st.mann_whitney([1, 2], [3, 5], method="monte-carlo")


def test_mcnemar_needs_two_categories():
    with pytest.raises(LaktasiInputError, match="exactly two categories"):
        st.mcnemar(["a", "b", "c"], ["a", "b", "b"])
    with pytest.raises(LaktasiInputError, match="not one of the two categories"):
        st.mcnemar(["a", "x"], ["a", "b"], levels=("a", "b"))


def test_every_input_error_is_a_value_error_and_a_laktasi_error():
    with pytest.raises(ValueError):
        st.paired_t([1, 2, 3], [1, 2])


def test_missing_values_are_dropped_pairwise_and_counted():
    res = st.wilcoxon_signed_rank([1, 2, np.nan, 4, 5, 6], [2, 4, 5, None, 8, 9])
    assert res.n == 4
    assert {"code": "missing_dropped", "detail": {"n": 2, "rule": "pairwise"}} in [
        n.to_dict() for n in res.notes
    ]


def test_pandas_series_are_accepted():
    pre = pd.Series([4, 5, 6, 5, 7], name="pre")
    post = pd.Series([6, 8, 6, 9, 9], name="post")
    assert st.wilcoxon_signed_rank(pre, post).ties == 1
    assert st.frequencies(pd.Series(["SD", None, "SMA"])).n_missing == 1
