"""Optional GPU backend (CuPy): whole-number counts x Wilcoxon signed-rank.

The study-by-study arithmetic is :func:`wilcoxon_hits_counting`, written once for any
array module (``xp`` = numpy or cupy) and checked against the numpy kernels in
tests/power with ``xp = numpy``. CuPy is never required; laktasi works without a GPU.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import special

from laktasi.errors import LaktasiInputError

__all__ = ["simulate_counts_wilcoxon", "wilcoxon_hits_counting"]

_LEVELS = 65536


def wilcoxon_hits_counting(xp, ndtr: Callable, d, alpha: float) -> int:
    """Number of studies (rows of whole-number differences ``d``) with signed-rank p <
    alpha (zeros dropped, tie-corrected Z, no continuity correction)."""
    sims = d.shape[0]
    k = int(xp.abs(d).max())
    if k == 0:
        return 0
    width = 2 * k + 1
    keys = d.astype(xp.int32) + k + (xp.arange(sims, dtype=xp.int32) * width)[:, None]
    table = xp.bincount(keys.ravel(), minlength=sims * width).reshape(sims, width)
    pos = table[:, k + 1:].astype(xp.float64)
    c = pos + table[:, k - 1::-1]
    before = xp.cumsum(c, axis=1) - c
    t_plus = ((before + (c + 1) / 2) * pos).sum(axis=1)
    m = c.sum(axis=1)
    var = m * (m + 1) * (2 * m + 1) / 24 - (c**3 - c).sum(axis=1) / 48
    ok = var > 0
    z = (t_plus - m * (m + 1) / 4) / xp.sqrt(xp.where(ok, var, 1.0))
    p = 2 * ndtr(-xp.abs(z))
    return int((ok & (p < alpha)).sum())


def simulate_counts_wilcoxon(n: int, model, test: str, *, sims: int, alpha: float, seed: int,
                             progress: Callable[[int], None] | None = None,
                             chunk: int = 1_000_000) -> int:
    """Significant studies among ``sims`` drawn on the GPU from an ``integer_counts``
    model, tested with the Wilcoxon signed-rank test."""
    if test != "wilcoxon" or getattr(model, "name", "") != "counts" or getattr(
            model, "design", "") != "one-group-pretest-posttest":
        raise LaktasiInputError("The GPU backend runs the Wilcoxon test on whole-number counts "
                                "(integer_counts) only; use backend='numpy' for the rest.",
                                test=test)
    try:
        import cupy as cp
        from cupyx.scipy.special import ndtr
    except ImportError as exc:
        raise LaktasiInputError("backend='cupy' needs CuPy and an NVIDIA GPU (pip install "
                                "cupy-cuda12x); the default backend='numpy' needs neither.",
                                backend="cupy") from exc
    params = dict(model.params)
    u = (np.arange(_LEVELS) + 0.5) / _LEVELS
    table = cp.asarray(np.rint(special.ndtri(u) * params["spread"] + params["effect"])
                       .astype(np.int16))
    rng = cp.random.RandomState(seed)
    hits = done = 0
    while done < sims:
        size = min(chunk, sims - done)
        pre = rng.randint(int(params["base_low"]), int(params["base_high"]) + 1, size=(size, n),
                          dtype=cp.int32)
        change = table[rng.randint(0, _LEVELS, size=(size, n), dtype=cp.int32)]
        post = cp.maximum(pre + change, 0)
        hits += wilcoxon_hits_counting(cp, ndtr, post - pre, alpha)
        done += size
        if progress is not None:
            progress(done)
    return hits
