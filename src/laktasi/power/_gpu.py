"""Optional GPU backend (CuPy) for the fused models of :mod:`laktasi.power._fused`.

The GPU runs :func:`laktasi.power._fused.array_hits` with ``xp = cupy``: the same
SplitMix64 counters, alias tables and integer decisions as the CPU paths, so its
estimate is the CPU's estimate, digit for digit (tests/power compares them when a GPU is
present). ``array_hits`` is also the reference the compiled CPU kernels are tested
against, layout by layout (:mod:`laktasi.power._numba` stores the same alias tables with
each column's own and alias counts side by side; the draws and decisions are the same).
CuPy is never required; laktasi works without a GPU.
"""

from __future__ import annotations

from collections.abc import Callable

from laktasi.errors import LaktasiInputError

from ._fused import Plan, array_hits, stream_key

__all__ = ["simulate_fused_gpu"]


def simulate_fused_gpu(plan: Plan | None, *, sims: int, seed: int,
                       progress: Callable[[int], None] | None = None,
                       chunk: int = 1 << 21) -> int:
    """Significant studies among ``sims`` drawn and tested on the GPU with ``plan``."""
    if plan is None:
        raise LaktasiInputError(
            "The GPU backend runs the fused models only: integer_counts with Wilcoxon or "
            "paired t, two_group_counts with Mann-Whitney, binary_pairs with McNemar, "
            "binary_groups with the 2 x 2 tests; use backend='numpy' for the rest.",
            backend="cupy", message_id="gpu_fused_only")
    try:
        import cupy as cp
    except ImportError as exc:
        raise LaktasiInputError("backend='cupy' needs CuPy and an NVIDIA GPU (pip install "
                                "cupy-cuda12x); the default backend='numpy' needs neither.",
                                backend="cupy", message_id="gpu_needs_cupy") from exc
    key = stream_key(seed)
    # per-mother plans hold (rows, picks, width) counts: keep a chunk near 2**27 values
    values = sum(g.picks for g in plan.groups) * max(plan.width, 1) + 2 * plan.words
    rows = max(1, min(chunk, (1 << 27) // values))
    hits = 0
    for lo in range(0, sims, rows):
        hi = min(lo + rows, sims)
        hits += array_hits(plan, key, lo, hi, xp=cp)
        if progress is not None:
            progress(hi)
    return hits
