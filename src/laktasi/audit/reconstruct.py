"""Reconstruction: whole-number datasets consistent with a printed n, mean, SD, min, max
(a SPRITE-like search), or a proof that none exists (GRIM, GRIMMER, range bounds)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from laktasi.errors import LaktasiInputError

from .checks import _grim_sums, _grimmer_ok
from .printed import Printed, parse_printed

__all__ = ["Reconstruction", "reconstruct"]


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
        raise LaktasiInputError(f"reconstruct needs n, mean and sd ({exc}).") from None
    lo = int(parse_printed(item["min"], "min").value) if item.get("min") is not None else None
    hi = int(parse_printed(item["max"], "max").value) if item.get("max") is not None else None
    if n < 2:
        raise LaktasiInputError("reconstruct needs n >= 2.")
    sums = _grim_sums(mean, n)
    if not sums:
        return Reconstruction((), True, "grim")
    if not _grimmer_ok(sums, sd, n):
        return Reconstruction((), True, "grimmer")
    if lo is None or hi is None:
        span = max(1, math.ceil(4 * sd.high))
        lo = math.floor(mean.value - span) if lo is None else lo
        hi = math.ceil(mean.value + span) if hi is None else hi
    if not lo <= mean.value <= hi:
        return Reconstruction((), True, "range")
    max_sd = math.sqrt(max(0.0, (hi - mean.low) * (mean.high - lo)) * n / (n - 1))
    if sd.low > max_sd + 1e-9:
        return Reconstruction((), True, "range")
    rng = np.random.default_rng(seed)
    found: set[tuple[int, ...]] = set()
    fixed = [v for v in (lo, hi) if (item.get("min") is not None and v == lo)
             or (item.get("max") is not None and v == hi)]
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
