"""Leave-one-out, subgroups, Egger's regression test and the sensitivity of the pooled
result to the assumed pre-post correlation.

As metafor: ``leave1out``; subgroups as separate models compared by a fixed-effect Q
between them *and* the moderator test QM of ``rma(yi, vi, mods = ~ factor(group))`` (one
common tau^2); Egger's test as ``regtest(fit, model = "lm")`` (classical Egger, t test) or
``regtest(fit)`` (metafor's default: SE as moderator in the random-effects model).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import stats

from laktasi.errors import InvalidOptionError, LaktasiInputError
from laktasi.stats.serialise import Serialisable

from .models import MetaResult, rma
from .regression import MetaRegression, meta_regression

__all__ = ["CorrelationSensitivity", "EggerResult", "SubgroupResult", "egger_test",
           "leave_one_out", "over_correlation", "subgroups"]


def leave_one_out(yi: Sequence[float], vi: Sequence[float], **kwargs: Any
                  ) -> list[MetaResult]:
    """The pooled result with each study left out in turn (needs at least 3 studies)."""
    y, v = list(yi), list(vi)
    if len(y) < 3:
        raise LaktasiInputError("Leave-one-out needs at least 3 studies.", n=len(y), min_n=3,
                                message_id="leave_one_out_too_few")
    return [rma(y[:i] + y[i + 1:], v[:i] + v[i + 1:], **kwargs) for i in range(len(y))]


@dataclass(frozen=True)
class SubgroupResult(Serialisable):
    """``groups``: a separate model per subgroup (its own tau^2); ``q_between``: the
    fixed-effect Q between their estimates (``df``, ``pvalue``); ``moderator``: the
    meta-regression on the subgroup (one common tau^2) whose QM tests the difference, and
    ``moderator_groups``: each subgroup's estimate, SE under that model."""

    groups: dict[str, MetaResult]
    q_between: float
    df: int
    pvalue: float
    moderator: MetaRegression | None = None
    moderator_groups: dict[str, tuple[float, float]] | None = None


def subgroups(yi: Sequence[float], vi: Sequence[float], labels: Sequence[str], *,
              method: str = "REML", test: str = "z") -> SubgroupResult:
    """A model per subgroup (e.g. design) and the tests that the subgroup estimates differ.

    Subgroups keep their first-seen order; the first is the moderator's reference level.
    """
    if len(labels) != len(yi) or len(vi) != len(yi):
        raise LaktasiInputError(f"Subgroups: {len(yi)} effects, {len(vi)} variances and "
                                f"{len(labels)} labels; all must be equal.", n_effects=len(yi),
                                n_variances=len(vi), n_labels=len(labels),
                                message_id="subgroup_lengths_differ")
    groups: dict[str, MetaResult] = {}
    levels = list(dict.fromkeys(labels))
    if len(levels) < 2:
        raise LaktasiInputError("Subgroups need at least 2 different groups.", n=len(levels),
                                min_n=2, message_id="subgroups_too_few")
    for g in levels:
        idx = [i for i, lab in enumerate(labels) if lab == g]
        if len(idx) < 2:
            raise LaktasiInputError(f"Subgroup {g!r} has {len(idx)} study; each needs >= 2.",
                                    value=g, n=len(idx), min_n=2,
                                    message_id="subgroup_too_small")
        groups[g] = rma([yi[i] for i in idx], [vi[i] for i in idx], method=method, test=test)
    est = np.array([r.estimate for r in groups.values()])
    w = 1 / np.array([r.se**2 for r in groups.values()])
    mu = (w * est).sum() / w.sum()
    q = float((w * (est - mu) ** 2).sum())
    df = len(groups) - 1
    moderator, per_group = None, None
    x = np.column_stack([np.ones(len(labels))]
                        + [[1.0 if lab == g else 0.0 for lab in labels] for g in levels[1:]])
    if len(labels) > x.shape[1]:
        moderator, beta, vb = meta_regression(yi, vi, x, ["intercept", *levels[1:]],
                                              method=method, test=test)
        per_group = {}
        for j, g in enumerate(levels):
            c = np.zeros(len(levels))
            c[0] = 1.0
            if j:
                c[j] = 1.0
            per_group[g] = (float(c @ beta), float(math.sqrt(c @ vb @ c)))
    return SubgroupResult(groups, q, df, float(stats.chi2.sf(q, df)), moderator, per_group)


@dataclass(frozen=True)
class EggerResult(Serialisable):
    statistic: float
    df: int | None
    pvalue: float
    intercept: float
    method: str


def egger_test(yi: Sequence[float], vi: Sequence[float], *, model: str = "lm",
               method: str = "REML", test: str = "z") -> EggerResult:
    """Egger's regression test for funnel-plot asymmetry.

    ``model="lm"``: weighted least squares of yi on its SE (weights 1/vi), t test of the
    slope with k - 2 df (Egger 1997; metafor ``regtest(fit, model = "lm")``).
    ``model="rma"``: the SE as moderator in a meta-regression with the tau^2 ``method``
    (metafor's default ``regtest(fit)``; z test, or t with k - 2 df when ``test="knha"``).
    ``intercept`` is the regression's intercept (the "limit estimate" for ``"rma"``).
    """
    y, v = np.asarray(yi, float), np.asarray(vi, float)
    k = y.size
    if k < 3:
        raise LaktasiInputError("Egger's test needs at least 3 studies.", n=k, min_n=3,
                                message_id="egger_too_few")
    se = np.sqrt(v)
    x = np.column_stack([np.ones(k), se])
    if model == "rma":
        reg, _, _ = meta_regression(y, v, x, ["intercept", "sei"], method=method, test=test)
        df = k - 2 if test == "knha" else None
        return EggerResult(reg.statistics[1], df, reg.pvalues[1], reg.coefficients[0],
                           f"SE as moderator in rma (method {method}, test {test}); "
                           "metafor regtest(fit)")
    if model != "lm":
        raise InvalidOptionError(f"model={model!r}: choose 'lm' or 'rma'.", option="model",
                                 value=model, allowed=("lm", "rma"), message_id="option_not_allowed")
    w = 1 / v
    xtw = x.T * w
    beta = np.linalg.solve(xtw @ x, xtw @ y)
    resid = y - x @ beta
    sigma2 = float((w * resid**2).sum() / (k - 2))
    cov = sigma2 * np.linalg.inv(xtw @ x)
    t = float(beta[1] / math.sqrt(cov[1, 1]))
    return EggerResult(t, k - 2, 2 * float(stats.t.sf(abs(t), k - 2)), float(beta[0]),
                       "weighted regression of yi on SE (Egger 1997; metafor regtest, lm)")


@dataclass(frozen=True)
class CorrelationSensitivity(Serialisable):
    """The pooled result for each assumed pre-post correlation ``r`` (every study with a
    paired measure gets that r; other studies are unchanged)."""

    r: tuple[float, ...]
    results: tuple[MetaResult, ...]
    yi: tuple[tuple[float, ...], ...]
    vi: tuple[tuple[float, ...], ...]


def over_correlation(studies: Sequence[dict[str, Any]], rs: Sequence[float] = (0.3, 0.5, 0.7),
                     *, method: str = "REML", test: str = "z") -> CorrelationSensitivity:
    """Recompute every effect that depends on the assumed pre-post r (SMCR, SMCC, MC) with
    each r in ``rs`` and pool again (rows as returned by ``read_studies``)."""
    from .inputs import R_MEASURES, effect_for

    if not any(str(s.get("measure", "")).upper() in R_MEASURES for s in studies):
        raise LaktasiInputError("No study uses a pre-post correlation (SMCR, SMCC or MC): "
                                "nothing to vary.", message_id="no_prepost_correlation")
    results, ys, vs = [], [], []
    for r in rs:
        effs = [effect_for(s, r=r, where=f"study {i}", number=i) if str(s.get("measure", "")).upper()
                in R_MEASURES else None for i, s in enumerate(studies, start=1)]
        y = tuple(e.yi if e else float(s["yi"]) for e, s in zip(effs, studies, strict=True))
        v = tuple(e.vi if e else float(s["vi"]) for e, s in zip(effs, studies, strict=True))
        results.append(rma(y, v, method=method, test=test))
        ys.append(y)
        vs.append(v)
    return CorrelationSensitivity(tuple(float(r) for r in rs), tuple(results), tuple(ys),
                                  tuple(vs))
