"""Fixed- and random-effects meta-analysis (as R metafor's rma()).

tau^2 estimators: DerSimonian-Laird ("DL"), restricted maximum likelihood ("REML",
Fisher scoring as metafor), Paule-Mandel ("PM"); "FE" is the fixed-effect model.
``test="knha"`` gives the Hartung-Knapp-Sidik-Jonkman adjustment (t with k - 1 df).
I^2 and H^2 follow metafor's definitions with the "typical" within-study variance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import optimize, stats

from laktasi.errors import InvalidOptionError, LaktasiInputError
from laktasi.stats import ConfidenceInterval
from laktasi.stats.serialise import Serialisable

__all__ = ["HeterogeneityCI", "MetaResult", "heterogeneity_ci", "rma", "tau2_ci"]

METHODS = ("FE", "DL", "REML", "PM")


@dataclass(frozen=True)
class MetaResult(Serialisable):
    estimate: float
    se: float
    statistic: float
    pvalue: float
    ci: ConfidenceInterval
    pi: ConfidenceInterval | None
    tau2: float
    i2: float
    h2: float
    q: float
    q_df: int
    q_pvalue: float
    k: int
    weights: tuple[float, ...]
    method: str
    test: str


def _tau2_dl(y, v):
    w = 1 / v
    mu = (w * y).sum() / w.sum()
    q = (w * (y - mu) ** 2).sum()
    c = w.sum() - (w**2).sum() / w.sum()
    return max(0.0, (q - (len(y) - 1)) / c)


def _tau2_reml(y, v):
    """REML tau^2 as metafor finds it (see ``regression.reml_tau2``)."""
    from .regression import reml_tau2

    return reml_tau2(y, v, np.ones((y.size, 1)))


def _tau2_pm(y, v):
    k = len(y)

    def gen_q(t2):
        w = 1 / (v + t2)
        mu = (w * y).sum() / w.sum()
        return (w * (y - mu) ** 2).sum() - (k - 1)

    if gen_q(0.0) <= 0:
        return 0.0
    hi = max(1.0, 10 * float(np.var(y)))
    while gen_q(hi) > 0:
        hi *= 10
    return float(optimize.brentq(gen_q, 0.0, hi, xtol=1e-14, rtol=1e-14))


def rma(yi: Any, vi: Any, *, method: str = "REML", test: str = "z",
        level: float = 0.95) -> MetaResult:
    """Pool effect sizes ``yi`` with sampling variances ``vi``.

    Examples
    --------
    >>> res = rma([0.5, 0.8, 0.3], [0.04, 0.05, 0.03], method="DL")
    >>> round(res.estimate, 4)
    0.5065
    """
    if method not in METHODS:
        raise InvalidOptionError(f"method={method!r}: choose one of {', '.join(METHODS)}.",
                                 option="method", value=method,
                                 allowed=tuple(METHODS), message_id="option_not_allowed")
    if test not in ("z", "knha"):
        raise InvalidOptionError(f"test={test!r}: choose 'z' or 'knha'.", option="test",
                                 value=test, allowed=("z", "knha"), message_id="option_not_allowed")
    y = np.asarray(yi, float)
    v = np.asarray(vi, float)
    if y.shape != v.shape or y.ndim != 1 or y.size < 2:
        raise LaktasiInputError("yi and vi need the same length, at least 2 studies.",
                                n_yi=int(y.size), n_vi=int(v.size), min_n=2,
                                message_id="meta_yi_vi_shape")
    if not np.all(np.isfinite(y)) or not np.all(np.isfinite(v)) or np.any(v <= 0):
        raise LaktasiInputError("Every yi must be finite and every vi positive.",
                                message_id="meta_yi_vi_invalid")
    k = y.size
    w0 = 1 / v
    mu0 = (w0 * y).sum() / w0.sum()
    q = float((w0 * (y - mu0) ** 2).sum())
    if method == "FE":
        tau2 = 0.0
    elif method == "DL":
        tau2 = _tau2_dl(y, v)
    elif method == "PM":
        tau2 = _tau2_pm(y, v)
    else:
        tau2 = _tau2_reml(y, v)
    w = 1 / (v + tau2)
    est = float((w * y).sum() / w.sum())
    se = math.sqrt(1 / w.sum())
    alpha = 1 - level
    if test == "knha":
        s2 = float((w * (y - est) ** 2).sum() / (k - 1))
        se = se * math.sqrt(s2)
        crit = stats.t.ppf(1 - alpha / 2, k - 1)
        stat = est / se
        p = 2 * float(stats.t.sf(abs(stat), k - 1))
    else:
        crit = stats.norm.ppf(1 - alpha / 2)
        stat = est / se
        p = 2 * float(stats.norm.sf(abs(stat)))
    # I^2 and H^2 with metafor's typical within-study variance
    s2_typ = (k - 1) * w0.sum() / (w0.sum() ** 2 - (w0**2).sum())
    if method == "FE":  # metafor: from Q for the fixed-effect model
        i2 = 100 * max(0.0, (q - (k - 1)) / q) if q > 0 else 0.0
        h2 = q / (k - 1)
    else:
        i2 = 100 * tau2 / (tau2 + s2_typ)
        h2 = (tau2 + s2_typ) / s2_typ
    pi = None
    if method != "FE":
        half = crit * math.sqrt(se**2 + tau2)
        pi = ConfidenceInterval(est - half, est + half, level)
    return MetaResult(est, se, stat, p, ConfidenceInterval(est - crit * se, est + crit * se,
                                                           level),
                      pi, tau2, i2, h2, q, k - 1, float(stats.chi2.sf(q, k - 1)),
                      k, tuple((w / w.sum() * 100).tolist()), method, test)


@dataclass(frozen=True)
class HeterogeneityCI(Serialisable):
    """Q-profile confidence intervals of tau^2, tau, I^2 (%) and H^2 (metafor ``confint``)."""

    tau2: ConfidenceInterval
    tau: ConfidenceInterval
    i2: ConfidenceInterval
    h2: ConfidenceInterval


def heterogeneity_ci(yi: Any, vi: Any, level: float = 0.95) -> HeterogeneityCI:
    """Q-profile CI of tau^2 (Viechtbauer 2007) and the tau, I^2 and H^2 intervals it
    implies (metafor ``confint(rma(...))``; the same for every tau^2 estimator).

    The limits solve Q_gen(tau^2) = the chi-square (k - 1) quantiles; a limit whose
    equation has no root above 0 is 0 (metafor prints it as 0 and warns).
    """
    y = np.asarray(yi, float)
    v = np.asarray(vi, float)
    k = y.size
    if k < 2:
        raise LaktasiInputError("The tau^2 CI needs at least 2 studies.", n=k, min_n=2,
                                message_id="tau2_ci_too_few_studies")
    alpha = 1 - level

    def gen_q(t2: float) -> float:
        w = 1 / (v + t2)
        mu = (w * y).sum() / w.sum()
        return float((w * (y - mu) ** 2).sum())

    def solve(target: float) -> float:
        if gen_q(0.0) < target:
            return 0.0
        hi = max(1.0, 10 * float(np.var(y)))
        while gen_q(hi) > target:
            hi *= 10
        return float(optimize.brentq(lambda t: gen_q(t) - target, 0.0, hi, xtol=1e-15,
                                     rtol=1e-15))

    lo = solve(float(stats.chi2.ppf(1 - alpha / 2, k - 1)))
    hi = solve(float(stats.chi2.ppf(alpha / 2, k - 1)))
    w0 = 1 / v
    s2_typ = (k - 1) * w0.sum() / (w0.sum() ** 2 - (w0**2).sum())
    return HeterogeneityCI(
        ConfidenceInterval(lo, hi, level),
        ConfidenceInterval(math.sqrt(lo), math.sqrt(hi), level),
        ConfidenceInterval(100 * lo / (lo + s2_typ), 100 * hi / (hi + s2_typ), level),
        ConfidenceInterval((lo + s2_typ) / s2_typ, (hi + s2_typ) / s2_typ, level))


def tau2_ci(yi: Any, vi: Any, level: float = 0.95) -> tuple[ConfidenceInterval,
                                                            ConfidenceInterval]:
    """Q-profile CI of tau^2 and the I^2 (%) interval it implies (see
    :func:`heterogeneity_ci`, which also gives tau and H^2)."""
    h = heterogeneity_ci(yi, vi, level)
    return h.tau2, h.i2
