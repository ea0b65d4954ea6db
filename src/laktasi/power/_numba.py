"""Compiled (numba) kernels of :mod:`laktasi.power._fused`: one loop per simulated study
draws its values from the SplitMix64 counter stream, counts them and decides, keeping no
array of data. Each kernel equals ``_fused.array_hits`` on the same counters (tests/power).

Importing this module needs numba; ``_fused`` falls back to numpy without it.
"""

from __future__ import annotations

import numpy as np
from numba import njit, uint64

_GAMMA = uint64(0x9E3779B97F4A7C15)
_M1 = uint64(0xBF58476D1CE4E5B9)
_M2 = uint64(0x94D049BB133111EB)
_LOW = uint64(0xFFFFFFFF)
_ONE = uint64(1)

_JIT = {"nogil": True, "cache": True, "boundscheck": False}


@njit(inline="always", **_JIT)
def _mix(key, counter):
    z = (counter + _ONE) * _GAMMA + key
    z = (z ^ (z >> uint64(30))) * _M1
    z = (z ^ (z >> uint64(27))) * _M2
    return z ^ (z >> uint64(31))


@njit(inline="always", **_JIT)
def _pick(u, shift, thr, alias):
    col = np.int64(u >> uint64(shift))
    low = np.int64(u & ((_ONE << uint64(shift)) - _ONE))
    return col if low < thr[col] else alias[col]


@njit(**_JIT)
def _draw_counts(key, base, n, shift, thr, alias, cnt):
    """Add the categories of n mothers read from counters base, base + 1, ... to cnt."""
    z = uint64(0)
    for j in range(n):
        if j & 1 == 0:
            z = _mix(key, base + uint64(j >> 1))
            u = z & _LOW
        else:
            u = z >> uint64(32)
        cnt[_pick(u, shift, thr, alias)] += 1


@njit(**_JIT)
def signed_rank_hits(key, start, stop, n, shift, thr, alias, k, crit2):
    key = uint64(key)
    words = uint64((n + 1) // 2)
    cnt = np.zeros(2 * k + 1, np.int64)
    hits = 0
    for s in range(start, stop):
        cnt[:] = 0
        _draw_counts(key, uint64(s) * words, n, shift, thr, alias, cnt)
        t2 = 0
        tie = 0
        m = 0
        for v in range(1, k + 1):
            p = cnt[k + v]
            c = p + cnt[k - v]
            t2 += (2 * m + c + 1) * p
            tie += c * c * c - c
            m += c
        a = 2 * t2 - m * (m + 1)
        v48 = 2 * m * (m + 1) * (2 * m + 1) - tie
        if v48 > 0 and 3.0 * a * a > crit2 * v48:
            hits += 1
    return hits


@njit(**_JIT)
def paired_t_hits(key, start, stop, n, shift, thr, alias, k, crit2):
    key = uint64(key)
    words = uint64((n + 1) // 2)
    hits = 0
    z = uint64(0)
    for s in range(start, stop):
        base = uint64(s) * words
        s1 = 0
        s2 = 0
        for j in range(n):
            if j & 1 == 0:
                z = _mix(key, base + uint64(j >> 1))
                u = z & _LOW
            else:
                u = z >> uint64(32)
            d = _pick(u, shift, thr, alias) - k
            s1 += d
            s2 += d * d
        dd = n * s2 - s1 * s1
        if dd > 0 and 1.0 * ((n - 1) * s1 * s1) > crit2 * dd:
            hits += 1
    return hits


@njit(**_JIT)
def rank_sum_hits(key, start, stop, nx, ny, shx, thrx, aliasx, shy, thry, aliasy, width,
                  crit2):
    key = uint64(key)
    wx = uint64((nx + 1) // 2)
    words = wx + uint64((ny + 1) // 2)
    cx = np.zeros(width, np.int64)
    cy = np.zeros(width, np.int64)
    big = nx + ny
    hits = 0
    for s in range(start, stop):
        cx[:] = 0
        cy[:] = 0
        base = uint64(s) * words
        _draw_counts(key, base, nx, shx, thrx, aliasx, cx)
        _draw_counts(key, base + wx, ny, shy, thry, aliasy, cy)
        r2 = 0
        tie = 0
        below = 0
        for v in range(width):
            c = cx[v] + cy[v]
            r2 += (2 * below + c + 1) * cx[v]
            tie += c * c * c - c
            below += c
        a = r2 - nx * (nx + 1) - nx * ny
        t = big * big * big - big - tie
        if t > 0 and 3.0 * a * a * big * (big - 1) > crit2 * (nx * ny * t):
            hits += 1
    return hits


@njit(**_JIT)
def one_draw_hits(key, start, stop, shift, thr, alias, reject):
    key = uint64(key)
    hits = 0
    z = uint64(0)
    for s in range(start, stop):
        if s & 1 == 0 or s == start:
            z = _mix(key, uint64(s >> 1))
        u = z >> uint64(32) if s & 1 else z & _LOW
        hits += reject[_pick(u, shift, thr, alias)]
    return hits


@njit(**_JIT)
def two_draw_hits(key, start, stop, shx, thrx, aliasx, shy, thry, aliasy, cols, reject):
    key = uint64(key)
    hits = 0
    for s in range(start, stop):
        z = _mix(key, uint64(s))
        a = _pick(z & _LOW, shx, thrx, aliasx)
        c = _pick(z >> uint64(32), shy, thry, aliasy)
        hits += reject[a * cols + c]
    return hits


KERNELS = {"signed_rank": signed_rank_hits, "paired_t": paired_t_hits,
           "rank_sum": rank_sum_hits, "one": one_draw_hits, "two": two_draw_hits}
