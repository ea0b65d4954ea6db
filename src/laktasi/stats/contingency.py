"""Tests on contingency tables of independent observations."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from scipy import stats
from scipy.stats.contingency import odds_ratio

from laktasi.errors import LaktasiInputError

from . import _effsize
from ._results import ChiSquareResult, ConfidenceInterval, EffectSize, FisherResult, Note, TestRow
from ._validation import ALTERNATIVES, check_confidence_level, check_option, count_table

__all__ = ["chi_square", "fisher_exact"]

_MAX_TABLES = 1_000_000  # work units (past weights, expansions): a refusal comes within about 10 s


def chi_square(table: Any, *, confidence_level: float = 0.95) -> ChiSquareResult:
    """Chi-square tests of an r x c table as SPSS's CROSSTABS /STATISTICS=CHISQ.

    Rows: Pearson; Continuity Correction (2 x 2 only, SPSS's form, 0 when
    |ad - bc| <= N/2); Likelihood Ratio (2 sum O ln(O/E)); Linear-by-Linear
    Association ((N - 1) r^2 with scores 1..k). Also the expected counts, how
    many cells have an expected count below 5 and the minimum expected count.
    Effect size: phi (2 x 2) or Cramer's V with CI.

    Use only for independent observations: the same mothers before and after
    are paired data (use :func:`laktasi.stats.mcnemar`).

    Examples
    --------
    >>> res = chi_square([[12, 20], [21, 11]])
    >>> round(res.pearson.statistic, 8), round(res.continuity.statistic, 8)
    (5.06744868, 4.00391007)
    """
    level = check_confidence_level(confidence_level)
    obs = count_table(table)
    n = float(obs.sum())
    rows, cols = obs.sum(axis=1), obs.sum(axis=0)
    exp = np.outer(rows, cols) / n
    r, c = obs.shape
    df = (r - 1) * (c - 1)
    pearson = float(((obs - exp) ** 2 / exp).sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        lr_terms = np.where(obs > 0, obs * np.log(obs / exp), 0.0)
    lr = 2 * float(lr_terms.sum())
    continuity = None
    if obs.shape == (2, 2):
        a, b, cc, d = obs.ravel()
        diff = abs(a * d - b * cc)
        yates = 0.0
        if diff > n / 2:
            yates = float(n * (diff - n / 2) ** 2 / (np.prod(rows) * np.prod(cols)))
        continuity = TestRow(yates, 1, float(stats.chi2.sf(yates, 1)))
    lbl = _linear_by_linear(obs)
    below = int((exp < 5).sum())
    notes = []
    if below:
        notes.append(Note("expected_below_5", {"cells": below, "percent": 100 * below / exp.size,
                                               "min_expected": float(exp.min())}))
    return ChiSquareResult(
        statistic=pearson,
        pvalue=float(stats.chi2.sf(pearson, df)),
        df=df,
        n=int(n),
        observed=tuple(tuple(float(v) for v in row) for row in obs),
        expected=tuple(tuple(float(v) for v in row) for row in exp),
        pearson=TestRow(pearson, df, float(stats.chi2.sf(pearson, df))),
        continuity=continuity,
        likelihood_ratio=TestRow(lr, df, float(stats.chi2.sf(lr, df))),
        linear_by_linear=lbl,
        n_cells=int(exp.size),
        n_expected_below_5=below,
        min_expected=float(exp.min()),
        method="Pearson chi-square, asymptotic",
        effect_size=_effsize.cramers_v(pearson, int(n), obs.shape, level),
        notes=tuple(notes),
    )


def _linear_by_linear(obs: np.ndarray) -> TestRow | None:
    n = obs.sum()
    rs = np.arange(1, obs.shape[0] + 1, dtype=float)
    cs = np.arange(1, obs.shape[1] + 1, dtype=float)
    rm = (obs.sum(axis=1) * rs).sum() / n
    cm = (obs.sum(axis=0) * cs).sum() / n
    sxy = ((rs - rm)[:, None] * (cs - cm)[None, :] * obs).sum()
    sxx = (obs.sum(axis=1) * (rs - rm) ** 2).sum()
    syy = (obs.sum(axis=0) * (cs - cm) ** 2).sum()
    if sxx == 0 or syy == 0:
        return None
    stat = float((n - 1) * sxy**2 / (sxx * syy))
    return TestRow(stat, 1, float(stats.chi2.sf(stat, 1)))


def fisher_exact(
    table: Any, *, alternative: str = "two-sided", confidence_level: float = 0.95
) -> FisherResult:
    """Fisher's exact test for 2 x 2 and r x c tables.

    The two-sided p sums the probabilities of all tables with the same margins
    that are no more probable than the observed one (relative tolerance 1e-7),
    as R's ``fisher.test`` (PSPP 1.6.2 misses mirror tables when the row totals
    are equal). For 2 x 2 tables also the one-sided p in the observed
    direction (SPSS's "Exact Sig. (1-sided)"), both one-sided tails, and the
    conditional maximum-likelihood odds ratio with its exact CI (as R).

    Examples
    --------
    >>> round(fisher_exact([[9, 1], [3, 7]]).pvalue, 6)
    0.019767
    """
    check_option("alternative", alternative, ALTERNATIVES)
    level = check_confidence_level(confidence_level)
    obs = count_table(table)
    n = int(obs.sum())
    notes: list[Note] = []
    if obs.shape == (2, 2):
        a, b = int(obs[0, 0]), int(obs[0, 1])
        r1, c1 = int(obs[0].sum()), int(obs[:, 0].sum())
        hyper = stats.hypergeom(n, r1, c1)
        lo = max(0, r1 + c1 - n)
        hi = min(r1, c1)
        support = np.arange(lo, hi + 1)
        probs = hyper.pmf(support)
        p_obs = float(hyper.pmf(a))
        two = min(1.0, float(probs[probs <= p_obs * (1 + 1e-7)].sum()))
        less = min(1.0, float(hyper.cdf(a)))
        greater = min(1.0, float(hyper.sf(a - 1)))
        # the tail in the observed direction (as PSPP: ad > bc -> upper tail, else lower)
        one_sided = greater if a * int(obs[1, 1]) > b * int(obs[1, 0]) else less
        pvalue = {"two-sided": two, "less": less, "greater": greater}[alternative]
        res = odds_ratio(obs.astype(int), kind="conditional")
        ci = res.confidence_interval(confidence_level=level, alternative=alternative)
        sample_or = math.inf if b * int(obs[1, 0]) == 0 and a * int(obs[1, 1]) > 0 else (
            math.nan if b * int(obs[1, 0]) == 0 else a * int(obs[1, 1]) / (b * int(obs[1, 0])))
        effect = EffectSize(
            "odds_ratio",
            float(res.statistic),
            ConfidenceInterval(float(ci.low), float(ci.high), level),
            "conditional maximum-likelihood odds ratio with exact CI (as R fisher.test)",
            "all cases in the table",
        )
        return FisherResult(sample_or, pvalue, less, greater, one_sided, n, (2, 2),
                            "exact (hypergeometric)", effect, tuple(notes))
    if alternative != "two-sided":
        raise LaktasiInputError(
            f"alternative={alternative!r} is defined for 2 x 2 tables only; this table is "
            f"{obs.shape[0]} x {obs.shape[1]}. Use alternative='two-sided'.",
            option="alternative",
            value=alternative,
        )
    p_obs, pvalue = _fisher_rxc(obs.astype(int))
    return FisherResult(p_obs, pvalue, None, None, None, n, tuple(obs.shape),
                        "exact (full enumeration of tables with the observed margins)", None,
                        tuple(notes))


def _compositions(total: int, caps: tuple[int, ...]) -> list[tuple[int, ...]]:
    """All vectors v >= 0 with sum(v) = total and v <= caps."""
    if len(caps) == 1:
        return [(total,)] if total <= caps[0] else []
    out = []
    rest_cap = sum(caps[1:])
    for first in range(max(0, total - rest_cap), min(total, caps[0]) + 1):
        out.extend((first, *tail) for tail in _compositions(total - first, caps[1:]))
    return out


def _lf(v: int) -> float:
    return math.lgamma(v + 1)


def _column_bounds(c: int, caps: tuple[int, ...]) -> tuple[float, float]:
    """(max, min) of -sum log x! over one column with total c and cell caps (rows ignored)."""
    # max: spread as evenly as the caps allow (water filling)
    x = [0] * len(caps)
    left = c
    while left:
        i = min((i for i in range(len(caps)) if x[i] < caps[i]), key=lambda i: x[i])
        x[i] += 1
        left -= 1
    hi = -sum(_lf(v) for v in x)
    # min: concentrate into the largest caps first
    left = c
    lo = 0.0
    for cap in sorted(caps, reverse=True):
        take = min(cap, left)
        lo -= _lf(take)
        left -= take
    return hi, lo


def _fisher_rxc(obs: np.ndarray) -> tuple[float, float]:
    """Exact r x c Fisher p by a network algorithm (Mehta & Patel 1983).

    Columns are filled one at a time; a node is the multiset of remaining row
    totals. For each node and past weight, the completions' weights are
    bounded: when all completions are at most as probable as the observed
    table their whole mass (closed form N!/(prod R! prod C!)) is added, when
    none is they are skipped, otherwise the next column is enumerated.
    """
    obs = obs.T if obs.shape[0] > obs.shape[1] else obs
    rows = tuple(int(v) for v in obs.sum(axis=1))
    cols = sorted((int(v) for v in obs.sum(axis=0)), reverse=True)
    n = sum(rows)
    const = sum(_lf(v) for v in rows) + sum(_lf(v) for v in cols) - _lf(n)
    w_obs = -sum(_lf(int(v)) for v in obs.ravel())
    threshold = w_obs + math.log1p(1e-7)
    ncol = len(cols)
    bound_cache: dict[tuple[int, tuple[int, ...]], tuple[float, float]] = {}

    def bounds(j: int, node: tuple[int, ...]) -> tuple[float, float]:
        key = (j, node)
        if key not in bound_cache:
            if j == ncol - 1:
                w = -sum(_lf(v) for v in node)
                bound_cache[key] = (w, w)
            else:
                hi = lo = 0.0
                for c in cols[j:]:
                    h, low = _column_bounds(c, node)
                    hi += h
                    lo += low
                bound_cache[key] = (hi, lo)
        return bound_cache[key]

    def log_mass(j: int, node: tuple[int, ...]) -> float:
        rem = sum(node)
        return _lf(rem) - sum(_lf(v) for v in node) - sum(_lf(c) for c in cols[j:])

    pvalue = 0.0
    visited = 0
    # a node's past weights as arrays: exact weight of each distinct past (float noise of
    # equal sums merged by rounding to 9 decimals) and the number of paths reaching it
    one = (np.zeros(1), np.ones(1))
    stage: dict[tuple[int, ...], tuple[np.ndarray, np.ndarray]] = {tuple(sorted(rows)): one}
    for j in range(ncol):
        parts: dict[tuple[int, ...], list[tuple[np.ndarray, np.ndarray]]] = {}
        for node, (acc, mult) in stage.items():
            hi, lo = bounds(j, node)
            visited += acc.size
            done = acc + hi <= threshold
            if done.any():
                pvalue += float((mult[done] * np.exp(const + acc[done] + log_mass(j, node)))
                                .sum())
            go = ~done & (acc + lo <= threshold)
            if not go.any():
                continue
            acc_go, mult_go = acc[go], mult[go]
            comps = _compositions(cols[j], node)
            visited += len(comps) * (1 + acc_go.size // 64)  # work: paths and array blocks
            for comp in comps:
                child = tuple(sorted(r - x for r, x in zip(node, comp, strict=True)))
                w = -sum(_lf(x) for x in comp)
                parts.setdefault(child, []).append((acc_go + w, mult_go))
            if visited > _MAX_TABLES:
                raise LaktasiInputError(
                    f"The {obs.shape[0]} x {obs.shape[1]} table with N = {n} is too large for "
                    "the exact test here; combine categories or use chi_square().",
                    n=n,
                )
        stage = {}
        for child, pieces in parts.items():
            acc = np.concatenate([p[0] for p in pieces])
            mult = np.concatenate([p[1] for p in pieces])
            _, first, inverse = np.unique(np.round(acc, 9), return_index=True,
                                          return_inverse=True)
            stage[child] = (acc[first], np.bincount(inverse.ravel(), weights=mult))
    return math.exp(const + w_obs), min(1.0, pvalue)
