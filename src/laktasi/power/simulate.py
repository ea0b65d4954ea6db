"""Monte-Carlo power for design x test, vectorised over simulated studies.

Each simulated study is analysed with laktasi's own conventions (the p-value
:mod:`laktasi.stats` prints on that dataset; see :mod:`laktasi.power._kernels`), and a
study counts as significant when p < alpha. Results are reproducible: the same ``seed``
and ``chunk`` give the same estimate on every machine (numpy ``Generator``, PCG64).
The core is silent; a caller may pass ``progress`` (the CLI draws a Rich bar with it).

Tests by design:

* one group, pre/post (``(pre, post)`` models): ``"wilcoxon"`` (asymptotic,
  tie-corrected, as SPSS), ``"paired-t"``, ``"mcnemar"`` (exact binomial, laktasi's
  ``pvalue``), ``"mcnemar-spss"`` (binomial below 25 changes, else corrected chi-square);
* two groups: ``"mann-whitney"``, ``"two-sample-t"`` (Student), ``"welch-t"``,
  ``"two-sample-t-auto"`` (Student unless Levene's p < .05), ``"chi-square"``
  (Pearson), ``"chi-square-corrected"``, ``"fisher"``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

import numpy as np

from laktasi.errors import InvalidOptionError, LaktasiInputError
from laktasi.stats.serialise import Serialisable

from . import _kernels as k
from ._fused import fused_hits, plan_for
from .generators import DESIGNS

__all__ = ["PAIRED_TESTS", "TWO_GROUP_TESTS", "PowerEstimate", "cupy_available",
           "power_curve", "simulate_power", "simulate_wilcoxon_power"]

PAIRED_TESTS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "wilcoxon": k.signed_rank_pvalues,
    "paired-t": k.paired_t_pvalues,
    "mcnemar": partial(k.mcnemar_study_pvalues, test="exact"),
    "mcnemar-spss": partial(k.mcnemar_study_pvalues, test="spss"),
}
TWO_GROUP_TESTS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "mann-whitney": k.rank_sum_pvalues,
    "two-sample-t": partial(k.independent_t_pvalues, equal_var=True),
    "welch-t": partial(k.independent_t_pvalues, equal_var=False),
    "two-sample-t-auto": partial(k.independent_t_pvalues, equal_var="auto"),
    "chi-square": partial(k.two_by_two_pvalues, test="chi-square"),
    "chi-square-corrected": partial(k.two_by_two_pvalues, test="chi-square-corrected"),
    "fisher": partial(k.two_by_two_pvalues, test="fisher"),
}
_BINARY_TESTS = ("mcnemar", "mcnemar-spss", "chi-square", "chi-square-corrected", "fisher")
BACKENDS = ("numpy", "cupy")

Model = Callable[[np.random.Generator, int, int], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class PowerEstimate(Serialisable):
    """Simulated power: the share of ``sims`` studies with p < ``alpha``, and its
    Monte-Carlo standard error sqrt(power (1 - power) / sims)."""

    power: float
    se: float
    n: int
    sims: int
    alpha: float
    seed: int
    method: str
    test: str = ""
    model: str = ""
    backend: str = "numpy"


def cupy_available() -> bool:
    """True when CuPy imports and sees a CUDA device (the optional GPU backend)."""
    try:
        import cupy
    except Exception:
        return False
    try:
        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:
        return False


def _pvalue_function(test: str, model: Model) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    tests = PAIRED_TESTS | TWO_GROUP_TESTS
    if test not in tests:
        raise InvalidOptionError(f"test={test!r}: choose one of {', '.join(tests)}.",
                                 option="test", value=test, allowed=tuple(tests),
                                 message_id="option_not_allowed")
    design = getattr(model, "design", None)
    if design is not None:
        wanted = DESIGNS[0] if test in PAIRED_TESTS else DESIGNS[1]
        if design != wanted:
            raise LaktasiInputError(
                f"test={test!r} analyses a {wanted} design, but the data model "
                f"{getattr(model, 'name', '')!r} draws a {design} design.",
                test=test, design=design, wanted=wanted, model=getattr(model, "name", ""),
                message_id="test_design_mismatch")
        if (test in _BINARY_TESTS) != (getattr(model, "name", "") == "binary"):
            raise LaktasiInputError(
                f"test={test!r} and the data model {getattr(model, 'name', '')!r} do not fit: "
                "McNemar, chi-square and Fisher need binary (0/1) outcomes, and binary "
                "outcomes need one of them.", test=test,
                model=getattr(model, "name", ""), message_id="test_model_mismatch")
    return tests[test]


def simulate_power(n: int, model: Model, test: str = "wilcoxon", *, sims: int = 10_000,
                   alpha: float = 0.05, seed: int = 0, chunk: int = 25_000,
                   progress: Callable[[int], None] | None = None,
                   backend: str = "numpy", workers: int | None = None) -> PowerEstimate:
    """Power of ``test`` with ``n`` pairs (one group) or ``n`` mothers per group (two
    groups) for data drawn from ``model``, by simulating ``sims`` studies.

    Whole-number and yes/no models with their usual tests (``integer_counts`` with
    Wilcoxon or paired t, ``two_group_counts`` with Mann-Whitney, ``binary_pairs`` with
    McNemar, ``binary_groups`` with the 2 x 2 tests) are simulated fused
    (:mod:`laktasi.power._fused`): each study is drawn and tested in one pass from a
    counter-based stream, compiled with numba when it is installed, else with numpy --
    the same estimate either way, and whatever ``chunk`` and ``workers``. Other models
    are drawn with numpy's generator in chunks of ``chunk``, each with its own stream
    spawned from ``seed``. Both run on ``workers`` threads (default: the CPU cores, at
    most 8); the estimate does not depend on the number of threads.

    ``backend="cupy"`` runs the fused models on an NVIDIA GPU when CuPy is installed (see
    :mod:`laktasi.power._gpu`): the same counters, so the same estimate as on the CPU.

    Examples
    --------
    >>> from laktasi.power import integer_counts
    >>> est = simulate_power(20, integer_counts(effect=1.0), "wilcoxon", sims=2_000, seed=1)
    >>> est.power, round(est.se, 4)
    (0.776, 0.0093)
    """
    if backend not in BACKENDS:
        raise InvalidOptionError(f"backend={backend!r}: choose one of {', '.join(BACKENDS)}.",
                                 option="backend", value=backend, allowed=BACKENDS,
                                 message_id="option_not_allowed")
    pvalues = _pvalue_function(test, model)
    if n < 2 or sims < 1 or chunk < 1:
        raise LaktasiInputError(f"n = {n}, sims = {sims}, chunk = {chunk}: need n >= 2, "
                                "sims >= 1 and chunk >= 1.", n=n, sims=sims,
                                chunk=chunk, message_id="simulation_sizes")
    if not 0 < alpha < 1:
        raise LaktasiInputError(f"alpha = {alpha} must lie between 0 and 1.", alpha=alpha,
                                message_id="alpha_range")
    name = getattr(model, "name", "custom")
    method = f"Monte Carlo, {test} (two-sided, p as laktasi.stats), {name} data"
    fused = getattr(model, "fused", None)
    plan = plan_for(fused, test, n, alpha) if fused is not None else None
    if backend == "cupy":
        from ._gpu import simulate_fused_gpu

        hits = simulate_fused_gpu(plan, sims=sims, seed=seed, progress=progress)
    elif plan is not None:
        hits = fused_hits(plan, sims, seed, workers=workers, block=chunk, progress=progress)
    else:
        sizes = [min(chunk, sims - start) for start in range(0, sims, chunk)]
        # one random stream per chunk (spawned from the seed): the result does not depend
        # on how many threads ran the chunks
        streams = np.random.SeedSequence(seed).spawn(len(sizes))

        def run(job: tuple[int, np.random.SeedSequence]) -> int:
            size, stream = job
            a, b = model(np.random.default_rng(stream), size, n)
            return int((pvalues(a, b) < alpha).sum())

        hits = done = 0
        threads = max(1, min(workers or os.cpu_count() or 1, len(sizes), 8))
        with ThreadPoolExecutor(threads) as pool:  # numpy releases the GIL in the kernels
            for size, h in zip(sizes, pool.map(run, zip(sizes, streams, strict=True)),
                               strict=True):
                hits += h
                done += size
                if progress is not None:
                    progress(done)
    power = hits / sims
    return PowerEstimate(power, float(np.sqrt(power * (1 - power) / sims)), n, sims, alpha,
                         seed, method, test, name, backend)


def simulate_wilcoxon_power(n: int, model: Model, **kwargs) -> PowerEstimate:
    """Power of the Wilcoxon signed-rank test (asymptotic, as SPSS) by simulation."""
    return simulate_power(n, model, "wilcoxon", **kwargs)


def power_curve(ns: Sequence[int], model: Model, test: str = "wilcoxon", *,
                sims: int = 10_000, alpha: float = 0.05, seed: int = 0,
                progress: Callable[[int], None] | None = None,
                backend: str = "numpy") -> list[PowerEstimate]:
    """Simulated power at each sample size (the same seed for every n, so the curve is
    smooth). ``progress`` receives the number of studies done over the whole curve."""
    out = []
    for i, n in enumerate(ns):
        tick = None if progress is None else (lambda done, i=i: progress(i * sims + done))
        out.append(simulate_power(int(n), model, test, sims=sims, alpha=alpha, seed=seed,
                                  progress=tick, backend=backend))
    return out
