"""Every sentence true: control groups, the two-group posttest chapter, the 2x2 reading rule
(issue 9, items 1-3), in Indonesian and English."""

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from laktasi.design import load_study, study_from_mapping
from laktasi.design.plan import analyse, contingency_test
from laktasi.io import load_data
from laktasi.io.tabular import frame_rows
from laktasi.report.chapter import build_chapter
from laktasi.report.document import Paragraph

DATA = Path(__file__).resolve().parent.parent / "data" / "studies"


def _texts(doc):
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


# --- item 1: a group without the intervention gets a sentence about change ------------------

def _control_study():
    return study_from_mapping({
        "study": {"id": "c", "title": "C", "design": "nonequivalent-control-pretest-posttest"},
        "group": {"column": "kelompok",
                  "levels": [{"value": "kontrol", "label": {"id": "kontrol", "en": "control"}},
                             {"value": "pijat", "label": {"id": "pijat oksitosin",
                                                          "en": "oxytocin massage"}}],
                  "intervention": "pijat"},
        "outcomes": [{"name": "asi", "type": "continuous", "pre": "pre", "post": "post",
                      "label": {"id": "Produksi ASI (cc)", "en": "Milk volume (cc)"}}],
    })


def _control_rows(extra_gain):
    rng = np.random.default_rng(3)
    n = 20
    pre = rng.normal(5, 1, 2 * n).round(1)
    # milk rises in both groups (the first postpartum days), more with the massage
    gain = np.r_[rng.normal(2.0, 0.8, n), rng.normal(2.0 + extra_gain, 0.8, n)]
    return [{"kelompok": "kontrol" if i < n else "pijat", "pre": float(pre[i]),
             "post": float(round(pre[i] + gain[i], 1))} for i in range(2 * n)]


@pytest.mark.parametrize("lang,change,effect,not_effect", [
    ("id", "ada perubahan yang bermakna", "ada pengaruh", "bukan pengaruh pijat oksitosin"),
    ("en", "changed significantly", "an effect of", "not an effect of oxytocin massage"),
])
def test_control_group_gets_change_never_effect(lang, change, effect, not_effect):
    analysis = analyse(_control_study(), _control_rows(2.0))
    within = [s for s in analysis.outcomes[0].steps if s.comparison == "within"]
    assert all(s.significant and s.direction == "increase" for s in within)
    doc = build_chapter(analysis, lang)
    hyp = [t for t in _texts(doc) if "H0" in t and not t.startswith(
        ("Perbandingan antar", "The between-group"))]
    control = next(t for t in hyp if ("kelompok kontrol" if lang == "id" else "control group")
                   in t)
    assert change in control and not_effect in control
    assert f"{effect} pijat oksitosin" not in control.replace("bukan pengaruh", "")
    massage = next(t for t in hyp if ("kelompok pijat oksitosin" if lang == "id"
                                      else "oxytocin massage group") in t)
    assert change in massage
    assert "ada pengaruh" not in massage and "there is an effect" not in massage
    # the effect is stated from the between-group test only
    between = analysis.outcomes[0].steps[-1]
    assert between.comparison == "between" and between.significant
    assert between.direction == "pijat"
    claims = [t for t in _texts(doc) if (effect + " pijat oksitosin" if lang == "id"
                                         else "there is an effect of oxytocin massage") in t]
    assert len(claims) == 1
    assert ("antar kelompok" if lang == "id" else "between-group") in claims[0]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_one_group_names_the_studys_intervention(lang):
    study = study_from_mapping({
        "study": {"id": "b", "title": "B", "design": "one-group-pretest-posttest",
                  "intervention": {"id": "massase payudara", "en": "breast massage"}},
        "outcomes": [{"name": "y", "type": "count", "pre": "pre", "post": "post"}],
    })
    rows = [{"pre": 4 + i % 3, "post": 7 + i % 4} for i in range(15)]
    text = " ".join(_texts(build_chapter(analyse(study, rows), lang)))
    assert ("ada pengaruh massase payudara" if lang == "id"
            else "effect of breast massage") in text
    assert "pijat oksitosin" not in text and "oxytocin massage" not in text.replace(
        "oxytocin-massage", "")


# --- item 2: the two-group posttest chapter --------------------------------------------------

def _two_group(study=None):
    study = study or load_study(DATA / "two-group-posttest.yaml")
    frame, _ = load_data(DATA / "two-group-posttest.csv", study)
    return analyse(study, frame_rows(frame))


@pytest.mark.parametrize("lang,before,total", [("id", "Sebelum", "Total"),
                                               ("en", "Before", "Total")])
def test_two_group_posttest_tables_are_true_to_their_rows(lang, before, total):
    doc = build_chapter(_two_group(), lang)
    for tb in doc.tables():
        assert before not in tb.caption, tb.caption  # a posttest design has no "before"
        assert all(before not in row[0] for row in tb.table.rows)
    crosses = [tb.table for tb in doc.tables() if tb.table.header[-1] == total
               and len(tb.table.rows) == 3]
    assert len(crosses) == 2  # one group x outcome table per binary outcome
    flow = crosses[0]
    assert flow.header[1:3] == ("tidak lancar", "lancar")
    sep = "," if lang == "id" else "."
    assert flow.rows[0][1:] == (f"6 (30{sep}0%)", f"14 (70{sep}0%)", f"20 (100{sep}0%)")
    assert flow.rows[2][0] == total and flow.rows[2][3] == f"40 (100{sep}0%)"
    tests = [tb.table for tb in doc.tables() if tb.table.rows and
             tb.table.rows[0][0] == "Pearson Chi-Square"]
    assert len(tests) == 2
    for t in tests:
        names = [r[0] for r in t.rows]
        assert names[:4] == ["Pearson Chi-Square", "Continuity Correction", "Likelihood Ratio",
                             "Fisher's Exact Test"]
        assert t.header[3:] == ("Asymp. Sig. (2-sided)", "Exact Sig. (2-sided)",
                                "Exact Sig. (1-sided)")
    text = " ".join(_texts(doc))
    assert "gave Fisher" not in text and "menunjukkan Fisher," not in text


# --- item 3: which row of the 2 x 2 table is read --------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_2x2_reads_continuity_correction_and_text_agrees_with_table(lang):
    analysis = _two_group()
    flow = analysis.outcomes[1].steps[0]
    assert (flow.test, flow.reading) == ("chi-square", "continuity")
    assert flow.pvalue == pytest.approx(0.0575, abs=5e-4)  # Pearson's would be 0.027
    assert not flow.significant
    doc = build_chapter(analysis, lang)
    sep = "," if lang == "id" else "."
    p_cc = "0,057" if lang == "id" else ".057"
    p_pearson = "0,027" if lang == "id" else ".027"
    table = next(tb.table for tb in doc.tables() if tb.table.rows
                 and tb.table.rows[0][0] == "Pearson Chi-Square")
    row = next(r for r in table.rows if r[0] == "Continuity Correction")
    assert row[3] == p_cc and table.rows[0][3] == p_pearson
    paragraph = next(t for t in _texts(doc) if "Continuity Correction)" in t and "α" in t)
    assert f"p = {p_cc}" in paragraph and p_pearson not in paragraph
    assert ("H0 diterima" if lang == "id" else "H0 is not rejected") in paragraph
    methods = " ".join(_texts(doc))
    assert f"3{sep}609" in paragraph
    assert ("baris Continuity Correction" if lang == "id"
            else "Continuity Correction (Yates) row is read") in methods


@pytest.mark.parametrize("lang", ["id", "en"])
def test_2x2_with_small_expected_reads_fisher(lang):
    step = _two_group().outcomes[2].steps[0]
    assert (step.test, step.reading) == ("fisher", "fisher")
    assert step.pvalue == pytest.approx(0.0915, abs=5e-4)
    doc = build_chapter(_two_group(), lang)
    text = " ".join(_texts(doc))
    assert ("Fisher's Exact Test" in text) and ("0,091" if lang == "id" else ".091") in text


@pytest.mark.parametrize("lang,says", [("id", "atas pilihan peneliti (chi_square_2x2: pearson)"),
                                       ("en", "as the researcher chose (chi_square_2x2: pearson)")])
def test_a_study_may_choose_pearson_and_the_chapter_says_so(lang, says):
    study = replace(load_study(DATA / "two-group-posttest.yaml"), chi_square_2x2="pearson")
    analysis = _two_group(study)
    step = analysis.outcomes[1].steps[0]
    assert (step.reading, step.significant) == ("pearson", True)
    assert step.pvalue == pytest.approx(0.0267, abs=5e-4)
    text = " ".join(_texts(build_chapter(analysis, lang)))
    assert says in text
    assert analysis.outcomes[2].steps[0].reading == "fisher"  # Fisher still rules small counts


def test_study_file_option_is_checked():
    from laktasi.design import StudyError

    base = {"study": {"id": "x", "title": "X", "design": "two-group-posttest",
                      "chi_square_2x2": "yates"},
            "group": {"column": "g", "levels": ["a", "b"]},
            "outcomes": [{"name": "y", "type": "binary", "post": "y"}]}
    with pytest.raises(StudyError, match=r"study\.chi_square_2x2.*continuity, pearson"):
        study_from_mapping(base)


def test_larger_tables_read_pearson():
    test, reading, _, fisher, why = contingency_test([[10, 12, 9], [11, 8, 10]])
    assert (test, reading, fisher, why.code) == ("chi-square", "pearson", None,
                                                 "expected_all_5_or_more_large")
    test, reading, _, fisher, why = contingency_test([[1, 12, 9], [4, 8, 10]])
    assert (test, reading, why.code) == ("fisher", "fisher", "expected_below_5_large")


def _nonequivalent_binary():
    study = study_from_mapping({
        "study": {"id": "n", "title": "N", "design": "nonequivalent-control-pretest-posttest"},
        "group": {"column": "g", "levels": ["kontrol", "pijat"], "intervention": "pijat"},
        "characteristics": [{"column": "pendidikan", "categories": ["SD", "SMP", "SMA", "PT"]}],
        "outcomes": [{"name": "l", "type": "binary", "levels": ["tidak lancar", "lancar"],
                      "pre": "a", "post": "b", "label": {"id": "Kelancaran ASI",
                                                         "en": "Milk flow"}}]})
    post_share = {"kontrol": 4, "pijat": 10}
    rows = []
    for i in range(30):
        g = "kontrol" if i < 15 else "pijat"
        k = i % 15
        rows.append({"g": g, "a": "lancar" if k < 3 else "tidak lancar",
                     "b": "lancar" if k < post_share[g] else "tidak lancar",
                     "pendidikan": ["SD", "SMP", "SMA", "PT"][i % 4]})
    return analyse(study, rows)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_nonequivalent_binary_reads_the_right_rows_before_and_after(lang):
    import json

    analysis = _nonequivalent_binary()
    steps = {(s.comparison, s.group): s for s in analysis.outcomes[0].steps}
    assert steps[("baseline", None)].reading == "fisher"  # 3 of 15 lancar: expected < 5
    post = steps[("between", None)]
    assert (post.test, post.reading, post.direction) == ("chi-square", "continuity", "pijat")
    assert post.pvalue == pytest.approx(post.result.continuity.pvalue)
    bt = analysis.baseline[0]
    assert bt.test == "fisher" and bt.significant is False
    json.dumps(analysis.to_dict())  # the results bundle can hold it
    doc = build_chapter(analysis, lang)
    captions = [tb.caption for tb in doc.tables()]
    assert sum("Chi-Square" in c for c in captions) == 2
    assert any(c.endswith(("Sebelum Intervensi", "before the Intervention")) for c in captions)


@pytest.mark.parametrize("lang,word", [("id", "(menurun dari sebelum ke sesudah)"),
                                       ("en", "(it decreased from before to after)")])
def test_a_significant_fall_is_called_a_fall(lang, word):
    study = study_from_mapping({
        "study": {"id": "d", "title": "D", "design": "one-group-pretest-posttest"},
        "outcomes": [{"name": "y", "type": "count", "pre": "pre", "post": "post"}]})
    rows = [{"pre": 9 + i % 3, "post": 5 + i % 4} for i in range(15)]
    analysis = analyse(study, rows)
    assert analysis.outcomes[0].steps[0].direction == "decrease"
    assert any(word in t for t in _texts(build_chapter(analysis, lang)))
