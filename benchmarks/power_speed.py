"""Power-simulation speed against scipy's own vectorised calls, one thread each.

For four tests on the same kind of data (n = 30 pairs or 30 mothers per group, whole
numbers with ties, or yes/no), laktasi's simulate_power (data generation INCLUDED) is
timed against scipy's vectorised call on data drawn beforehand by the same model (data
generation EXCLUDED on scipy's side; calls of 10,000 studies, about scipy's fastest size per
study -- larger arrays cost it more per study):

* Wilcoxon:     scipy.stats.wilcoxon(post, pre, axis=1, zero_method="wilcox",
                correction=False, method="approx")
* Mann-Whitney: scipy.stats.mannwhitneyu(x, y, axis=1, method="asymptotic",
                use_continuity=False)
* paired t:     scipy.stats.ttest_rel(post, pre, axis=1)
* McNemar:      numpy counts of the discordant pairs + scipy.stats.binom.cdf (exact
                binomial p, vectorised)

Each line prints both power estimates with their Monte-Carlo SE and the headline ratio:
scipy's CPU time per study / laktasi's, each the median of 5 runs after a warm-up run (the
spread, min-max, beside it; "worst pairing" is scipy's fastest run against laktasi's
slowest). CPU time, because both run on one thread (BLAS/OpenMP threads set to 1,
laktasi with workers=1) and the machine may be shared. A second line for Wilcoxon
times a Python loop of scipy.stats.wilcoxon. laktasi runs its fused kernels (numba when
installed; the pure-numpy path, which gives the same estimate, is timed too) on one
thread, then on all cores. With CuPy and an NVIDIA GPU, the GPU's studies/second are
printed as well. Run: python benchmarks/power_speed.py [--sims N] [--peer N] [--loop N]

Measured on 30 November 2026 (2 shared cores, two runs; docs/scale.md): Wilcoxon 67x / 69x,
Mann-Whitney 77x / 82x, paired t 61x / 61x, McNemar 94x / 96x (before that day's kernel
changes, same script: 44x / 41x, 42x / 36x, 38x / 37x, 94x / 91x).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # scipy's side on one thread (laktasi: workers=1)

import argparse  # noqa: E402
import math  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
from scipy import stats  # noqa: E402

from laktasi.power import (  # noqa: E402
    binary_pairs,
    integer_counts,
    simulate_power,
    two_group_counts,
)
from laktasi.power._fused import numba_available  # noqa: E402
from laktasi.power.simulate import cupy_available  # noqa: E402

ALPHA = 0.05


def _timed(fn, repeat: int = 5) -> tuple[float, float, float, object]:
    """Median, min and max over ``repeat`` runs (after one warm-up run) in CPU seconds of
    this process: both sides run on one thread, so this is their time per study even on a
    machine shared with other work; the median is what a typical run costs."""
    fn()  # warm-up: compiled code, caches, scipy's first-call set-up
    times, out = [], None
    for _ in range(repeat):
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), min(times), max(times), out


def _mcnemar_peer(pre: np.ndarray, post: np.ndarray) -> np.ndarray:
    b = ((pre == 0) & (post == 1)).sum(axis=1)
    c = ((pre == 1) & (post == 0)).sum(axis=1)
    p = np.minimum(1.0, 2 * stats.binom.cdf(np.minimum(b, c), b + c, 0.5))
    return np.where(b + c > 0, p, 1.0)


CASES = {
    "Wilcoxon": (integer_counts(effect=0.5), "wilcoxon",
                 lambda a, b: stats.wilcoxon(b, a, axis=1, zero_method="wilcox",
                                             correction=False, method="approx").pvalue),
    "Mann-Whitney": (two_group_counts(effect=1.0), "mann-whitney",
                     lambda a, b: stats.mannwhitneyu(a, b, axis=1, method="asymptotic",
                                                     use_continuity=False).pvalue),
    "paired t": (integer_counts(effect=0.5), "paired-t",
                 lambda a, b: stats.ttest_rel(b, a, axis=1).pvalue),
    "McNemar": (binary_pairs(0.3, 0.1), "mcnemar", _mcnemar_peer),
}


def _se(p: float, sims: int) -> float:
    return math.sqrt(p * (1 - p) / sims)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sims", type=int, default=2_000_000, help="laktasi's studies per test")
    ap.add_argument("--peer", type=int, default=200_000, help="scipy's studies per test")
    ap.add_argument("--batch", type=int, default=10_000,
                    help="studies per scipy call (about its fastest size per study)")
    ap.add_argument("--loop", type=int, default=3_000, help="studies in the Python loop")
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per side (median)")
    args = ap.parse_args()
    n, sims = args.n, args.sims
    cores = min(os.cpu_count() or 1, 8)
    engine = "numba" if numba_available() else "numpy (numba not installed)"
    print(f"n = {n}; laktasi {sims:,} studies per test (engine: {engine}), scipy "
          f"{args.peer:,} studies drawn beforehand, in calls of {args.batch:,}; alpha = {ALPHA}; "
          f"CPU time, median (min-max) of {args.repeat} runs after a warm-up, one thread each")
    ratios = {}
    for name, (model, test, peer) in CASES.items():
        simulate_power(n, model, test, sims=20_000, seed=0, workers=1)  # compile
        t_lak, lo_lak, hi_lak, est = _timed(
            lambda m=model, t=test: simulate_power(n, m, t, sims=sims, seed=1, workers=1),
            args.repeat)
        a, b = model(np.random.default_rng(2), args.peer, n)

        def run_peer(pr=peer, a=a, b=b):  # in batches of the size where scipy is fastest
            return np.concatenate([np.asarray(pr(a[i:i + args.batch], b[i:i + args.batch]))
                                   for i in range(0, len(a), args.batch)])
        t_peer, lo_peer, hi_peer, p = _timed(run_peer, args.repeat)
        p_peer = float((p < ALPHA).mean())
        per_lak, per_peer = t_lak / sims * 1e9, t_peer / args.peer * 1e9
        z = (est.power - p_peer) / math.hypot(est.se, _se(p_peer, args.peer))
        ratios[name] = per_peer / per_lak
        print(f"{name:12s} laktasi {per_lak:6.1f} ns/study ({lo_lak / sims * 1e9:.1f}-"
              f"{hi_lak / sims * 1e9:.1f}), power {est.power:.4f} ± {est.se:.4f} | scipy "
              f"vectorised {per_peer:7.1f} ns/study ({lo_peer / args.peer * 1e9:.0f}-"
              f"{hi_peer / args.peer * 1e9:.0f}), power {p_peer:.4f} ± "
              f"{_se(p_peer, args.peer):.4f} (difference {z:+.1f} SE) | ratio "
              f"{per_peer / per_lak:,.0f}x (worst pairing "
              f"{lo_peer / args.peer / (hi_lak / sims):,.0f}x)")
        if name == "Wilcoxon":
            one_thread = est
            small = (a[:args.loop], b[:args.loop])
            t0 = time.process_time()
            for x, y in zip(*small, strict=True):
                if np.any(x != y):
                    stats.wilcoxon(y, x, zero_method="wilcox", correction=False,
                                   method="approx")
            per_loop = (time.process_time() - t0) / args.loop * 1e9
            print(f"{'':12s} (second line) a Python loop of scipy.stats.wilcoxon: "
                  f"{per_loop:,.0f} ns/study, ratio {per_loop / per_lak:,.0f}x")
    print("headline ratios (median CPU time per study, scipy / laktasi): "
          + ", ".join(f"{k} {v:,.0f}x" for k, v in ratios.items()))
    print()
    model, test, _ = CASES["Wilcoxon"]
    os.environ["LAKTASI_NO_NUMBA"] = "1"
    from laktasi.power import _fused

    _fused._NUMBA = None  # the pure-numpy path, same seed
    t_np, _, _, est_np = _timed(lambda: simulate_power(n, model, test, sims=sims // 4, seed=1,
                                                       workers=1), repeat=1)
    del os.environ["LAKTASI_NO_NUMBA"]
    _fused._NUMBA = None
    est_nb = simulate_power(n, model, test, sims=sims // 4, seed=1, workers=1)
    t0 = time.perf_counter()
    est_all = simulate_power(n, model, test, sims=sims, seed=1)
    t_all = time.perf_counter() - t0
    print(f"Wilcoxon, pure-numpy path (no numba): {t_np / (sims // 4) * 1e9:.1f} ns/study, "
          f"estimate {'identical to' if est_np == est_nb else 'DIFFERENT from'} numba's "
          f"({est_np.power:.5f})")
    print(f"Wilcoxon, {cores} threads: {sims / t_all:,.0f} studies/s wall-clock (estimate "
          f"{'identical to' if est_all == one_thread else 'DIFFERENT from'} one thread's)")
    if cupy_available():
        for name, (model, test, _) in CASES.items():
            gpu_sims = 100 * sims
            simulate_power(n, model, test, sims=sims, seed=0, backend="cupy")  # warm up
            t0 = time.perf_counter()
            est_gpu = simulate_power(n, model, test, sims=gpu_sims, seed=1, backend="cupy")
            t_gpu = time.perf_counter() - t0
            print(f"GPU (CuPy) {name}: {gpu_sims:,} studies in {t_gpu:.2f} s "
                  f"({gpu_sims / t_gpu:,.0f} studies/s), power {est_gpu.power:.5f}")
    else:
        print("GPU: no CuPy or no NVIDIA GPU here; the GPU lines are printed where one is.")


if __name__ == "__main__":
    main()
