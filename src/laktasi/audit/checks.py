"""The audit's checks: recompute what the printed numbers allow and compare.

Each check takes one *validated* item (see :mod:`laktasi.audit.schema`: printed numbers
are :class:`Printed`, counts are ``int``) and the study, and returns findings as tuples
``(code, severity, message key, message values, reported, recomputed)``. A printed
number is consistent when some true value inside its rounding interval gives it, so a
check fires only when no value allowed by the printing can be right.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from scipy import stats as sps

import laktasi.stats as st
from laktasi.design.registry import canonical, comparison_of, resolve
from laktasi.errors import LaktasiInputError
from laktasi.stats.summary import (
    ancova_from_summaries,
    grim_totals,
    grimmer_consistent,
    implied_correlation,
    t_test_from_summaries,
)

from .printed import Printed
from .schema import TEST_NAMES
from .ties import doubled_sum_candidates, mw_z_range, wilcoxon_z_range

__all__ = ["CHECKS", "RawFinding", "check_design", "check_group_claim", "check_sample_sizes",
           "max_sd_bounded"]

RawFinding = tuple[str, str, str, dict[str, Any], Any, Any]
# The registry's ids of the tests a paper may name (schema.validate has turned the published
# spellings, e.g. "chi-square-yates", into these ids).
INDEPENDENT_TESTS = {canonical(t) for t in TEST_NAMES if comparison_of(t) == "between"}
PAIRED_TESTS = {canonical(t) for t in TEST_NAMES if comparison_of(t) == "within"}
# The row read when a paper names a test but not its row: an "independent t test" is read on
# SPSS's equal-variances row.
_PRINTED_ROW = {"independent-t": "student"}
_EPS = 1e-9


def _p_in(printed: Printed, lo: float, hi: float) -> bool:
    """True when some p in [lo, hi] prints as ``printed`` (read as a p-value)."""
    pp = printed.as_p()
    return pp.low <= hi + 1e-12 and lo <= pp.high + 1e-12


def _p_any(printed: Printed, ranges: Mapping[str, Any]) -> bool:
    for v in ranges.values():
        lo, hi = (v, v) if isinstance(v, float) else v
        if _p_in(printed, lo, hi):
            return True
    return False


def _span(values: list[float]) -> float | list[float]:
    lo, hi = min(values), max(values)
    return lo if lo == hi else [lo, hi]


def _p_from_abs_z(z: Printed) -> tuple[float, float]:
    slack = 0.5 * 10.0**-z.decimals
    a = abs(z.value)
    return 2 * float(sps.norm.sf(a + slack)), min(1.0, 2 * float(sps.norm.sf(max(0.0, a - slack))))


# --- frequency ---------------------------------------------------------------------------

def check_frequency(it, study) -> list[RawFinding]:
    rows, total = it["rows"], it["total"] or {}
    counts = [r["n"] for r in rows]
    out: list[RawFinding] = []
    known = all(c is not None for c in counts)
    n_total = total.get("n") if total.get("n") is not None else (sum(counts) if known else None)
    if known and n_total is not None and sum(counts) != n_total:
        out.append(("total-mismatch", "error", "total_mismatch",
                    {"sum": sum(counts), "total": n_total}, n_total, sum(counts)))
    for i, r in enumerate(rows):
        pct: Printed | None = r["pct"]
        if pct is None or not n_total:
            continue
        label = r.get("label") or i + 1
        if r["n"] is not None:
            true = 100 * r["n"] / n_total
            if not pct.contains(true):
                out.append(("percent-mismatch", "error", "percent_mismatch",
                            {"label": label, "n": r["n"], "total": n_total, "pct": round(true, 4)},
                            pct.text, round(true, 4)))
        elif not any(pct.contains(100 * c / n_total) for c in range(n_total + 1)):
            out.append(("percent-mismatch", "error", "percent_no_count",
                        {"label": label, "total": n_total}, pct.text, None))
    pcts = [r["pct"] for r in rows]
    tot_pct: Printed | None = total.get("pct")
    if tot_pct is not None and not tot_pct.contains(100.0):
        # 100 %, or the sum of the printed row percentages (some papers add them up)
        if not all(p is not None for p in pcts) or not (
                sum(p.low for p in pcts) - _EPS <= tot_pct.high
                and tot_pct.low <= sum(p.high for p in pcts) + _EPS):
            out.append(("percent-mismatch", "error", "total_pct",
                        {"pct": tot_pct.text}, tot_pct.text, 100.0))
    if not known and all(p is not None for p in pcts):
        lo, hi = sum(p.low for p in pcts), sum(p.high for p in pcts)
        if not lo - _EPS <= 100 <= hi + _EPS:
            out.append(("total-mismatch", "error", "pct_sum",
                        {"lo": round(lo, 4), "hi": round(hi, 4)}, [p.text for p in pcts],
                        [round(lo, 4), round(hi, 4)]))
    return out


# --- descriptives: GRIM, GRIMMER, range ---------------------------------------------------

def _bounds(lo: Printed, hi: Printed) -> tuple[float, float]:
    """The widest [min, max] the printed min and max allow; printed as whole numbers (the
    bounds of a score, "0" and "4") they are exact."""
    if lo.decimals == 0 and hi.decimals == 0 and not lo.percent and not hi.percent:
        return lo.value, hi.value
    return lo.low, hi.high


def max_sd_bounded(n: int, mean: Printed, lo: Printed, hi: Printed, *,
                   integer: bool = False) -> float:
    """The largest SD (n - 1 in the denominator) of n values in [min, max] whose mean prints
    as ``mean``. Whole-number data: values at the two bounds and one value between them (the
    most spread-out data with that total), over every total the printed mean allows."""
    a, b = _bounds(lo, hi)
    if b <= a:
        return 0.0
    if integer and float(a).is_integer() and float(b).is_integer():
        best = -1.0
        for s in _grim_sums(mean, n):
            k, r = divmod(s - n * int(a), int(b - a))
            if not 0 <= k <= n or (k == n and r):
                continue
            vals_ss = k * b * b + (r + a) ** 2 * (k < n) + (n - k - 1) * a * a * (k < n)
            best = max(best, (vals_ss - s * s / n) / (n - 1))
        if best >= 0:
            return math.sqrt(best)
    m = min(max((a + b) / 2, mean.low), mean.high)
    return math.sqrt(max(0.0, (b - m) * (m - a)) * n / (n - 1))


def _grim_sums(mean: Printed, n: int) -> list[int]:
    """Whole-number totals of n values whose mean prints as ``mean`` (GRIM, in the core)."""
    return grim_totals(mean.low, mean.high, n)


def check_descriptives(it, study) -> list[RawFinding]:
    n, mean, sd, lo, hi = it["n"], it["mean"], it["sd"], it["min"], it["max"]
    out: list[RawFinding] = []
    if lo is not None and hi is not None and lo.low > hi.high + _EPS:
        out.append(("range-impossible", "error", "min_above_max",
                    {"min": lo.text, "max": hi.text}, [lo.text, hi.text], None))
        return out
    if mean is not None and ((lo is not None and mean.high < lo.low - _EPS)
                             or (hi is not None and mean.low > hi.high + _EPS)):
        out.append(("range-impossible", "error", "mean_outside_range",
                    {"mean": mean.text, "min": lo.text if lo else "–",
                     "max": hi.text if hi else "–"}, mean.text, None))
        return out
    if mean is not None and sd is not None and lo is not None and hi is not None and n > 1:
        # widest range and the most favourable mean for the largest SD (whole-number bounds
        # of a scale, "0" and "4", are the bounds themselves, as reconstruct reads them) ...
        max_sd = max_sd_bounded(n, mean, lo, hi, integer=bool(it.get("integer")))
        # ... narrowest range for the smallest SD with min and max both present
        a, b = lo.high, hi.low
        m = min(max((a + b) / 2, mean.low), mean.high)
        min_sd = math.sqrt(((a - m) ** 2 + (b - m) ** 2) / (n - 1)) if b > a else 0.0
        if sd.low > max_sd + _EPS:
            out.append(("range-impossible", "error", "sd_too_large",
                        {"sd": sd.text, "max_sd": round(max_sd, 4), "n": n}, sd.text,
                        {"max_sd": max_sd}))
        elif sd.high < min_sd - _EPS:
            out.append(("range-impossible", "error", "sd_too_small",
                        {"sd": sd.text, "min_sd": round(min_sd, 4)}, sd.text,
                        {"min_sd": min_sd}))
    if it.get("integer") and mean is not None:
        sums = _grim_sums(mean, n)
        if not sums:
            out.append(("grim", "error", "grim", {"mean": mean.text, "n": n}, mean.text,
                        {"nearest_means": [math.floor(mean.value * n) / n,
                                           math.ceil(mean.value * n) / n]}))
        elif sd is not None and n > 1 and not grimmer_consistent(sums, sd.low, sd.high, n):
            out.append(("grimmer", "error", "grimmer", {"sd": sd.text, "mean": mean.text,
                                                        "n": n}, sd.text, None))
    return out


# --- paired binary ------------------------------------------------------------------------

def _paired_arrays(a: int, b: int, c: int, d: int) -> tuple[list[int], list[int]]:
    """Pre/post 0/1 values of a paired table (b: 0 -> 1, c: 1 -> 0)."""
    return [0] * (a + b) + [1] * (c + d), [0] * a + [1] * b + [0] * c + [1] * d


def _claimed_on_splits(test: str, splits: list[tuple[int, int, int, int]]
                       ) -> tuple[dict[str, Any], list[float]]:
    """p-values (ranges over the splits) of a claimed paired test, and its statistics."""
    ps: dict[str, list[float]] = {}
    stats: list[float] = []
    for a, b, c, d in splits:
        res = st.mcnemar_table(b, c, a=a, d=d)
        if test in ("mcnemar", "sign"):
            ps.setdefault("exact", []).append(res.pvalue_exact)
            ps.setdefault("spss", []).append(res.spss_pvalue)
            ps.setdefault("mcnemar-chi-square-corrected", []).append(res.chi2_corrected_pvalue)
            if test == "mcnemar":
                ps.setdefault("mcnemar-chi-square", []).append(res.chi2_pvalue)
                if b + c:
                    stats += [res.chi2, res.chi2_corrected]
        elif test == "wilcoxon" and b + c:
            w = st.wilcoxon_signed_rank(*_paired_arrays(a, b, c, d))
            ps.setdefault("asymptotic", []).append(w.pvalue_asymptotic)
            if w.pvalue_exact is not None:  # SPSS Exact Tests: tie-aware exact p
                ps.setdefault("exact", []).append(w.pvalue_exact)
            stats.append(abs(w.z))
        elif test == "paired-t" and b + c:
            try:
                ps.setdefault("paired-t", []).append(st.paired_t(*_paired_arrays(a, b, c, d))
                                                     .pvalue)
            except LaktasiInputError:
                continue
    return {k: _span(v) for k, v in ps.items()}, stats


def _independent_p(test: str, pre: list[int], post: list[int]) -> float | None:
    """The p of a between-groups test (a registry id) run on the before and after counts as
    if they were two groups: the registry's core function, read on the test's row."""
    name = resolve(test)
    spec = name.spec
    try:
        if spec.data == "group-counts":
            result = spec.core([pre, post])
        else:
            result = spec.core([0] * pre[0] + [1] * pre[1], [0] * post[0] + [1] * post[1])
        return spec.read_p(result, name.reading or _PRINTED_ROW.get(spec.id))
    except (LaktasiInputError, AttributeError):
        return None


def check_paired_binary(it, study) -> list[RawFinding]:
    pre, post = it["pre"], it["post"]
    out: list[RawFinding] = []
    if sum(pre) != sum(post):
        return [("total-mismatch", "error", "paired_totals",
                 {"pre": sum(pre), "post": sum(post)}, [sum(pre), sum(post)], None)]
    n = sum(pre)
    shift = pre[0] - post[0]  # b - c, with b = first -> second category
    disc = it["discordant"]
    if disc is not None:
        splits = []
        for b, c in ((disc["improved"], disc["worsened"]), (disc["worsened"], disc["improved"])):
            a, d = pre[0] - b, pre[1] - c
            if b - c == shift and a >= 0 and d >= 0:
                splits.append((a, b, c, d))
        if not splits:
            return [("total-mismatch", "error", "discordant_margins",
                     {"improved": disc["improved"], "worsened": disc["worsened"],
                      "pre": pre, "post": post}, disc, {"b_minus_c": abs(shift)})]
    else:  # every table with these margins: a = pairs in the first category both times
        splits = [(a, pre[0] - a, post[0] - a, n - pre[0] - post[0] + a)
                  for a in range(max(0, pre[0] + post[0] - n), min(pre[0], post[0]) + 1)]
    claimed = it["claimed_test"] or "mcnemar"
    p: Printed | None = it["p"]
    mcnemar, mc_stats = _claimed_on_splits("mcnemar", splits)
    recomputed: dict[str, Any] = {"mcnemar": mcnemar}
    if claimed in INDEPENDENT_TESTS:
        claimed_p = _independent_p(claimed, pre, post)
        recomputed[claimed] = claimed_p
        ex = mcnemar["exact"]
        lo, hi = (ex, ex) if isinstance(ex, float) else ex
        out.append(("test-design-mismatch", "warning", "paired_as_independent",
                    {"test": claimed, "p_lo": lo, "p_hi": hi}, claimed, recomputed))
        if p is not None and not (claimed_p is not None and _p_in(p, claimed_p, claimed_p)) \
                and not _p_any(p, mcnemar):
            out.append(("p-inconsistent", "error", "p_no_test",
                        {"p": p.text, "test": claimed,
                         "claimed_p": claimed_p if claimed_p is not None else math.nan},
                        p.text, recomputed))
        stat: Printed | None = it["statistic"]
        if stat is not None and resolve(claimed).test == "chi-square":
            res = st.chi_square([pre, post])
            value = res.continuity.statistic if resolve(claimed).reading == "continuity" \
                and res.continuity is not None else res.statistic
            if not stat.contains(value):
                out.append(("statistic-inconsistent", "error", "statistic_claimed",
                            {"stat": stat.text, "test": claimed, "value": round(value, 4)},
                            stat.text, value))
        return out
    if claimed in PAIRED_TESTS and claimed != "mcnemar":
        claimed_ps, stats = _claimed_on_splits(claimed, splits)
        recomputed[claimed] = claimed_ps
    else:
        claimed_ps, stats = mcnemar, mc_stats
    if p is not None and not _p_any(p, claimed_ps) and not _p_any(p, mcnemar):
        lo = min(v if isinstance(v, float) else v[0] for v in claimed_ps.values())
        hi = max(v if isinstance(v, float) else v[1] for v in claimed_ps.values())
        out.append(("p-inconsistent", "error", "p_outside_paired",
                    {"p": p.text, "test": claimed, "p_lo": lo, "p_hi": hi}, p.text, recomputed))
    stat = it["statistic"]
    if stat is not None and stats and not any(stat.contains(abs(s)) or stat.contains(s)
                                              for s in stats):
        lo_s, hi_s = min(stats), max(stats)
        if not (stat.low <= hi_s and lo_s <= stat.high):
            out.append(("statistic-inconsistent", "error", "statistic_paired",
                        {"stat": stat.text, "test": claimed, "lo": round(lo_s, 4),
                         "hi": round(hi_s, 4)}, stat.text, [lo_s, hi_s]))
    return out


# --- rank rows (Wilcoxon and Mann-Whitney) --------------------------------------------------

def _rank_row_findings(rows: list[tuple[str, Mapping[str, Any]]]) -> list[RawFinding]:
    out: list[RawFinding] = []
    for label, row in rows:
        k, s, mr = row["n"], row["sum"], row["mean_rank"]
        if s is not None and mr is not None and k and not (
                mr.low * k - _EPS <= s.high and s.low <= mr.high * k + _EPS):
            out.append(("statistic-inconsistent", "error", "mean_rank_sum",
                        {"row": label, "n": k, "mean_rank": mr.text, "sum": s.text},
                        {"mean_rank": mr.text, "sum": s.text}, round(mr.value * k, 4)))
    return out


def _sum_interval(row: Mapping[str, Any], total: float | None = None) -> list[tuple[float, float]]:
    """Intervals for a rank sum (or, with ``total``, for total minus it)."""
    out = []
    if row["sum"] is not None:
        out.append((row["sum"].low, row["sum"].high))
    if row["mean_rank"] is not None and row["n"]:
        out.append((row["mean_rank"].low * row["n"], row["mean_rank"].high * row["n"]))
    if total is not None:
        out = [(total - b, total - a) for a, b in out]
    return out


def _z_findings(z: Printed | None, p: Printed | None, zr: tuple[float, float] | None,
                exact_ps: list[float], recomputed: dict[str, Any]) -> list[RawFinding]:
    out: list[RawFinding] = []
    if zr is None:
        return out
    z_lo, z_hi = zr
    recomputed["abs_z_range"] = [z_lo, z_hi]
    if z is not None:
        slack = 0.5 * 10.0**-z.decimals
        if abs(z.value) + slack < z_lo - _EPS or abs(z.value) - slack > z_hi + _EPS:
            out.append(("statistic-inconsistent", "error", "z_unattainable",
                        {"z": z.text, "z_lo": round(z_lo, 4), "z_hi": round(z_hi, 4)},
                        z.text, recomputed))
    if p is not None:
        if z is not None:
            p_lo, p_hi = _p_from_abs_z(z)
        else:
            p_lo = 2 * float(sps.norm.sf(z_hi))
            p_hi = min(1.0, 2 * float(sps.norm.sf(z_lo)))
        recomputed["p_asymptotic"] = [p_lo, p_hi]
        if exact_ps:
            recomputed["p_exact_no_ties"] = _span(exact_ps)
        if not _p_in(p, p_lo, p_hi) and not any(_p_in(p, e, e) for e in exact_ps):
            out.append(("p-inconsistent", "error", "p_vs_z",
                        {"p": p.text, "z": z.text if z is not None else "–", "p_lo": p_lo,
                         "p_hi": p_hi}, p.text, recomputed))
    return out


def _marked_ranks(m: int, k: int, total: int) -> list[int] | None:
    """k distinct ranks of 1..m summing to ``total`` (greedy), or None."""
    ranks = list(range(1, k + 1))
    extra = total - sum(ranks)
    if extra < 0:
        return None
    for j in range(k - 1, -1, -1):
        room = (m - (k - 1 - j)) - ranks[j]
        step = min(room, extra)
        ranks[j] += step
        extra -= step
    return ranks if extra == 0 else None


def _exact_no_ties(t2: int, exact: Callable[[int], float | None]) -> list[float]:
    """SPSS's "Exact Sig." (distribution without ties) for a doubled rank sum ``t2``.

    A whole sum is recomputed by the core on untied data with that sum. A half-integer sum
    (ties present) lies between two whole sums and its two-sided p, 2 min(P(S <= T - 1/2),
    P(S >= T + 1/2)), is the smaller of theirs.
    """
    if t2 % 2 == 0:
        p = exact(t2 // 2)
        return [] if p is None else [p]
    near = [p for p in (exact((t2 - 1) // 2), exact((t2 + 1) // 2)) if p is not None]
    return [min(near)] if len(near) == 2 else []


def _wilcoxon_exact(m: int, k: int, total: int) -> float | None:
    marked = _marked_ranks(m, k, total)
    if marked is None:
        return None
    signed = np.arange(1, m + 1, dtype=float)
    signed[np.array(marked, dtype=int) - 1] *= -1
    return st.wilcoxon_signed_rank(np.zeros(m), signed).pvalue_exact_no_ties


def _mw_exact(n: int, n1: int, total: int) -> float | None:
    marked = _marked_ranks(n, n1, total)
    if marked is None:
        return None
    values = np.arange(1, n + 1, dtype=float)
    in1 = np.zeros(n, dtype=bool)
    in1[np.array(marked, dtype=int) - 1] = True
    return st.mann_whitney(values[in1], values[~in1]).pvalue_exact_no_ties


# --- wilcoxon -----------------------------------------------------------------------------

def _z_p_only(it, kind: str) -> list[RawFinding]:
    """A paper that prints only Z and p: p against the asymptotic p of |Z|; what needs the
    rank rows is said to be skipped (a ``not-checked`` entry, not a finding)."""
    out: list[RawFinding] = [("not-checked", "note", f"skipped_{kind}", {}, None, None)]
    z, p = it["z"], it["p"]
    if z is None or p is None:
        return out
    p_lo, p_hi = _p_from_abs_z(z)
    # without the ranks the exact p (which SPSS may print) is unknown: only a p that no
    # asymptotic or exact p near it could give (off by more than a factor 3) is an error
    if not _p_in(p, p_lo / 3, min(1.0, 3 * p_hi)):
        out.append(("p-inconsistent", "error", "p_vs_z_only",
                    {"p": p.text, "z": z.text, "p_lo": p_lo, "p_hi": p_hi}, p.text,
                    {"p_asymptotic": [p_lo, p_hi]}))
    return out


def check_wilcoxon(it, study) -> list[RawFinding]:
    if it["negative_ranks"] is None:
        out = _z_p_only(it, "wilcoxon")
        if study["design"] == "two-group-posttest":
            out.append(("test-design-mismatch", "warning", "signed_rank_two_groups",
                        {"test": "wilcoxon"}, "wilcoxon", "mann-whitney"))
        return out
    neg, pos = it["negative_ranks"], it["positive_ranks"]
    ties = it["ties"] or 0
    m = neg["n"] + pos["n"]
    out: list[RawFinding] = []
    if it["n"] is not None and it["n"] != m + ties:
        out.append(("total-mismatch", "error", "wilcoxon_n", {"n": it["n"], "sum": m + ties},
                    it["n"], m + ties))
    out += _rank_row_findings([("negative", neg), ("positive", pos)])
    if study["design"] == "two-group-posttest":
        out.append(("test-design-mismatch", "warning", "signed_rank_two_groups",
                    {"test": "wilcoxon"}, "wilcoxon", "mann-whitney"))
    if not m:
        return out
    total = m * (m + 1) / 2
    intervals = _sum_interval(neg) + _sum_interval(pos, total)
    if neg["n"] == 0:
        intervals.append((0.0, 0.0))
    if pos["n"] == 0:
        intervals.append((total, total))
    cands = doubled_sum_candidates(intervals, 0, m * (m + 1))
    recomputed: dict[str, Any] = {}
    if not cands:
        out.append(("statistic-inconsistent", "error", "rank_sums_total",
                    {"m": m, "expected": total}, None, total))
        return out
    ranges, exact_ps = [], []
    for t2 in cands:
        zr = wilcoxon_z_range(m, neg["n"], t2)
        if zr is None:
            continue
        ranges.append(zr)
        if it["p"] is not None:
            exact_ps += _exact_no_ties(t2, lambda t: _wilcoxon_exact(m, neg["n"], t))
    if not ranges:
        out.append(("statistic-inconsistent", "error", "rank_sums_impossible",
                    {"n_neg": neg["n"], "n_pos": pos["n"]}, None, None))
        return out
    zr2 = (min(r[0] for r in ranges), max(r[1] for r in ranges))
    return out + _z_findings(it["z"], it["p"], zr2, exact_ps, recomputed)


# --- rank-two-group -----------------------------------------------------------------------

def _binary_structures(n1: int, n2: int, t1_2: int) -> list[dict[str, Any]]:
    """Two-valued data (x0 at the lower value, a of them in group 1) with group 1's
    doubled rank sum ``t1_2``, each recomputed by the core's Mann-Whitney."""
    n = n1 + n2
    found = []
    for x0 in range(1, n):
        for a in range(max(0, x0 - n2), min(n1, x0) + 1):
            if a * (x0 + 1) + (n1 - a) * (2 * x0 + n - x0 + 1) != t1_2:
                continue
            x = [0] * a + [1] * (n1 - a)
            y = [0] * (x0 - a) + [1] * (n2 - (x0 - a))
            res = st.mann_whitney(x, y)
            found.append({"lower_value_counts": [a, x0 - a], "z": res.z,
                          "p_asymptotic": res.pvalue_asymptotic, "p_exact": res.pvalue_exact,
                          "p_exact_no_ties": res.pvalue_exact_no_ties})
    return found


def _two_group_layout(it, study) -> list[RawFinding]:
    """A Ranks table of two groups (SPSS's Mann-Whitney layout): what the design and the
    outcome call for when the paper names a paired test or has one group."""
    claimed = it["claimed_test"] or "mann-whitney"
    binary = it["outcome_levels"] == 2
    named = claimed if claimed in PAIRED_TESTS else None
    if study["design"] == "one-group-pretest-posttest":
        # the same mothers twice: paired tests (McNemar for a binary outcome)
        key = "mw_layout_one_group_binary" if binary else "two_group_test_one_group"
        return [("test-design-mismatch", "warning", key,
                 {"test": "mann-whitney" if named else claimed, "named": named or claimed},
                 claimed, "mcnemar" if binary else "wilcoxon")]
    if named is not None:
        key = "mw_layout_named_paired_binary" if binary else "signed_rank_two_groups"
        return [("test-design-mismatch", "warning", key, {"test": claimed}, claimed,
                 ["chi-square", "fisher"] if binary else "mann-whitney")]
    return []


def check_rank_two_group(it, study) -> list[RawFinding]:
    if it["groups"] is None:
        return _two_group_layout(it, study) + _z_p_only(it, "rank_two_group")
    g1, g2 = it["groups"]
    out: list[RawFinding] = _two_group_layout(it, study)
    out += _rank_row_findings([(g1.get("label") or "1", g1), (g2.get("label") or "2", g2)])
    n1, n2 = g1["n"], g2["n"]
    n = n1 + n2
    total = n * (n + 1) / 2
    cands = doubled_sum_candidates(_sum_interval(g1) + _sum_interval(g2, total), 0, n * (n + 1))
    if not cands:
        out.append(("statistic-inconsistent", "error", "rank_sums_total",
                    {"m": n, "expected": total}, None, total))
        return out
    u_values = sorted({min(t2 / 2 - n1 * (n1 + 1) / 2, n1 * n2 - (t2 / 2 - n1 * (n1 + 1) / 2))
                       for t2 in cands})
    recomputed: dict[str, Any] = {"u": _span(u_values)}
    u: Printed | None = it["u"]
    if u is not None and not any(u.contains(v, 0.005) for v in u_values):
        out.append(("statistic-inconsistent", "error", "u_from_sums",
                    {"u": u.text, "recomputed": u_values[0]}, u.text, _span(u_values)))
    levels = it["outcome_levels"]
    ranges, exact_ps = [], []
    for t2 in cands:
        zr = mw_z_range(n1, n2, t2, levels)
        if zr is None:
            continue
        ranges.append(zr)
        if levels == 2:
            structures = _binary_structures(n1, n2, t2)
            recomputed.setdefault("binary_structures", []).extend(structures)
            exact_ps += [s[k] for s in structures for k in ("p_exact", "p_exact_no_ties")
                         if s[k] is not None]
        elif it["p"] is not None:
            exact_ps += _exact_no_ties(t2, lambda t: _mw_exact(n, n1, t))
    if not ranges:
        key = "levels_impossible" if levels else "rank_sums_impossible"
        out.append(("statistic-inconsistent", "error", key,
                    {"levels": levels, "n_neg": n1, "n_pos": n2}, None, None))
        return out
    zr2 = (min(r[0] for r in ranges), max(r[1] for r in ranges))
    return out + _z_findings(it["z"], it["p"], zr2, exact_ps, recomputed)


# --- paired means: implied correlation ------------------------------------------------------

def _implied_r(n: int, pre: tuple[Printed, Printed], post: tuple[Printed, Printed],
               p: Printed) -> tuple[float, float]:
    """Range of the pre-post r that the printed numbers allow (paired t, df = n - 1).

    r = (s1^2 + s2^2 - sd_d^2) / (2 s1 s2) with sd_d = |mean difference| sqrt(n) / t; every
    printed number moves within its rounding interval, so r is bounded over a grid of
    their low, middle and high values (and a zero difference when it is possible).
    """
    pp = p.as_p()
    d_lo, d_hi = post[0].low - pre[0].high, post[0].high - pre[0].low
    diffs = {abs(d_lo), abs(d_hi), abs(post[0].value - pre[0].value)}
    if d_lo <= 0 <= d_hi:
        diffs.add(0.0)
    ps = {max(pp.low, 1e-300), pp.value if pp.value > 0 else pp.high, pp.high}
    rs = [implied_correlation(n, s1, s2, diff, pv).r
          for s1 in {max(pre[1].low, 1e-12), pre[1].value, pre[1].high}
          for s2 in {max(post[1].low, 1e-12), post[1].value, post[1].high}
          for diff in diffs for pv in ps]
    return min(rs), max(rs)


def check_paired_means(it, study) -> list[RawFinding]:
    n = it["n"]
    pre_p = (it["pre"]["mean"], it["pre"]["sd"])
    post_p = (it["post"]["mean"], it["post"]["sd"])
    p: Printed | None = it["p"]
    t: Printed | None = it["t"]
    out: list[RawFinding] = []
    if t is not None and p is not None:
        slack = 0.5 * 10.0**-t.decimals
        p_lo = 2 * float(sps.t.sf(abs(t.value) + slack, n - 1))
        p_hi = min(1.0, 2 * float(sps.t.sf(max(0.0, abs(t.value) - slack), n - 1)))
        if not _p_in(p, p_lo, p_hi):
            out.append(("p-inconsistent", "error", "p_vs_t",
                        {"p": p.text, "t": t.text, "df": n - 1, "p_lo": p_lo, "p_hi": p_hi},
                        p.text, [p_lo, p_hi]))
    if p is None:
        return out
    lo, hi = _implied_r(n, pre_p, post_p, p)
    if hi < -1 or lo > 1:
        out.append(("p-inconsistent", "error", "no_correlation",
                    {"p": p.text, "r_lo": lo, "r_hi": hi}, p.text, [lo, hi]))
        return out
    recomputed: dict[str, Any] = {"implied_r": [max(lo, -1.0), min(hi, 1.0)]}
    if 0 < p.value < 1 and pre_p[1].value > 0 and post_p[1].value > 0:
        at = implied_correlation(n, pre_p[1].value, post_p[1].value,
                                 post_p[0].value - pre_p[0].value, p.value)
        recomputed["implied_r_at_printed_values"] = at.r
        recomputed["implied_sd_difference"] = at.sd_difference
    out.append(("p-inconsistent", "note", "implied_r",
                {"r_lo": max(lo, -1.0), "r_hi": min(hi, 1.0)}, p.text, recomputed))
    return out


# --- a claim that one group did better --------------------------------------------------------

def _welch_p(m1: float, s1: float, n1: int, m2: float, s2: float, n2: int
             ) -> tuple[float, float]:
    """Welch's t and p of two groups' summaries (the core's t test from summaries). Both SDs
    0 and equal means: t = 0 for every positive SD, so the bound the audit uses is its limit,
    t = 0 and p = 1 (the core leaves the test itself undefined)."""
    row = t_test_from_summaries(m1, s1, n1, m2, s2, n2)
    if s1 == s2 == 0 and m1 == m2:
        return 0.0, 1.0
    return row.statistic, row.pvalue


def _sd_change_bounds(g: Mapping[str, Any]) -> tuple[float, float]:
    """SD of the change scores: from the printed paired p when there is one, else every
    pre-post r in [-1, 1]."""
    s1, s2 = g["pre"]["sd"].value, g["post"]["sd"].value
    change = abs(g["post"]["mean"].value - g["pre"]["mean"].value)
    p: Printed | None = g["p"]
    if p is None or change == 0:
        return abs(s1 - s2), s1 + s2
    pp = p.as_p()
    t_lo = float(sps.t.isf(min(pp.high, 1.0) / 2, g["n"] - 1))
    t_hi = float(sps.t.isf(max(pp.low, 1e-300) / 2, g["n"] - 1))
    hi = change * math.sqrt(g["n"]) / t_lo if t_lo > 0 else s1 + s2
    return change * math.sqrt(g["n"]) / t_hi, min(hi, s1 + s2)


def _r_bounds(g: Mapping[str, Any]) -> tuple[float, float] | None:
    """Pre-post r range of a paired-means item: what its printed p allows (the implied-r
    note's range), within [-1, 1]; every r without a printed p; None when no r fits."""
    if g["p"] is None:
        return -1.0, 1.0
    lo, hi = _implied_r(g["n"], (g["pre"]["mean"], g["pre"]["sd"]),
                        (g["post"]["mean"], g["post"]["sd"]), g["p"])
    if hi < -1 or lo > 1:
        return None
    return max(lo, -1.0), min(hi, 1.0)


def _ancova_range(b: Mapping[str, Any], w: Mapping[str, Any], points: int = 21
                  ) -> tuple[list[float], list[float]]:
    """Range of the ANCOVA p (and adjusted difference) over every pair of pre-post r the
    printed numbers allow (a grid of ``points`` values in each group's r range)."""
    bounds = [_r_bounds(g) for g in (b, w)]
    if None in bounds:
        return [math.nan] * 2, [math.nan] * 2
    grids = [np.linspace(*r, points) for r in bounds]
    ps, diffs = [], []
    for rb in grids[0]:
        for rw in grids[1]:
            res = ancova_from_summaries(*[
                (g["n"], g["pre"]["mean"].value, g["pre"]["sd"].value, g["post"]["mean"].value,
                 g["post"]["sd"].value, float(r)) for g, r in ((b, rb), (w, rw))])
            diff, p = res.difference, res.pvalue
            if math.isnan(p) and diff == 0 and not math.isnan(res.slope):
                p = 1.0  # no residual spread, no difference: p = 1 for any spread (its limit)
            if not math.isnan(p):
                ps.append(p)
                diffs.append(diff)
    if not ps:
        return [math.nan] * 2, [math.nan] * 2
    return [min(ps), max(ps)], [min(diffs), max(diffs)]


def check_group_claim(it, study, items: Mapping[str, Mapping[str, Any]]) -> list[RawFinding]:
    if it["tested_between_groups"]:
        return []
    refs = [items[r] for r in it["based_on"]]
    recomputed: dict[str, Any] = {}
    # post (or single-time) summaries per group: paired-means, or descriptives after
    posts = []
    for r in refs:
        if r["kind"] == "paired-means":
            posts.append((r, r["post"]["mean"].value, r["post"]["sd"].value, r["n"]))
        elif r["kind"] == "descriptives" and r["mean"] is not None and r["sd"] is not None \
                and r["n"] > 1 and r.get("time") != "pre":
            posts.append((r, r["mean"].value, r["sd"].value, r["n"]))
    better = next((x for x in posts if x[0].get("group") == it["better"]), None)
    worse = next((x for x in posts if x[0].get("group") == it["than"]), None)
    if (better is None or worse is None) and len(posts) == 2:
        worse, better = posts  # as listed: the claim's "than" first, as the seeds print it
    welch = None
    if better is not None and worse is not None:
        t, welch = _welch_p(better[1], better[2], better[3], worse[1], worse[2], worse[3])
        recomputed["welch_post_t"] = t
        recomputed["welch_post_p"] = welch
        b, w = better[0], worse[0]
        if b["kind"] == w["kind"] == "paired-means":
            cb = b["post"]["mean"].value - b["pre"]["mean"].value
            cw = w["post"]["mean"].value - w["pre"]["mean"].value
            (sb_lo, sb_hi), (sw_lo, sw_hi) = _sd_change_bounds(b), _sd_change_bounds(w)
            p_lo = _welch_p(cb, sb_lo, b["n"], cw, sw_lo, w["n"])[1]
            p_hi = _welch_p(cb, sb_hi, b["n"], cw, sw_hi, w["n"])[1]
            recomputed["welch_change_p"] = [min(p_lo, p_hi), max(p_lo, p_hi)]
            recomputed["change"] = {str(b.get("group") or b["id"]): cb,
                                    str(w.get("group") or w["id"]): cw}
            # ANCOVA: after, adjusted for before (the analysis a nonequivalent design needs)
            recomputed["ancova_p"], recomputed["ancova_difference"] = _ancova_range(b, w)
    alpha = float(study["alpha"])
    # "error" only when every analysis the summaries allow (Welch on the after means, the
    # change scores, ANCOVA) contradicts the claim; an untested claim that one of them
    # could support is a method problem ("warning")
    ps = [welch, *recomputed.get("welch_change_p", []), *recomputed.get("ancova_p", [])]
    known = [v for v in ps if v is not None and not math.isnan(v)]
    severity = "error" if welch is not None and all(v >= alpha for v in known) else "warning"
    return [("claim-unsupported", severity, "claim_unsupported",
             {"better": it["better"], "than": it["than"],
              "p": welch if welch is not None else math.nan,
              "p_change": recomputed.get("welch_change_p", [math.nan] * 2),
              "p_ancova": recomputed.get("ancova_p", [math.nan] * 2)},
             "tested_between_groups: false", recomputed)]


# --- one value printed in several places --------------------------------------------------------

def check_value(it, study) -> list[RawFinding]:
    values: dict[str, Printed] = it["printed"]
    keys = list(values)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if not values[a].overlaps(values[b]):
                return [("value-mismatch", "error", "value_mismatch",
                         {"name": it.get("name") or it["id"],
                          "places": ", ".join(f"{k}: {values[k].text}" for k in keys)},
                         {k: values[k].text for k in keys}, None)]
    return []


CHECKS: dict[str, Callable[..., list[RawFinding]]] = {
    "frequency": check_frequency,
    "descriptives": check_descriptives,
    "paired-binary": check_paired_binary,
    "wilcoxon": check_wilcoxon,
    "rank-two-group": check_rank_two_group,
    "paired-means": check_paired_means,
    "value": check_value,
}


def check_design(it: Mapping[str, Any], study: Mapping[str, Any]) -> list[RawFinding]:
    """Tests that do not fit the declared design (beyond what the item checks catch)."""
    claimed = it.get("claimed_test")
    design = study.get("design")
    if claimed is None or it["kind"] in ("paired-binary", "rank-two-group", "wilcoxon"):
        return []
    if design == "two-group-posttest" and claimed in PAIRED_TESTS:
        return [("test-design-mismatch", "warning", "paired_test_two_groups", {"test": claimed},
                 claimed, None)]
    if claimed in INDEPENDENT_TESTS and (it["kind"] == "paired-means"
                                         or design == "one-group-pretest-posttest"):
        return [("test-design-mismatch", "warning", "independent_test_one_group",
                 {"test": claimed}, claimed, "paired-t")]
    return []


# --- one sample size across the paper -------------------------------------------------------

def _item_n(it: Mapping[str, Any]) -> int | None:
    kind = it["kind"]
    if kind == "frequency":
        total = it["total"] or {}
        if total.get("n") is not None:
            return total["n"]
        counts = [r["n"] for r in it["rows"]]
        return sum(counts) if counts and all(c is not None for c in counts) else None
    if kind in ("descriptives", "paired-means"):
        return it["n"]
    if kind == "wilcoxon":
        if it["n"] is not None:
            return it["n"]
        if it["negative_ranks"] is None:
            return None
        return it["negative_ranks"]["n"] + it["positive_ranks"]["n"] + (it["ties"] or 0)
    if kind == "paired-binary":
        return sum(it["pre"])
    return None


def check_sample_sizes(items: list[Mapping[str, Any]], study: Mapping[str, Any]
                       ) -> dict[str, list[RawFinding]]:
    """n that differs between tables of one paper (32 / 30 / 28): every item of a one-group
    design, and items of the same group otherwise. A warning (dropouts or missing answers
    can explain it, but the paper must say so), on the first item whose n differs from the
    n most items print."""
    by_group: dict[Any, list[tuple[str, int]]] = {}
    one_group = study["design"] == "one-group-pretest-posttest"
    for it in items:
        n = _item_n(it)
        group = None if one_group else it.get("group")
        if n is None or (not one_group and group is None):
            continue
        by_group.setdefault(str(group).lower() if group else None, []).append((it["id"], n))
    out: dict[str, list[RawFinding]] = {}
    for found in by_group.values():
        ns = [n for _, n in found]
        if len(set(ns)) < 2:
            continue
        common = max(set(ns), key=lambda v: (ns.count(v), v))
        first = next(i for i, n in found if n != common)
        places = ", ".join(f"{i}: {n}" for i, n in found)
        out.setdefault(first, []).append(
            ("value-mismatch", "warning", "n_differs", {"places": places},
             {i: n for i, n in found}, {"most_items": common}))
    return out
