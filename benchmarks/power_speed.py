"""Power-simulation speed: 10^6 simulated Wilcoxon studies (n = 30, whole-number outcome
with heavy ties), power at alpha = .05, against a loop of scipy.stats.wilcoxon measured in
the same run. The loop is timed on a subsample (default 2,000 studies) and scaled to 10^6,
as printed. laktasi is timed on one thread and on all cores (at most 8; the chunks have
their own random streams, so both give the same estimate). Run: python
benchmarks/power_speed.py [--sims N] [--loop N] [--gpu]

The vectorised path ranks by counting (whole numbers with a small range: one bincount per
chunk of 25,000 studies, no sort); --gpu also times the optional CuPy backend (needs CuPy
and an NVIDIA GPU) and prints studies/second.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np
from scipy import stats

from laktasi.power import integer_counts, simulate_power


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sims", type=int, default=1_000_000)
    ap.add_argument("--loop", type=int, default=5_000)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--gpu", action="store_true", help="also time backend='cupy'")
    args = ap.parse_args()
    gen = integer_counts(effect=0.5)
    simulate_power(args.n, gen, sims=50_000, seed=0)  # warm up
    t0 = time.perf_counter()
    est1 = simulate_power(args.n, gen, sims=args.sims, seed=1, workers=1)
    t_one = time.perf_counter() - t0
    t0 = time.perf_counter()
    est = simulate_power(args.n, gen, sims=args.sims, seed=1)
    t_fast = time.perf_counter() - t0
    assert est == est1  # the same estimate whatever the number of threads
    pre, post = gen(np.random.default_rng(2), args.loop, args.n)
    t0 = time.perf_counter()
    hits = 0
    for a, b in zip(pre, post, strict=True):
        if np.any(a != b):
            res = stats.wilcoxon(b, a, zero_method="wilcox", correction=False, method="approx")
            hits += res.pvalue < 0.05
    t_loop = (time.perf_counter() - t0) / args.loop * args.sims
    cores = os.cpu_count() or 1
    print(f"laktasi vectorised, 1 thread: {args.sims:,} studies (n = {args.n}) in {t_one:.2f} s "
          f"({args.sims / t_one:,.0f} studies/s), power {est.power:.4f} ± {est.se:.4f}")
    print(f"laktasi vectorised, {min(cores, 8)} threads: {t_fast:.2f} s "
          f"({args.sims / t_fast:,.0f} studies/s)")
    print(f"scipy.stats.wilcoxon loop (1 thread): {args.loop:,} studies timed, scaled to "
          f"{args.sims:,}: {t_loop:.0f} s (power on the subsample {hits / args.loop:.3f})")
    print(f"ratio, 1 thread each: {t_loop / t_one:,.0f}x; with {min(cores, 8)} threads: "
          f"{t_loop / t_fast:,.0f}x")
    if args.gpu:
        gpu_sims = 100 * args.sims
        simulate_power(args.n, gen, sims=1_000_000, seed=0, backend="cupy")  # warm up
        t0 = time.perf_counter()
        est_gpu = simulate_power(args.n, gen, sims=gpu_sims, seed=1, backend="cupy")
        t_gpu = time.perf_counter() - t0
        print(f"GPU (CuPy): {gpu_sims:,} studies in {t_gpu:.2f} s "
              f"({gpu_sims / t_gpu:,.0f} studies/s), power {est_gpu.power:.4f}")


if __name__ == "__main__":
    main()
