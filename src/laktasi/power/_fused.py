"""Fused simulation: each simulated study is drawn and tested in one pass, and only what the
test needs is kept (the counts of each value, or the study's 2 x 2 cells) -- the ``(sims,
n)`` data are never materialised.

Random numbers. SplitMix64 on a counter (Steele, Lea & Flood, 2014): output ``i`` of the
stream with key ``K`` is ``mix(K + (i + 1) * 0x9E3779B97F4A7C15)`` (mod 2**64), the key
coming from ``numpy.random.SeedSequence(seed)``. Each 64-bit output gives two 32-bit
uniforms (low half first). Study ``s`` reads its own counters, so any study can be drawn
on its own: the numba kernels, the pure-numpy path and CuPy (any array module with
numpy's integer semantics) read the same bits and give the SAME estimate for the same
seed, whatever the number of threads or the chunk size.

Categorical draws. Walker's alias method with integer thresholds: the probabilities (of a
value, a multiset of values, a block's sums or a study's counts) are
rounded to multiples of 2**-32 (largest remainders, summing to exactly 2**32 units) and
the table realises exactly those units -- no floating-point comparison. A 32-bit uniform
``u`` picks column ``u >> (32 - b)`` of ``2**b`` columns and keeps it when the low
``32 - b`` bits fall below the column's threshold, else takes the column's alias.

What is drawn per study:

* paired whole numbers (``integer_counts``): the differences post - pre, from their exact
  distribution (pre uniform, change from the model's 65,536-level table), several pairs
  per draw: for Wilcoxon, a block of g differences is one draw from the multinomial
  distribution of the multiset of g values (its counts packed in 8- or 16-bit lanes);
  for the paired t, one draw from the exact distribution of the block's sums (S1, S2) =
  (sum d, sum d**2), found by convolution;
* two groups of whole numbers (``two_group_counts``): each group's values in blocks of
  multisets, as above; Mann-Whitney from the counts;
* paired yes/no (``binary_pairs``): the study's discordant counts (b, c) in one draw from
  their trinomial distribution; the McNemar decision is a lookup;
* two groups of yes/no (``binary_groups``): the successes of each group from its binomial
  distribution; the 2 x 2 decision is a lookup.

Decisions are made on exact integers: a rank test rejects when 3 A**2 > z**2 V (A and V
the integer numerator and 48 x variance of Z), a t test when (n - 1) S1**2 > t**2 (n S2 -
S1**2) -- the same decision as p < alpha of :mod:`laktasi.power._kernels` (tests/power
checks this study by study on the same bits), without evaluating a p-value per study.
"""

from __future__ import annotations

import functools
import itertools
import math
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from scipy import special, stats

from ._exact import mcnemar_pvalues, two_by_two_table

__all__ = ["FUSED_TESTS", "Alias", "GroupBinary", "GroupValues", "PairedBinary",
           "PairedValues", "alias_table", "fused_hits", "kernel_name", "numba_available", "plan_for",
           "splitmix", "stream_key", "units"]

GAMMA = 0x9E3779B97F4A7C15
_M1 = 0xBF58476D1CE4E5B9
_M2 = 0x94D049BB133111EB
_TOTAL = 1 << 32
MAX_OUTCOMES = 1 << 20  # largest alias table for a study-level draw (McNemar's (b, c))


def stream_key(seed: int) -> int:
    """The 64-bit SplitMix64 key of ``seed`` (from numpy's SeedSequence)."""
    return int(np.random.SeedSequence(seed).generate_state(1, np.uint64)[0])


def splitmix(xp, key: int, counters):
    """SplitMix64 outputs at ``counters`` (uint64 array of module ``xp``)."""
    z = counters.astype(xp.uint64) + xp.uint64(1)
    z *= xp.uint64(GAMMA)
    z += xp.uint64(key)
    z ^= z >> xp.uint64(30)
    z *= xp.uint64(_M1)
    z ^= z >> xp.uint64(27)
    z *= xp.uint64(_M2)
    z ^= z >> xp.uint64(31)
    return z


def units(probs: np.ndarray) -> list[int]:
    """Probabilities as whole units of 2**-32 summing to exactly 2**32 (largest
    remainders)."""
    p = np.asarray(probs, float)
    p = np.where(p > 0, p, 0.0)
    scaled = p / p.sum() * _TOTAL
    base = np.floor(scaled).astype(np.int64)
    short = _TOTAL - int(base.sum())
    if short:
        order = np.argsort(-(scaled - base), kind="stable")[:short]
        base[order] += 1
    return [int(v) for v in base]


@dataclass(frozen=True, eq=False)
class Alias:
    """Walker alias table over ``k`` categories in ``2**bits`` columns (units of 2**-32)."""

    bits: int
    thr: np.ndarray  # int64, per column, 0 .. 2**(32 - bits)
    alias: np.ndarray  # int64, per column

    @property
    def shift(self) -> int:
        return 32 - self.bits

    @functools.cached_property
    def word(self) -> np.ndarray:
        """Threshold | alias << 32 per column (one load per draw in the compiled kernels)."""
        return self.thr | (self.alias << 32)

    def reject_word(self, reject: np.ndarray) -> np.ndarray:
        """Threshold | reject(own) << 32 | reject(alias) << 33 per column: the decision of
        a study-level draw in one load."""
        r = np.zeros(len(self.thr), np.int64)
        r[:len(reject)] = reject
        return self.thr | (r << 32) | (r[self.alias] << 33)

    def units_of(self, k: int) -> list[int]:
        """The units each category receives (for checks): what the table realises."""
        cap = 1 << self.shift
        out = [0] * k
        for col, (t, a) in enumerate(zip(self.thr.tolist(), self.alias.tolist(), strict=True)):
            if col < k:
                out[col] += t
            if t < cap:
                out[a] += cap - t
        return out

    def draw(self, xp, u):
        """Categories of the 32-bit uniforms ``u`` (uint64 array holding 32-bit values)."""
        thr, alias = xp.asarray(self.thr), xp.asarray(self.alias)
        col = (u >> xp.uint64(self.shift)).astype(xp.int64)
        low = (u & xp.uint64((1 << self.shift) - 1)).astype(xp.int64)
        return xp.where(low < thr[col], col, alias[col])


def alias_table(weights: list[int]) -> Alias:
    """The exact alias table of integer ``weights`` summing to 2**32."""
    if sum(weights) != _TOTAL or min(weights) < 0:
        raise ValueError("weights must be non-negative and sum to 2**32")
    bits = max(1, math.ceil(math.log2(len(weights))))
    cols = 1 << bits
    cap = 1 << (32 - bits)
    w = list(weights) + [0] * (cols - len(weights))
    thr = [cap] * cols
    alias = list(range(cols))
    small = [j for j in range(cols) if w[j] < cap]
    large = [j for j in range(cols) if w[j] >= cap]
    while small and large:
        s, big = small.pop(), large.pop()
        thr[s], alias[s] = w[s], big
        w[big] -= cap - w[s]
        (small if w[big] < cap else large).append(big)
    # integer arithmetic: whatever remains holds exactly one column's worth
    assert all(w[j] == cap for j in small + large)
    return Alias(bits, np.array(thr, np.int64), np.array(alias, np.int64))


# --- what a data model can be drawn as --------------------------------------------------


@dataclass(frozen=True)
class PairedValues:
    """Whole-number differences d = post - pre: ``probs[i]`` is P(d = ``lo`` + i)."""

    lo: int
    probs: tuple[float, ...]


@dataclass(frozen=True)
class GroupValues:
    """Whole numbers in two groups: P(x = ``lo`` + i) = ``probs_x[i]``, likewise y."""

    lo: int
    probs_x: tuple[float, ...]
    probs_y: tuple[float, ...]
    ratio: float = 1.0


@dataclass(frozen=True)
class PairedBinary:
    """Paired yes/no: P(0 -> 1) = ``p01``, P(1 -> 0) = ``p10``."""

    p01: float
    p10: float


@dataclass(frozen=True)
class GroupBinary:
    """Two groups of yes/no with success probabilities ``p1`` and ``p2``."""

    p1: float
    p2: float
    ratio: float = 1.0


FUSED_TESTS = {
    PairedValues: ("wilcoxon", "paired-t"),
    GroupValues: ("mann-whitney",),
    PairedBinary: ("mcnemar", "mcnemar-spss"),
    GroupBinary: ("fisher", "chi-square", "chi-square-corrected"),
}


def _control_n(n: int, ratio: float) -> int:
    return max(2, round(n * ratio))


MAX_BLOCK = 16384  # most multisets in the table of a block of mothers
MAX_SUMS = 16384  # most (S1, S2) outcomes in the table of a block of differences
LANES = 4  # uint64 words of a packed count vector


def lane_bits(n: int) -> int:
    """Bits per value count in a packed count vector: 8 up to 255 mothers, else 16."""
    return 8 if n < 256 else 16


@dataclass(frozen=True)
class Blocks:
    """``size`` mothers drawn at once: an alias table over the multisets of ``size``
    values (probability: multinomial), each with its count of every value."""

    size: int
    table: Alias
    counts: np.ndarray  # (multisets, width) int64
    packed: np.ndarray  # (multisets, 2 or LANES) uint64: the counts in lanes of lane_bits(n)
    bits: int = 8  # lane width of ``packed``

    @functools.cached_property
    def columns(self) -> tuple[np.ndarray, np.ndarray]:
        """The compiled kernels' table: per alias column its threshold, and its own packed
        count vector followed by its alias's (one row read per draw, no branch)."""
        return _own_and_alias(self.table, self.packed)

    @functools.cached_property
    def signed_columns(self) -> tuple[np.ndarray, np.ndarray]:
        """As :attr:`columns` for the signed-rank kernel: the counts of differences
        -k..k regrouped by size, the positive ones (d = 1, 2, ..., k) then the negative
        ones (d = -1, ..., -k), each in as few words of ``bits`` lanes as they fit."""
        k = self.counts.shape[1] // 2
        per = 64 // self.bits
        half = -(-k // per)
        shifts = np.arange(per, dtype=np.uint64) * np.uint64(self.bits)

        def pack(c: np.ndarray) -> np.ndarray:
            padded = np.zeros((len(c), half * per), np.uint64)
            padded[:, :k] = c
            return (padded.reshape(len(c), half, per) << shifts).sum(axis=2, dtype=np.uint64)

        by_size = np.concatenate([pack(self.counts[:, k + 1:]),
                                  pack(self.counts[:, k - 1::-1])], axis=1)
        return _own_and_alias(self.table, by_size)


def _own_and_alias(table: Alias, packed: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per alias column: its threshold, and [own packed words, the alias's packed words]."""
    own = np.zeros((len(table.thr), packed.shape[1]), np.uint64)
    own[:len(packed)] = packed
    return table.thr, np.ascontiguousarray(np.concatenate([own, own[table.alias]], axis=1))


def _blocks(probs: np.ndarray, size: int, bits: int) -> Blocks:
    support = np.flatnonzero(probs > 0)
    sets = np.array(list(itertools.combinations_with_replacement(range(len(support)), size)),
                    dtype=np.int64).reshape(-1, size)
    counts = np.zeros((len(sets), len(probs)), np.int64)
    for col in range(size):
        np.add.at(counts, (np.arange(len(sets)), support[sets[:, col]]), 1)
    with np.errstate(divide="ignore"):
        logp = (special.gammaln(size + 1) - special.gammaln(counts + 1).sum(axis=1)
                + (counts * np.log(np.where(probs > 0, probs, 1.0))).sum(axis=1))
    per = 64 // bits
    lanes = 2 if len(probs) <= 2 * per else LANES
    padded = np.zeros((len(sets), lanes * per), np.uint64)
    padded[:, :len(probs)] = counts
    shifts = np.arange(per, dtype=np.uint64) * np.uint64(bits)
    packed = (padded.reshape(len(sets), lanes, per) << shifts).sum(axis=2, dtype=np.uint64)
    return Blocks(size, alias_table(units(np.exp(logp))), counts, packed, bits)


def _sum_grids(probs: np.ndarray, offset: int, most: int) -> list[tuple[np.ndarray, int]]:
    """Distributions of the sums (S1, S2) = (sum d, sum d**2) of 1, 2, ... differences (by
    repeated convolution; exact probabilities of every reachable pair), as far as the
    number of pairs stays within ``most``: [(grid[S1 - g*lo, S2], lo)] for g = 1, 2, ..."""
    steps = [(i + offset, p) for i, p in enumerate(probs) if p > 0]
    lo, hi = min(d for d, _ in steps), max(d for d, _ in steps)
    top = max(d * d for d, _ in steps)
    grid, out = np.ones((1, 1)), []
    while True:
        rows, cols = grid.shape
        new = np.zeros((rows + hi - lo, cols + top))
        for d, p in steps:
            new[d - lo:d - lo + rows, d * d:d * d + cols] += p * grid
        if np.count_nonzero(new) > most and out:
            return out
        grid = new
        out.append((grid, lo))


def _sum_block(grid: np.ndarray, lo: int, size: int) -> Blocks:
    i, j = np.nonzero(grid)
    sums = np.stack([i + size * lo, j], axis=1).astype(np.int64)
    return Blocks(size, alias_table(units(grid[i, j])), sums,
                  np.zeros((len(sums), LANES), np.uint64))


def _sum_columns(block: Blocks) -> np.ndarray:
    """The compiled kernel's table of a block drawn by its sums: per alias column,
    threshold | own (S1, S2) << 32 and the alias's (S1, S2), each (S1, S2) as
    (S1 + 32768) | S2 << 16 -- one 16-byte read per draw."""
    cached = _SUM_COLUMNS.get(id(block))
    if cached is not None and cached[0] is block:
        return cached[1]
    s1, s2 = block.counts[:, 0], block.counts[:, 1]
    enc = (s1 + 32768) | (s2 << 16)
    t = block.table
    own = np.zeros(len(t.thr), np.int64)
    own[:len(enc)] = enc
    ct = np.stack([t.thr | (own << 32), enc[np.minimum(t.alias, len(enc) - 1)]], axis=1)
    _SUM_COLUMNS[id(block)] = (block, ct)
    return ct


_SUM_COLUMNS: dict[int, tuple[Blocks, np.ndarray]] = {}


def _sum_mothers(probs: np.ndarray, offset: int, n: int) -> Mothers | None:
    """n differences drawn in blocks by their sums (see :func:`_sum_grids`)."""
    grids = _sum_grids(probs, offset, MAX_SUMS)[:n]
    size = _fewest_picks(n, len(grids))
    q, r = divmod(n, size)
    main = _sum_block(*grids[size - 1], size)
    if np.abs(main.counts[:, 0]).max() >= 1 << 15 or main.counts[:, 1].max() >= 1 << 16:
        return None  # the block sums do not fit the compiled kernel's 16-bit fields
    return Mothers(n, main, q, _sum_block(*grids[r - 1], r) if r else None)


@dataclass(frozen=True)
class Mothers:
    """How one group of ``n`` mothers is drawn: ``q`` blocks of ``main.size`` and, when
    ``n`` is not a multiple, one block of the ``rest``."""

    n: int
    main: Blocks
    q: int
    rest: Blocks | None
    bits: int = 16  # lane width of the packed counts

    @property
    def picks(self) -> int:
        return self.q + (self.rest is not None)

    @property
    def words(self) -> int:
        return (self.picks + 1) // 2


def _mothers(probs: tuple[float, ...] | np.ndarray, n: int, most: int | None = None
             ) -> Mothers | None:
    """None when the values do not fit a packed count vector (then no fused plan); the
    lanes are wide enough for ``most`` mothers (default n)."""
    p = np.asarray(probs, float)
    p = p / p.sum()
    bits = lane_bits(most or n)
    if (most or n) >= 1 << 16 or len(p) > LANES * 64 // bits:
        return None
    s = int((p > 0).sum())
    size = 1
    while size < n and math.comb(s + size, size + 1) <= MAX_BLOCK:
        size += 1
    size = _fewest_picks(n, size)
    q, r = divmod(n, size)
    return Mothers(n, _blocks(p, size, bits), q, _blocks(p, r, bits) if r else None, bits)


def _fewest_picks(n: int, most: int) -> int:
    """The smallest block size that draws n mothers in as few blocks as blocks of at most
    ``most`` do (smaller tables, same number of draws)."""
    return -(-n // -(-n // most))


@dataclass(frozen=True, eq=False)
class Plan:
    """Everything a kernel needs for one (model, test, n, alpha)."""

    kind: str  # "signed-rank", "paired-t", "rank-sum", "one-draw", "two-draw"
    n: int
    m: int = 0
    groups: tuple[Mothers, ...] = ()  # per-mother kinds
    tables: tuple[Alias, ...] = ()  # study-level kinds
    offset: int = 0  # value of category 0 (differences: -k)
    width: int = 0  # values of a count vector
    crit2: float = 0.0  # squared critical z or t
    reject: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint8))

    @property
    def words(self) -> int:
        """64-bit outputs per study (kinds that draw per mother)."""
        return sum(g.words for g in self.groups)

    @functools.cached_property
    def folded(self) -> np.ndarray:
        """The study-level table with the decisions folded in (one-draw kinds)."""
        return self.tables[0].reject_word(self.reject)


@functools.lru_cache(maxsize=64)
def plan_for(spec: object, test: str, n: int, alpha: float) -> Plan | None:
    """The fused plan of ``test`` on ``spec`` with ``n`` (per group), or None when this
    pair has no fused kernel (the caller then materialises the data)."""
    if test not in FUSED_TESTS.get(type(spec), ()):
        return None
    zc2 = float(special.ndtri(alpha / 2)) ** 2
    if isinstance(spec, PairedValues):
        hi = spec.lo + len(spec.probs) - 1
        k = max(-spec.lo, hi, 0)
        probs = np.zeros(2 * k + 1)
        probs[spec.lo + k: hi + k + 1] = spec.probs
        if test == "paired-t":  # by the sums of blocks of differences
            tc = float(stats.t.isf(alpha / 2, n - 1))
            sums = _sum_mothers(probs, -k, n)
            if sums is None:
                return None
            return Plan("paired-t", n, groups=(sums,), offset=-k, width=2, crit2=tc * tc)
        group = _mothers(probs, n)
        if group is None:
            return None
        return Plan("signed-rank", n, groups=(group,), offset=-k, width=2 * k + 1, crit2=zc2)
    if isinstance(spec, GroupValues):
        m = _control_n(n, spec.ratio)
        # one lane width for both groups (that of the larger)
        gx, gy = _mothers(spec.probs_x, n, max(n, m)), _mothers(spec.probs_y, m, max(n, m))
        if gx is None or gy is None:
            return None
        return Plan("rank-sum", n, m, (gx, gy), offset=spec.lo, width=len(spec.probs_x), crit2=zc2)
    if isinstance(spec, PairedBinary):
        if (n + 1) * (n + 2) // 2 > MAX_OUTCOMES:
            return None
        b, c = np.array([(b, c) for b in range(n + 1) for c in range(n + 1 - b)]).T
        rest = 1 - spec.p01 - spec.p10
        with np.errstate(divide="ignore", invalid="ignore"):
            logp = (special.gammaln(n + 1) - special.gammaln(b + 1) - special.gammaln(c + 1)
                    - special.gammaln(n - b - c + 1) + special.xlogy(b, spec.p01)
                    + special.xlogy(c, spec.p10) + special.xlogy(n - b - c, rest))
        probs = np.exp(logp)
        reject = mcnemar_pvalues(b, c, "exact" if test == "mcnemar" else "spss") < alpha
        return Plan("one-draw", n, tables=(alias_table(units(probs)),),
                    reject=reject.astype(np.uint8))
    assert isinstance(spec, GroupBinary)
    m = _control_n(n, spec.ratio)
    tables = tuple(alias_table(units(stats.binom.pmf(np.arange(size + 1), size, p)))
                   for size, p in ((n, spec.p1), (m, spec.p2)))
    reject = (two_by_two_table(n, m, test) < alpha).astype(np.uint8).ravel()
    return Plan("two-draw", n, m, tables=tables, reject=reject)


# --- the array-module path (numpy; CuPy on a GPU) ----------------------------------------


def _uniforms(xp, key: int, first, words: int):
    """(rows, 2 * words) 32-bit uniforms of studies ``first`` (uint64 array): study s
    reads counters s * words .. s * words + words - 1."""
    counters = first[:, None] * xp.uint64(words) + xp.arange(words, dtype=xp.uint64)[None, :]
    z = splitmix(xp, key, counters)
    lo = z & xp.uint64(0xFFFFFFFF)
    hi = z >> xp.uint64(32)
    return xp.stack([lo, hi], axis=2).reshape(first.shape[0], 2 * words)


def _group_counts(xp, g: Mothers, u):
    """(rows, width) counts of each value in a group, from its ``picks`` uniforms."""
    cnt = xp.asarray(g.main.counts)[g.main.table.draw(xp, u[:, :g.q])].sum(axis=1)
    if g.rest is not None:
        cnt += xp.asarray(g.rest.counts)[g.rest.table.draw(xp, u[:, g.q])]
    return cnt


def _per_mother_counts(xp, plan: Plan, key: int, first) -> list:
    u = _uniforms(xp, key, first, plan.words)
    out, at = [], 0
    for g in plan.groups:
        out.append(_group_counts(xp, g, u[:, at:at + g.picks]))
        at += 2 * g.words
    return out


def _signed_rank_reject(xp, cnt, k: int, crit2: float):
    """Rejections from the counts of each difference -k..k (column i is d = i - k)."""
    rows = cnt.shape[0]
    t2 = xp.zeros(rows, xp.int64)  # 2 x T+
    tie = xp.zeros(rows, xp.int64)
    m = xp.zeros(rows, xp.int64)
    for v in range(1, k + 1):
        p = cnt[:, k + v]
        c = p + cnt[:, k - v]
        t2 += (2 * m + c + 1) * p
        tie += c * c * c - c
        m += c
    a = 2 * t2 - m * (m + 1)
    v48 = 2 * m * (m + 1) * (2 * m + 1) - tie
    return (v48 > 0) & (3.0 * a * a > crit2 * v48)


def _paired_t_reject(xp, s1, s2, n: int, crit2: float):
    dd = n * s2 - s1 * s1
    return (dd > 0) & (1.0 * ((n - 1) * s1 * s1) > crit2 * dd)


def _rank_sum_reject(xp, cx, cy, nx: int, ny: int, crit2: float):
    rows, width = cx.shape
    r2 = xp.zeros(rows, xp.int64)  # 2 x rank sum of x
    tie = xp.zeros(rows, xp.int64)
    below = xp.zeros(rows, xp.int64)
    for v in range(width):
        c = cx[:, v] + cy[:, v]
        r2 += (2 * below + c + 1) * cx[:, v]
        tie += c * c * c - c
        below += c
    big = nx + ny
    a = r2 - nx * (nx + 1) - nx * ny
    t = big**3 - big - tie
    return (t > 0) & (3.0 * a * a * big * (big - 1) > crit2 * (nx * ny * t))


def array_hits(plan: Plan, key: int, start: int, stop: int, xp=np) -> int:
    """Significant studies among studies ``start`` .. ``stop - 1`` with array module
    ``xp`` (numpy here, cupy on a GPU): the reference the numba kernels must equal."""
    first = xp.arange(start, stop, dtype=xp.uint64)
    if plan.kind in ("one-draw", "two-draw"):
        z = splitmix(xp, key, first >> xp.uint64(1) if plan.kind == "one-draw" else first)
        lo, hi = z & xp.uint64(0xFFFFFFFF), z >> xp.uint64(32)
        reject = xp.asarray(plan.reject)
        if plan.kind == "one-draw":
            u = xp.where((first & xp.uint64(1)) == 1, hi, lo)
            return int(reject[plan.tables[0].draw(xp, u)].sum())
        a = plan.tables[0].draw(xp, lo)
        c = plan.tables[1].draw(xp, hi)
        return int(reject[a * (plan.m + 1) + c].sum())
    counts = _per_mother_counts(xp, plan, key, first)
    if plan.kind == "rank-sum":
        return int(_rank_sum_reject(xp, *counts, plan.n, plan.m, plan.crit2).sum())
    if plan.kind == "signed-rank":
        return int(_signed_rank_reject(xp, counts[0], -plan.offset, plan.crit2).sum())
    sums = counts[0]
    return int(_paired_t_reject(xp, sums[:, 0], sums[:, 1], plan.n, plan.crit2).sum())


def _expand(counts: np.ndarray, n: int, offset: int) -> np.ndarray:
    """Rows of ``n`` values (sorted) with the given counts of each value."""
    cum = counts.cumsum(axis=1)
    return (cum[:, None, :] <= np.arange(n)[None, :, None]).sum(axis=2) + offset


def array_values(plan: Plan, key: int, start: int, stop: int) -> tuple[np.ndarray, ...]:
    """The data of studies ``start`` .. ``stop - 1`` as a kernel of :mod:`._kernels` takes
    them, drawn from the same bits (for checks): (zeros, d) for paired values, (x, y) for
    two groups (each row sorted); (S1, S2) for the paired t; for binary plans the category
    of each study's draw(s)."""
    first = np.arange(start, stop, dtype=np.uint64)
    if plan.kind == "one-draw":
        z = splitmix(np, key, first >> np.uint64(1))
        u = np.where((first & np.uint64(1)) == 1, z >> np.uint64(32), z & np.uint64(0xFFFFFFFF))
        return (plan.tables[0].draw(np, u),)
    if plan.kind == "two-draw":
        z = splitmix(np, key, first)
        return (plan.tables[0].draw(np, z & np.uint64(0xFFFFFFFF)),
                plan.tables[1].draw(np, z >> np.uint64(32)))
    counts = _per_mother_counts(np, plan, key, first)
    if plan.kind == "paired-t":
        return counts[0][:, 0], counts[0][:, 1]
    values = [_expand(c, g.n, plan.offset) for c, g in zip(counts, plan.groups, strict=True)]
    if plan.kind == "rank-sum":
        return values[0], values[1]
    return np.zeros_like(values[0]), values[0]


# --- numba kernels ------------------------------------------------------------------------

_NUMBA: dict[str, Callable] | None = None


def numba_available() -> bool:
    """True when numba imports (the fused kernels then run compiled)."""
    return _numba_kernels() is not None


def _numba_kernels() -> dict[str, Callable] | None:
    global _NUMBA
    if _NUMBA is None:
        if os.environ.get("LAKTASI_NO_NUMBA"):
            _NUMBA = {}
        else:
            try:
                from ._numba import KERNELS
            except ImportError:
                KERNELS = {}
            _NUMBA = KERNELS
    return _NUMBA or None


def _group_args(g: Mothers, signed: bool = False) -> tuple:
    rest = g.rest or g.main  # a placeholder of the same types when there is no rest
    main_cols = g.main.signed_columns if signed else g.main.columns
    rest_cols = rest.signed_columns if signed else rest.columns
    return (g.q, int(g.rest is not None), g.main.table.shift, *main_cols, rest.table.shift,
            *rest_cols)


def kernel_name(plan: Plan) -> str:
    """The compiled copy of :mod:`._numba` that runs ``plan`` (per-mother kinds): the
    layout of its count vectors and whether a group ends with a rest block."""
    g = plan.groups[0]
    if plan.kind == "paired-t":
        return "paired_t_rest" if g.rest is not None else "paired_t"
    if plan.kind == "signed-rank":
        half = g.main.signed_columns[1].shape[1] // 4
        name = f"signed_rank_{g.bits}_{half}"
        return name + "_rest" if name == "signed_rank_8_1" and g.rest is not None else name
    words = g.main.columns[1].shape[1] // 2
    name = f"rank_sum_{g.bits}_{words}"
    if name == "rank_sum_8_2":
        rests = (g.rest is not None, plan.groups[1].rest is not None)
        name += {(False, True): "_rest_y", (True, False): "_rest_x", (True, True): "_rests"
                 }.get(rests, "")
    return name


def _numba_hits(kernels: dict[str, Callable], plan: Plan, key: int, start: int,
                stop: int) -> int:
    t = plan.tables
    key = np.uint64(key)
    if plan.kind == "one-draw":
        return kernels["one"](key, start, stop, t[0].shift, plan.folded)
    if plan.kind == "two-draw":
        return kernels["two"](key, start, stop, t[0].shift, t[0].word, t[1].shift, t[1].word,
                              plan.m + 1, plan.reject)
    kernel = kernels[kernel_name(plan)]
    if plan.kind == "rank-sum":
        gx, gy = plan.groups
        return kernel(key, start, stop, plan.n, plan.m, gx.words, gy.words, *_group_args(gx),
                      *_group_args(gy), plan.crit2)
    g = plan.groups[0]
    if plan.kind == "paired-t":
        rest = g.rest or g.main
        return kernel(key, start, stop, plan.n, g.words, g.q, int(g.rest is not None),
                      g.main.table.shift, _sum_columns(g.main), rest.table.shift,
                      _sum_columns(rest), plan.crit2)
    return kernel(key, start, stop, g.words, *_group_args(g, signed=True), plan.crit2)


def fused_hits(plan: Plan, sims: int, seed: int, *, engine: str = "auto",
               workers: int | None = None, block: int = 1 << 16,
               progress: Callable[[int], None] | None = None) -> int:
    """Significant studies among ``sims`` drawn with ``plan`` from ``seed``.

    ``engine``: "numba" (compiled; needs numba), "numpy" (the pure-numpy path) or "auto"
    (numba when it imports). Both give the same number for the same seed."""
    kernels = _numba_kernels() if engine in ("auto", "numba") else None
    if engine == "numba" and kernels is None:
        raise ImportError("engine='numba' needs numba (pip install numba)")
    key = stream_key(seed)
    if kernels is not None:
        def run(lo: int) -> int:
            return int(_numba_hits(kernels, plan, key, lo, min(lo + block, sims)))
    else:
        values = sum(g.picks for g in plan.groups) * max(plan.width, 1) + plan.words * 2
        block = max(1, min(block, (1 << 21) // max(1, values)))

        def run(lo: int) -> int:
            return array_hits(plan, key, lo, min(lo + block, sims))
    starts = range(0, sims, block)
    threads = max(1, min(workers or os.cpu_count() or 1, len(starts), 8))
    hits = 0
    if threads == 1:
        results = map(run, starts)
    else:
        pool = ThreadPoolExecutor(threads)
        results = pool.map(run, starts)
    for lo, h in zip(starts, results, strict=True):
        hits += h
        if progress is not None:
            progress(min(lo + block, sims))
    if threads > 1:
        pool.shutdown()
    return hits
