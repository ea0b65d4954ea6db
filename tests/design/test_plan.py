"""The design picks the test and says why."""

import json

import numpy as np
import pytest

from laktasi.design import study_from_mapping
from laktasi.design.plan import analyse
from laktasi.errors import LaktasiInputError


def _one_group(outcome_type="count", force=None, levels=None):
    out = {"name": "y", "type": outcome_type, "pre": "y_pre", "post": "y_post"}
    if force:
        out["force_test"] = force
    if levels:
        out["levels"] = levels
    return study_from_mapping({
        "study": {"id": "t", "title": "T", "design": "one-group-pretest-posttest"},
        "id_column": "kode",
        "characteristics": ["umur", "paritas"],
        "outcomes": [out],
    })


def _rows(pre, post, **extra):
    rows = []
    for i, (a, b) in enumerate(zip(pre, post, strict=True)):
        row = {"kode": f"R{i + 1:02d}", "y_pre": a, "y_post": b, "umur": 18 + i,
               "paritas": "primipara" if i % 2 else "multipara"}
        for k, v in extra.items():
            row[k] = v[i]
        rows.append(row)
    return rows


def test_counts_with_non_normal_differences_get_wilcoxon():
    pre = [5] * 15
    post = [5 + d for d in (1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 8, 10, 14)]
    a = analyse(_one_group(), _rows(pre, post))
    step = a.outcomes[0].steps[0]
    assert step.test == "wilcoxon"
    assert step.reasons[0].code == "differences_not_normal"
    assert step.checks[0].test == "shapiro_wilk" and step.checks[0].pvalue < 0.05
    assert step.result.ties == 0 and step.result.positive.n == 15
    assert [w.code for w in a.warnings] == ["no_control_group"]
    json.dumps(a.to_dict())  # the whole analysis is JSON-serialisable


def test_normal_differences_get_paired_t():
    rng = np.random.default_rng(11)
    pre = rng.normal(10, 2, 30)
    post = pre + rng.normal(1.5, 1.0, 30)
    step = analyse(_one_group("continuous"), _rows(pre, post)).outcomes[0].steps[0]
    assert step.test == "paired-t"
    assert step.reasons[0].code == "differences_normal"
    assert step.reasons[0].detail["p"] >= 0.05


def test_paired_binary_gets_mcnemar_and_forced_chi_square_warns():
    pre = ["tidak lancar"] * 22 + ["lancar"] * 6
    post = ["tidak lancar"] * 4 + ["lancar"] * 24
    study = _one_group("binary", levels=["tidak lancar", "lancar"])
    step = analyse(study, _rows(pre, post)).outcomes[0].steps[0]
    assert step.test == "mcnemar"
    assert (step.result.b, step.result.c) == (18, 0)
    forced = analyse(_one_group("binary", force="chi-square-paired",
                                levels=["tidak lancar", "lancar"]),
                     _rows(pre, post)).outcomes[0].steps[0]
    assert forced.forced and forced.test == "chi-square-paired"
    assert "chi_square_on_paired_data" in [w.code for w in forced.warnings]


def test_nonequivalent_design_adds_baseline_and_between_group_ancova():
    rng = np.random.default_rng(7)
    n = 15
    pre = rng.normal(0.8, 0.6, 2 * n).clip(0).round(2)
    post = (pre + np.r_[rng.normal(0.9, 0.6, n), rng.normal(1.3, 0.6, n)]).round(2)
    group = ["kontrol"] * n + ["eksperimen"] * n
    study = study_from_mapping({
        "study": {"id": "k", "title": "K", "design": "nonequivalent-control-pretest-posttest"},
        "group": {"column": "kelompok", "levels": ["kontrol", "eksperimen"],
                  "intervention": "eksperimen"},
        "outcomes": [{"name": "y", "type": "continuous", "pre": "y_pre", "post": "y_post"}],
    })
    a = analyse(study, _rows(pre, post, kelompok=group))
    steps = a.outcomes[0].steps
    assert [(s.comparison, s.group) for s in steps] == [
        ("within", "kontrol"), ("within", "eksperimen"), ("baseline", None), ("between", None)]
    between = steps[-1]
    assert between.test in {"ancova", "mann-whitney-change"}
    if between.test == "ancova":
        assert between.result.df_effect == 1 and 0 <= between.result.effect_size.value <= 1


def test_missing_study_columns_fail_clearly():
    with pytest.raises(LaktasiInputError, match="no rows"):
        analyse(_one_group(), [])
