"""The checks a careful reader makes (issue 13): bounded-scale SD, one n across the paper,
the printed total percentage, printed text kept by the YAML loader, the Wilcoxon /
Mann-Whitney message, a loud warning for an (almost) empty file, Indonesian severities."""

import itertools
import json
import math

import numpy as np
import pytest

from laktasi.audit import audit
from laktasi.audit.checks import max_sd_bounded
from laktasi.audit.printed import parse_printed
from laktasi.audit.reconstruct import reconstruct
from laktasi.audit.schema import load_yaml, validate
from laktasi.report.audit_document import audit_document
from laktasi.report.renderers import render
from laktasi.report.terminal import document_text

ONE = {"id": "x", "design": "one-group-pretest-posttest"}
TWO = {"id": "x", "design": "two-group-posttest"}


def _run(items, study=ONE, lang="id"):
    return audit({"study": study, "items": items}, lang=lang)


def _text(rep):
    """What ``laktasi audit`` prints, without wrapping the lines."""
    return document_text(audit_document(rep), width=1000)


def _json(rep):
    return json.loads(render(audit_document(rep), "json"))


def test_sd_impossible_on_a_0_to_4_scale_is_found_and_reconstruct_agrees():
    item = {"id": "d", "kind": "descriptives", "n": 20, "mean": "3,60", "sd": "1,50",
            "min": 0, "max": 4}
    rep = _run([item])
    f = next(f for f in rep.findings if f.code == "range-impossible")
    assert f.severity == "error" and f.recomputed["max_sd"] == pytest.approx(1.238, abs=1e-3)
    rc = reconstruct(item)
    assert rc.impossible and rc.reason == "range"
    # a possible SD on the same scale (16 fours, 2 threes, 2 ones): neither command objects
    ok = {**item, "sd": "0,94"}
    assert "range-impossible" not in _run([ok]).codes()
    assert not reconstruct(ok).impossible


@pytest.mark.parametrize("n", [3, 4, 5])
def test_the_largest_sd_of_whole_numbers_matches_brute_force(n):
    # every multiset of n values in 0..4: the largest SD among those whose mean prints so
    best: dict[str, float] = {}
    for vals in itertools.combinations_with_replacement(range(5), n):
        text = f"{np.mean(vals) + 1e-12:.2f}"
        best[text] = max(best.get(text, 0.0), float(np.std(vals, ddof=1)))
    for text, sd in best.items():
        got = max_sd_bounded(n, parse_printed(text), parse_printed(0), parse_printed(4),
                             integer=True)
        assert got == pytest.approx(sd, abs=1e-12), text


def test_the_yaml_loader_keeps_unquoted_numbers_as_printed(tmp_path):
    data = load_yaml("study: {design: one-group-pretest-posttest}\nitems:\n"
                     "  - {id: d, kind: descriptives, n: 15, mean: 5.50, sd: .900}\n"
                     "  - {id: w, kind: wilcoxon, z: -3.410, p: 0.000}\n")
    _, items = validate(data, "f.yaml")
    assert (items[0]["mean"].text, items[0]["mean"].decimals) == ("5.50", 2)
    assert items[0]["sd"].decimals == 3 and items[0]["n"] == 15
    assert (items[1]["p"].text, items[1]["p"].high) == ("0.000", 0.0005)
    path = tmp_path / "r.yaml"
    path.write_text("study: {design: one-group-pretest-posttest}\nitems:\n"
                    "  - {id: w, kind: wilcoxon, z: -3.410, p: 0.000}\n", encoding="utf-8")
    assert audit(path).count("error") == 0


def test_n_that_differs_between_tables_is_a_warning():
    rep = _run([
        {"id": "f", "kind": "frequency", "rows": [{"n": 20}, {"n": 12}]},
        {"id": "d", "kind": "descriptives", "n": 30, "mean": "5,1"},
        {"id": "m", "kind": "paired-means", "n": 28, "pre": {"mean": "1", "sd": "1"},
         "post": {"mean": "2", "sd": "1"}}])
    f = [f for f in rep.findings if f.code == "value-mismatch"]
    assert len(f) == 1 and f[0].severity == "warning"
    assert "32" in f[0].message and "30" in f[0].message and "28" in f[0].message
    same = _run([{"id": "f", "kind": "frequency", "rows": [{"n": 20}, {"n": 10}]},
                 {"id": "d", "kind": "descriptives", "n": 30, "mean": "5,1"}])
    assert "value-mismatch" not in same.codes()
    # two groups: each group's items agree with each other, not with the other group
    groups = _run([{"id": "a", "kind": "descriptives", "n": 15, "group": "kontrol", "mean": "1"},
                   {"id": "b", "kind": "descriptives", "n": 16, "group": "intervensi",
                    "mean": "1"}], study=TWO)
    assert "value-mismatch" not in groups.codes()


@pytest.mark.parametrize(("total_pct", "found"), [("90", True), ("100", False),
                                                  ("99,9", False), ("100,0%", False)])
def test_the_printed_total_percentage_is_checked(total_pct, found):
    rows = [{"n": 7, "pct": "33,3"}, {"n": 7, "pct": "33,3"}, {"n": 7, "pct": "33,3"}]
    # "99,9": the sum of the printed rows, as some papers print it
    rep = _run([{"id": "f", "kind": "frequency", "rows": rows,
                 "total": {"n": 21, "pct": total_pct}}])
    assert ("percent-mismatch" in rep.codes()) is found, rep.findings


def test_wilcoxon_named_on_a_two_group_ranks_table_with_a_binary_outcome():
    item = {"id": "r", "kind": "rank-two-group", "outcome_levels": 2, "claimed_test": "wilcoxon",
            "groups": [{"label": "pijat", "n": 10, "mean_rank": "8.00", "sum": "80.00"},
                       {"label": "kontrol", "n": 10, "mean_rank": "13.00", "sum": "130.00"}]}
    en = _run([item], study=TWO, lang="en")
    f = next(f for f in en.findings if f.code == "test-design-mismatch")
    assert "Mann-Whitney layout of two independent groups" in f.message
    assert "chi-square or Fisher" in f.message and "McNemar" in f.message
    assert "paired Wilcoxon" not in f.message
    one = next(f for f in _run([item], lang="en").findings if f.code == "test-design-mismatch")
    assert "McNemar" in one.message and "use the paired Wilcoxon" not in one.message


@pytest.mark.parametrize(("items", "reason"), [
    ([], "empty_file"),
    ([{"id": "d", "kind": "descriptives", "n": 15, "mean": "5,47"}], "no_test_result")])
def test_an_empty_or_nearly_empty_file_is_a_loud_warning(items, reason):
    rep = _run(items)
    assert rep.nearly_empty and rep.exit_code == 1
    assert rep.not_checked[0].reason == reason
    text = _text(rep)
    assert "PERINGATAN" in text and "Tidak ada temuan" not in text
    assert _json(rep)["not_checked"][0]["reason"] == reason


def test_recomputed_chi_squares_have_distinct_labels_and_severities_are_indonesian():
    rep = _run([{"id": "b", "kind": "paired-binary", "categories": ["cukup", "tidak cukup"],
                 "pre": [12, 20], "post": [21, 11], "claimed_test": "chi-square", "p": "0,024"}])
    text = _text(rep)
    assert "khi-kuadrat McNemar" in text and "khi-kuadrat Pearson (kelompok independen)" in text
    assert "PERINGATAN" in text and "uji tidak sesuai desain (test-design-mismatch)" in text
    assert "WARNING" not in text
    data = _json(rep)
    assert data["findings"][0]["severity"] == "warning"
    assert data["findings"][0]["code"] == "test-design-mismatch"
    assert set(data["findings"][0]["recomputed"]["mcnemar"]) == {
        "exact", "spss", "mcnemar-chi-square", "mcnemar-chi-square-corrected"}
    assert "ERROR" in _text(_run([{"id": "f", "kind": "frequency",
                                   "rows": [{"n": 3}, {"n": 4}], "total": {"n": 8}}], lang="en"))
    assert not math.isnan(rep.findings[0].recomputed["chi-square"])
