"""Leave-one-out, subgroups and Egger's regression test (as metafor's leave1out, separate
subgroup models compared by a fixed-effect Q between them, and regtest(model = "lm"))."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from laktasi.errors import LaktasiInputError
from laktasi.stats._results import _Serialisable

from .models import MetaResult, rma

__all__ = ["EggerResult", "SubgroupResult", "egger_test", "leave_one_out", "subgroups"]


def leave_one_out(yi: Sequence[float], vi: Sequence[float], **kwargs: Any
                  ) -> list[MetaResult]:
    """The pooled result with each study left out in turn (needs at least 3 studies)."""
    y, v = list(yi), list(vi)
    if len(y) < 3:
        raise LaktasiInputError("Leave-one-out needs at least 3 studies.")
    return [rma(y[:i] + y[i + 1:], v[:i] + v[i + 1:], **kwargs) for i in range(len(y))]


@dataclass(frozen=True)
class SubgroupResult(_Serialisable):
    groups: dict[str, MetaResult]
    q_between: float
    df: int
    pvalue: float


def subgroups(yi: Sequence[float], vi: Sequence[float], labels: Sequence[str], **kwargs: Any
              ) -> SubgroupResult:
    """A model per subgroup (e.g. design) and the test that the subgroup estimates differ."""
    groups: dict[str, MetaResult] = {}
    for g in dict.fromkeys(labels):
        idx = [i for i, lab in enumerate(labels) if lab == g]
        if len(idx) < 2:
            raise LaktasiInputError(f"Subgroup {g!r} has {len(idx)} study; each needs >= 2.")
        groups[g] = rma([yi[i] for i in idx], [vi[i] for i in idx], **kwargs)
    est = np.array([r.estimate for r in groups.values()])
    w = 1 / np.array([r.se**2 for r in groups.values()])
    mu = (w * est).sum() / w.sum()
    q = float((w * (est - mu) ** 2).sum())
    df = len(groups) - 1
    return SubgroupResult(groups, q, df, float(stats.chi2.sf(q, df)))


@dataclass(frozen=True)
class EggerResult(_Serialisable):
    statistic: float
    df: int
    pvalue: float
    intercept: float
    method: str


def egger_test(yi: Sequence[float], vi: Sequence[float]) -> EggerResult:
    """Egger's regression test: weighted least squares of yi on its SE (weights 1/vi); the
    t test of the slope on SE (metafor ``regtest(fit, model = "lm")``)."""
    y, v = np.asarray(yi, float), np.asarray(vi, float)
    k = y.size
    if k < 3:
        raise LaktasiInputError("Egger's test needs at least 3 studies.")
    se = np.sqrt(v)
    x = np.column_stack([np.ones(k), se])
    w = 1 / v
    xtw = x.T * w
    beta = np.linalg.solve(xtw @ x, xtw @ y)
    resid = y - x @ beta
    sigma2 = float((w * resid**2).sum() / (k - 2))
    cov = sigma2 * np.linalg.inv(xtw @ x)
    t = float(beta[1] / math.sqrt(cov[1, 1]))
    return EggerResult(t, k - 2, 2 * float(stats.t.sf(abs(t), k - 2)), float(beta[0]),
                       "weighted regression of yi on SE (Egger 1997; metafor regtest, lm)")
