"""Meta-regression (as R metafor's ``rma(yi, vi, mods = ..., method = ..., test = ...)``).

Used for the subgroup moderator test (a categorical moderator: QM with a common tau^2) and
for Egger's test in metafor's default form (``regtest(fit)``: the SE as the moderator).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize, stats

from laktasi.errors import InvalidOptionError, LaktasiInputError
from laktasi.stats.serialise import Serialisable

__all__ = ["MetaRegression", "meta_regression", "reml_tau2", "tau2_with_moderators"]


def _wls(y: np.ndarray, v: np.ndarray, x: np.ndarray, t2: float):
    w = 1 / (v + t2)
    xtw = x.T * w
    beta = np.linalg.solve(xtw @ x, xtw @ y)
    return beta, w, xtw


def _trace_p(v: np.ndarray, x: np.ndarray, t2: float) -> float:
    _beta, w, xtw = _wls(np.zeros(v.size), v, x, t2)
    return float(w.sum() - np.trace(np.linalg.solve(xtw @ x, (x.T * w**2) @ x)))


def _reml_parts(y: np.ndarray, v: np.ndarray, x: np.ndarray, t2: float):
    w = 1 / (v + t2)
    xtw = x.T * w
    pmat = np.diag(w) - (w[:, None] * x) @ np.linalg.solve(xtw @ x, xtw)
    return pmat, pmat @ y


def _reml_loglik(y: np.ndarray, v: np.ndarray, x: np.ndarray, t2: float) -> float:
    """The restricted log-likelihood without its constant."""
    w = 1 / (v + t2)
    xtw = x.T * w
    beta = np.linalg.solve(xtw @ x, xtw @ y)
    rss = float((w * (y - x @ beta) ** 2).sum())
    return float(-0.5 * np.log(v + t2).sum() - 0.5 * np.linalg.slogdet(xtw @ x)[1] - 0.5 * rss)


def reml_tau2(y: np.ndarray, v: np.ndarray, x: np.ndarray) -> float:
    """REML tau^2 as metafor finds it: Fisher scoring from the Hedges (HE) start
    max(0, (RSS_ols - tr(P_ols V)) / (k - p)), the local maximum it reaches solved exactly
    (the root of the restricted score y'PPy - tr(P) in that basin), then metafor's check
    that the likelihood at tau^2 = 0 is not higher (``ll0check``, tolerance eps^(1/4)).
    The restricted likelihood can have two maxima; metafor reports the one its iterations
    reach, and so does this function.
    """
    k, p = x.shape
    p_ols = np.eye(k) - x @ np.linalg.solve(x.T @ x, x.T)
    t2 = max(0.0, float((y @ p_ols @ y - np.trace(p_ols * v)) / (k - p)))
    for _ in range(10_000):  # metafor's Fisher scoring (stepadj 1)
        pmat, py = _reml_parts(y, v, x, t2)
        adj = float((py @ py - np.trace(pmat)) / np.trace(pmat @ pmat))
        while t2 + adj < 0:
            adj /= 2
        t2, old = t2 + adj, t2
        if abs(t2 - old) <= 1e-10 * max(1.0, t2):
            break

    def score(t: float) -> float:
        pmat, py = _reml_parts(y, v, x, t)
        return float(py @ py - np.trace(pmat))

    s2 = score(t2) if t2 > 0 else 0.0
    step = max(t2 * 1e-6, 1e-12)
    if s2 > 0:  # polish: bracket the root the iterations approached and solve it
        hi = t2 + step
        while score(hi) > 0:
            step *= 4
            hi = t2 + step
        t2 = float(optimize.brentq(score, t2, hi, xtol=1e-15, rtol=1e-15, maxiter=1000))
    elif s2 < 0:
        lo = max(0.0, t2 - step)
        while score(lo) < 0 and lo > 0:
            step *= 4
            lo = max(0.0, t2 - step)
        t2 = 0.0 if score(lo) <= 0 else float(
            optimize.brentq(score, lo, t2, xtol=1e-15, rtol=1e-15, maxiter=1000))
    if t2 > 0 and _reml_loglik(y, v, x, 0.0) - _reml_loglik(y, v, x, t2) > np.finfo(float).eps ** 0.25:
        t2 = 0.0
    return t2


def tau2_with_moderators(y: np.ndarray, v: np.ndarray, x: np.ndarray, method: str) -> float:
    """Residual tau^2 of a meta-regression on the design matrix ``x`` (FE, DL, REML, PM)."""
    k, p = x.shape
    if method == "FE":
        return 0.0
    if method == "DL":
        beta, w, _ = _wls(y, v, x, 0.0)
        q = float((w * (y - x @ beta) ** 2).sum())
        return max(0.0, (q - (k - p)) / _trace_p(v, x, 0.0))
    if method == "REML":
        return reml_tau2(y, v, x)

    def pm_eq(t2: float) -> float:  # generalised Q = k - p (decreasing in tau^2)
        beta, w, _ = _wls(y, v, x, t2)
        return float((w * (y - x @ beta) ** 2).sum() - (k - p))

    if pm_eq(0.0) <= 0:
        return 0.0
    hi = max(1.0, 10 * float(np.var(y)))
    while pm_eq(hi) > 0:
        hi *= 10
    return float(optimize.brentq(pm_eq, 0.0, hi, xtol=1e-15, rtol=1e-15, maxiter=1000))


@dataclass(frozen=True)
class MetaRegression(Serialisable):
    """Coefficients (intercept first), their SEs, the omnibus test of the moderators
    (QM: chi-square with ``qm_df`` df, or F with (qm_df, df_resid) df under Knapp-Hartung),
    the residual heterogeneity (QE with k - p df, tau^2, I^2, H^2) and R^2 (%)."""

    names: tuple[str, ...]
    coefficients: tuple[float, ...]
    se: tuple[float, ...]
    statistics: tuple[float, ...]
    pvalues: tuple[float, ...]
    qm: float
    qm_df: int
    qm_pvalue: float
    qe: float
    qe_df: int
    qe_pvalue: float
    tau2: float
    i2: float
    h2: float
    r2: float | None
    k: int
    method: str
    test: str


def meta_regression(yi: Sequence[float], vi: Sequence[float], x: np.ndarray,
                    names: Sequence[str], *, method: str = "REML", test: str = "z"
                    ) -> tuple[MetaRegression, np.ndarray, np.ndarray]:
    """Fit ``x`` (k x p, first column the intercept); returns the result, the coefficient
    vector and its covariance matrix (for contrasts such as subgroup means)."""
    if method not in ("FE", "DL", "REML", "PM"):
        raise InvalidOptionError(f"method={method!r}: choose one of FE, DL, REML, PM.",
                                 option="method", value=method,
                                 allowed=("FE", "DL", "REML", "PM"), message_id="option_not_allowed")
    if test not in ("z", "knha"):
        raise InvalidOptionError(f"test={test!r}: choose 'z' or 'knha'.", option="test",
                                 value=test, allowed=("z", "knha"), message_id="option_not_allowed")
    y, v = np.asarray(yi, float), np.asarray(vi, float)
    x = np.asarray(x, float)
    k, p = x.shape
    if k <= p:
        raise LaktasiInputError(f"A meta-regression with {p} coefficients needs more than {p} "
                                f"studies (got {k}).", coefficients=p, n=k,
                                message_id="meta_regression_too_few")
    if np.linalg.matrix_rank(x) < p:
        raise LaktasiInputError("The moderators are collinear (a subgroup may be empty).",
                                message_id="moderators_collinear")
    tau2 = tau2_with_moderators(y, v, x, method)
    beta, w, xtw = _wls(y, v, x, tau2)
    vb = np.linalg.inv(xtw @ x)
    df_resid = k - p
    if test == "knha":
        s2w = float((w * (y - x @ beta) ** 2).sum() / df_resid)
        vb = vb * s2w
    se = np.sqrt(np.diag(vb))
    zs = beta / se
    m = p - 1
    if test == "knha":
        pv = 2 * stats.t.sf(np.abs(zs), df_resid)
        qm = float(beta[1:] @ np.linalg.solve(vb[1:, 1:], beta[1:]) / m) if m else float("nan")
        qm_p = float(stats.f.sf(qm, m, df_resid)) if m else float("nan")
    else:
        pv = 2 * stats.norm.sf(np.abs(zs))
        qm = float(beta[1:] @ np.linalg.solve(vb[1:, 1:], beta[1:])) if m else float("nan")
        qm_p = float(stats.chi2.sf(qm, m)) if m else float("nan")
    b0, w0, _ = _wls(y, v, x, 0.0)
    qe = float((w0 * (y - x @ b0) ** 2).sum())
    vt = df_resid / _trace_p(v, x, 0.0)
    r2 = None
    if method != "FE":
        ones = np.ones((k, 1))
        tau2_f = tau2_with_moderators(y, v, ones, method)
        r2 = max(0.0, 100 * (tau2_f - tau2) / tau2_f) if tau2_f > 0 else 0.0
    if method == "FE":
        i2 = 100 * max(0.0, (qe - df_resid) / qe) if qe > 0 else 0.0
        h2 = qe / df_resid
    else:
        i2 = 100 * tau2 / (vt + tau2)
        h2 = tau2 / vt + 1
    res = MetaRegression(tuple(names), tuple(beta.tolist()), tuple(se.tolist()),
                         tuple(zs.tolist()), tuple(np.asarray(pv).tolist()), qm, m, qm_p, qe,
                         df_resid, float(stats.chi2.sf(qe, df_resid)), tau2, i2, h2, r2, k,
                         method, test)
    return res, beta, vb
