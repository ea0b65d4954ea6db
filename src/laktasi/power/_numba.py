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
def _pick(u, shift, word):
    """Alias draw: word[col] holds the column's threshold (low 32 bits) and its alias."""
    col = np.int64(u >> uint64(shift))
    low = np.int64(u & ((_ONE << uint64(shift)) - _ONE))
    w = word[col]
    return col if low < (w & 0xFFFFFFFF) else w >> 32


@njit(inline="always", **_JIT)
def _add(pk, c, a):
    if pk.shape[1] == 2:  # narrow count vectors: half the table to read
        return (a[0] + pk[c, 0], a[1] + pk[c, 1], a[2], a[3])
    return (a[0] + pk[c, 0], a[1] + pk[c, 1], a[2] + pk[c, 2], a[3] + pk[c, 3])


@njit(inline="always", **_JIT)
def _group(key, base, q, has_rest, shm, wm, pkm, shr, wr, pkr):
    """One group's packed counts: its picks (pick j reads half j % 2 of counter base +
    j // 2; q blocks from the main table, then the rest) add their packed count vectors."""
    a = (uint64(0), uint64(0), uint64(0), uint64(0))
    pairs = q >> 1
    for w in range(pairs):
        z = _mix(key, base + uint64(w))
        a = _add(pkm, _pick(z & _LOW, shm, wm), a)
        a = _add(pkm, _pick(z >> uint64(32), shm, wm), a)
    if q & 1:
        z = _mix(key, base + uint64(pairs))
        a = _add(pkm, _pick(z & _LOW, shm, wm), a)
        if has_rest:
            a = _add(pkr, _pick(z >> uint64(32), shr, wr), a)
    elif has_rest:
        z = _mix(key, base + uint64(pairs))
        a = _add(pkr, _pick(z & _LOW, shr, wr), a)
    return a


@njit(inline="always", **_JIT)
def _spill8(word, first, acc):
    """Counts of values first .. first + 7 from one word of 8-bit lanes."""
    for i in range(8):
        if first + i < acc.shape[0]:
            acc[first + i] = np.int64((word >> uint64(8 * i)) & uint64(0xFF))


@njit(inline="always", **_JIT)
def _spill16(word, first, acc):
    """Counts of values first .. first + 3 from one word of 16-bit lanes."""
    for i in range(4):
        if first + i < acc.shape[0]:
            acc[first + i] = np.int64((word >> uint64(16 * i)) & uint64(0xFFFF))


@njit(**_JIT)
def signed_rank_hits(key, start, stop, n, words, q, has_rest, bits, shm, wm, pkm, shr,
                     wr, pkr, k, crit2):
    key = uint64(key)
    acc = np.zeros(2 * k + 1, np.int64)
    hits = 0
    for s in range(start, stop):
        a = _group(key, uint64(s) * uint64(words), q, has_rest, shm, wm, pkm, shr, wr, pkr)
        if bits == 8:
            _spill8(a[0], 0, acc)
            _spill8(a[1], 8, acc)
            if pkm.shape[1] > 2:
                _spill8(a[2], 16, acc)
                _spill8(a[3], 24, acc)
        else:
            _spill16(a[0], 0, acc)
            _spill16(a[1], 4, acc)
            _spill16(a[2], 8, acc)
            _spill16(a[3], 12, acc)
        t2 = 0
        tie = 0
        m = 0
        for v in range(1, k + 1):
            p = acc[k + v]
            c = p + acc[k - v]
            t2 += (2 * m + c + 1) * p
            tie += c * c * c - c
            m += c
        a = 2 * t2 - m * (m + 1)
        v48 = 2 * m * (m + 1) * (2 * m + 1) - tie
        if v48 > 0 and 3.0 * a * a > crit2 * v48:
            hits += 1
    return hits


@njit(inline="always", **_JIT)
def _sums(u, sh, ct, s1, s2):
    """Alias draw of a block's (S1, S2) from its column table: ct[col, 0] = threshold |
    own sums << 32, ct[col, 1] = the alias's sums; sums = (S1 + 32768) | S2 << 16."""
    col = np.int64(u >> uint64(sh))
    low = np.int64(u & ((_ONE << uint64(sh)) - _ONE))
    w0 = ct[col, 0]
    v = (w0 >> 32) if low < (w0 & 0xFFFFFFFF) else ct[col, 1]
    return s1 + (v & 0xFFFF) - 32768, s2 + (v >> 16)


@njit(**_JIT)
def paired_t_hits(key, start, stop, n, words, q, has_rest, shm, sm, shr, sr, crit2):
    """Blocks of differences drawn by their sums (S1, S2); picks as in _group."""
    key = uint64(key)
    hits = 0
    pairs = q >> 1
    for s in range(start, stop):
        base = uint64(s) * uint64(words)
        s1 = 0
        s2 = 0
        for w in range(pairs):
            z = _mix(key, base + uint64(w))
            s1, s2 = _sums(z & _LOW, shm, sm, s1, s2)
            s1, s2 = _sums(z >> uint64(32), shm, sm, s1, s2)
        if q & 1:
            z = _mix(key, base + uint64(pairs))
            s1, s2 = _sums(z & _LOW, shm, sm, s1, s2)
            if has_rest:
                s1, s2 = _sums(z >> uint64(32), shr, sr, s1, s2)
        elif has_rest:
            z = _mix(key, base + uint64(pairs))
            s1, s2 = _sums(z & _LOW, shr, sr, s1, s2)
        dd = n * s2 - s1 * s1
        if dd > 0 and 1.0 * ((n - 1) * s1 * s1) > crit2 * dd:
            hits += 1
    return hits


@njit(**_JIT)
def rank_sum_hits(key, start, stop, nx, ny, wx, wy, qx, rx, bx, shmx, wmx, pkmx, shrx,
                  wrx, pkrx, qy, ry, by, shmy, wmy, pkmy, shry, wry,
                  pkry, width, crit2):
    key = uint64(key)
    ax = np.zeros(width, np.int64)
    ay = np.zeros(width, np.int64)
    big = nx + ny
    words = uint64(wx + wy)
    hits = 0
    for s in range(start, stop):
        base = uint64(s) * words
        a = _group(key, base, qx, rx, shmx, wmx, pkmx, shrx, wrx, pkrx)
        b = _group(key, base + uint64(wx), qy, ry, shmy, wmy, pkmy, shry, wry, pkry)
        if bx == 8:  # (both groups use 8-bit lanes when the larger has < 256 mothers)
            _spill8(a[0], 0, ax)
            _spill8(a[1], 8, ax)
            _spill8(b[0], 0, ay)
            _spill8(b[1], 8, ay)
            if pkmx.shape[1] > 2:  # (both groups have the same number of lanes)
                _spill8(a[2], 16, ax)
                _spill8(a[3], 24, ax)
                _spill8(b[2], 16, ay)
                _spill8(b[3], 24, ay)
        else:
            _spill16(a[0], 0, ax)
            _spill16(a[1], 4, ax)
            _spill16(a[2], 8, ax)
            _spill16(a[3], 12, ax)
            _spill16(b[0], 0, ay)
            _spill16(b[1], 4, ay)
            _spill16(b[2], 8, ay)
            _spill16(b[3], 12, ay)
        r2 = 0
        tie = 0
        below = 0
        for v in range(width):
            cx = ax[v]
            c = cx + ay[v]
            r2 += (2 * below + c + 1) * cx
            tie += c * c * c - c
            below += c
        a = r2 - nx * (nx + 1) - nx * ny
        t = big * big * big - big - tie
        if t > 0 and 3.0 * a * a * big * (big - 1) > crit2 * (nx * ny * t):
            hits += 1
    return hits


@njit(**_JIT)
def one_draw_hits(key, start, stop, shift, word):
    """word[col]: threshold (low 32 bits), whether the column's own outcome rejects (bit
    32) and whether its alias does (bit 33)."""
    key = uint64(key)
    hits = 0
    z = uint64(0)
    mask = (_ONE << uint64(shift)) - _ONE
    for s in range(start, stop):
        if s & 1 == 0 or s == start:
            z = _mix(key, uint64(s >> 1))
        u = z >> uint64(32) if s & 1 else z & _LOW
        w = word[np.int64(u >> uint64(shift))]
        hits += (w >> 32) & 1 if np.int64(u & mask) < (w & 0xFFFFFFFF) else (w >> 33) & 1
    return hits


@njit(**_JIT)
def two_draw_hits(key, start, stop, shx, wx_, shy, wy_, cols, reject):
    key = uint64(key)
    hits = 0
    for s in range(start, stop):
        z = _mix(key, uint64(s))
        a = _pick(z & _LOW, shx, wx_)
        c = _pick(z >> uint64(32), shy, wy_)
        hits += reject[a * cols + c]
    return hits


KERNELS = {"signed_rank": signed_rank_hits, "paired_t": paired_t_hits,
           "rank_sum": rank_sum_hits, "one": one_draw_hits, "two": two_draw_hits}
