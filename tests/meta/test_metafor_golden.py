"""laktasi.meta against R metafor 4 (golden file; tests/reference/meta/run_metafor.R)."""

import json
from pathlib import Path

import pytest
from compare import close_r

from laktasi.meta import (
    effects,
    egger_test,
    leave_one_out,
    rma,
    subgroups,
    tau2_ci,
    trim_and_fill,
)

REF = Path(__file__).parents[1] / "reference" / "meta"
CASES = {c["id"]: c for c in json.loads((REF / "cases.json").read_text())}
GOLD = json.loads((REF / "metafor_golden.json").read_text())
REL = 1e-6  # the bound


@pytest.mark.parametrize("cid", sorted(GOLD))
def test_against_metafor(cid):
    case = CASES[cid]
    for key, gold in GOLD[cid].items():
        if key in {"escalc", "leave1out", "egger", "subgroup", "trimfill", "tau2_ci"}:
            continue
        method, test = key.split("_")
        # > rma(yi, vi, method = METHOD, test = TEST, control = list(threshold = 1e-10))
        res = rma(case["yi"], case["vi"], method=method, test=test)
        what = f"meta {method}/{test}"
        close_r(f"{what} estimate", res.estimate, gold["b"], cid, rel=REL)
        close_r(f"{what} se", res.se, gold["se"], cid, rel=REL)
        close_r(f"{what} ci", res.ci.low, gold["ci"][0], cid, rel=REL)
        close_r(f"{what} ci", res.ci.high, gold["ci"][1], cid, rel=REL)
        close_r(f"{what} p", res.pvalue, gold["pval"], cid, rel=REL)
        # where tau^2 is 0, metafor's iterations end a hair above it (1e-10 or less)
        assert res.tau2 == pytest.approx(gold["tau2"], rel=REL, abs=1e-9), (cid, what)
        assert res.i2 == pytest.approx(gold["I2"], rel=REL, abs=1e-8), (cid, what)
        close_r(f"{what} H2", res.h2, gold["H2"], cid, rel=REL)
        close_r(f"{what} Q", res.q, gold["QE"], cid, rel=REL)
        if gold.get("pi"):
            # > predict(fit)$pi.lb, $pi.ub
            close_r(f"{what} prediction interval", res.pi.low, gold["pi"][0], cid, rel=REL)
            close_r(f"{what} prediction interval", res.pi.high, gold["pi"][1], cid, rel=REL)


@pytest.mark.parametrize("cid", sorted(GOLD))
def test_effect_sizes_against_escalc(cid):
    e, gold = CASES[cid]["es"], GOLD[cid]["escalc"]
    got = {
        # > escalc("SMCR", m1i = m1, m2i = m2, sd1i = sd2, ni = n1, ri = r)
        "SMCR": effects.smd_change_raw(e["m1"], e["m2"], e["sd2"], e["n1"], e["r"]),
        "MC": effects.mean_change(e["m1"], e["m2"], e["sd1"], e["sd2"], e["n1"], e["r"]),
        "SMD": effects.smd(e["m1"], e["sd1"], e["n1"], e["m2"], e["sd2"], e["n2"]),
        "MD": effects.mean_difference(e["m1"], e["sd1"], e["n1"], e["m2"], e["sd2"], e["n2"]),
        "OR": effects.log_odds_ratio(*e["counts"]),
    }
    for measure, (yi, vi) in got.items():
        close_r(f"escalc {measure} yi", yi, gold[measure][0], cid)
        close_r(f"escalc {measure} vi", vi, gold[measure][1], cid)


def test_example_meta_analysis_and_forest_plot(tmp_path):
    from typer.testing import CliRunner

    from laktasi.cli import app

    out = tmp_path / "forest.png"
    res = CliRunner().invoke(app, ["meta", "--example", "--plot", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_bytes().startswith(b"\x89PNG")
    assert "pooled" in res.output and "Bengkulu" in res.output and "SMCR" in res.output


@pytest.mark.parametrize("cid", sorted(GOLD))
def test_sensitivity_against_metafor(cid):
    case, gold = CASES[cid], GOLD[cid]
    y, v = case["yi"], case["vi"]
    # > leave1out(rma(yi, vi, method = "REML"))
    for res, est, se in zip(leave_one_out(y, v, method="REML"), gold["leave1out"]["estimate"],
                            gold["leave1out"]["se"], strict=True):
        close_r("leave-one-out estimate", res.estimate, est, cid, rel=REL)
        close_r("leave-one-out se", res.se, se, cid, rel=REL)
    # > confint(rma(yi, vi, method = "REML"))$random   (Q-profile tau^2 and I^2 limits)
    t2, i2 = tau2_ci(y, v)
    for ours, theirs in zip((t2.low, t2.high, i2.low, i2.high), gold["tau2_ci"], strict=True):
        assert ours == pytest.approx(theirs, rel=1e-6, abs=1e-9), cid
    # > trimfill(rma(yi, vi, method = "REML"))   (L0 estimator, side chosen by metafor's rule)
    tf, gtf = trim_and_fill(y, v, method="REML"), gold["trimfill"]
    assert (tf.k0, tf.side) == (gtf["k0"], gtf["side"]), cid
    close_r("trim-and-fill estimate", tf.result.estimate, gtf["b"], cid, rel=REL)
    close_r("trim-and-fill se", tf.result.se, gtf["se"], cid, rel=REL)
    if tf.k0:
        fills = gtf["fill"] if isinstance(gtf["fill"], list) else [gtf["fill"]]
        for ours, theirs in zip(sorted(tf.filled_yi), sorted(fills), strict=True):
            close_r("trim-and-fill filled effect", ours, theirs, cid, rel=REL)
    # > regtest(fit, model = "lm")
    eg = egger_test(y, v)
    close_r("egger t", eg.statistic, gold["egger"]["z"], cid, rel=REL)
    close_r("egger p", eg.pvalue, gold["egger"]["p"], cid, rel=REL)
    assert eg.df == gold["egger"]["df"]
    # subgroups a/b alternating; > rma(c(b_a, b_b), sei = c(se_a, se_b), method = "FE")$QE
    if len(y) < 4:  # laktasi asks for at least 2 studies per subgroup
        return
    labels = ["a" if i % 2 == 0 else "b" for i in range(len(y))]
    sg = subgroups(y, v, labels, method="DL")
    close_r("subgroup a", sg.groups["a"].estimate, gold["subgroup"]["a"], cid, rel=REL)
    close_r("subgroup b", sg.groups["b"].estimate, gold["subgroup"]["b"], cid, rel=REL)
    close_r("subgroup Q between", sg.q_between, gold["subgroup"]["Q"], cid, rel=REL)
    close_r("subgroup p", sg.pvalue, gold["subgroup"]["p"], cid, rel=REL)
