"""Descriptive statistics as SPSS's DESCRIPTIVES, EXAMINE and FREQUENCIES print them."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np

from laktasi.errors import LaktasiInputError

from ._results import ConfidenceInterval, DescriptivesResult, FrequenciesResult, FrequencyRow, Note
from ._scipy import t_ppf
from ._validation import category_list, check_confidence_level, levels_of, sample_array

__all__ = ["descriptives", "frequencies"]


def _haverage(sorted_x: np.ndarray, p: float) -> float:
    """SPSS's default percentile (HAVERAGE): position p(n + 1), linear interpolation.

    numpy's ``method="weibull"`` (Hyndman & Fan type 6, R ``quantile(type = 6)``);
    positions below 1 or above n give the minimum or maximum.

    Parameters
    ----------
    sorted_x : numpy.ndarray
        The values, sorted, no missing values.
    p : float
        The proportion, 0 < p < 1.

    Returns
    -------
    float
        The percentile.
    """
    return float(np.percentile(sorted_x, 100 * p, method="weibull"))


def _trimmed_mean(sorted_x: np.ndarray, proportion: float = 0.05) -> float:
    """SPSS's 5% trimmed mean: whole cases trimmed, partial weights at the cut points."""
    n = sorted_x.size
    tc = proportion * n
    cum = np.arange(1, n + 1, dtype=float)
    k1 = int(np.argmax(cum >= tc))  # first index with cc >= tc
    k2 = int(np.argmax(cum >= n - tc))  # first index with cc >= W - tc
    if k1 == k2:
        return float(sorted_x[k1])
    total = (cum[k1] - tc) * sorted_x[k1] + sorted_x[k1 + 1 : k2].sum()
    total += (n - tc - cum[k2 - 1]) * sorted_x[k2]
    return float(total / ((1 - 2 * proportion) * n))


def descriptives(x: Any, *, confidence_level: float = 0.95) -> DescriptivesResult:
    """N, mean, SE, CI, 5% trimmed mean, median, variance, SD, min, max, range,
    quartiles (HAVERAGE, SPSS's default), IQR, skewness and kurtosis with their
    standard errors (the bias-corrected G1/G2 that SPSS prints).

    Missing values (NaN/None) are dropped and counted in ``n_missing``.

    Parameters
    ----------
    x : array-like
        The values of one variable; None/NaN are missing.
    confidence_level : float, default 0.95
        Level of the CI of the mean.

    Returns
    -------
    DescriptivesResult
        The numbers above; statistics that need more values than there are
        (SD with n = 1, skewness with n < 3, kurtosis with n < 4) are NaN.

    Raises
    ------
    LaktasiInputError
        No non-missing value, or a value that is not a number.

    Examples
    --------
    >>> res = descriptives([4, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 7, 4, 7])
    >>> round(res.mean, 2), round(res.sd, 3), res.min, res.max
    (5.73, 0.961, 4.0, 7.0)
    """
    level = check_confidence_level(confidence_level)
    raw_n = len(x) if hasattr(x, "__len__") else 0
    a, notes = sample_array(x, "x", min_n=1)
    n = int(a.size)
    xs = np.sort(a)
    mean = float(xs.mean())
    var = float(xs.var(ddof=1)) if n > 1 else math.nan
    sd = math.sqrt(var) if n > 1 else math.nan
    se = sd / math.sqrt(n) if n > 1 else math.nan
    if n > 1:
        q = t_ppf(1 - (1 - level) / 2, n - 1)
        ci = ConfidenceInterval(mean - q * se, mean + q * se, level)
    else:
        ci = ConfidenceInterval(math.nan, math.nan, level)
    skew = se_skew = kurt = se_kurt = math.nan
    if n > 2 and sd > 0:
        z = (xs - mean) / sd
        skew = float(n / ((n - 1) * (n - 2)) * (z**3).sum())
        se_skew = math.sqrt(6 * n * (n - 1) / ((n - 2) * (n + 1) * (n + 3)))
        if n > 3:
            kurt = float(n * (n + 1) / ((n - 1) * (n - 2) * (n - 3)) * (z**4).sum()
                         - 3 * (n - 1) ** 2 / ((n - 2) * (n - 3)))
            se_kurt = 2 * se_skew * math.sqrt((n * n - 1) / ((n - 3) * (n + 5)))
    q1, q3 = _haverage(xs, 0.25), _haverage(xs, 0.75)
    return DescriptivesResult(
        n=n,
        n_missing=max(0, raw_n - n),
        mean=mean,
        se_mean=se,
        ci_mean=ci,
        trimmed_mean_5=_trimmed_mean(xs),
        median=_haverage(xs, 0.5),
        variance=var,
        sd=sd,
        min=float(xs[0]),
        max=float(xs[-1]),
        range=float(xs[-1] - xs[0]),
        q1=q1,
        q3=q3,
        iqr=q3 - q1,
        skewness=skew,
        se_skewness=se_skew,
        kurtosis=kurt,
        se_kurtosis=se_kurt,
        notes=tuple(notes),
    )


def frequencies(x: Any, *, categories: Any = None) -> FrequenciesResult:
    """Frequency table: N, Percent (of all cases), Valid Percent, Cumulative Percent.

    ``categories`` fixes the order of rows and includes categories nobody
    chose (N = 0); a value outside ``categories`` is an error. Without it the
    rows are the sorted distinct values. None/NaN count as missing.

    Parameters
    ----------
    x : array-like
        One categorical variable (text or numbers), one value per mother.
    categories : sequence, optional
        The categories in the order of the rows.

    Returns
    -------
    FrequenciesResult
        ``rows`` (value, N, percent, valid percent, cumulative percent), ``n``
        (all cases), ``n_valid``, ``n_missing``, ``missing_percent`` and ``notes``.

    Raises
    ------
    LaktasiInputError
        No values at all, a value outside ``categories``, or an input that is not
        a one-dimensional sequence of single values.

    Examples
    --------
    >>> res = frequencies(["SMA", "SD", "SMA", None], categories=["SD", "SMP", "SMA", "PT"])
    >>> [(r.value, r.n, round(r.valid_percent, 1)) for r in res.rows]
    [('SD', 1, 33.3), ('SMP', 0, 0.0), ('SMA', 2, 66.7), ('PT', 0, 0.0)]
    """
    tally: Counter[Any] = Counter()
    n_missing = 0
    for key, k in Counter(category_list(x, "x")).items():
        if key is None:
            n_missing += k
        else:
            tally[key] += k
    n_total = sum(tally.values()) + n_missing
    if n_total == 0:
        raise LaktasiInputError("The variable has no values at all.", n=0, message_id="no_values")
    cats = list(levels_of(list(tally), categories, "Category",
                          message_id="category_values_not_allowed"))
    counts = {c: tally.get(c, 0) for c in cats}
    n_valid = sum(tally.values())
    rows = []
    cum = 0.0
    for c in cats:
        k = counts[c]
        vp = 100 * k / n_valid if n_valid else math.nan
        cum += vp if n_valid else 0.0
        rows.append(FrequencyRow(c, k, 100 * k / n_total, vp, cum if n_valid else math.nan))
    notes = [Note("missing_dropped", {"n": n_missing})] if n_missing else []
    return FrequenciesResult(tuple(rows), n_total, n_valid, n_missing, 100 * n_missing / n_total,
                             tuple(notes))
