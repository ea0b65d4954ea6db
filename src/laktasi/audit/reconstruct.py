"""Reconstruction: whole-number datasets consistent with a printed n, mean, SD, min, max
(a SPRITE-like search), or a proof that none exists (GRIM, GRIMMER, range bounds)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy import stats

from laktasi.errors import LaktasiInputError
from laktasi.stats.summary import grim_totals, grimmer_consistent

from .checks import max_sd_bounded
from .printed import Printed, parse_printed

__all__ = ["PairedReconstruction", "Reconstruction", "reconstruct", "reconstruct_paired"]


@dataclass(frozen=True)
class Reconstruction:
    datasets: tuple[tuple[int, ...], ...]
    impossible: bool
    reason: str  # "found" | "grim" | "grimmer" | "range" | "not_found"


def _fits(x: np.ndarray, mean: Printed, sd: Printed) -> bool:
    return mean.contains(float(x.mean())) and sd.contains(float(x.std(ddof=1)))


def reconstruct(item: dict[str, Any], *, max_datasets: int = 10, seed: int = 0,
                iterations: int = 20_000) -> Reconstruction:
    """Search whole-number data for a descriptives item (n, mean, sd, min, max)."""
    try:
        n = int(item["n"])
        mean = parse_printed(item["mean"], "mean")
        sd = parse_printed(item["sd"], "sd")
    except (KeyError, TypeError, ValueError) as exc:
        raise LaktasiInputError(f"reconstruct needs n, mean and sd ({exc}).", problem=str(exc),
                                message_id="reconstruct_needs_n_mean_sd") from None
    lo = int(parse_printed(item["min"], "min").value) if item.get("min") is not None else None
    hi = int(parse_printed(item["max"], "max").value) if item.get("max") is not None else None
    if n < 2:
        raise LaktasiInputError("reconstruct needs n >= 2.", n=n, min_n=2,
                                message_id="reconstruct_needs_n")
    return _search(n, mean, sd, lo, hi, max_datasets=max_datasets,
                   rng=np.random.default_rng(seed), iterations=iterations)


def _search(n: int, mean: Printed, sd: Printed, lo: int | None, hi: int | None, *,
            max_datasets: int, rng: np.random.Generator, iterations: int = 20_000,
            floor: int | None = None) -> Reconstruction:
    """Whole-number samples of size n whose mean and SD print as ``mean`` and ``sd``; a
    printed ``lo``/``hi`` is attained, ``floor`` only bounds values from below."""
    printed_lo, printed_hi = lo is not None, hi is not None
    sums = grim_totals(mean.low, mean.high, n)
    if not sums:
        return Reconstruction((), True, "grim")
    if not grimmer_consistent(sums, sd.low, sd.high, n):
        return Reconstruction((), True, "grimmer")
    if lo is None or hi is None:
        span = max(1, math.ceil(4 * sd.high))
        lo = math.floor(mean.value - span) if lo is None else lo
        hi = math.ceil(mean.value + span) if hi is None else hi
        if floor is not None and not printed_lo:
            lo = max(lo, floor)
    if not lo <= mean.value <= hi:
        return Reconstruction((), True, "range")
    max_sd = math.sqrt(max(0.0, (hi - mean.low) * (mean.high - lo)) * n / (n - 1))
    if printed_lo and printed_hi:  # the audit's bound: whole-number data in [min, max]
        max_sd = min(max_sd, max_sd_bounded(n, mean, parse_printed(lo), parse_printed(hi),
                                            integer=True))
    if sd.low > max_sd + 1e-9:
        return Reconstruction((), True, "range")
    found: set[tuple[int, ...]] = set()
    fixed = [v for v, printed in ((lo, printed_lo), (hi, printed_hi)) if printed]
    for attempt in range(max_datasets * 20):
        if len(found) >= max_datasets:
            break
        target = sums[attempt % len(sums)]
        free = n - len(fixed)
        x = rng.integers(lo, hi + 1, free)
        # bring the sum to the target, then move pairs to reach the SD, sum unchanged
        for _ in range(iterations):
            diff = target - int(x.sum()) - sum(fixed)
            if diff == 0:
                break
            i = rng.integers(free)
            step = 1 if diff > 0 else -1
            if lo <= x[i] + step <= hi:
                x[i] += step
        if target != int(x.sum()) + sum(fixed):
            continue
        for _ in range(iterations):
            full = np.sort(np.concatenate([x, fixed]))
            if _fits(full, mean, sd):
                found.add(tuple(int(v) for v in full))
                break
            current = float(full.std(ddof=1))
            i, j = rng.integers(free, size=2)
            if x[i] == x[j]:
                continue
            a, b = (i, j) if x[i] < x[j] else (j, i)  # x[a] < x[b]
            if current < sd.value:  # spread: lower the small one, raise the large one
                if x[a] - 1 >= lo and x[b] + 1 <= hi:
                    x[a] -= 1
                    x[b] += 1
            elif x[b] - x[a] >= 2:  # shrink
                x[a] += 1
                x[b] -= 1
    datasets = tuple(sorted(found))
    return Reconstruction(datasets, False, "found" if datasets else "not_found")


# --- paired items: pre and post samples paired so that the printed test holds -------------

@dataclass(frozen=True)
class PairedReconstruction:
    """Paired datasets ((pre, post) per mother) whose pre and post summaries and the printed
    test statistic all print as the paper prints them; or why none can exist.

    ``reason``: "found", "not_found" (the search gave up: not a proof), or the proof that
    the pre or post sample cannot exist ("pre:grim", "post:grimmer", "post:range", ...).
    ``step``: the measurement resolution searched (1 for whole numbers, 0.1 for 0.1 cc).
    ``test``: "wilcoxon" or "paired-t"; ``assumptions``: what the search had to assume.
    """

    datasets: tuple[tuple[tuple[float, float], ...], ...]
    impossible: bool
    reason: str
    step: float
    test: str
    assumptions: tuple[str, ...]


def _scaled(p: Printed, step: float) -> Printed:
    return replace(p, value=p.value / step, low=p.low / step, high=p.high / step)


def _wilcoxon_fast(d: np.ndarray) -> tuple[int, int, int, float, float]:
    """(negative n, positive n, zero differences, sum of positive ranks, SPSS Z) of d."""
    nz = d[d != 0]
    m = nz.size
    if m == 0:
        return 0, 0, int(d.size), 0.0, 0.0
    ranks = stats.rankdata(np.abs(nz))
    pos = float(ranks[nz > 0].sum())
    neg = m * (m + 1) / 2 - pos
    _, counts = np.unique(np.abs(nz), return_counts=True)
    var = m * (m + 1) * (2 * m + 1) / 24 - float((counts**3 - counts).sum()) / 48
    z = (min(pos, neg) - m * (m + 1) / 4) / math.sqrt(var) if var > 0 else 0.0
    return int((nz < 0).sum()), int((nz > 0).sum()), int(d.size - m), pos, z


def _t_fast(d: np.ndarray) -> tuple[float, float]:
    n = d.size
    sd = float(d.std(ddof=1))
    if sd == 0:
        return (math.inf if d.mean() != 0 else 0.0), (0.0 if d.mean() != 0 else 1.0)
    t = float(d.mean()) / (sd / math.sqrt(n))
    return t, float(2 * stats.t.sf(abs(t), n - 1))


def _paired_targets(test: str, item: dict[str, Any]) -> dict[str, Any]:
    def opt(key: str, where: str) -> Printed | None:
        return None if item.get(key) is None else parse_printed(item[key], where)

    if test == "wilcoxon":
        neg, pos = item.get("negative_ranks") or {}, item.get("positive_ranks") or {}
        return {"z": opt("z", "z"), "p": None if item.get("p") is None
                else parse_printed(item["p"], "p").as_p(),
                "neg": None if neg.get("n") is None else int(neg["n"]),
                "pos": None if pos.get("n") is None else int(pos["n"]),
                "ties": None if item.get("ties") is None else int(item["ties"]),
                "sum_pos": None if pos.get("sum") is None else parse_printed(pos["sum"], "sum")}
    return {"t": opt("t", "t"), "p": None if item.get("p") is None
            else parse_printed(item["p"], "p").as_p()}


def _paired_score(test: str, d: np.ndarray, tg: dict[str, Any]) -> tuple[float, bool]:
    """Distance of d's test from the printed targets (0 when all hold) and whether all hold."""
    if test == "wilcoxon":
        neg, pos, ties, sum_pos, z = _wilcoxon_fast(d)
        p = float(2 * stats.norm.sf(abs(z)))
        score = 0.0
        for key, value in (("neg", neg), ("pos", pos), ("ties", ties)):
            if tg[key] is not None:
                score += 10.0 * abs(value - tg[key])
        if tg["sum_pos"] is not None and not tg["sum_pos"].contains(sum_pos):
            score += abs(sum_pos - tg["sum_pos"].value) / max(1, d.size)
        if tg["z"] is not None and not tg["z"].contains(z):
            score += abs(z - tg["z"].value)
        if tg["p"] is not None and not tg["p"].contains(p):
            score += abs(math.log(max(p, 1e-300)) - math.log(max(tg["p"].value, 5e-5)))
        return score, score == 0.0
    t, p = _t_fast(d)
    score = 0.0
    if tg["t"] is not None and not tg["t"].contains(t):
        score += abs(t - tg["t"].value)
    if tg["p"] is not None and not tg["p"].contains(p):
        score += abs(math.log(max(p, 1e-300)) - math.log(max(tg["p"].value, 5e-5)))
    return score, score == 0.0


def reconstruct_paired(test: str, item: dict[str, Any], pre: dict[str, Any],
                       post: dict[str, Any], *, step: float = 1.0, floor: float | None = 0.0,
                       max_datasets: int = 10, seed: int = 0, marginals: int = 40,
                       swaps: int = 4_000) -> PairedReconstruction:
    """Paired datasets consistent with printed pre and post summaries (``pre``/``post``:
    mappings with n, mean, sd and optionally min, max) and a printed paired test
    (``item``: a wilcoxon item with its ranks table, Z and p, or a paired-means item with t
    and/or p).

    Values lie on a grid of ``step`` (1 for counts; 0.1 for 0.1 cc syringes) and not below
    ``floor`` unless a printed min says otherwise. The search draws pre and post samples
    as :func:`reconstruct` does and then pairs them by swapping post values between
    mothers until the test prints as printed; the result is checked again with
    :func:`laktasi.stats.wilcoxon_signed_rank` / :func:`laktasi.stats.paired_t`.
    """
    from laktasi.stats import paired_t, wilcoxon_signed_rank

    if test not in ("wilcoxon", "paired-t"):
        raise LaktasiInputError(f"test={test!r}: choose wilcoxon or paired-t.", option="test",
                                value=test, allowed=("wilcoxon", "paired-t"),
                                message_id="option_not_allowed")
    if not step > 0:
        raise LaktasiInputError(f"step={step!r} must be a positive number (e.g. 1 or 0.1).",
                                value=step, message_id="reconstruct_step")
    rng = np.random.default_rng(seed)
    try:
        n = int(item.get("n") or pre["n"])
        summaries = []
        for name, part in (("pre", pre), ("post", post)):
            mean = _scaled(parse_printed(part["mean"], f"{name}.mean"), step)
            sd = _scaled(parse_printed(part["sd"], f"{name}.sd"), step)
            lo = (round(parse_printed(part["min"], f"{name}.min").value / step)
                  if part.get("min") is not None else None)
            hi = (round(parse_printed(part["max"], f"{name}.max").value / step)
                  if part.get("max") is not None else None)
            summaries.append((name, mean, sd, lo, hi))
        targets = _paired_targets(test, item)
    except (KeyError, TypeError, ValueError) as exc:
        raise LaktasiInputError(f"reconstruct needs n and the pre and post mean and sd "
                                f"({exc}).", problem=str(exc),
                                message_id="reconstruct_needs_pre_post") from None
    if n < 2:
        raise LaktasiInputError("reconstruct needs n >= 2.", n=n, min_n=2,
                                message_id="reconstruct_needs_n")
    assumptions = [f"step {step:g}"]
    if floor is not None:
        assumptions.append(f"values >= {floor:g} where no minimum is printed")
    grid_floor = None if floor is None else math.ceil(floor / step - 1e-9)
    pools = []
    for name, mean, sd, lo, hi in summaries:
        pool = _search(n, mean, sd, lo, hi, max_datasets=marginals, rng=rng, floor=grid_floor)
        if pool.impossible:
            return PairedReconstruction((), True, f"{name}:{pool.reason}", step, test,
                                        tuple(assumptions))
        if not pool.datasets:
            return PairedReconstruction((), False, "not_found", step, test, tuple(assumptions))
        pools.append(pool.datasets)
    found: dict[tuple[tuple[float, float], ...], None] = {}
    for _attempt in range(max_datasets * 30):
        if len(found) >= max_datasets:
            break
        x = np.array(pools[0][rng.integers(len(pools[0]))], float)
        y = rng.permutation(np.array(pools[1][rng.integers(len(pools[1]))], float))
        score, ok = _paired_score(test, y - x, targets)
        for _ in range(swaps):
            if ok:
                break
            i, j = rng.integers(n, size=2)
            if y[i] == y[j]:
                continue
            y[i], y[j] = y[j], y[i]
            new, new_ok = _paired_score(test, y - x, targets)
            if new <= score:
                score, ok = new, new_ok
            else:
                y[i], y[j] = y[j], y[i]
        if not ok:
            continue
        pre_v, post_v = np.round(x * step, 10), np.round(y * step, 10)
        check = (wilcoxon_signed_rank(pre_v, post_v) if test == "wilcoxon"
                 else paired_t(pre_v, post_v))
        if not _confirmed(test, check, targets):
            continue
        order = np.lexsort((post_v, pre_v))
        found[tuple((float(pre_v[k]), float(post_v[k])) for k in order)] = None
    datasets = tuple(found)
    return PairedReconstruction(datasets, False, "found" if datasets else "not_found", step,
                                test, tuple(assumptions))


def _confirmed(test: str, res: Any, tg: dict[str, Any]) -> bool:
    """The core's own result prints as the paper's targets (guards the fast search)."""
    if tg["p"] is not None and not tg["p"].contains(res.pvalue):
        return False
    if test == "wilcoxon":
        pos_sum = res.positive.sum_ranks
        return ((tg["z"] is None or tg["z"].contains(res.z))
                and (tg["neg"] is None or tg["neg"] == res.negative.n)
                and (tg["pos"] is None or tg["pos"] == res.positive.n)
                and (tg["ties"] is None or tg["ties"] == res.ties)
                and (tg["sum_pos"] is None or tg["sum_pos"].contains(pos_sum)))
    return tg["t"] is None or tg["t"].contains(res.statistic)
