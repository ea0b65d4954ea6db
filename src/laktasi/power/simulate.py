"""Monte-Carlo power, vectorised over simulated studies, with laktasi's test conventions.

The signed-rank statistic is computed for many studies at once. For whole-number
outcomes (feeds per day, urination counts, scores) the ranks come from counting: with
c_k differences of size k, every one of them has the average rank
(c_1 + ... + c_{k-1}) + (c_k + 1) / 2, and the tie correction is sum(c_k^3 - c_k) -- one
``bincount`` over all studies instead of a sort per study. The p-value is the one
:func:`laktasi.stats.wilcoxon_signed_rank` gives (zeros dropped, tie-corrected Z, no
continuity correction), checked in tests/power.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

from laktasi.errors import LaktasiInputError
from laktasi.stats._results import _Serialisable

__all__ = ["PowerEstimate", "integer_counts", "normal_differences", "paired_t_pvalues",
           "power_curve", "power_curve_plot", "rank_sum_pvalues", "signed_rank_pvalues",
           "simulate_power", "simulate_wilcoxon_power", "two_group_counts"]

Generator = Callable[[np.random.Generator, int, int], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class PowerEstimate(_Serialisable):
    power: float
    se: float
    n: int
    sims: int
    alpha: float
    seed: int
    method: str


def integer_counts(base_low: int = 4, base_high: int = 8, effect: float = 1.0,
                   spread: float = 1.5) -> Generator:
    """Whole-number outcomes with heavy ties: pre uniform on base_low..base_high, post = pre
    + a rounded normal change (mean ``effect``, SD ``spread``), never below 0.

    The change is drawn through its quantile function tabulated at 65,536 equally likely
    levels (16 random bits per value): the rounded normal with probabilities quantised to
    1/65,536, several times faster than drawing normals and rounding them.
    """
    u = (np.arange(65536) + 0.5) / 65536
    table = np.rint(special.ndtri(u) * spread + effect).astype(np.int16)

    def gen(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        pre = rng.integers(base_low, base_high + 1, size=(sims, n), dtype=np.int16)
        change = table[rng.integers(0, 65536, size=(sims, n), dtype=np.uint16)]
        post = np.maximum(pre + change, 0)
        return pre, post
    return gen


def normal_differences(dz: float) -> Generator:
    """Continuous pre/post whose differences are normal with standardised mean ``dz``."""
    def gen(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        pre = np.zeros((sims, n))
        return pre, rng.standard_normal((sims, n)) + dz
    return gen


def _integer_pvalues(d: np.ndarray) -> np.ndarray:
    sims, _ = d.shape
    k = int(np.abs(d).max())
    width = 2 * k + 1
    # one bincount of (study, signed difference): columns -k..k
    keys = d.astype(np.int32) + k
    keys += (np.arange(sims, dtype=np.int32) * width)[:, None]
    table = np.bincount(keys.ravel(), minlength=sims * width).reshape(sims, width)
    p = table[:, k + 1:].astype(np.float64)  # positive differences of size 1..k
    c = p + table[:, k - 1::-1] if k else p  # |d| = 1..k (zeros dropped)
    before = np.cumsum(c, axis=1) - c
    t_plus = ((before + (c + 1) / 2) * p).sum(axis=1)
    m = c.sum(axis=1)
    var = m * (m + 1) * (2 * m + 1) / 24 - (c**3 - c).sum(axis=1) / 48
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (t_plus - m * (m + 1) / 4) / np.sqrt(var)
    pvals = special.erfc(np.abs(z) / np.sqrt(2))  # 2 * (1 - Phi(|z|))
    return np.where(var > 0, pvals, 1.0)


def _continuous_pvalues(d: np.ndarray) -> np.ndarray:
    # ties have probability 0 for continuous data: plain ranks of |d|
    a = np.abs(d)
    ranks = np.argsort(np.argsort(a, axis=1), axis=1) + 1
    n = d.shape[1]
    t_plus = np.where(d > 0, ranks, 0).sum(axis=1)
    var = n * (n + 1) * (2 * n + 1) / 24
    z = (t_plus - n * (n + 1) / 4) / np.sqrt(var)
    return special.erfc(np.abs(z) / np.sqrt(2))


def rank_sum_pvalues(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Two-sided asymptotic Mann-Whitney p of many two-group studies (rows) at once.

    Whole-number outcomes: average ranks and the tie correction from value counts;
    continuous outcomes (no ties): ranks by sorting each study.
    """
    x, y = np.asarray(x), np.asarray(y)
    if not (np.issubdtype(x.dtype, np.integer) and np.issubdtype(y.dtype, np.integer)):
        pooled = np.concatenate([x, y], axis=1)
        ranks = np.argsort(np.argsort(pooled, axis=1), axis=1) + 1
        nx, n = x.shape[1], pooled.shape[1]
        ny = n - nx
        u_x = ranks[:, :nx].sum(axis=1) - nx * (nx + 1) / 2
        z = (u_x - nx * ny / 2) / np.sqrt(nx * ny * (n + 1) / 12)
        return special.erfc(np.abs(z) / np.sqrt(2))
    x, y = x.astype(np.int64), y.astype(np.int64)
    sims, nx = x.shape
    ny = y.shape[1]
    lo = int(min(x.min(), y.min()))
    width = int(max(x.max(), y.max())) - lo + 1
    base = (np.arange(sims, dtype=np.int64) * width)[:, None]
    cx = np.bincount((x - lo + base).ravel(), minlength=sims * width).reshape(sims, width)
    cy = np.bincount((y - lo + base).ravel(), minlength=sims * width).reshape(sims, width)
    c = (cx + cy).astype(np.float64)
    avg = np.cumsum(c, axis=1) - c + (c + 1) / 2
    u_x = (avg * cx).sum(axis=1) - nx * (nx + 1) / 2
    n = nx + ny
    var = nx * ny / (n * (n - 1)) * ((n**3 - n) / 12 - (c**3 - c).sum(axis=1) / 12)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (u_x - nx * ny / 2) / np.sqrt(var)
    return np.where(var > 0, special.erfc(np.abs(z) / np.sqrt(2)), 1.0)


def two_group_counts(base_low: int = 4, base_high: int = 8, effect: float = 1.0,
                     spread: float = 1.5, ratio: float = 1.0) -> Generator:
    """Two independent groups of whole-number outcomes: control base + rounded normal
    (mean 0), intervention base + rounded normal (mean ``effect``); returns (intervention,
    control) with n and round(n * ratio) mothers."""
    u = (np.arange(65536) + 0.5) / 65536
    z = special.ndtri(u) * spread

    def gen(rng: np.random.Generator, sims: int, n: int) -> tuple[np.ndarray, np.ndarray]:
        m = max(2, round(n * ratio))
        x = rng.integers(base_low, base_high + 1, size=(sims, n), dtype=np.int16)
        y = rng.integers(base_low, base_high + 1, size=(sims, m), dtype=np.int16)
        x = x + np.rint(z[rng.integers(0, 65536, size=(sims, n), dtype=np.uint16)] + effect)
        y = y + np.rint(z[rng.integers(0, 65536, size=(sims, m), dtype=np.uint16)])
        return np.maximum(x, 0).astype(np.int64), np.maximum(y, 0).astype(np.int64)
    return gen


def signed_rank_pvalues(pre: np.ndarray, post: np.ndarray) -> np.ndarray:
    """Two-sided asymptotic signed-rank p-values of many studies (rows) at once."""
    d = np.asarray(post) - np.asarray(pre)
    if np.issubdtype(d.dtype, np.integer):
        return _integer_pvalues(d)
    if np.all(d == np.rint(d)) and np.abs(d).max() < 4096:
        return _integer_pvalues(np.rint(d).astype(np.int64))
    return _continuous_pvalues(d)


def paired_t_pvalues(pre: np.ndarray, post: np.ndarray) -> np.ndarray:
    """Two-sided paired-t p-values of many studies (rows) at once."""
    from scipy import stats

    d = np.asarray(post, float) - np.asarray(pre, float)
    n = d.shape[1]
    sd = d.std(axis=1, ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = d.mean(axis=1) / (sd / np.sqrt(n))
    return np.where(sd > 0, 2 * stats.t.sf(np.abs(t), n - 1), 1.0)


def simulate_power(n: int, generator: Generator, test: str = "wilcoxon", *,
                   sims: int = 10_000, alpha: float = 0.05, seed: int = 0, chunk: int = 25_000,
                   progress: Callable[[int], None] | None = None) -> PowerEstimate:
    """Power by simulation: paired tests ("wilcoxon", "paired-t"; the generator returns pre,
    post) or "mann-whitney" (the generator returns the two groups, e.g. two_group_counts).

    ``seed`` and ``chunk`` together fix the random stream: the same pair gives the same
    estimate on every machine.
    """
    pvalues = {"wilcoxon": signed_rank_pvalues, "paired-t": paired_t_pvalues,
               "mann-whitney": rank_sum_pvalues}
    if test not in pvalues:
        raise LaktasiInputError(f"test={test!r}: choose one of {', '.join(pvalues)}.")
    if n < 2 or sims < 1:
        raise LaktasiInputError(f"n = {n} and sims = {sims}: need n >= 2 and sims >= 1.")
    rng = np.random.default_rng(seed)
    hits = 0
    done = 0
    while done < sims:
        k = min(chunk, sims - done)
        pre, post = generator(rng, k, n)
        hits += int((pvalues[test](pre, post) < alpha).sum())
        done += k
        if progress is not None:
            progress(done)
    power = hits / sims
    return PowerEstimate(power, float(np.sqrt(power * (1 - power) / sims)), n, sims, alpha,
                         seed, f"Monte Carlo, {test} (two-sided; the signed-rank test "
                         "asymptotic and tie-corrected, as SPSS)")


def power_curve(ns: Sequence[int], generator: Generator, test: str = "wilcoxon", *,
                sims: int = 10_000, alpha: float = 0.05, seed: int = 0) -> list[PowerEstimate]:
    """Simulated power at each sample size (the same seed for every n)."""
    return [simulate_power(int(n), generator, test, sims=sims, alpha=alpha, seed=seed)
            for n in ns]


def power_curve_plot(curve: Sequence[PowerEstimate], *, xlabel: str, ylabel: str,
                     target: float = 0.8) -> tuple[bytes, str]:
    """Power against n with ±2 SE bars and the target power line (PNG, SVG)."""
    import matplotlib.pyplot as plt

    from laktasi.report.plots import save_figure

    n = [c.n for c in curve]
    p = [c.power for c in curve]
    fig, ax = plt.subplots(figsize=(5, 3.6))
    ax.errorbar(n, p, yerr=[2 * c.se for c in curve], marker="o", color="#4f81bd", capsize=3)
    ax.axhline(target, color="#b22222", ls="--", lw=1)
    ax.set_ylim(0, 1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return save_figure(fig)


def simulate_wilcoxon_power(n: int, generator: Generator, **kwargs) -> PowerEstimate:
    """Power of the Wilcoxon signed-rank test (asymptotic, as SPSS) by simulation."""
    return simulate_power(n, generator, "wilcoxon", **kwargs)
