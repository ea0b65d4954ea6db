"""Zero false alarms: studies simulated here, analysed by laktasi, printed as SPSS prints
(half-up rounding, 2-3 decimals, "0,000" for p < .0005) and audited give no error."""

import numpy as np
import pytest

import laktasi.stats as st
from laktasi.audit import audit
from laktasi.i18n.numbers import fmt_number

N_STUDIES = 1000


def _p(p: float) -> str:
    return fmt_number(p, 3, "id")  # SPSS: "0,000" for p < .0005


def _study(seed: int) -> dict:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(8, 41))
    pre = rng.integers(3, 9, n)
    post = np.clip(pre + rng.integers(-1, 5, n), 1, 14)
    parity = rng.choice(["primipara", "multipara", "grandemultipara"], n, p=[.45, .45, .1])
    freq = st.frequencies(parity.tolist(), categories=["primipara", "multipara",
                                                       "grandemultipara"])
    items = [{"id": "f", "kind": "frequency", "rows": [
        {"label": r.value, "n": r.n, "pct": fmt_number(r.percent, 1, "id") + "%"}
        for r in freq.rows], "total": {"n": n}}]
    for name, x in (("pre", pre), ("post", post)):
        d = st.descriptives(x)
        items.append({"id": f"d-{name}", "kind": "descriptives", "n": n,
                      "mean": fmt_number(d.mean, 2, "en"), "sd": fmt_number(d.sd, 3, "en"),
                      "min": int(d.min), "max": int(d.max), "integer": True})
    if np.any(post != pre):
        w = st.wilcoxon_signed_rank(pre, post)
        items.append({"id": "w", "kind": "wilcoxon", "n": n,
                      "negative_ranks": {"n": w.negative.n,
                                         "mean_rank": fmt_number(w.negative.mean_rank, 2, "en")
                                         if w.negative.n else 0,
                                         "sum": fmt_number(w.negative.sum_ranks, 2, "en")},
                      "positive_ranks": {"n": w.positive.n,
                                         "mean_rank": fmt_number(w.positive.mean_rank, 2, "en")
                                         if w.positive.n else 0,
                                         "sum": fmt_number(w.positive.sum_ranks, 2, "en")},
                      "ties": w.ties, "z": fmt_number(w.z, 3, "en"), "p": _p(w.pvalue)})
    if np.std(post - pre) > 0:
        t = st.paired_t(pre, post)
        items.append({"id": "t", "kind": "paired-means", "n": n,
                      "pre": {"mean": fmt_number(t.pre.mean, 2, "en"),
                              "sd": fmt_number(t.pre.sd, 2, "en")},
                      "post": {"mean": fmt_number(t.post.mean, 2, "en"),
                               "sd": fmt_number(t.post.sd, 2, "en")},
                      "claimed_test": "paired-t", "p": _p(t.pvalue)})
    b, c = int(rng.integers(0, 12)), int(rng.integers(0, 6))
    a = int(rng.integers(0, 10))
    d_ = n - a - b - c if n - a - b - c >= 0 else 0
    m = st.mcnemar_table(b, c, a=a, d=d_)
    items.append({"id": "b", "kind": "paired-binary", "categories": ["tidak", "lancar"],
                  "pre": [a + b, c + d_], "post": [a + c, b + d_], "claimed_test": "mcnemar",
                  "p": _p(m.pvalue)})
    return {"study": {"id": f"sim{seed}", "design": "one-group-pretest-posttest"},
            "items": items}


@pytest.mark.parametrize("block", range(10))
def test_simulated_studies_give_no_error(block):
    per = N_STUDIES // 10
    for seed in range(block * per, (block + 1) * per):
        report = audit(_study(seed), lang="en")
        errors = [f for f in report.findings if f.severity == "error"]
        assert not errors, (seed, errors)


N_TWO_GROUP = 100


def _two_group_study(seed: int) -> dict:
    """Two independent groups, a whole-number or binary outcome, Mann-Whitney printed as
    SPSS prints it (mean ranks and sums 2 decimals, U 3, Z 3, p 3); outcome_levels given
    for half of them (the number of values the scale allows)."""
    rng = np.random.default_rng(10_000 + seed)
    n1, n2 = int(rng.integers(5, 21)), int(rng.integers(5, 21))
    levels = int(rng.integers(2, 7))
    x, y = rng.integers(0, levels, n1), np.minimum(rng.integers(0, levels, n2) + 1, levels - 1)
    if np.ptp(np.concatenate([x, y])) == 0:
        return {"study": {"id": f"mw{seed}", "design": "two-group-posttest"}, "items": []}
    mw = st.mann_whitney(x, y)
    item = {"id": "mw", "kind": "rank-two-group", "claimed_test": "mann-whitney", "groups": [
        {"label": "pijat", "n": n1, "mean_rank": fmt_number(mw.ranks_x.mean_rank, 2, "en"),
         "sum": fmt_number(mw.ranks_x.sum_ranks, 2, "en")},
        {"label": "kontrol", "n": n2, "mean_rank": fmt_number(mw.ranks_y.mean_rank, 2, "en"),
         "sum": fmt_number(mw.ranks_y.sum_ranks, 2, "en")}],
        "u": fmt_number(mw.u, 3, "en"), "z": fmt_number(mw.z, 3, "en"),
        # SPSS prints Asymp. Sig. and, for small samples, Exact Sig. (no ties): either
        "p": _p(mw.pvalue_asymptotic if seed % 3 else mw.pvalue_exact_no_ties)}
    if seed % 2:
        item["outcome_levels"] = levels
    return {"study": {"id": f"mw{seed}", "design": "two-group-posttest"}, "items": [item]}


@pytest.mark.parametrize("block", range(2))
def test_simulated_two_group_studies_give_no_finding(block):
    per = N_TWO_GROUP // 2
    for seed in range(block * per, (block + 1) * per):
        report = audit(_two_group_study(seed), lang="en")
        assert not report.findings, (seed, report.findings)
