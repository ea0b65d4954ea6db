"""The audit's checks: recompute what the printed numbers allow and compare.

Each check takes one item (a mapping in the format of shared/spec/reported-results.md),
the study and a ``say`` function for the message, and returns findings as tuples
(code, severity, message key, message values, reported, recomputed).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from scipy import stats as sps

import laktasi.stats as st
from laktasi.errors import LaktasiInputError

from .printed import Printed, parse_printed

__all__ = ["CHECKS", "RawFinding", "check_design"]

RawFinding = tuple[str, str, str, dict[str, Any], Any, Any]
INDEPENDENT_TESTS = {"chi-square", "chi-square-yates", "fisher", "mann-whitney",
                     "independent-t", "welch-t"}
PAIRED_TESTS = {"mcnemar", "wilcoxon", "paired-t", "sign"}


def _num(item: Mapping[str, Any], key: str, where: str) -> Printed | None:
    if item.get(key) is None:
        return None
    return parse_printed(item[key], f"{where}.{key}")


def _req(item: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in item or item[key] is None:
        raise LaktasiInputError(f"{where}.{key}: is required for this kind of item.",
                                where=f"{where}.{key}")
    return item[key]


def _int(item: Mapping[str, Any], key: str, where: str) -> int:
    v = _req(item, key, where)
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise LaktasiInputError(f"{where}.{key}: {v!r} must be a whole number >= 0.",
                                where=f"{where}.{key}", value=v)
    return v


# --- frequency ---------------------------------------------------------------------------

def check_frequency(item, where, study) -> list[RawFinding]:
    rows = _req(item, "rows", where)
    if not isinstance(rows, list) or not rows:
        raise LaktasiInputError(f"{where}.rows: must be a list of {{label, n, pct}}.",
                                where=f"{where}.rows")
    total = item.get("total") or {}
    counts = [_int(r, "n", f"{where}.rows[{i}]") for i, r in enumerate(rows)]
    n_total = _int(total, "n", f"{where}.total") if "n" in total else sum(counts)
    out: list[RawFinding] = []
    if sum(counts) != n_total:
        out.append(("total-mismatch", "error", "total_mismatch",
                    {"sum": sum(counts), "total": n_total}, n_total, sum(counts)))
    for i, r in enumerate(rows):
        pct = _num(r, "pct", f"{where}.rows[{i}]")
        if pct is None or n_total == 0:
            continue
        true = 100 * r["n"] / n_total
        if not pct.contains(true):
            out.append(("percent-mismatch", "error", "percent_mismatch",
                        {"label": r.get("label", i + 1), "n": r["n"], "total": n_total,
                         "pct": round(true, 4)}, pct.text, round(true, 4)))
    return out


# --- descriptives: GRIM, GRIMMER, range ---------------------------------------------------

def _grim_sums(mean: Printed, n: int) -> list[int]:
    lo, hi = math.ceil(mean.low * n - 1e-9), math.floor(mean.high * n + 1e-9)
    return [s for s in range(lo, hi + 1) if mean.contains(s / n)]


def _grimmer_ok(sums: list[int], sd: Printed, n: int) -> bool:
    for s in sums:
        base = s * s / n
        q_lo = math.ceil((n - 1) * max(sd.low, 0) ** 2 + base - 1e-9)
        q_hi = math.floor((n - 1) * sd.high**2 + base + 1e-9)
        for q in range(q_lo, q_hi + 1):
            if (q - s) % 2:  # sum of squares of integers has the parity of their sum
                continue
            var = (q - base) / (n - 1)
            if var >= 0 and sd.contains(math.sqrt(var)):
                return True
    return False


def check_descriptives(item, where, study) -> list[RawFinding]:
    n = _int(item, "n", where)
    mean = _num(item, "mean", where)
    sd = _num(item, "sd", where)
    lo, hi = _num(item, "min", where), _num(item, "max", where)
    out: list[RawFinding] = []
    if mean is not None and lo is not None and hi is not None and not (
            lo.low - 1e-9 <= mean.value <= hi.high + 1e-9):
        out.append(("range-impossible", "error", "mean_outside_range",
                    {"mean": mean.text, "min": lo.text, "max": hi.text}, mean.text, None))
    if mean is not None and sd is not None and lo is not None and hi is not None and n > 1:
        a, b, m = lo.value, hi.value, mean.value
        max_sd = math.sqrt(max(0.0, (b - m) * (m - a)) * n / (n - 1))
        min_sd = math.sqrt(((a - m) ** 2 + (b - m) ** 2) / (n - 1)) if b > a else 0.0
        if sd.low > max_sd + 1e-9:
            out.append(("range-impossible", "error", "sd_too_large",
                        {"sd": sd.text, "max_sd": round(max_sd, 4)}, sd.text, round(max_sd, 4)))
        elif sd.high < min_sd - 1e-9:
            out.append(("range-impossible", "error", "sd_too_small",
                        {"sd": sd.text, "min_sd": round(min_sd, 4)}, sd.text, round(min_sd, 4)))
    if item.get("integer") and mean is not None and n > 0:
        sums = _grim_sums(mean, n)
        if not sums:
            out.append(("grim", "error", "grim", {"mean": mean.text, "n": n}, mean.text, None))
        elif sd is not None and n > 1 and not _grimmer_ok(sums, sd, n):
            out.append(("grimmer", "error", "grimmer", {"sd": sd.text, "mean": mean.text,
                                                        "n": n}, sd.text, None))
    return out


# --- paired binary ------------------------------------------------------------------------

def _p_finding(printed: Printed, lo: float, hi: float) -> bool:
    """True when some p in [lo, hi] prints as ``printed``."""
    return printed.low <= hi + 1e-12 and lo <= printed.high + 1e-12


def _claimed_independent_p(test: str, table: list[list[int]]) -> float:
    if test == "fisher":
        return st.fisher_exact(table).pvalue
    res = st.chi_square(table)
    if test == "chi-square-yates" and res.continuity is not None:
        return res.continuity.pvalue
    return res.pvalue


def check_paired_binary(item, where, study) -> list[RawFinding]:
    pre = [int(v) for v in _req(item, "pre", where)]
    post = [int(v) for v in _req(item, "post", where)]
    if len(pre) != 2 or len(post) != 2 or sum(pre) != sum(post):
        raise LaktasiInputError(f"{where}: pre and post must each give two counts with the "
                                f"same total; got {pre} and {post}.", where=where)
    claimed = item.get("claimed_test")
    p = _num(item, "p", where)
    out: list[RawFinding] = []
    n = sum(pre)
    disc = item.get("discordant")
    if disc:
        splits = [(int(disc["improved"]), int(disc["worsened"]))]
    else:
        # category 0 before/after; n00 free: every table with these margins
        splits = []
        for n00 in range(max(0, pre[0] + post[0] - n), min(pre[0], post[0]) + 1):
            splits.append((pre[0] - n00, post[0] - n00))  # (0 -> 1, 1 -> 0)
    ps = [st.mcnemar_table(b, c).pvalue for b, c in splits]
    p_lo, p_hi = min(ps), max(ps)
    recomputed: dict[str, Any] = {"mcnemar_exact": [p_lo, p_hi] if p_lo != p_hi else p_lo}
    if claimed in INDEPENDENT_TESTS:
        table = [pre, post]
        claimed_p = _claimed_independent_p(claimed, table)
        recomputed[claimed] = claimed_p
        out.append(("test-design-mismatch", "warning", "paired_as_independent",
                    {"test": claimed, "p_lo": p_lo, "p_hi": p_hi}, claimed, recomputed))
        if p is not None and not p.as_p().contains(claimed_p) and not _p_finding(
                p.as_p(), p_lo, p_hi):
            out.append(("p-inconsistent", "error", "p_no_test", {"p": p.text, "test": claimed,
                                                                 "claimed_p": claimed_p},
                        p.text, recomputed))
    elif p is not None and not _p_finding(p.as_p(), p_lo, p_hi):
        out.append(("p-inconsistent", "error", "p_outside_mcnemar",
                    {"p": p.text, "p_lo": p_lo, "p_hi": p_hi}, p.text, recomputed))
    return out


# --- wilcoxon -----------------------------------------------------------------------------

def check_wilcoxon(item, where, study) -> list[RawFinding]:
    neg, pos = _req(item, "negative_ranks", where), _req(item, "positive_ranks", where)
    ties = int(item.get("ties", 0) or 0)
    n = item.get("n")
    out: list[RawFinding] = []
    m = int(neg["n"]) + int(pos["n"])
    if n is not None and int(n) != m + ties:
        out.append(("total-mismatch", "error", "wilcoxon_n", {"n": n, "sum": m + ties}, n,
                    m + ties))
    sums = []
    for label, row in (("negative", neg), ("positive", pos)):
        k = int(row["n"])
        s, mr = parse_printed(row.get("sum", 0), f"{where}.{label}_ranks.sum"), \
            parse_printed(row.get("mean_rank", 0), f"{where}.{label}_ranks.mean_rank")
        if k and not (mr.low * k - 1e-9 <= s.high and s.low <= mr.high * k + 1e-9):
            out.append(("statistic-inconsistent", "error", "mean_rank_sum",
                        {"row": label, "n": k, "mean_rank": mr.text, "sum": s.text}, s.text,
                        None))
        sums.append(s)
    if m and not (sums[0].low + sums[1].low - 1e-9 <= m * (m + 1) / 2
                  <= sums[0].high + sums[1].high + 1e-9):
        out.append(("statistic-inconsistent", "error", "rank_sums_total",
                    {"m": m, "expected": m * (m + 1) / 2}, None, m * (m + 1) / 2))
    z = _num(item, "z", where)
    p = _num(item, "p", where)
    if m and z is not None:
        t_small = min(sums[0].value, sums[1].value)
        z_noties = (t_small - m * (m + 1) / 4) / math.sqrt(m * (m + 1) * (2 * m + 1) / 24)
        # ties only shrink the variance, so |Z| can only grow from the no-ties value
        slack = 0.5 * 10.0**-z.decimals + 1e-9
        if abs(z.value) + slack < abs(z_noties) - 1e-9:
            out.append(("statistic-inconsistent", "error", "z_unattainable",
                        {"z": z.text, "z_min": round(z_noties, 4)}, z.text, round(z_noties, 4)))
        if p is not None:
            p_lo = 2 * sps.norm.sf(abs(z.value) + slack)
            p_hi = min(1.0, 2 * sps.norm.sf(max(0.0, abs(z.value) - slack)))
            if not _p_finding(p.as_p(), p_lo, p_hi):
                out.append(("p-inconsistent", "error", "p_vs_z",
                            {"p": p.text, "z": z.text, "p_lo": p_lo, "p_hi": p_hi}, p.text,
                            [p_lo, p_hi]))
    if study.get("design") != "one-group-pretest-posttest" and item.get("group") is None \
            and study.get("design") == "two-group-posttest":
        out.append(("test-design-mismatch", "warning", "signed_rank_two_groups", {}, "wilcoxon",
                    "mann-whitney"))
    return out


# --- rank-two-group -----------------------------------------------------------------------

def check_rank_two_group(item, where, study) -> list[RawFinding]:
    groups = _req(item, "groups", where)
    out: list[RawFinding] = []
    if study.get("design") == "one-group-pretest-posttest":
        out.append(("test-design-mismatch", "warning", "two_group_test_one_group",
                    {"test": item.get("claimed_test", "mann-whitney")},
                    item.get("claimed_test", "mann-whitney"), "wilcoxon"))
    ns = [int(g["n"]) for g in groups]
    total = sum(ns)
    sums = []
    for i, g in enumerate(groups):
        s = parse_printed(g["sum"], f"{where}.groups[{i}].sum")
        mr = parse_printed(g["mean_rank"], f"{where}.groups[{i}].mean_rank")
        if not (mr.low * ns[i] - 1e-9 <= s.high and s.low <= mr.high * ns[i] + 1e-9):
            out.append(("statistic-inconsistent", "error", "mean_rank_sum",
                        {"row": g.get("label", i + 1), "n": ns[i], "mean_rank": mr.text,
                         "sum": s.text}, s.text, None))
        sums.append(s.value)
    if abs(sum(sums) - total * (total + 1) / 2) > 0.01 * len(sums) + 1e-9:
        out.append(("statistic-inconsistent", "error", "rank_sums_total",
                    {"m": total, "expected": total * (total + 1) / 2}, sum(sums),
                    total * (total + 1) / 2))
    u_printed = _num(item, "u", where)
    if len(ns) == 2:
        u1 = sums[0] - ns[0] * (ns[0] + 1) / 2
        u = min(u1, ns[0] * ns[1] - u1)
        if u_printed is not None and not u_printed.contains(u, 0.01):
            out.append(("statistic-inconsistent", "error", "u_from_sums",
                        {"u": u_printed.text, "recomputed": u}, u_printed.text, u))
    return out


# --- paired means: implied correlation ------------------------------------------------------

def _implied_r(n: int, pre: tuple[Printed, Printed], post: tuple[Printed, Printed],
               p: Printed) -> tuple[float, float]:
    """Range of the pre-post r that the printed numbers allow (paired t, df = n - 1).

    r = (s1^2 + s2^2 - sd_d^2) / (2 s1 s2) with sd_d = |mean difference| sqrt(n) / t; every
    printed number moves within its rounding interval, so r is bounded over a grid of
    their low, middle and high values (and a zero difference when it is possible).
    """
    df = n - 1
    pp = p.as_p()
    d_lo, d_hi = post[0].low - pre[0].high, post[0].high - pre[0].low
    diffs = {abs(d_lo), abs(d_hi), abs(post[0].value - pre[0].value)}
    if d_lo <= 0 <= d_hi:
        diffs.add(0.0)
    ts = {float(sps.t.isf(pv / 2, df)) for pv in (max(pp.low, 1e-300), pp.value if pp.value > 0
                                                   else pp.high, pp.high)}
    rs = []
    for s1 in {max(pre[1].low, 1e-12), pre[1].value, pre[1].high}:
        for s2 in {max(post[1].low, 1e-12), post[1].value, post[1].high}:
            for diff in diffs:
                for t in ts:
                    if t <= 0:
                        sd_d = 0.0 if diff == 0 else math.inf
                    else:
                        sd_d = diff * math.sqrt(n) / t
                    rs.append((s1 * s1 + s2 * s2 - sd_d * sd_d) / (2 * s1 * s2))
    return min(rs), max(rs)


def check_paired_means(item, where, study) -> list[RawFinding]:
    n = _int(item, "n", where)
    pre = _req(item, "pre", where)
    post = _req(item, "post", where)
    pre_p = (parse_printed(pre["mean"], f"{where}.pre.mean"),
             parse_printed(pre["sd"], f"{where}.pre.sd"))
    post_p = (parse_printed(post["mean"], f"{where}.post.mean"),
              parse_printed(post["sd"], f"{where}.post.sd"))
    p = _num(item, "p", where)
    out: list[RawFinding] = []
    if p is None or n < 2:
        return out
    lo, hi = _implied_r(n, pre_p, post_p, p)
    if hi < -1 or lo > 1:
        out.append(("p-inconsistent", "error", "no_correlation",
                    {"p": p.text, "r_lo": lo, "r_hi": hi}, p.text, [lo, hi]))
    else:
        recomputed = {"implied_r": [max(lo, -1.0), min(hi, 1.0)]}
        if 0 < p.value < 1 and pre_p[1].value > 0 and post_p[1].value > 0:
            t = float(sps.t.isf(p.value / 2, n - 1))
            sd_d = abs(post_p[0].value - pre_p[0].value) * math.sqrt(n) / t
            s1, s2 = pre_p[1].value, post_p[1].value
            recomputed["implied_r_at_printed_values"] = (s1 * s1 + s2 * s2 - sd_d * sd_d) / (
                2 * s1 * s2)
            recomputed["implied_sd_difference"] = sd_d
        out.append(("p-inconsistent", "note", "implied_r",
                    {"r_lo": max(lo, -1.0), "r_hi": min(hi, 1.0)}, p.text, recomputed))
    return out


# --- a claim that one group did better --------------------------------------------------------

def check_group_claim(item, where, study, items: Mapping[str, Mapping[str, Any]]
                      ) -> list[RawFinding]:
    based = _req(item, "based_on", where)
    if item.get("tested_between_groups"):
        return []
    means = []
    for ref in based:
        other = items.get(ref)
        if other is None:
            raise LaktasiInputError(f"{where}.based_on: no item with id {ref!r}.",
                                    where=f"{where}.based_on", value=ref)
        if other.get("kind") == "paired-means":
            means.append(other)
    recomputed: dict[str, Any] = {}
    if len(means) == 2:
        (a, b) = means
        ma, sa, na = (parse_printed(a["post"]["mean"], "").value,
                      parse_printed(a["post"]["sd"], "").value, int(a["n"]))
        mb, sb, nb = (parse_printed(b["post"]["mean"], "").value,
                      parse_printed(b["post"]["sd"], "").value, int(b["n"]))
        va, vb = sa * sa / na, sb * sb / nb
        t = (mb - ma) / math.sqrt(va + vb)
        df = (va + vb) ** 2 / (va * va / (na - 1) + vb * vb / (nb - 1))
        recomputed["welch_post_p"] = 2 * sps.t.sf(abs(t), df)
        recomputed["welch_post_t"] = t
        # change scores with the SD of differences implied by each group's printed p
        sds, changes = [], []
        for g in (a, b):
            pre_p = (parse_printed(g["pre"]["mean"], ""), parse_printed(g["pre"]["sd"], ""))
            post_p = (parse_printed(g["post"]["mean"], ""), parse_printed(g["post"]["sd"], ""))
            ng = int(g["n"])
            change = post_p[0].value - pre_p[0].value
            p = parse_printed(g["p"], "").as_p() if g.get("p") is not None else None
            if p is None:
                break
            t_lo = sps.t.isf(min(p.high, 1.0) / 2, ng - 1)
            t_hi = sps.t.isf(max(p.low, 1e-300) / 2, ng - 1)
            sds.append((abs(change) * math.sqrt(ng) / t_hi, abs(change) * math.sqrt(ng) / t_lo))
            changes.append((change, ng))
        if len(sds) == 2:
            p_change = []
            for sd_a in sds[0]:
                for sd_b in sds[1]:
                    va, vb = sd_a**2 / changes[0][1], sd_b**2 / changes[1][1]
                    t = (changes[1][0] - changes[0][0]) / math.sqrt(va + vb)
                    df = (va + vb) ** 2 / (va * va / (changes[0][1] - 1)
                                           + vb * vb / (changes[1][1] - 1))
                    p_change.append(2 * sps.t.sf(abs(t), df))
            recomputed["welch_change_p"] = [min(p_change), max(p_change)]
    alpha = float(study.get("alpha", 0.05))
    welch = recomputed.get("welch_post_p")
    severity = "error" if welch is not None and welch >= alpha else "warning"
    return [("claim-unsupported", severity, "claim_unsupported",
             {"better": item.get("better"), "than": item.get("than"),
              "p": welch if welch is not None else float("nan"),
              "p_change": recomputed.get("welch_change_p", [float("nan")] * 2)},
             "tested_between_groups: false", recomputed)]


# --- one value printed in several places --------------------------------------------------------

def check_value(item, where, study) -> list[RawFinding]:
    printed = _req(item, "printed", where)
    values = {src: parse_printed(v, f"{where}.printed.{src}") for src, v in printed.items()}
    keys = list(values)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if not values[a].overlaps(values[b]):
                return [("value-mismatch", "error", "value_mismatch",
                         {"name": item.get("name", item.get("id")),
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


def check_design(item: Mapping[str, Any], study: Mapping[str, Any]) -> list[RawFinding]:
    """Tests that do not fit the declared design (beyond what the item checks catch)."""
    claimed = item.get("claimed_test")
    design = study.get("design")
    if claimed is None or item.get("kind") in ("paired-binary", "rank-two-group"):
        return []
    if design == "two-group-posttest" and claimed in PAIRED_TESTS:
        return [("test-design-mismatch", "warning", "paired_test_two_groups", {"test": claimed},
                 claimed, None)]
    if design == "one-group-pretest-posttest" and claimed in INDEPENDENT_TESTS:
        return [("test-design-mismatch", "warning", "independent_test_one_group",
                 {"test": claimed}, claimed, None)]
    return []
