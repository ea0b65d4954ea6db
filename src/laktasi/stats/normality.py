"""Normality tests as SPSS's EXAMINE "Tests of Normality" table."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from laktasi.errors import LaktasiInputError

from ._results import NormalityResult
from ._scipy import norm_sf, special, stats
from ._validation import require_not_constant, sample_array

__all__ = ["kolmogorov_smirnov_lilliefors", "shapiro_wilk"]


def shapiro_wilk(x: Any) -> NormalityResult:
    """Shapiro-Wilk W with Royston's p (as SPSS, PSPP and R ``shapiro.test``).

    Needs 3 to 5000 non-missing values that are not all equal.

    Parameters
    ----------
    x : array-like
        The values of one variable (list, numpy array or pandas Series); missing
        values (None/NaN) are dropped and counted in ``notes``.

    Returns
    -------
    NormalityResult
        ``statistic`` = W, ``pvalue`` = Royston's p, ``n``, ``df`` (= n, as SPSS
        prints it) and ``notes``.

    Raises
    ------
    LaktasiInputError
        Fewer than 3 or more than 5000 values, all values equal, or a value that is
        not a number.

    Examples
    --------
    >>> res = shapiro_wilk([65, 61, 63, 86, 70, 55, 74, 35, 72, 68, 45, 58])
    >>> round(res.statistic, 3), round(res.pvalue, 3)
    (0.971, 0.922)
    """
    a, notes = sample_array(x, "x", min_n=3)
    require_not_constant(a, "values")
    if a.size > 5000:
        raise LaktasiInputError(
            f"Shapiro-Wilk is defined here for 3 to 5000 values; got {a.size}. Use "
            "kolmogorov_smirnov_lilliefors().",
            n=int(a.size),
            max_n=5000,
            message_id="shapiro_too_many",
        )
    w, p = _swilk(np.sort(a))
    return NormalityResult(w, p, int(a.size), int(a.size), "shapiro_wilk",
                           "Shapiro-Wilk W, Royston (1995) algorithm AS R94 in double precision",
                           False, tuple(notes))


def _poly(cc: tuple[float, ...], x: float) -> float:
    return float(sum(c * x**i for i, c in enumerate(cc)))


_C1 = (0.0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056)
_C2 = (0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633)
_C3 = (0.544, -0.39978, 0.025054, -6.714e-4)
_C4 = (1.3822, -0.77857, 0.062767, -0.0020322)
_C5 = (-1.5861, -0.31082, -0.083751, 0.0038915)
_C6 = (-0.4803, -0.082676, 0.0030302)
_G = (-2.273, 0.459)


def _swilk(x: np.ndarray) -> tuple[float, float]:
    """Royston's AS R94 (as R's swilk.c), in double precision throughout.

    scipy's ``shapiro`` runs the same algorithm in single precision, which moves W
    and p in the 8th digit; PSPP and R print what this function returns.
    """
    n = x.size
    half = n // 2
    if n == 3:
        a = np.array([math.sqrt(0.5)])
    else:
        i = np.arange(1, half + 1)
        m = special.ndtri((i - 0.375) / (n + 0.25))
        summ2 = 2 * float((m * m).sum())
        ssumm2 = math.sqrt(summ2)
        rsn = 1 / math.sqrt(n)
        a1 = _poly(_C1, rsn) - m[0] / ssumm2
        a = -m / 1.0
        if n > 5:
            a2 = -m[1] / ssumm2 + _poly(_C2, rsn)
            fac = math.sqrt((summ2 - 2 * m[0] ** 2 - 2 * m[1] ** 2) / (1 - 2 * a1**2 - 2 * a2**2))
            a = -m / fac
            a[1] = a2
        else:
            fac = math.sqrt((summ2 - 2 * m[0] ** 2) / (1 - 2 * a1**2))
            a = -m / fac
        a[0] = a1
    coef = np.zeros(n)
    coef[:half] = -a
    coef[n - half:] = a[::-1]
    rng = x[-1] - x[0]
    xs = x / rng
    asa = coef - coef.mean()
    xsx = xs - xs.mean()
    ssa, ssx, sax = float(asa @ asa), float(xsx @ xsx), float(asa @ xsx)
    ssassx = math.sqrt(ssa * ssx)
    w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx)
    w = 1 - w1
    if n == 3:
        pw = 6 / math.pi * (math.asin(math.sqrt(w)) - math.pi / 3)
        return w, max(pw, 0.0)
    y = math.log(w1)
    if n <= 11:
        gamma = _poly(_G, n)
        if y >= gamma:
            return w, 1e-99
        y = -math.log(gamma - y)
        mean, sd = _poly(_C3, n), math.exp(_poly(_C4, n))
    else:
        ln = math.log(n)
        mean, sd = _poly(_C5, ln), math.exp(_poly(_C6, ln))
    return w, norm_sf(y, mean, sd)


def kolmogorov_smirnov_lilliefors(x: Any) -> NormalityResult:
    """Kolmogorov-Smirnov D against a normal with estimated mean and SD.

    The p-value follows R ``nortest::lillie.test`` (Dallal & Wilkinson 1986
    for p <= .1, Stephens' approximation above). SPSS prints ".200" marked
    "a lower bound of the true significance" when p exceeds .2;
    ``pvalue_lower_bound`` is True in that case. Needs at least 5 values.

    Parameters
    ----------
    x : array-like
        The values of one variable; missing values (None/NaN) are dropped and
        counted in ``notes``.

    Returns
    -------
    NormalityResult
        ``statistic`` = D, ``pvalue`` (R nortest), ``pvalue_lower_bound`` (True
        where SPSS prints ".200*"), ``n``, ``df`` and ``notes``.

    Raises
    ------
    LaktasiInputError
        Fewer than 5 values, all values equal, or a value that is not a number.

    Examples
    --------
    >>> res = kolmogorov_smirnov_lilliefors([65, 61, 63, 86, 70, 55, 74, 35, 72, 68, 45, 58])
    >>> round(res.statistic, 4)
    0.1186
    """
    a, notes = sample_array(x, "x", min_n=5)
    require_not_constant(a, "values")
    n = a.size
    xs = np.sort(a)
    p = stats.norm.cdf((xs - xs.mean()) / xs.std(ddof=1))
    i = np.arange(1, n + 1)
    d = float(max((i / n - p).max(), (p - (i - 1) / n).max()))
    pvalue = _lilliefors_p(d, n)
    return NormalityResult(d, pvalue, int(n), int(n), "kolmogorov_smirnov_lilliefors",
                           "Kolmogorov-Smirnov with Lilliefors correction; p as R nortest",
                           pvalue > 0.2, tuple(notes))


def _lilliefors_p(k: float, n: int) -> float:
    if n <= 100:
        kd, nd = k, n
    else:
        kd, nd = k * (n / 100) ** 0.49, 100
    p = math.exp(-7.01256 * kd**2 * (nd + 2.78019) + 2.99587 * kd * math.sqrt(nd + 2.78019)
                 - 0.122119 + 0.974598 / math.sqrt(nd) + 1.67997 / nd)
    if p > 0.1:
        kk = (math.sqrt(n) - 0.01 + 0.85 / math.sqrt(n)) * k
        if kk <= 0.302:
            p = 1.0
        elif kk <= 0.5:
            p = 2.76773 - 19.828315 * kk + 80.709644 * kk**2 - 138.55152 * kk**3 + 81.218052 * kk**4
        elif kk <= 0.9:
            p = -4.901232 + 40.662806 * kk - 97.490286 * kk**2 + 94.029866 * kk**3 - 32.355711 * kk**4
        elif kk <= 1.31:
            p = 6.198765 - 19.73281 * kk + 23.495317 * kk**2 - 10.364987 * kk**3 + 1.602062 * kk**4
        else:
            p = 0.0
    return p
