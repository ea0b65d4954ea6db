"""Compiled (numba) kernels of :mod:`laktasi.power._fused`: one loop per simulated study
draws its values from the SplitMix64 counter stream, counts them and decides, keeping no
array of data. Each kernel equals ``_fused.array_hits`` on the same counters (tests/power,
one test per compiled layout).

What keeps a study cheap (issue 14; n = 30 on one thread: Wilcoxon ~30 ns, Mann-Whitney
~55 ns, paired t ~9 ns per study): each alias column's row holds its own packed count
vector and its alias's, and the pick between them is a mask, not a branch (which one a
column gives is a coin toss a branch predictor cannot learn); the counts of a study stay in
64-bit words in registers, read lane by lane with constant shifts; the decision is added
as 0 or 1, not branched on. The lane width, the words per count vector and whether a group
ends with a smaller "rest" block are constants of each compiled copy
(``signed_rank_8_1``, ``rank_sum_8_2_rest_y``, ...), so the compiler unrolls the lanes;
a copy is compiled the first time a plan needs it and cached on disk.

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
def _take(u, sh, thr, cols, a, nw):
    """Alias draw of a block, added to the packed counts ``a`` (``nw`` words, 2 or 4):
    ``cols[col]`` holds the column's own packed count vector, then its alias's; the choice
    is arithmetic (a mask), not a branch -- for most columns it is a coin toss."""
    col = np.int64(u >> uint64(sh))
    low = np.int64(u & ((_ONE << uint64(sh)) - _ONE))
    pick = uint64(0) - uint64(low >= thr[col])  # all ones: the alias
    x0, x1, y0, y1 = cols[col, 0], cols[col, 1], cols[col, nw], cols[col, nw + 1]
    a0 = a[0] + (x0 ^ ((x0 ^ y0) & pick))
    a1 = a[1] + (x1 ^ ((x1 ^ y1) & pick))
    if nw == 2:
        return (a0, a1, a[2], a[3])
    x2, x3, y2, y3 = cols[col, 2], cols[col, 3], cols[col, 6], cols[col, 7]
    return (a0, a1, a[2] + (x2 ^ ((x2 ^ y2) & pick)), a[3] + (x3 ^ ((x3 ^ y3) & pick)))


@njit(inline="always", **_JIT)
def _group(key, base, q, rest, shm, tm, cm, shr, tr, cr, nw):
    """One group's packed counts: its picks (pick j reads half j % 2 of counter base +
    j // 2; q blocks from the main table, then the rest when ``rest``) add their packed
    count vectors. ``rest`` and ``nw`` are constants of each compiled copy."""
    a = (uint64(0), uint64(0), uint64(0), uint64(0))
    pairs = q >> 1
    for w in range(pairs):
        z = _mix(key, base + uint64(w))
        a = _take(z & _LOW, shm, tm, cm, a, nw)
        a = _take(z >> uint64(32), shm, tm, cm, a, nw)
    if q & 1:
        z = _mix(key, base + uint64(pairs))
        a = _take(z & _LOW, shm, tm, cm, a, nw)
        if rest:
            a = _take(z >> uint64(32), shr, tr, cr, a, nw)
    elif rest:
        z = _mix(key, base + uint64(pairs))
        a = _take(z & _LOW, shr, tr, cr, a, nw)
    return a


@njit(inline="always", **_JIT)
def _signed_rank(key, start, stop, words, q, shm, tm, cm, shr, tr, cr, crit2, rest, bits,
                 half):
    """Counts of the positive differences of each size (``half`` words, size 1 first)
    then of the negative ones; decision on integers. Sizes nobody has add nothing."""
    per = 64 // bits
    lane = (_ONE << uint64(bits)) - _ONE
    hits = 0
    for s in range(start, stop):
        a = _group(key, uint64(s) * uint64(words), q, rest, shm, tm, cm, shr, tr, cr,
                   2 * half)
        t2 = 0  # 2 x T+
        tie = 0
        m = 0
        for w in range(half):
            pw = a[w]
            cw = pw + a[half + w]  # lanes hold at most n < 2**bits: no carry
            for i in range(per):
                p = np.int64((pw >> uint64(bits * i)) & lane)
                c = np.int64((cw >> uint64(bits * i)) & lane)
                t2 += (2 * m + c + 1) * p
                tie += c * c * c - c
                m += c
        a2 = 2 * t2 - m * (m + 1)
        v48 = 2 * m * (m + 1) * (2 * m + 1) - tie
        hits += (v48 > 0) & (3.0 * a2 * a2 > crit2 * v48)
    return hits


# One compiled copy per layout: constants (a rest block or not, the lane width, words per
# sign) let the compiler unroll the lanes and keep the counts in registers. Each copy is
# compiled (and cached) the first time a plan needs it; _fused.kernel_name picks it.

@njit(**_JIT)
def signed_rank_8_1(key, start, stop, words, q, has_rest, shm, tm, cm, shr, tr, cr, crit2):
    return _signed_rank(uint64(key), start, stop, words, q, shm, tm, cm, shr, tr, cr, crit2,
                        False, 8, 1)


@njit(**_JIT)
def signed_rank_8_1_rest(key, start, stop, words, q, has_rest, shm, tm, cm, shr, tr, cr,
                         crit2):
    return _signed_rank(uint64(key), start, stop, words, q, shm, tm, cm, shr, tr, cr, crit2,
                        True, 8, 1)


@njit(**_JIT)
def signed_rank_8_2(key, start, stop, words, q, has_rest, shm, tm, cm, shr, tr, cr, crit2):
    return _signed_rank(uint64(key), start, stop, words, q, shm, tm, cm, shr, tr, cr, crit2,
                        has_rest, 8, 2)


@njit(**_JIT)
def signed_rank_16_1(key, start, stop, words, q, has_rest, shm, tm, cm, shr, tr, cr, crit2):
    return _signed_rank(uint64(key), start, stop, words, q, shm, tm, cm, shr, tr, cr, crit2,
                        has_rest, 16, 1)


@njit(**_JIT)
def signed_rank_16_2(key, start, stop, words, q, has_rest, shm, tm, cm, shr, tr, cr, crit2):
    return _signed_rank(uint64(key), start, stop, words, q, shm, tm, cm, shr, tr, cr, crit2,
                        has_rest, 16, 2)


@njit(inline="always", **_JIT)
def _sums(u, sh, ct, s1, s2):
    """Alias draw of a block's (S1, S2) from its column table: ct[col, 0] = threshold |
    own sums << 32, ct[col, 1] = the alias's sums; sums = (S1 + 32768) | S2 << 16. The
    choice is arithmetic, not a branch."""
    col = np.int64(u >> uint64(sh))
    low = np.int64(u & ((_ONE << uint64(sh)) - _ONE))
    w0 = ct[col, 0]
    own = w0 >> 32
    v = own ^ ((own ^ ct[col, 1]) & -np.int64(low >= (w0 & 0xFFFFFFFF)))
    return s1 + (v & 0xFFFF) - 32768, s2 + (v >> 16)


@njit(inline="always", **_JIT)
def _paired_t(key, start, stop, n, words, q, shm, sm, shr, sr, crit2, rest):
    """Blocks of differences drawn by their sums (S1, S2); picks as in _group."""
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
            if rest:
                s1, s2 = _sums(z >> uint64(32), shr, sr, s1, s2)
        elif rest:
            z = _mix(key, base + uint64(pairs))
            s1, s2 = _sums(z & _LOW, shr, sr, s1, s2)
        dd = n * s2 - s1 * s1
        hits += (dd > 0) & (1.0 * ((n - 1) * s1 * s1) > crit2 * dd)
    return hits


@njit(**_JIT)
def paired_t(key, start, stop, n, words, q, has_rest, shm, sm, shr, sr, crit2):
    return _paired_t(uint64(key), start, stop, n, words, q, shm, sm, shr, sr, crit2, False)


@njit(**_JIT)
def paired_t_rest(key, start, stop, n, words, q, has_rest, shm, sm, shr, sr, crit2):
    return _paired_t(uint64(key), start, stop, n, words, q, shm, sm, shr, sr, crit2, True)


@njit(inline="always", **_JIT)
def _rank_sum(key, start, stop, nx, ny, wx, wy, qx, shmx, tmx, cmx, shrx, trx, crx, qy,
              shmy, tmy, cmy, shry, try_, cry, crit2, rx, ry, bits, nw):
    """Counts of each value in both groups (lanes of ``bits``, ``nw`` words); decision on
    integers. Values nobody has add nothing."""
    per = 64 // bits
    lane = (_ONE << uint64(bits)) - _ONE
    big = nx + ny
    words = uint64(wx + wy)
    hits = 0
    for s in range(start, stop):
        base = uint64(s) * words
        a = _group(key, base, qx, rx, shmx, tmx, cmx, shrx, trx, crx, nw)
        b = _group(key, base + uint64(wx), qy, ry, shmy, tmy, cmy, shry, try_, cry, nw)
        r2 = 0  # 2 x rank sum of x
        tie = 0
        below = 0
        for w in range(nw):
            aw = a[w]
            bw = b[w]
            for i in range(per):
                cx = np.int64((aw >> uint64(bits * i)) & lane)
                c = cx + np.int64((bw >> uint64(bits * i)) & lane)
                r2 += (2 * below + c + 1) * cx
                tie += c * c * c - c
                below += c
        a2 = r2 - nx * (nx + 1) - nx * ny
        t = big * big * big - big - tie
        hits += (t > 0) & (3.0 * a2 * a2 * big * (big - 1) > crit2 * (nx * ny * t))
    return hits


@njit(**_JIT)
def rank_sum_8_2(key, start, stop, nx, ny, wx, wy, qx, rx, shmx, tmx, cmx, shrx, trx,
                 crx, qy, ry, shmy, tmy, cmy, shry, try_, cry, crit2):
    return _rank_sum(uint64(key), start, stop, nx, ny, wx, wy, qx, shmx, tmx, cmx, shrx, trx,
                     crx, qy, shmy, tmy, cmy, shry, try_, cry, crit2, False, False, 8, 2)


@njit(**_JIT)
def rank_sum_8_2_rest_y(key, start, stop, nx, ny, wx, wy, qx, rx, shmx, tmx, cmx, shrx, trx,
                        crx, qy, ry, shmy, tmy, cmy, shry, try_, cry, crit2):
    return _rank_sum(uint64(key), start, stop, nx, ny, wx, wy, qx, shmx, tmx, cmx, shrx, trx,
                     crx, qy, shmy, tmy, cmy, shry, try_, cry, crit2, False, True, 8, 2)


@njit(**_JIT)
def rank_sum_8_2_rest_x(key, start, stop, nx, ny, wx, wy, qx, rx, shmx, tmx, cmx, shrx, trx,
                        crx, qy, ry, shmy, tmy, cmy, shry, try_, cry, crit2):
    return _rank_sum(uint64(key), start, stop, nx, ny, wx, wy, qx, shmx, tmx, cmx, shrx, trx,
                     crx, qy, shmy, tmy, cmy, shry, try_, cry, crit2, True, False, 8, 2)


@njit(**_JIT)
def rank_sum_8_2_rests(key, start, stop, nx, ny, wx, wy, qx, rx, shmx, tmx, cmx, shrx, trx,
                       crx, qy, ry, shmy, tmy, cmy, shry, try_, cry, crit2):
    return _rank_sum(uint64(key), start, stop, nx, ny, wx, wy, qx, shmx, tmx, cmx, shrx, trx,
                     crx, qy, shmy, tmy, cmy, shry, try_, cry, crit2, True, True, 8, 2)


@njit(**_JIT)
def rank_sum_8_4(key, start, stop, nx, ny, wx, wy, qx, rx, shmx, tmx, cmx, shrx, trx,
                 crx, qy, ry, shmy, tmy, cmy, shry, try_, cry, crit2):
    return _rank_sum(uint64(key), start, stop, nx, ny, wx, wy, qx, shmx, tmx, cmx, shrx, trx,
                     crx, qy, shmy, tmy, cmy, shry, try_, cry, crit2, rx, ry, 8, 4)


@njit(**_JIT)
def rank_sum_16_2(key, start, stop, nx, ny, wx, wy, qx, rx, shmx, tmx, cmx, shrx, trx,
                  crx, qy, ry, shmy, tmy, cmy, shry, try_, cry, crit2):
    return _rank_sum(uint64(key), start, stop, nx, ny, wx, wy, qx, shmx, tmx, cmx, shrx, trx,
                     crx, qy, shmy, tmy, cmy, shry, try_, cry, crit2, rx, ry, 16, 2)


@njit(**_JIT)
def rank_sum_16_4(key, start, stop, nx, ny, wx, wy, qx, rx, shmx, tmx, cmx, shrx, trx,
                  crx, qy, ry, shmy, tmy, cmy, shry, try_, cry, crit2):
    return _rank_sum(uint64(key), start, stop, nx, ny, wx, wy, qx, shmx, tmx, cmx, shrx, trx,
                     crx, qy, shmy, tmy, cmy, shry, try_, cry, crit2, rx, ry, 16, 4)


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


KERNELS = {f.__name__: f for f in (
    signed_rank_8_1, signed_rank_8_1_rest, signed_rank_8_2, signed_rank_16_1, signed_rank_16_2,
    paired_t, paired_t_rest, rank_sum_8_2, rank_sum_8_2_rest_y, rank_sum_8_2_rest_x,
    rank_sum_8_2_rests, rank_sum_8_4, rank_sum_16_2, rank_sum_16_4)}
KERNELS |= {"one": one_draw_hits, "two": two_draw_hits}
