"""Trim-and-fill (Duval & Tweedie 2000), as R metafor's trimfill() with the L0 estimator.

The side to fill is chosen as metafor does: from the sign of the slope of the effects on
their standard errors in a meta-regression fitted with the same tau^2 method.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from laktasi.errors import LaktasiInputError
from laktasi.stats.serialise import Serialisable

from .models import MetaResult, rma
from .regression import tau2_with_moderators

__all__ = ["TrimFillResult", "trim_and_fill"]


@dataclass(frozen=True)
class TrimFillResult(Serialisable):
    k0: int
    se_k0: float
    side: str
    result: MetaResult
    filled_yi: tuple[float, ...]
    filled_vi: tuple[float, ...]


def _wls(y, v, x, t2):
    w = 1 / (v + t2)
    xtw = x.T * w
    beta = np.linalg.solve(xtw @ x, xtw @ y)
    return beta, w, xtw


def trim_and_fill(yi: Sequence[float], vi: Sequence[float], *, method: str = "REML",
                  side: str | None = None, maxiter: int = 100, test: str = "z"
                  ) -> TrimFillResult:
    """Estimate the number of missing studies (L0) and pool with them filled in; the filled
    model uses ``test`` ("z", or "knha" for Hartung-Knapp-Sidik-Jonkman) as metafor's
    ``trimfill`` refits a model with the test it was fitted with."""
    y0, v0 = np.asarray(yi, float), np.asarray(vi, float)
    k = y0.size
    if k < 3:
        raise LaktasiInputError("Trim-and-fill needs at least 3 studies.", n=k, min_n=3,
                                message_id="trimfill_too_few")
    if side is None:
        x = np.column_stack([np.ones(k), np.sqrt(v0)])
        beta, _, _ = _wls(y0, v0, x, tau2_with_moderators(y0, v0, x, method))
        side = "right" if beta[1] < 0 else "left"
    y = -y0 if side == "right" else y0.copy()
    order = np.argsort(y, kind="stable")
    y, v = y[order], v0[order]
    k0, k0_prev, it = 0, -1, 0
    se_k0 = 0.0
    while k0 != k0_prev:
        k0_prev = k0
        it += 1
        if it > maxiter:
            raise LaktasiInputError("Trim and fill did not converge.", iterations=maxiter,
                                message_id="trimfill_not_converged")
        kept = k - k0
        beta = rma(y[:kept], v[:kept], method=method).estimate if kept >= 2 else float(y[0])
        centred = y - beta
        ranks = np.empty(k)
        ranks[np.argsort(np.abs(centred), kind="stable")] = np.arange(1, k + 1)
        s_r = float(ranks[centred > 0].sum())
        est = (4 * s_r - k * (k + 1)) / (2 * k - 1)
        var_sr = (k * (k + 1) * (2 * k + 1) + 10 * est**3 + 27 * est**2 + 17 * est
                  - 18 * k * est**2 - 18 * k * est + 6 * k**2 * est) / 24
        se_k0 = max(0.0, 4 * np.sqrt(max(var_sr, 0.0)) / (2 * k - 1))
        k0 = max(0, int(np.floor(est + 0.5)) if est >= 0 else 0)
    if k0 > 0:
        mirrored = 2 * beta - y[k - k0:]  # the largest effects mirrored around the estimate
        fill_y = mirrored if side == "left" else -mirrored
        all_y = np.concatenate([y0, fill_y])
        all_v = np.concatenate([v0, v[k - k0:]])
        result = rma(all_y, all_v, method=method, test=test)
        return TrimFillResult(k0, se_k0, side, result, tuple(fill_y.tolist()),
                              tuple(v[k - k0:].tolist()))
    return TrimFillResult(0, se_k0, side, rma(y0, v0, method=method, test=test), (), ())
