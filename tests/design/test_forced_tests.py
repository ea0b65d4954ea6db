"""force_test: checked at load against the comparison it would serve; between-group forced
tests run and are recorded with their warning (issue 9, item 4)."""

from dataclasses import replace
from pathlib import Path

import pytest

from laktasi.design import StudyError, forced_tests_allowed, load_study, study_from_mapping
from laktasi.design.plan import analyse
from laktasi.io import load_data
from laktasi.io.tabular import frame_rows
from laktasi.report.chapter import build_chapter
from laktasi.report.document import Paragraph

DATA = Path(__file__).resolve().parent.parent / "data" / "studies"


def _study(design, typ, force, **extra):
    out = {"name": "y", "type": typ, "post": "y_post", "force_test": force}
    if design != "two-group-posttest":
        out["pre"] = "y_pre"
    data = {"study": {"id": "f", "title": "F", "design": design}, "outcomes": [out]}
    if design != "one-group-pretest-posttest":
        data["group"] = {"column": "g", "levels": ["a", "b"], "intervention": "b"}
    return study_from_mapping(data, **extra)


@pytest.mark.parametrize("design,typ,force", [
    ("one-group-pretest-posttest", "count", "mann-whitney"),     # unpaired test on pairs
    ("one-group-pretest-posttest", "binary", "chi-square"),      # use chi-square-paired
    ("one-group-pretest-posttest", "count", "ancova"),
    ("two-group-posttest", "continuous", "wilcoxon"),             # paired test on two groups
    ("two-group-posttest", "continuous", "paired-t"),
    ("two-group-posttest", "binary", "mcnemar"),
    ("two-group-posttest", "continuous", "ancova"),               # needs a pretest
    ("two-group-posttest", "binary", "independent-t"),           # wrong outcome type
    ("nonequivalent-control-pretest-posttest", "binary", "ancova"),
    ("one-group-pretest-posttest", "count", "t-test"),            # not a test id
])
def test_a_forced_test_that_cannot_serve_the_comparison_is_refused(design, typ, force):
    with pytest.raises(StudyError) as info:
        _study(design, typ, force, source="studi.yaml")
    exc = info.value
    allowed = forced_tests_allowed(design, typ)
    assert force not in allowed
    message = str(exc)
    assert message.startswith("studi.yaml: outcomes[0].force_test")
    assert repr(force) in message and ", ".join(allowed) in message
    assert exc.detail["value"] == force and tuple(exc.detail["allowed"]) == allowed


def test_the_refusal_names_the_file_from_load_study_in_the_users_language(tmp_path):
    path = tmp_path / "studi.yaml"
    path.write_text("study: {id: s, title: S, design: two-group-posttest}\n"
                    "group: {column: g, levels: [a, b]}\n"
                    "outcomes: [{name: y, type: count, post: y, force_test: wilcoxon}]\n",
                    encoding="utf-8")
    with pytest.raises(StudyError, match=r"studi\.yaml: outcomes\[0\]\.force_test: = "
                                         r"'wilcoxon' tidak dapat dipakai di sini: wilcoxon "
                                         r"membandingkan ibu yang sama sebelum dan sesudah.*"
                                         r"yang boleh: mann-whitney, independent-t\.$"):
        load_study(path)
    with pytest.raises(StudyError, match=r"studi\.yaml: outcomes\[0\]\.force_test: = "
                                         r"'wilcoxon' cannot be used here: wilcoxon compares "
                                         r"the same mothers before and after.*"
                                         r"allowed: mann-whitney, independent-t\.$"):
        load_study(path, lang="en")
    with pytest.raises(StudyError, match=r"t-test bukan uji yang dijalankan laktasi"):
        _study("one-group-pretest-posttest", "count", "t-test")


def test_allowed_lists_follow_design_and_type():
    assert forced_tests_allowed("one-group-pretest-posttest", "count") == ("wilcoxon",
                                                                           "paired-t")
    assert forced_tests_allowed("two-group-posttest", "binary") == ("chi-square", "fisher")
    assert "ancova" in forced_tests_allowed("nonequivalent-control-pretest-posttest",
                                            "continuous")


def _two_group_rows():
    study = load_study(DATA / "two-group-posttest.yaml")
    frame, _ = load_data(DATA / "two-group-posttest.csv", study)
    return study, frame_rows(frame)


@pytest.mark.parametrize("lang,note", [("id", "atas pilihan peneliti"),
                                       ("en", "as the researcher chose")])
def test_forced_between_group_tests_run_and_are_recorded(lang, note):
    study, rows = _two_group_rows()
    outcomes = list(study.outcomes)
    outcomes[0] = replace(outcomes[0], force_test="mann-whitney")  # rules give the t test
    outcomes[1] = replace(outcomes[1], force_test="fisher")        # rules give chi-square
    outcomes[2] = replace(outcomes[2], force_test="chi-square")    # rules give Fisher
    analysis = analyse(replace(study, outcomes=tuple(outcomes)), rows)
    steps = [o.steps[0] for o in analysis.outcomes]
    assert [s.test for s in steps] == ["mann-whitney", "fisher", "chi-square"]
    assert all(s.forced and s.comparison == "between" for s in steps)
    assert [s.warnings[0].detail["chosen"] for s in steps] == ["independent-t", "chi-square",
                                                               "fisher"]
    assert type(steps[0].result).__name__ == "MannWhitneyResult"
    assert steps[0].result.ranks_x.n == 20 and steps[0].result.ranks_y.n == 20  # unpaired
    assert steps[1].reading == "fisher" and steps[1].pvalue == pytest.approx(0.0562, abs=1e-3)
    assert steps[2].reading == "continuity"  # the forced chi-square reads its 2x2 row
    doc = build_chapter(analysis, lang)
    warnings = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.style == "warning"]
    assert sum(note in t for t in warnings) == 3


def test_forced_tests_in_the_nonequivalent_design():
    import numpy as np

    rng = np.random.default_rng(2)
    rows = [{"g": "a" if i < 15 else "b", "y_pre": float(rng.normal(5, 1)),
             "y_post": float(rng.normal(7 if i < 15 else 8, 1))} for i in range(30)]
    for force, warned in (("mann-whitney-change", False), ("independent-t", True),
                          ("paired-t", False)):
        study = _study("nonequivalent-control-pretest-posttest", "continuous", force)
        steps = analyse(study, rows).outcomes[0].steps
        forced = [s for s in steps if s.forced]
        if force == "paired-t":
            assert [s.comparison for s in forced] == ["within", "within"]
            continue
        assert [(s.comparison, s.test) for s in forced] == [("between", force)]
        codes = [w.code for w in forced[0].warnings]
        assert ("posttest_only_ignores_pretest" in codes) == warned
