"""laktasi.meta against R metafor 3.8-1 (golden file written by
tests/reference/meta/run_metafor.R from tests/reference/meta/cases.json).

Every value is compared to 1e-6 relative (issue 5); the terminal summary prints the number of
meta-analyses and the largest relative difference per quantity.
"""

import json
import math
from pathlib import Path

import pytest
from metafor_agreement import close

from laktasi.meta import (
    effects,
    egger_test,
    heterogeneity_ci,
    leave_one_out,
    over_correlation,
    rma,
    subgroups,
    trim_and_fill,
)
from laktasi.meta.inputs import effect_for

REF = Path(__file__).parents[1] / "reference" / "meta"
CASES = {c["id"]: c for c in json.loads((REF / "cases.json").read_text())}
GOLD = json.loads((REF / "metafor_golden.json").read_text())
IDS = sorted(GOLD)
TAU2_ABS = 1e-9  # where tau^2 is 0, metafor's REML/PM iterations may end a hair above it


def _rows(case):
    return [{**s, "measure": case["measure"], "r": case.get("r")} for s in case["studies"]]


def _effects(case):
    return [effect_for(row) for row in _rows(case)]


def _yv(cid):
    effs = _effects(CASES[cid])
    return [e.yi for e in effs], [e.vi for e in effs]


def test_enough_cases():
    # issue 5: >= 50 meta-analyses, k from 3 to 30, every measure
    ks = [len(c["studies"]) for c in CASES.values()]
    assert len(GOLD) >= 50 and min(ks) == 3 and max(ks) <= 30
    assert {c["measure"] for c in CASES.values()} == {"SMCR", "SMCC", "MC", "SMD", "MD", "OR",
                                                      "RR", "RD", "MPORC"}
    # 2x2 and paired tables with a zero cell (escalc's 1/2 correction) for each binary measure
    zero = {c["measure"] for c in CASES.values() for s in c["studies"]
            if c["measure"] in ("OR", "RR", "RD", "MPORC") and 0 in (s["a"], s["b"], s["c"], s["d"])}
    assert zero == {"OR", "RR", "RD", "MPORC"}


@pytest.mark.parametrize("cid", IDS)
def test_effect_sizes_against_escalc(cid):
    case, gold = CASES[cid], GOLD[cid]["escalc"]
    m = case["measure"]
    # > escalc(MEASURE, ...) with the case's summaries (run_metafor.R, effects())
    for e, yi, vi in zip(_effects(case), gold["yi"], gold["vi"], strict=True):
        assert e.measure == m
        close(f"escalc {m} yi", e.yi, yi, cid)
        close(f"escalc {m} vi", e.vi, vi, cid)


@pytest.mark.parametrize("cid", [c for c in IDS if CASES[c]["measure"] in ("SMCC", "SMD")])
def test_conversions_from_t_and_p_equal_escalc(cid):
    """The t a paper would print, converted, gives escalc's SMCC / SMD exactly."""
    case, gold = CASES[cid], GOLD[cid]["escalc"]
    for s, yi, vi in zip(case["studies"], gold["yi"], gold["vi"], strict=True):
        if case["measure"] == "SMCC":
            r = case["r"]
            sd_d = math.sqrt(s["sd_post"] ** 2 + s["sd_pre"] ** 2
                             - 2 * r * s["sd_post"] * s["sd_pre"])
            t = (s["m_post"] - s["m_pre"]) / (sd_d / math.sqrt(s["n"]))
            from_t = effects.smcc_from_t(t, s["n"])
        else:
            n1, n2 = s["n1"], s["n2"]
            sp = math.sqrt(((n1 - 1) * s["sd1"] ** 2 + (n2 - 1) * s["sd2"] ** 2) / (n1 + n2 - 2))
            t = (s["m1"] - s["m2"]) / (sp * math.sqrt(1 / n1 + 1 / n2))
            from_t = effects.smd_from_t(t, n1, n2)
        # > escalc("SMCC" | "SMD", ...)$yi, $vi
        close(f"{case['measure']} from t yi", from_t.yi, yi, cid)
        close(f"{case['measure']} from t vi", from_t.vi, vi, cid)


@pytest.mark.parametrize("cid", IDS)
def test_models_against_rma(cid):
    y, v = _yv(cid)
    for method in ("FE", "DL", "REML", "PM"):
        for test in ("z", "knha"):
            # > rma(yi, vi, method = METHOD, test = TEST, control = ctrl)  and  predict(fit)
            gold = GOLD[cid][f"{method}_{test}"]
            res = rma(y, v, method=method, test=test)
            what = f"rma {method}/{test}"
            close(f"{what} estimate", res.estimate, gold["b"], cid)
            close(f"{what} se", res.se, gold["se"], cid)
            close(f"{what} z/t", res.statistic, gold["zval"], cid)
            close(f"{what} p", res.pvalue, gold["pval"], cid)
            close(f"{what} ci", res.ci.low, gold["ci"][0], cid)
            close(f"{what} ci", res.ci.high, gold["ci"][1], cid)
            close(f"{what} tau2", res.tau2, gold["tau2"], cid, abs_tol=TAU2_ABS)
            close(f"{what} I2", res.i2, gold["I2"], cid, abs_tol=100 * TAU2_ABS)
            close(f"{what} H2", res.h2, gold["H2"], cid, abs_tol=TAU2_ABS)
            close(f"{what} Q", res.q, gold["QE"], cid)
            close(f"{what} Q p", res.q_pvalue, gold["QEp"], cid)
            if gold["pi"] is not None:
                close(f"{what} prediction interval", res.pi.low, gold["pi"][0], cid)
                close(f"{what} prediction interval", res.pi.high, gold["pi"][1], cid)
            else:
                assert res.pi is None


@pytest.mark.parametrize("cid", IDS)
def test_heterogeneity_ci_against_confint(cid):
    y, v = _yv(cid)
    # > confint(rma(yi, vi, method = "REML"))$random   (Q-profile)
    h, gold = heterogeneity_ci(y, v), GOLD[cid]["confint"]
    for name in ("tau2", "tau", "I2", "H2"):
        ours = getattr(h, name.lower())
        tol = {"tau": math.sqrt(TAU2_ABS), "I2": 100 * TAU2_ABS}.get(name, TAU2_ABS)
        close(f"confint {name}", ours.low, gold[name][0], cid, abs_tol=tol)
        close(f"confint {name}", ours.high, gold[name][1], cid, abs_tol=tol)


@pytest.mark.parametrize("cid", IDS)
def test_leave_one_out_against_leave1out(cid):
    y, v = _yv(cid)
    gold = GOLD[cid]["leave1out"]
    # > leave1out(rma(yi, vi, method = "REML"))
    for i, res in enumerate(leave_one_out(y, v, method="REML")):
        close("leave1out estimate", res.estimate, gold["estimate"][i], cid)
        close("leave1out se", res.se, gold["se"][i], cid)
        close("leave1out tau2", res.tau2, gold["tau2"][i], cid, abs_tol=TAU2_ABS)


@pytest.mark.parametrize("cid", IDS)
def test_trim_and_fill_against_trimfill(cid):
    y, v = _yv(cid)
    # > trimfill(rma(yi, vi, method = "REML"))   (estimator L0, metafor's side rule)
    tf, gold = trim_and_fill(y, v, method="REML"), GOLD[cid]["trimfill"]
    assert (tf.k0, tf.side) == (gold["k0"], gold["side"]), cid
    close("trimfill estimate", tf.result.estimate, gold["b"], cid)
    close("trimfill se", tf.result.se, gold["se"], cid)
    for ours, theirs in zip(sorted(tf.filled_yi), sorted(gold["fill"]), strict=True):
        close("trimfill filled effect", ours, theirs, cid)


@pytest.mark.parametrize("cid", IDS)
def test_trim_and_fill_with_knapp_hartung_against_trimfill(cid):
    y, v = _yv(cid)
    # > trimfill(rma(yi, vi, method = "REML", test = "knha"), test = "knha")   (metafor 3.8
    # refits the filled model with z unless test is passed on; laktasi keeps the test the
    # analysis asked for)
    tf, gold = trim_and_fill(y, v, method="REML", test="knha"), GOLD[cid]["trimfill_knha"]
    assert tf.k0 == gold["k0"] and tf.result.test == "knha", cid
    close("trimfill knha estimate", tf.result.estimate, gold["b"], cid)
    close("trimfill knha se", tf.result.se, gold["se"], cid)
    close("trimfill knha p", tf.result.pvalue, gold["pval"], cid)
    close("trimfill knha ci", tf.result.ci.low, gold["ci"][0], cid)
    close("trimfill knha ci", tf.result.ci.high, gold["ci"][1], cid)


@pytest.mark.parametrize("cid", IDS)
def test_egger_against_regtest(cid):
    y, v = _yv(cid)
    # > regtest(fit, model = "lm")   (fit: rma(yi, vi, method = "REML"))
    eg, gold = egger_test(y, v, model="lm"), GOLD[cid]["egger_lm"]
    close("regtest lm t", eg.statistic, gold["t"], cid)
    close("regtest lm p", eg.pvalue, gold["p"], cid)
    assert eg.df == gold["df"]
    # > regtest(fit)   (metafor's default: model = "rma", predictor = "sei")
    eg, gold = egger_test(y, v, model="rma", method="REML"), GOLD[cid]["egger_rma"]
    close("regtest rma z", eg.statistic, gold["z"], cid)
    close("regtest rma p", eg.pvalue, gold["p"], cid)
    close("regtest rma limit estimate", eg.intercept, gold["limit"], cid)


@pytest.mark.parametrize("cid", [c for c in IDS if "subgroup" in GOLD[c]])
def test_subgroups_against_metafor(cid):
    y, v = _yv(cid)
    labels = ["a" if i % 2 == 0 else "b" for i in range(len(y))]
    gold = GOLD[cid]["subgroup"]
    # > fa <- rma(y[g == "a"], v[g == "a"], method = "DL"); fb likewise
    # > rma(c(fa$b, fb$b), sei = c(fa$se, fb$se), method = "FE")$QE, $QEp
    sg = subgroups(y, v, labels, method="DL")
    close("subgroup estimate", sg.groups["a"].estimate, gold["a"], cid)
    close("subgroup estimate", sg.groups["b"].estimate, gold["b"], cid)
    close("subgroup Q between", sg.q_between, gold["Q"], cid)
    close("subgroup Q between p", sg.pvalue, gold["p"], cid)
    for key, (method, test) in {"DL_z": ("DL", "z"), "REML_z": ("REML", "z"),
                                "REML_knha": ("REML", "knha"), "PM_z": ("PM", "z")}.items():
        # > rma(yi, vi, mods = ~ factor(g), method = METHOD, test = TEST, control = ctrl)
        mod = subgroups(y, v, labels, method=method, test=test).moderator
        g = GOLD[cid]["moderator"][key]
        what = f"moderator {key}"
        close(f"{what} QM", mod.qm, g["QM"], cid)
        close(f"{what} QM p", mod.qm_pvalue, g["QMp"], cid)
        assert mod.qm_df == g["QMdf"][0]
        for j in range(2):
            close(f"{what} coefficient", mod.coefficients[j], g["b"][j], cid)
            close(f"{what} coefficient se", mod.se[j], g["se"][j], cid)
            close(f"{what} coefficient p", mod.pvalues[j], g["pval"][j], cid)
        close(f"{what} tau2", mod.tau2, g["tau2"], cid, abs_tol=TAU2_ABS)
        close(f"{what} QE", mod.qe, g["QE"], cid)
        close(f"{what} QE p", mod.qe_pvalue, g["QEp"], cid)
        close(f"{what} I2", mod.i2, g["I2"], cid, abs_tol=100 * TAU2_ABS)
        close(f"{what} H2", mod.h2, g["H2"], cid, abs_tol=TAU2_ABS)
        # R2 = 100 (tau2_f - tau2) / tau2_f is undefined where the intercept-only tau2_f is 0
        # (metafor's iterations stop a hair above it and give 0 or 100 by chance)
        if g.get("R2") is not None and GOLD[cid][f"{method}_z"]["tau2"] > TAU2_ABS:
            close(f"{what} R2", mod.r2, g["R2"], cid, abs_tol=100 * TAU2_ABS)


@pytest.mark.parametrize("cid", [c for c in IDS if "r_sensitivity" in GOLD[c]])
def test_sensitivity_over_correlation(cid):
    sens = over_correlation(_rows(CASES[cid]), (0.3, 0.5, 0.7), method="REML")
    for r, res in zip(sens.r, sens.results, strict=True):
        # > rma(escalc(MEASURE, ..., ri = R), method = "REML")
        gold = GOLD[cid]["r_sensitivity"][f"{r:.1f}"]
        close("r sensitivity estimate", res.estimate, gold["b"], cid)
        close("r sensitivity se", res.se, gold["se"], cid)
        close("r sensitivity tau2", res.tau2, gold["tau2"], cid, abs_tol=TAU2_ABS)
        close("r sensitivity ci", res.ci.low, gold["ci"][0], cid)
        close("r sensitivity ci", res.ci.high, gold["ci"][1], cid)
