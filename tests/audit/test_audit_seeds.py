"""The audit on the three seed papers (issue 4's acceptance findings)."""

import json

import pytest

import laktasi.stats as st
from laktasi.audit import AuditError, audit, example_names
from laktasi.report.audit_document import audit_document
from laktasi.report.renderers import render


def test_examples_are_shipped():
    assert example_names() == ["amanda-oku-timur-2023", "blooto-mojokerto-2021",
                               "kota-bengkulu-2018"]


def test_blooto_percent_slips_and_no_false_alarm():
    rep = audit("blooto-mojokerto-2021", lang="en")
    bad = {(f.item, f.code) for f in rep.findings}
    # primipara 16/28 printed 47,1% (57,1%); 22/28 printed 78.5% (78.57%)
    assert ("t41-paritas", "percent-mismatch") in bad
    assert ("t43-pre", "percent-mismatch") in bad
    assert next(f for f in rep.findings if f.item == "t41-paritas").recomputed == pytest.approx(
        57.1429, abs=1e-4)
    # the correct rows raise nothing
    for item in ("t41-usia", "t41-berat", "t41-persalinan", "t41-pekerjaan", "t42-post"):
        assert rep.codes(item) == []
    # Wilcoxon on paired binary data: p "0.000" is what McNemar gives for 6 -> 24 of 28
    assert rep.codes("t43-test") == []
    # the text under table 4.1 prints 57,1% for the same 16 primipara; 78.5% is printed
    # identically in table and text (one slip, not two), 14.3% vs 14.2% for 4 of 28
    assert rep.codes("pct-primipara") == ["value-mismatch"]
    assert rep.codes("pct-pre-tidak-lancar") == []
    assert rep.codes("pct-post-tidak-lancar") == ["value-mismatch"]
    assert rep.count("warning") == 0 and rep.count("note") == 0


def test_kota_bengkulu_value_mismatch_implied_r_and_unsupported_claim():
    rep = audit("kota-bengkulu-2018", lang="en")
    assert rep.codes("mean-pre-eksperimen") == ["value-mismatch"]
    control = next(f for f in rep.findings if f.item == "t2-kontrol")
    lo, hi = control.recomputed["implied_r"]
    # every printed number moves within its rounding: r between 0.59 and 0.67, 0.63 at the
    # printed values themselves
    assert control.severity == "note" and lo < 0.63 < hi and hi - lo < 0.1
    assert control.recomputed["implied_r_at_printed_values"] == pytest.approx(0.63, abs=0.01)
    exp = next(f for f in rep.findings if f.item == "t3-eksperimen")
    # p "0,000" only bounds r from below (about 0.76 at the printed means and SDs)
    assert exp.recomputed["implied_r"][0] == pytest.approx(0.75, abs=0.02)
    assert exp.recomputed["implied_r"][1] == 1.0
    claim = next(f for f in rep.findings if f.item == "conclusion")
    # Welch t on the printed post means/SDs: 2.75 (2.28) vs 1.59 (1.39), n = 15 each
    assert claim.recomputed["welch_post_p"] == pytest.approx(0.1059, abs=5e-4)
    # the change scores and ANCOVA (post adjusted for pre) over every pre-post r the printed
    # p values allow: each range straddles .05, so the untested claim is a method problem
    # (warning), not numbers that cannot be right
    pc, pa = claim.recomputed["welch_change_p"], claim.recomputed["ancova_p"]
    assert pc[0] < 0.05 < pc[1] and pa[0] < 0.05 < pa[1]
    assert claim.code == "claim-unsupported" and claim.severity == "warning"


def test_amanda_is_consistent_except_the_two_printed_p_values():
    rep = audit("amanda-oku-timur-2023", lang="en")
    codes = rep.codes()
    assert "statistic-inconsistent" not in codes  # Z -3.434 / -3.438 attainable with ties
    assert "grim" not in codes and "grimmer" not in codes
    assert codes == ["value-mismatch"]  # text "0,000" vs table "0,001"


def test_json_output_follows_the_spec():
    data = json.loads(render(audit_document(audit("kota-bengkulu-2018")), "json"))
    assert set(data) == {"study", "findings"}
    for f in data["findings"]:
        assert set(f) == {"item", "code", "severity", "message", "reported", "recomputed"}
        assert f["severity"] in {"error", "warning", "note"}


@pytest.mark.parametrize(("items", "code"), [
    ([{"id": "d", "kind": "descriptives", "n": 15, "mean": "5.48", "integer": True}], "grim"),
    ([{"id": "d", "kind": "descriptives", "n": 15, "mean": "5.47", "sd": ".900",
       "integer": True}], "grimmer"),
    ([{"id": "d", "kind": "descriptives", "n": 10, "mean": "9.1", "min": 1, "max": 8}],
     "range-impossible"),
    ([{"id": "d", "kind": "descriptives", "n": 10, "mean": "4.5", "sd": "9.0", "min": 1,
       "max": 8}], "range-impossible"),
    ([{"id": "f", "kind": "frequency", "rows": [{"n": 3}, {"n": 4}], "total": {"n": 8}}],
     "total-mismatch"),
    ([{"id": "w", "kind": "wilcoxon", "n": 15, "negative_ranks": {"n": 0, "mean_rank": 0,
       "sum": 0}, "positive_ranks": {"n": 15, "mean_rank": "8.00", "sum": "120.00"},
       "ties": 0, "z": "-3.100", "p": ".002"}], "statistic-inconsistent"),
    ([{"id": "w", "kind": "wilcoxon", "n": 15, "negative_ranks": {"n": 0, "mean_rank": 0,
       "sum": 0}, "positive_ranks": {"n": 15, "mean_rank": "8.00", "sum": "120.00"},
       "ties": 0, "z": "-3.434", "p": ".020"}], "p-inconsistent"),
    ([{"id": "b", "kind": "paired-binary", "categories": ["cukup", "tidak cukup"],
       "pre": [12, 20], "post": [21, 11], "claimed_test": "chi-square", "p": "0,024"}],
     "test-design-mismatch"),
    ([{"id": "b", "kind": "paired-binary", "categories": ["cukup", "tidak cukup"],
       "pre": [12, 20], "post": [21, 11], "claimed_test": "mcnemar", "p": "0,500"}],
     "p-inconsistent"),
    ([{"id": "r", "kind": "rank-two-group", "groups": [
        {"label": "a", "n": 10, "mean_rank": "7.50", "sum": "75.00"},
        {"label": "b", "n": 10, "mean_rank": "13.50", "sum": "135.00"}],
       "claimed_test": "mann-whitney", "p": "0,008"}], "test-design-mismatch"),
    ([{"id": "m", "kind": "paired-means", "n": 15, "pre": {"mean": "0.62", "sd": "0.70"},
       "post": {"mean": "1.59", "sd": "0.20"}, "p": "0.000"}], "p-inconsistent"),
])
def test_each_check_can_fire(items, code):
    rep = audit({"study": {"id": "x", "design": "one-group-pretest-posttest"}, "items": items})
    assert code in rep.codes(), rep.findings


def test_chi_square_on_paired_data_recomputes_both_tests():
    # STATS-NOTES example: chi-square [[12,20],[21,11]] p .0244 while McNemar needs pairs
    rep = audit({"study": {"id": "x", "design": "one-group-pretest-posttest"}, "items": [
        {"id": "b", "kind": "paired-binary", "categories": ["cukup", "tidak cukup"],
         "pre": [12, 20], "post": [21, 11], "claimed_test": "chi-square", "p": "0,024"}]})
    f = rep.findings[0]
    assert f.recomputed["chi-square"] == pytest.approx(0.02437924, abs=5e-9)
    lo, hi = f.recomputed["mcnemar"]["exact"]
    # every split keeps c - b = 9: from b=0, c=9 (p = 2 / 2^9) to b=11, c=20
    assert lo == pytest.approx(2 * 0.5**9)
    assert hi == pytest.approx(st.mcnemar_table(11, 20).pvalue, rel=1e-12)


@pytest.mark.parametrize("bad", [
    "study: [", {"items": []}, {"study": {"design": "rct"}, "items": []},
    {"study": {"design": "one-group-pretest-posttest"}, "items": [{"id": 1}]},
    {"study": {"design": "one-group-pretest-posttest"}, "items": [
        {"id": "d", "kind": "descriptives", "n": "lima"}]},
    {"study": {"design": "one-group-pretest-posttest"}, "items": [
        {"id": "d", "kind": "descriptives", "n": 5, "mean": "lima koma"}]},
])
def test_bad_input_is_located(tmp_path, bad):
    if isinstance(bad, str):
        p = tmp_path / "bad.yaml"
        p.write_text(bad)
        bad = p
    with pytest.raises(AuditError) as info:
        audit(bad)
    assert str(info.value)
