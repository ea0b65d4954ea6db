"""scipy, imported when first used (issue 14: ``import scipy.stats`` alone costs ~0.7 s).

``stats``, ``optimize`` and ``special`` stand for ``scipy.stats``, ``scipy.optimize`` and
``scipy.special``: the module is imported at the first attribute looked up, so a chapter
that needs no noncentral distribution and no root finding never pays for them.

The normal and t functions below are the very special functions ``scipy.stats.norm`` and
``scipy.stats.t`` call (``norm.sf(x) = ndtr(-x)``, ``t.sf(x, df) = stdtr(df, -x)``,
``t.ppf(q, df) = stdtrit(df, q)``, scipy 1.11-1.17), called directly: the same numbers
without importing ``scipy.stats`` (tests/stats/test_lazy_scipy.py compares them).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

import numpy as np

__all__ = ["norm_cdf", "norm_ppf", "norm_sf", "optimize", "rankdata_average", "special",
           "stats", "t_cdf", "t_isf", "t_ppf", "t_sf"]


class _Lazy:
    """A module imported at the first attribute looked up on it."""

    __slots__ = ("_module", "_name")

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<lazy {self._name}>"


stats: Any = _Lazy("scipy.stats")
optimize: Any = _Lazy("scipy.optimize")
special: Any = _Lazy("scipy.special")


def norm_cdf(x: float, loc: float = 0.0, scale: float = 1.0) -> float:
    """``scipy.stats.norm.cdf(x, loc, scale)`` for a finite scale > 0."""
    return float(special.ndtr((x - loc) / scale))


def norm_sf(x: float, loc: float = 0.0, scale: float = 1.0) -> float:
    """``scipy.stats.norm.sf(x, loc, scale)`` for a finite scale > 0."""
    return float(special.ndtr(-((x - loc) / scale)))


def norm_ppf(q: float) -> float:
    """``scipy.stats.norm.ppf(q)``, 0 <= q <= 1."""
    return float(special.ndtri(q))


def t_cdf(x: float, df: float) -> float:
    """``scipy.stats.t.cdf(x, df)`` for df > 0."""
    return float(special.stdtr(df, x))


def t_sf(x: float, df: float) -> float:
    """``scipy.stats.t.sf(x, df)`` for df > 0."""
    return float(special.stdtr(df, -x))


def t_ppf(q: float, df: float) -> float:
    """``scipy.stats.t.ppf(q, df)`` for df > 0 and 0 < q < 1."""
    return float(special.stdtrit(df, q))


def t_isf(q: float, df: float) -> float:
    """``scipy.stats.t.isf(q, df)`` for df > 0 and 0 <= q <= 1 (the edges as scipy.stats
    sets them: +inf at q = 0, -inf at q = 1)."""
    if q == 0:
        return float("inf")
    if q == 1:
        return float("-inf")
    return float(-special.stdtrit(df, q))


def rankdata_average(values: Any) -> np.ndarray:
    """``scipy.stats.rankdata(values, method="average")`` of a 1-D array without NaN
    (with a NaN, scipy's own answer)."""
    a = np.asarray(values).ravel()
    if a.dtype.kind == "f" and np.isnan(a).any():
        return np.asarray(stats.rankdata(a, method="average"), dtype=float)
    sorter = np.argsort(a, kind="mergesort")
    inv = np.empty(sorter.size, dtype=np.intp)
    inv[sorter] = np.arange(sorter.size, dtype=np.intp)
    s = a[sorter]
    obs = np.r_[True, s[1:] != s[:-1]]
    dense = obs.cumsum()[inv]
    count = np.r_[np.nonzero(obs)[0], len(obs)]
    return np.asarray(0.5 * (count[dense] + count[dense - 1] + 1), dtype=float)
