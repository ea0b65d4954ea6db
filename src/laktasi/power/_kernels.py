"""p-values of many simulated studies at once (rows = studies, columns = mothers).

Every function returns the two-sided p that :mod:`laktasi.stats` gives on each row
(tests/power checks this study by study): the signed-rank test drops zero differences,
uses average ranks and the tie-corrected Z without continuity correction; Mann-Whitney
likewise; t tests as SPSS; McNemar and the 2 x 2 tests from exact lookup tables. A row
where the test cannot be computed (every value equal, no discordant pair) gets p = 1.

Ranks, two ways:

* whole numbers with a small range (feeds per day, scores): counting. With c_k values
  equal to k, each has the average rank c_1 + ... + c_{k-1} + (c_k + 1) / 2, and the tie
  term is sum(c_k^3 - c_k): one ``bincount`` over all studies, no sorting.
* anything else (milk volume in 0.1 cc steps, continuous data): one ``argsort`` of the
  2-D array; runs of equal sorted values give the average ranks and the tie term
  (an element in a run of t contributes t^2 - 1, so a run contributes t^3 - t). Values are
  first rounded as laktasi.stats rounds them (12 significant digits of the row's
  largest magnitude), so that 2.3 - 1.1 and 3.4 - 2.2 tie there as here.
"""

from __future__ import annotations

import numpy as np
from scipy import special, stats

from ._exact import mcnemar_pvalues, two_by_two_table

__all__ = ["COUNTING_MAX", "clean_rows", "independent_t_pvalues", "mcnemar_study_pvalues",
           "paired_t_pvalues", "rank_sum_pvalues", "signed_rank_pvalues",
           "two_by_two_pvalues"]

COUNTING_MAX = 64  # widest |value| range ranked by counting


def _normal_p(z: np.ndarray, ok: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        p = np.minimum(1.0, 2 * special.ndtr(-np.abs(z)))
    return np.where(ok, p, 1.0)


def clean_rows(v: np.ndarray) -> np.ndarray:
    """Row-wise ``laktasi.stats._ranks.clean``: round each row to 12 significant digits of
    its largest magnitude."""
    v = np.asarray(v, dtype=float)
    scale = np.abs(v).max(axis=1)
    out = v.copy()
    pos = scale > 0
    dec = np.zeros(v.shape[0], dtype=int)
    with np.errstate(divide="ignore"):
        dec[pos] = 12 - np.floor(np.log10(scale[pos])).astype(int) - 1
    for k in np.unique(dec[pos]):
        rows = pos & (dec == k)
        out[rows] = np.round(v[rows], int(k))
    return out


def _is_small_integer(*arrays: np.ndarray) -> bool:
    for a in arrays:
        if not np.issubdtype(a.dtype, np.integer):
            return False
    lo = min(int(a.min()) for a in arrays)
    hi = max(int(a.max()) for a in arrays)
    return hi - lo <= 2 * COUNTING_MAX


def _runs(s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For rows sorted ascending: the 0-based first and last position of each element's
    run of equal values."""
    rows, n = s.shape
    idx = np.arange(n)
    new = np.ones((rows, n), dtype=bool)
    new[:, 1:] = s[:, 1:] != s[:, :-1]
    start = np.maximum.accumulate(np.where(new, idx, 0), axis=1)
    last = np.ones((rows, n), dtype=bool)
    last[:, :-1] = new[:, 1:]
    end = np.minimum.accumulate(np.where(last, idx, n - 1)[:, ::-1], axis=1)[:, ::-1]
    return start, end


# --- signed-rank ---------------------------------------------------------------------


def _signed_rank_counting(d: np.ndarray, k: int | None = None) -> np.ndarray:
    """Whole-number differences with a small range: count each value per study (one
    bincount laid out value-major, so every step below runs over contiguous rows), then the
    tie-averaged T+ and the tie-corrected variance from the counts, value by value."""
    sims = d.shape[0]
    k = int(np.abs(d).max()) if k is None else k
    width = 2 * k + 1
    dtype = np.int32 if sims * width < 2**31 else np.int64
    keys = d.astype(dtype, copy=False) + k
    keys *= sims
    keys += np.arange(sims, dtype=dtype)[:, None]
    table = np.bincount(keys.ravel(), minlength=sims * width).reshape(width, sims)
    t_plus = np.zeros(sims)
    tie = np.zeros(sims)
    m = np.zeros(sims)  # non-zero differences below the current |d| (zeros dropped)
    for v in range(1, k + 1):
        p = table[k + v].astype(np.float64)  # positive differences equal to v
        c = p + table[k - v]  # |d| = v
        t_plus += (m + (c + 1) / 2) * p
        tie += (c * c - 1) * c
        m += c
    var = m * (m + 1) * (2 * m + 1) / 24 - tie / 48
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (t_plus - m * (m + 1) / 4) / np.sqrt(var)
    return _normal_p(z, var > 0)


def _signed_rank_sorting(d: np.ndarray) -> np.ndarray:
    d = clean_rows(d)
    a = np.abs(d)
    order = np.argsort(a, axis=1)
    s = np.take_along_axis(a, order, axis=1)
    positive = np.take_along_axis(d > 0, order, axis=1)
    zeros = (s == 0).sum(axis=1)
    start, end = _runs(s)
    avg = (start + end) / 2 + 1 - zeros[:, None]  # rank among the non-zero differences
    t_plus = (avg * positive).sum(axis=1)
    size = end - start + 1
    tie = ((size * size - 1) * (s > 0)).sum(axis=1)
    m = (d.shape[1] - zeros).astype(float)
    var = m * (m + 1) * (2 * m + 1) / 24 - tie / 48
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (t_plus - m * (m + 1) / 4) / np.sqrt(var)
    return _normal_p(z, var > 0)


def signed_rank_pvalues(pre: np.ndarray, post: np.ndarray) -> np.ndarray:
    """Two-sided asymptotic signed-rank p (d = post - pre) of many studies at once."""
    pre, post = np.asarray(pre), np.asarray(post)
    if np.issubdtype(pre.dtype, np.integer) and np.issubdtype(post.dtype, np.integer):
        d = np.subtract(post, pre, dtype=np.int32)
        k = int(max(d.max(), -d.min())) if d.size else 0
        if k <= 2 * COUNTING_MAX:
            return _signed_rank_counting(d, k)
        return _signed_rank_sorting(d.astype(float))
    return _signed_rank_sorting(post.astype(float) - pre.astype(float))


# --- Mann-Whitney --------------------------------------------------------------------


def _rank_sum_counting(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    sims, nx = x.shape
    ny = y.shape[1]
    lo = int(min(x.min(), y.min()))
    width = int(max(x.max(), y.max())) - lo + 1
    base = (np.arange(sims, dtype=np.int64) * width)[:, None]
    cx = np.bincount((x.astype(np.int64) - lo + base).ravel(),
                     minlength=sims * width).reshape(sims, width)
    cy = np.bincount((y.astype(np.int64) - lo + base).ravel(),
                     minlength=sims * width).reshape(sims, width)
    c = (cx + cy).astype(np.float64)
    avg = np.cumsum(c, axis=1) - c + (c + 1) / 2
    u_x = (avg * cx).sum(axis=1) - nx * (nx + 1) / 2
    return _rank_sum_p(u_x, (c**3 - c).sum(axis=1), nx, ny)


def _rank_sum_p(u_x: np.ndarray, tie: np.ndarray, nx: int, ny: int) -> np.ndarray:
    n = nx + ny
    var = nx * ny / (n * (n - 1)) * ((n**3 - n) / 12 - tie / 12)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (u_x - nx * ny / 2) / np.sqrt(var)
    return _normal_p(z, var > 1e-9)


def _rank_sum_sorting(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    nx, ny = x.shape[1], y.shape[1]
    pooled = clean_rows(np.concatenate([x, y], axis=1).astype(float))
    order = np.argsort(pooled, axis=1)
    s = np.take_along_axis(pooled, order, axis=1)
    start, end = _runs(s)
    avg = (start + end) / 2 + 1
    u_x = (avg * (order < nx)).sum(axis=1) - nx * (nx + 1) / 2
    size = end - start + 1
    return _rank_sum_p(u_x, (size * size - 1).sum(axis=1).astype(float), nx, ny)


def rank_sum_pvalues(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Two-sided asymptotic Mann-Whitney p of many two-group studies (rows) at once."""
    x, y = np.asarray(x), np.asarray(y)
    if _is_small_integer(x, y):
        return _rank_sum_counting(x, y)
    return _rank_sum_sorting(x, y)


# --- t tests -------------------------------------------------------------------------


def paired_t_pvalues(pre: np.ndarray, post: np.ndarray) -> np.ndarray:
    """Two-sided paired-t p (d = post - pre) of many studies at once."""
    d = np.asarray(post, float) - np.asarray(pre, float)
    n = d.shape[1]
    sd = d.std(axis=1, ddof=1)
    dc = clean_rows(d)
    ok = (sd > 0) & (dc.max(axis=1) > dc.min(axis=1))
    with np.errstate(divide="ignore", invalid="ignore"):
        t = d.mean(axis=1) / (sd / np.sqrt(n))
    p = np.minimum(1.0, 2 * stats.t.sf(np.abs(t), n - 1))
    return np.where(ok, p, 1.0)


def independent_t_pvalues(x: np.ndarray, y: np.ndarray, equal_var: str | bool = True
                          ) -> np.ndarray:
    """Two-sided independent-t p of many studies: Student (``True``), Welch (``False``) or
    ``"auto"`` (Student when Levene's p >= .05, as laktasi.stats.independent_t)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    nx, ny = x.shape[1], y.shape[1]
    mx, my = x.mean(axis=1), y.mean(axis=1)
    sx, sy = x.std(axis=1, ddof=1), y.std(axis=1, ddof=1)
    diff = mx - my
    df_s = nx + ny - 2
    with np.errstate(divide="ignore", invalid="ignore"):
        sp2 = ((nx - 1) * sx**2 + (ny - 1) * sy**2) / df_s
        t_s = diff / np.sqrt(sp2 * (1 / nx + 1 / ny))
        p_s = np.minimum(1.0, 2 * stats.t.sf(np.abs(t_s), df_s))
        vx, vy = sx**2 / nx, sy**2 / ny
        df_w = (vx + vy) ** 2 / (vx**2 / (nx - 1) + vy**2 / (ny - 1))
        t_w = diff / np.sqrt(vx + vy)
        p_w = np.minimum(1.0, 2 * stats.t.sf(np.abs(t_w), df_w))
    if equal_var is True:
        p = p_s
    elif equal_var is False:
        p = p_w
    else:
        zx, zy = np.abs(x - mx[:, None]), np.abs(y - my[:, None])
        zbar = (zx.sum(axis=1) + zy.sum(axis=1)) / (nx + ny)
        zmx, zmy = zx.mean(axis=1), zy.mean(axis=1)
        within = ((zx - zmx[:, None]) ** 2).sum(axis=1) + ((zy - zmy[:, None]) ** 2).sum(axis=1)
        between = nx * (zmx - zbar) ** 2 + ny * (zmy - zbar) ** 2
        zz = (zx * zx).sum(axis=1) + (zy * zy).sum(axis=1)
        defined = within > 1e-12 * zz
        with np.errstate(divide="ignore", invalid="ignore"):
            lev_p = stats.f.sf(between / (within / df_s), 1, df_s)
        use_student = ~(defined & (lev_p < 0.05))
        p = np.where(use_student, p_s, p_w)
    ok = (sx > 0) | (sy > 0)
    return np.where(ok & np.isfinite(p), p, 1.0)


# --- binary --------------------------------------------------------------------------


def mcnemar_study_pvalues(pre: np.ndarray, post: np.ndarray, test: str = "exact"
                          ) -> np.ndarray:
    """McNemar p of many paired binary studies (0/1: 1 = e.g. "ASI lancar")."""
    pre, post = np.asarray(pre), np.asarray(post)
    b = ((pre == 0) & (post == 1)).sum(axis=1)
    c = ((pre == 1) & (post == 0)).sum(axis=1)
    return mcnemar_pvalues(b, c, test)


def two_by_two_pvalues(x: np.ndarray, y: np.ndarray, test: str = "fisher") -> np.ndarray:
    """Two-sided 2 x 2 p (group x outcome 0/1) of many two-group studies; ``test``:
    "fisher", "chi-square" (Pearson) or "chi-square-corrected" (SPSS's continuity
    correction)."""
    x, y = np.asarray(x), np.asarray(y)
    table = two_by_two_table(x.shape[1], y.shape[1], test)
    return table[(x == 1).sum(axis=1), (y == 1).sum(axis=1)]
