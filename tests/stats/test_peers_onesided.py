"""One-sided t tests against R 4.2.2 (issue 9, item 12): paired and independent, both
directions, on every paired and two-group dataset of the corpus.

Golden file: tests/reference/golden/r_onesided.json, written by
tests/reference/run_r_onesided.R (``t.test(..., alternative = "less" / "greater")``).
Compared at the R tolerance of tests/reference/compare.py (1e-9 relative, 1e-12 floor):
t, df and the one-sided p. laktasi's CI is two-sided at any ``alternative`` (as SPSS
prints it), so R's one-sided 95 % limit is compared with laktasi's 90 % two-sided limit on
the same side (the same t quantile).
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from compare import begin, close_r
from peer_checks import REF, load

import laktasi.stats as st

CORPUS = load("corpus")
GOLD = json.loads((REF / "golden" / "r_onesided.json").read_text())
ALTERNATIVES = ("less", "greater")


def _arr(values) -> np.ndarray:
    return np.array([math.nan if v is None else v for v in values], dtype=float)


def _compare(family: str, cid: str, row, gold: list, alternative: str, ci90) -> None:
    t, df, p, lo, hi = gold
    close_r(family, "t", row.statistic, t, cid)
    close_r(family, "df", row.df, df, cid)
    close_r(family, f"p {alternative}", row.pvalue, p, cid)
    # R: one-sided 95 % interval (-Inf, hi) for "less", (lo, Inf) for "greater"
    if alternative == "less":
        assert lo == -math.inf
        close_r(family, "one-sided upper limit (90 % two-sided)", ci90.high, hi, cid)
    else:
        assert hi == math.inf
        close_r(family, "one-sided lower limit (90 % two-sided)", ci90.low, lo, cid)


@pytest.mark.parametrize("alternative", ALTERNATIVES)
@pytest.mark.parametrize("cid", sorted(c for c in GOLD if CORPUS[c]["kind"] == "paired"))
def test_paired_one_sided(cid, alternative):
    case = CORPUS[cid]
    family = f"paired t one-sided ({alternative})"
    begin("R", cid, family)
    pre, post = _arr(case["pre"]), _arr(case["post"])
    # > t.test(post, pre, paired = TRUE, alternative = alternative)
    res = st.paired_t(pre, post, alternative=alternative)
    assert res.alternative == alternative
    ci90 = st.paired_t(pre, post, alternative=alternative, confidence_level=0.90).ci
    _compare(family, cid, res, GOLD[cid][f"paired_{alternative}"], alternative, ci90)


@pytest.mark.parametrize("alternative", ALTERNATIVES)
@pytest.mark.parametrize("cid", sorted(c for c in GOLD if CORPUS[c]["kind"] == "two_group"))
def test_independent_one_sided(cid, alternative):
    case = CORPUS[cid]
    family = f"independent t one-sided ({alternative})"
    begin("R", cid, family)
    x, y = _arr(case["x"]), _arr(case["y"])
    # > t.test(x, y, var.equal = TRUE / FALSE, alternative = alternative)
    res = st.independent_t(x, y, alternative=alternative)
    res90 = st.independent_t(x, y, alternative=alternative, confidence_level=0.90)
    for name in ("student", "welch"):
        _compare(family, cid, getattr(res, name), GOLD[cid][f"{name}_{alternative}"],
                 alternative, getattr(res90, name).ci)


def test_every_t_dataset_has_one_sided_golden_values():
    """Every paired dataset and every two-group dataset with spread is in the golden file."""
    paired = {c for c, v in CORPUS.items() if v["kind"] == "paired"}
    two = {c for c, v in CORPUS.items() if v["kind"] == "two_group"
           and any(len({u for u in v[g] if u is not None}) > 1 for g in ("x", "y"))}
    assert paired | two == set(GOLD)
    assert len(GOLD) >= 500
