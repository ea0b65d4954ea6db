"""Tests on contingency tables of independent observations."""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
from scipy import special, stats
from scipy.stats.contingency import odds_ratio

from laktasi.errors import LaktasiInputError

from . import _effsize
from ._results import ChiSquareResult, ConfidenceInterval, EffectSize, FisherResult, Note, TestRow
from ._validation import ALTERNATIVES, check_confidence_level, check_option, count_table

__all__ = ["chi_square", "fisher_exact"]

_MAX_TABLES = 5_000_000


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
        expected_a = r1 * c1 / n
        one_sided = less if a < expected_a else greater
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


def _compositions(total: int, caps: np.ndarray) -> np.ndarray:
    """All vectors v >= 0 with sum(v) = total and v <= caps (as rows)."""
    parts = len(caps)
    out = []
    for cut in itertools.combinations(range(total + parts - 1), parts - 1):
        prev = -1
        v = []
        for cpos in (*cut, total + parts - 1):
            v.append(cpos - prev - 1)
            prev = cpos
        out.append(v)
    arr = np.array(out, dtype=int).reshape(-1, parts)
    return arr[(arr <= caps).all(axis=1)]


def _fisher_rxc(obs: np.ndarray) -> tuple[float, float]:
    # enumerate tables column by column; the largest column is filled last (determined)
    if obs.shape[0] > obs.shape[1]:
        obs = obs.T
    order = np.argsort(obs.sum(axis=0), kind="stable")
    obs = obs[:, order]
    rows = obs.sum(axis=1)
    cols = obs.sum(axis=0)
    n = int(obs.sum())
    const = float(special.gammaln(rows + 1).sum() + special.gammaln(cols + 1).sum()
                  - special.gammaln(n + 1))
    log_obs = const - float(special.gammaln(obs + 1).sum())
    states = rows[None, :].copy()
    acc = np.zeros(1)
    for cj in cols[:-1]:
        comps = _compositions(int(cj), rows)
        lf = special.gammaln(comps + 1).sum(axis=1)
        new_states = states[:, None, :] - comps[None, :, :]
        ok = (new_states >= 0).all(axis=2)
        si, ci = np.nonzero(ok)
        if si.size > _MAX_TABLES:
            raise LaktasiInputError(
                f"The table {obs.shape[0]} x {obs.shape[1]} with N = {n} has too many possible "
                "tables for exact enumeration; combine categories or use chi_square().",
                n=n,
            )
        states = new_states[si, ci]
        acc = acc[si] - lf[ci]
    logp = const + acc - special.gammaln(states + 1).sum(axis=1)
    probs = np.exp(logp)
    p_obs = math.exp(log_obs)
    return p_obs, min(1.0, float(probs[logp <= log_obs + math.log1p(1e-7)].sum()))
