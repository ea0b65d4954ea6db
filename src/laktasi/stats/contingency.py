"""Tests on contingency tables of independent observations."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from laktasi.errors import LaktasiInputError

from . import _effsize
from ._results import ChiSquareResult, ConfidenceInterval, EffectSize, FisherResult, Note, TestRow
from ._scipy import optimize, stats
from ._validation import ALTERNATIVES, check_confidence_level, check_option, count_table

__all__ = ["chi_square", "fisher_exact"]

_MAX_TABLES = 1_000_000  # work units (past weights, expansions): a refusal comes within about 10 s
# r x c tables are refused before starting when the network without pruning has more
# (node, column filling) pairs than this, or would hold more than _MAX_BYTES. Measured
# (one loaded core): every table with an estimate up to 6e5 finished in at most 3 s (3 x 4,
# N = 174; 2 x 4, N = 3,000 with 8.3e5 in 8 s); tables with 1.5e6 and more ran past
# _MAX_TABLES after 6-17 s.
_MAX_WORK_ESTIMATE = 1_000_000
_MAX_BYTES = 2 * 1024**3
_BYTES_PER_NODE = 400  # a node's key, its two weight arrays and dict slot (measured ~300)


def chi_square(table: Any, *, confidence_level: float = 0.95) -> ChiSquareResult:
    """Chi-square tests of an r x c table as SPSS's CROSSTABS /STATISTICS=CHISQ.

    Rows: Pearson; Continuity Correction (2 x 2 only, SPSS's form, 0 when
    |ad - bc| <= N/2); Likelihood Ratio (2 sum O ln(O/E)); Linear-by-Linear
    Association ((N - 1) r^2 with scores 1..k). Also the expected counts, how
    many cells have an expected count below 5 and the minimum expected count.
    Effect size: phi (2 x 2) or Cramer's V with CI.

    Use only for independent observations: the same mothers before and after
    are paired data (use :func:`laktasi.stats.mcnemar`).

    Parameters
    ----------
    table : array-like
        An r x c table of counts (whole numbers >= 0, r, c >= 2, no empty row or
        column), rows = groups, columns = outcome categories.
    confidence_level : float, default 0.95
        Level of the effect-size CI.

    Returns
    -------
    ChiSquareResult
        ``pearson``, ``continuity`` (2 x 2 only, else None), ``likelihood_ratio``
        and ``linear_by_linear`` rows (statistic, df, p); ``statistic``/``pvalue``
        = Pearson; ``expected`` counts, ``n_expected_below_5``, ``min_expected``;
        ``effect_size`` = phi (2 x 2) or Cramer's V with CI.

    Raises
    ------
    LaktasiInputError
        A table that is not r x c counts (located: row, column, value).

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

    Parameters
    ----------
    table : array-like
        An r x c table of counts (whole numbers >= 0, no empty row or column).
    alternative : {"two-sided", "less", "greater"}, default "two-sided"
        For 2 x 2 tables: "greater" = odds ratio above 1 (as R). r x c tables take
        "two-sided" only.
    confidence_level : float, default 0.95
        Level of the odds-ratio CI (2 x 2).

    Returns
    -------
    FisherResult
        ``pvalue`` for ``alternative``; for 2 x 2 also ``pvalue_less``,
        ``pvalue_greater``, ``pvalue_one_sided`` (observed direction),
        ``statistic`` = sample odds ratio ad/bc and ``effect_size`` = conditional
        MLE odds ratio with exact CI (one-sided CI for one-sided alternatives, as
        R). For r x c: ``statistic`` = probability of the observed table,
        ``effect_size`` None.

    Raises
    ------
    LaktasiInputError
        A table that is not counts; a one-sided alternative on an r x c table; an
        r x c table too large for the exact test (refused before starting from a
        work and memory estimate, or when the step budget runs out; the message
        names the table size).

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
        # log pmf over the support: vectorised and fast, to about 1e-10 relative for
        # N = 100,000 (scipy's pmf is accurate to 1e-15 but takes 0.3 ms a point there)
        log_probs = hyper.logpmf(support)
        two = _two_sided_2x2(hyper, support, log_probs, a)
        less = min(1.0, float(hyper.cdf(a)))
        greater = min(1.0, float(hyper.sf(a - 1)))
        # the tail in the observed direction (as PSPP: ad > bc -> upper tail, else lower)
        one_sided = greater if a * int(obs[1, 1]) > b * int(obs[1, 0]) else less
        pvalue = {"two-sided": two, "less": less, "greater": greater}[alternative]
        mle, ci_low, ci_high = _conditional_odds_ratio(support, log_probs, a, level, alternative)
        sample_or = math.inf if b * int(obs[1, 0]) == 0 and a * int(obs[1, 1]) > 0 else (
            math.nan if b * int(obs[1, 0]) == 0 else a * int(obs[1, 1]) / (b * int(obs[1, 0])))
        effect = EffectSize(
            "odds_ratio",
            mle,
            ConfidenceInterval(ci_low, ci_high, level),
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
            rows=int(obs.shape[0]),
            columns=int(obs.shape[1]),
            message_id="alternative_needs_2x2",
        )
    p_obs, pvalue = _fisher_rxc(obs.astype(int))
    return FisherResult(p_obs, pvalue, None, None, None, n, tuple(obs.shape),
                        "exact (full enumeration of tables with the observed margins)", None,
                        tuple(notes))


def _two_sided_2x2(hyper: Any, support: np.ndarray, log_probs: np.ndarray, a: int) -> float:
    """Sum of P(x) over the x with P(x) <= P(a) (1 + 1e-7), as R's fisher.test.

    The hypergeometric pmf is unimodal, so those x are a lower tail and an upper
    tail: they are located with the fast log pmf (points within 1e-6 of the
    threshold decided with the accurate pmf) and summed with the accurate cdf
    and survival function.

    Parameters
    ----------
    hyper : scipy.stats.hypergeom (frozen)
        The null distribution of the first cell.
    support : numpy.ndarray
        Its support, in order.
    log_probs : numpy.ndarray
        ``hyper.logpmf(support)``.
    a : int
        The observed first cell.

    Returns
    -------
    float
        The two-sided p, at most 1.
    """
    threshold = float(hyper.pmf(a)) * (1 + 1e-7)
    # far in the tails the pmf underflows: compare logs there
    log_threshold = (math.log(threshold) if threshold > 1e-290
                     else float(hyper.logpmf(a)) + math.log1p(1e-7))
    member = log_probs <= log_threshold
    near = np.abs(log_probs - log_threshold) < 1e-6
    if near.any() and threshold > 1e-290:
        member[near] = hyper.pmf(support[near]) <= threshold
    if member.all():
        return 1.0
    mode = int(np.argmax(log_probs))
    left = np.flatnonzero(member[:mode])
    right = np.flatnonzero(member[mode:])
    p = 0.0
    if left.size:
        p += float(hyper.cdf(support[left[-1]]))
    if right.size:
        p += float(hyper.sf(support[mode + right[0]] - 1))
    return min(1.0, p)


def _conditional_odds_ratio(
    x: np.ndarray, logc: np.ndarray, a: int, level: float, alternative: str
) -> tuple[float, float, float]:
    """Conditional MLE of the odds ratio of a 2 x 2 table and its exact CI (R fisher.test).

    Fisher's noncentral hypergeometric distribution of the first cell over its
    support, in log space: log w(x) = log C(c1, x) + log C(n - c1, r1 - x) + x log(psi).
    The MLE solves E[X; psi] = a; the CI limits solve P(X >= a; psi) = alpha and
    P(X <= a; psi) = alpha (alpha = (1 - level) / 2 two-sided, 1 - level one-sided),
    each by Brent's method on log(psi) to 1e-14. One evaluation is a handful of vector
    operations over the support, so N = 100,000 takes milliseconds.

    Parameters
    ----------
    x : numpy.ndarray
        The support of the first cell, max(0, r1 + c1 - n) .. min(r1, c1).
    logc : numpy.ndarray
        The central hypergeometric log pmf over ``x`` (any constant may be added).
    a : int
        The observed first cell.
    level : float
        Confidence level.
    alternative : {"two-sided", "less", "greater"}
        "less" gives (0, upper), "greater" gives (lower, inf), as R.

    Returns
    -------
    tuple of float
        (MLE, CI low, CI high); 0 or inf where ``a`` is at an end of the support.
    """
    upper = x >= a
    lower = x <= a
    xf = x.astype(float)

    def weights(lp: float) -> np.ndarray:  # probabilities, summing to 1
        w = logc + xf * lp
        p: np.ndarray = np.exp(w - w.max())
        out: np.ndarray = p / float(p.sum())
        return out

    def tail_up(lp: float) -> float:  # P(X >= a), increasing in lp
        return float(weights(lp)[upper].sum())

    def tail_low(lp: float) -> float:  # P(X <= a), decreasing in lp
        return float(weights(lp)[lower].sum())

    def mean(lp: float) -> float:
        return float(weights(lp) @ xf)

    def solve(f: Callable[[float], float]) -> float:
        """exp of the root of the increasing function f of log(psi)."""
        lo, hi = -1.0, 1.0
        while f(lo) > 0:
            lo, hi = 2 * lo, lo
        while f(hi) < 0:
            lo, hi = hi, 2 * hi
        root = optimize.brentq(f, lo, hi, xtol=1e-14, rtol=1e-15, maxiter=500)
        return math.exp(root)

    at_low, at_high = a == x[0], a == x[-1]
    alpha = (1 - level) / 2 if alternative == "two-sided" else 1 - level
    mle = 0.0 if at_low else math.inf if at_high else solve(lambda lp: mean(lp) - a)
    ci_low = 0.0 if at_low or alternative == "less" else solve(lambda lp: tail_up(lp) - alpha)
    ci_high = (math.inf if at_high or alternative == "greater"
               else solve(lambda lp: alpha - tail_low(lp)))
    return mle, ci_low, ci_high


def _compositions(total: int, caps: tuple[int, ...]) -> list[tuple[int, ...]]:
    """All vectors v >= 0 with sum(v) = total and v <= caps."""
    if len(caps) == 1:
        return [(total,)] if total <= caps[0] else []
    out: list[tuple[int, ...]] = []
    rest_cap = sum(caps[1:])
    for first in range(max(0, total - rest_cap), min(total, caps[0]) + 1):
        out.extend((first, *tail) for tail in _compositions(total - first, caps[1:]))
    return out


def _lf(v: int) -> float:
    return math.lgamma(v + 1)


def _column_bounds(c: int, caps: tuple[int, ...]) -> tuple[float, float]:
    """(max, min) of -sum log x! over one column with total c and cell caps (rows ignored)."""
    # max: spread as evenly as the caps allow (water filling, closed form): the smallest
    # caps are filled while they are below an even share, the rest share what is left
    x = [0] * len(caps)
    left = c
    order = sorted(range(len(caps)), key=lambda i: caps[i])
    for pos, i in enumerate(order):
        if caps[i] * (len(caps) - pos) > left:
            rest = sorted(order[pos:])
            q, extra = divmod(left, len(rest))
            for k, idx in enumerate(rest):
                x[idx] = q + (1 if k < extra else 0)
            break
        x[i] = caps[i]
        left -= caps[i]
    hi = -sum(_lf(v) for v in x)
    # min: concentrate into the largest caps first
    left = c
    lo = 0.0
    for cap in sorted(caps, reverse=True):
        take = min(cap, left)
        lo -= _lf(take)
        left -= take
    return hi, lo


def _capped_count(total: int, caps: list[int] | tuple[int, ...]) -> float:
    """How many vectors v >= 0 with v <= caps sum to ``total`` (float; inf when huge).

    Coefficient of t^total in the product of (1 + t + ... + t^cap), by prefix sums
    (O(len(caps) x total)).
    """
    poly = np.zeros(total + 1)
    poly[0] = 1.0
    with np.errstate(over="ignore", invalid="ignore"):
        for cap in caps:
            cum = np.cumsum(poly)
            shifted = np.zeros_like(cum)
            if cap + 1 <= total:
                shifted[cap + 1:] = cum[: total - cap]
            poly = cum - shifted
    value = float(poly[total])
    return value if math.isfinite(value) else math.inf


def rxc_cost_estimate(table: np.ndarray) -> tuple[float, float]:
    """Work and memory of the r x c network algorithm, estimated before it starts.

    Work: the (node, column filling) pairs of the network without pruning. Columns are
    filled largest first; a node at stage j is a multiset of remaining row totals, so
    stage j holds about (fillings of the first j column totals into the rows) / r!
    nodes, each with (fillings of column j) children. Memory: the largest stage's nodes
    (``_BYTES_PER_NODE`` each) plus the largest column's fillings held at once.

    Parameters
    ----------
    table : numpy.ndarray
        The r x c table of counts (every row and column total > 0).

    Returns
    -------
    tuple of float
        (work in node-filling pairs, memory in bytes); inf when beyond floating point.
    """
    obs = table.T if table.shape[0] > table.shape[1] else table
    rows = [int(v) for v in obs.sum(axis=1)]
    cols = sorted((int(v) for v in obs.sum(axis=0)), reverse=True)
    sym = math.factorial(len(rows))
    work = 0.0
    nodes = 1.0
    peak_nodes = 1.0
    peak_fillings = 0.0
    filled = 0
    for c in cols[:-1]:  # the last column is determined by the others
        fillings = _capped_count(c, rows)
        work += nodes * fillings
        peak_fillings = max(peak_fillings, fillings)
        filled += c
        nodes = max(1.0, _capped_count(filled, rows) / sym)
        peak_nodes = max(peak_nodes, nodes)
    memory = peak_nodes * _BYTES_PER_NODE + peak_fillings * (56 + 8 * len(rows))
    return work, memory


def _too_large(obs: np.ndarray, n: int, why: str, message_id: str,
               **fields: Any) -> LaktasiInputError:
    return LaktasiInputError(
        f"The {obs.shape[0]} x {obs.shape[1]} table with N = {n} is too large for the exact "
        f"test here ({why}); combine categories or use chi_square().",
        n=n,
        shape=tuple(int(v) for v in obs.shape),
        reason=why,
        rows=int(obs.shape[0]),
        columns=int(obs.shape[1]),
        message_id=message_id,
        **fields,
    )


def _fisher_rxc(obs: np.ndarray) -> tuple[float, float]:
    """Exact r x c Fisher p by a network algorithm (Mehta & Patel 1983).

    Columns are filled one at a time; a node is the multiset of remaining row
    totals. For each node and past weight, the completions' weights are
    bounded: when all completions are at most as probable as the observed
    table their whole mass (closed form N!/(prod R! prod C!)) is added, when
    none is they are skipped, otherwise the next column is enumerated.
    """
    shown = obs
    n_total = int(obs.sum())
    work, memory = rxc_cost_estimate(obs)
    if work > _MAX_WORK_ESTIMATE:
        raise _too_large(shown, n_total, f"about {work:.2g} steps, more than "
                                          f"{_MAX_WORK_ESTIMATE:.0e}, estimated before starting",
                         message_id="exact_too_much_work", steps=float(f"{work:.2g}"),
                         max_steps=_MAX_WORK_ESTIMATE)
    if memory > _MAX_BYTES:
        raise _too_large(shown, n_total, f"about {memory / 1024**3:.3g} GB of memory, "
                                          "estimated before starting",
                         message_id="exact_too_much_memory",
                         gigabytes=float(f"{memory / 1024**3:.3g}"))
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
            # counted before the fillings are built, so no step starts past the budget
            visited += int(min(_capped_count(cols[j], node), 1e18)) * (1 + acc_go.size // 64)
            if visited > _MAX_TABLES:
                raise _too_large(shown, n, "more steps than the budget",
                                 message_id="exact_over_budget")
            comps = _compositions(cols[j], node)
            for comp in comps:
                child = tuple(sorted(r - x for r, x in zip(node, comp, strict=True)))
                w = -sum(_lf(x) for x in comp)
                parts.setdefault(child, []).append((acc_go + w, mult_go))
        stage = {}
        for child, pieces in parts.items():
            acc = np.concatenate([p[0] for p in pieces])
            mult = np.concatenate([p[1] for p in pieces])
            _, first, inverse = np.unique(np.round(acc, 9), return_index=True,
                                          return_inverse=True)
            stage[child] = (acc[first], np.bincount(inverse.ravel(), weights=mult))
    return math.exp(const + w_obs), min(1.0, pvalue)
