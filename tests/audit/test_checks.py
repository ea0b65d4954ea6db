"""Each check fires on numbers that cannot be right and stays silent on numbers that can;
expected values come from the core (laktasi.stats) or from the cited reference case."""

import json

import pytest
import typer
from typer.testing import CliRunner

import laktasi.stats as st
from laktasi.audit import audit
from laktasi.cli.audit import register
from laktasi.report.audit_document import audit_document
from laktasi.report.renderers import RENDERERS, render
from laktasi.report.terminal import document_text

ONE = {"id": "x", "design": "one-group-pretest-posttest"}
TWO = {"id": "x", "design": "two-group-posttest"}
# PSPP npar.at Mann-Whitney case (height BY sex, 30 cases)
PSPP_MW = {"id": "r", "kind": "rank-two-group", "groups": [
    {"label": "f", "n": 15, "mean_rank": "14.5333", "sum": "218.00"},
    {"label": "m", "n": 15, "mean_rank": "16.4667", "sum": "247.00"}],
    "u": "98.000", "z": "-.602", "p": ".547"}


def _run(items, study=ONE, lang="en"):
    return audit({"study": study, "items": items}, lang=lang)


def _by_code(rep, code):
    return [f for f in rep.findings if f.code == code]


# --- rank-two-group -----------------------------------------------------------------------

def test_pspp_mann_whitney_case_is_consistent():
    assert _run([PSPP_MW], TWO).findings == ()


@pytest.mark.parametrize(("change", "code"), [
    ({"z": "-2.500", "p": ".012"}, "statistic-inconsistent"),   # |Z| at most 1.390
    ({"p": ".047"}, "p-inconsistent"),
    ({"u": "90.000"}, "statistic-inconsistent"),
    ({"groups": [{**PSPP_MW["groups"][0], "mean_rank": "15.5333"}, PSPP_MW["groups"][1]]},
     "statistic-inconsistent"),
    ({"outcome_levels": 2}, "statistic-inconsistent"),  # 218/247 needs more than 2 values
])
def test_mann_whitney_slips(change, code):
    rep = _run([{**PSPP_MW, **change}], TWO)
    assert code in rep.codes(), rep.findings


def test_binary_outcome_reconstructs_the_tie_structure():
    # lancar (1) / tidak (0): pijat 8 of 10 lancar, kontrol 3 of 10
    x, y = [0] * 2 + [1] * 8, [0] * 7 + [1] * 3
    mw = st.mann_whitney(x, y)
    item = {"id": "r", "kind": "rank-two-group", "outcome_levels": 2, "groups": [
        {"label": "pijat", "n": 10, "mean_rank": f"{mw.ranks_x.mean_rank:.2f}",
         "sum": f"{mw.ranks_x.sum_ranks:.2f}"},
        {"label": "kontrol", "n": 10, "mean_rank": f"{mw.ranks_y.mean_rank:.2f}",
         "sum": f"{mw.ranks_y.sum_ranks:.2f}"}],
        "z": f"{mw.z:.3f}", "p": f"{mw.pvalue:.3f}"}
    rep = _run([item], TWO)
    assert rep.findings == ()
    rep = _run([{**item, "z": "-3.500", "p": "0,000"}], TWO)
    f = _by_code(rep, "statistic-inconsistent")[0]
    # every two-valued data set with these rank sums, the true one (2 + 7 at the lower
    # value) among them, each recomputed by the core's Mann-Whitney
    structures = f.recomputed["binary_structures"]
    assert [2, 7] in [s["lower_value_counts"] for s in structures]
    lo, hi = f.recomputed["abs_z_range"]
    assert lo == pytest.approx(min(abs(s["z"]) for s in structures), abs=1e-12)
    assert hi == pytest.approx(max(abs(s["z"]) for s in structures), abs=1e-12)
    assert lo <= abs(mw.z) <= hi < 3.5


def test_rank_tests_that_do_not_fit_the_design():
    rep = _run([PSPP_MW])  # one group measured twice, analysed as two groups
    assert rep.codes() == ["test-design-mismatch"]
    rep = _run([{**PSPP_MW, "claimed_test": "wilcoxon"}], TWO)
    assert rep.codes() == ["test-design-mismatch"] and "Mann-Whitney" in rep.findings[0].message


# --- wilcoxon -----------------------------------------------------------------------------

AMANDA = {"id": "w", "kind": "wilcoxon", "n": 15, "negative_ranks": {"n": 0, "mean_rank": 0,
          "sum": 0}, "positive_ranks": {"n": 15, "mean_rank": "8.00", "sum": "120.00"},
          "ties": 0, "z": "-3.434", "p": "0,001"}


@pytest.mark.parametrize(("change", "code"), [
    ({"z": "-3.900"}, "statistic-inconsistent"),  # beyond sqrt(15) = 3.873 (all tied)
    ({"z": "-3.300"}, "statistic-inconsistent"),  # below the no-ties 3.408
    ({"n": 16}, "total-mismatch"),
    ({"positive_ranks": {"n": 15, "mean_rank": "8.00", "sum": "112.00"}},
     "statistic-inconsistent"),
])
def test_wilcoxon_slips(change, code):
    assert code in _run([{**AMANDA, **change}]).codes()


def test_wilcoxon_exact_p_is_accepted():
    # all 15 differences positive, no ties: exact p = 2 / 2^15 = .00006 prints "0,000"
    assert _run([{**AMANDA, "z": None, "p": "0,000"}]).findings == ()
    assert "p-inconsistent" in _run([{**AMANDA, "z": None, "p": "0,010"}]).codes()


# --- paired binary ------------------------------------------------------------------------

def test_claimed_wilcoxon_on_binary_pairs_is_recomputed_by_the_core():
    # 9 improved, 2 worsened: signed-rank Z on +-1 differences = (9 - 2) / sqrt(11)
    item = {"id": "b", "kind": "paired-binary", "pre": [12, 8], "post": [5, 15],
            "discordant": {"improved": 9, "worsened": 2}, "claimed_test": "wilcoxon",
            "p": "0,035"}
    assert _run([item]).findings == ()
    assert _run([{**item, "p": "0,065"}]).findings == ()  # McNemar's exact p, the right test
    f = _run([{**item, "p": "0,200"}]).findings[0]
    assert f.code == "p-inconsistent"
    assert f.recomputed["wilcoxon"]["asymptotic"] == pytest.approx(
        st.mcnemar_table(9, 2).chi2_pvalue, rel=1e-12)  # = 0.0348
    assert f.recomputed["mcnemar"]["exact"] == pytest.approx(0.06542969, abs=1e-8)


def test_claimed_wilcoxon_on_binary_pairs_accepts_spss_exact_p():
    # SPSS Exact Tests on +-1 differences: the tie-aware exact signed-rank p, which for
    # 9 improved and 1 worsened is the sign test's 2 * 11 / 2^10 = .0215 (asymptotic .011)
    item = {"id": "b", "kind": "paired-binary", "pre": [12, 8], "post": [4, 16],
            "discordant": {"improved": 9, "worsened": 1}, "claimed_test": "wilcoxon",
            "p": "0,021"}
    assert _run([item]).findings == ()
    f = _run([{**item, "p": "0,300"}]).findings[0]
    assert f.code == "p-inconsistent"
    assert f.recomputed["wilcoxon"]["exact"] == pytest.approx(22 / 1024, rel=1e-12)


@pytest.mark.parametrize(("item", "key"), [
    ({"pre": [12, 8], "post": [5, 16]}, "paired_totals"),
    ({"pre": [12, 8], "post": [5, 15], "discordant": {"improved": 5, "worsened": 2}},
     "discordant_margins"),
])
def test_paired_binary_counts_that_cannot_be(item, key):
    rep = _run([{"id": "b", "kind": "paired-binary", **item}])
    assert rep.codes() == ["total-mismatch"]


def test_chi_square_statistic_is_checked():
    # STATS-NOTES: [[12,20],[21,11]] Pearson 5.06744868
    item = {"id": "b", "kind": "paired-binary", "pre": [12, 20], "post": [21, 11],
            "claimed_test": "chi-square", "statistic": "5.067", "p": "0,024"}
    assert _run([item]).codes() == ["test-design-mismatch"]
    assert "statistic-inconsistent" in _run([{**item, "statistic": "4.004"}]).codes()


# --- frequency and descriptives -----------------------------------------------------------

def test_percent_without_counts():
    rows = [{"label": "a", "pct": "47,1%"}, {"label": "b", "pct": "42,9%"}]
    rep = _run([{"id": "f", "kind": "frequency", "rows": rows, "total": {"n": 28}}])
    # 47,1% is no count of 28 (13/28 = 46.43, 14/28 = 50); the rows add to 90, not 100
    assert rep.codes() == ["percent-mismatch", "total-mismatch"]


@pytest.mark.parametrize(("item", "key"), [
    ({"n": 10, "min": 8, "max": 3}, "min_above_max"),
    ({"n": 10, "mean": "2.4", "min": 3, "max": 8}, "mean_outside_range"),
    ({"n": 10, "mean": "5.5", "sd": "0.50", "min": 1, "max": 10}, "sd_too_small"),
])
def test_range_impossible(item, key):
    rep = _run([{"id": "d", "kind": "descriptives", **item}])
    assert rep.codes() == ["range-impossible"]


def test_amanda_descriptives_pass_grim_and_grimmer():
    # Amanda table 2/3: 5.47 (.915), 4.60 (.507), 11.33 (2.526), 9.40 (1.724), n = 15
    items = [{"id": f"d{i}", "kind": "descriptives", "n": 15, "mean": m, "sd": s,
              "min": lo, "max": hi, "integer": True}
             for i, (m, s, lo, hi) in enumerate([("5.47", ".915", 4, 7), ("4.60", ".507", 4, 5),
                                                 ("11.33", "2.526", 8, 17),
                                                 ("9.40", "1.724", 7, 14)])]
    assert _run(items).findings == ()


# --- paired means and the between-group claim ---------------------------------------------

def test_t_and_p_must_agree():
    # PSPP t-test.at: t -4.78, df 4, p .009
    item = {"id": "m", "kind": "paired-means", "n": 5, "pre": {"mean": "2.00", "sd": ".71"},
            "post": {"mean": "4.00", "sd": "1.50"}, "t": "-4.78", "p": ".009"}
    assert "p-inconsistent" not in [f.code for f in _run([item]).findings if f.severity == "error"]
    assert any(f.severity == "error" for f in _run([{**item, "p": ".090"}]).findings)


def test_claim_on_descriptives_and_bounds_without_p():
    study = {"id": "x", "design": "nonequivalent-control-pretest-posttest"}
    k = {"id": "k", "kind": "paired-means", "group": "kontrol", "n": 15,
         "pre": {"mean": "0,62", "sd": "0,70"}, "post": {"mean": "1.59", "sd": "1.39"}}
    e = {"id": "e", "kind": "paired-means", "group": "eksperimen", "n": 15,
         "pre": {"mean": "0,94", "sd": "1,25"}, "post": {"mean": "2,75", "sd": "2,28"}}
    c = {"id": "c", "kind": "group-comparison-claim", "better": "eksperimen", "than": "kontrol",
         "based_on": ["e", "k"], "tested_between_groups": False}
    f = _run([k, e, c], study).findings[-1]
    assert f.code == "claim-unsupported"
    assert f.recomputed["welch_post_p"] == pytest.approx(0.1059, abs=5e-4)
    lo, hi = f.recomputed["welch_change_p"]  # r anywhere in [-1, 1]
    assert lo < 0.05 < hi
    assert _run([k, e, {**c, "tested_between_groups": True}], study).codes("c") == []


# --- renderers and the command ------------------------------------------------------------

@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_renderer_serves_the_audit(lang, tmp_path):
    import docx

    rep = audit("kota-bengkulu-2018", lang=lang)
    doc = audit_document(rep)
    assert set(RENDERERS) == {"md", "html", "json", "docx"}
    item = ("Butir" if lang == "id" else "Item") + " mean-pre-eksperimen"
    reported = "dilaporkan" if lang == "id" else "reported"
    p_text = "0,1059" if lang == "id" else "0.1059"
    text = document_text(doc, width=1000)
    assert item in text and reported in text.lower() and p_text in text
    assert "angka berbeda antar tempat (value-mismatch)" in text if lang == "id" else (
        "printed differently in different places (value-mismatch)" in text)
    markdown = render(doc, "md").decode("utf-8")
    assert f"## {item}" in markdown and p_text in markdown
    page = render(doc, "html").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and f"<h2>{item}</h2>" in page
    assert p_text in page and f"<html lang='{lang}'>" in page
    data = json.loads(render(doc, "json"))  # the spec's JSON: codes and numbers
    assert data == rep.to_dict() and len(data["findings"]) == len(rep.findings)
    from laktasi.report.render_json import document_from_json, document_to_dict

    whole = json.loads(json.dumps(document_to_dict(doc)))  # blocks, meta and data
    assert whole["data"] == data and whole["meta"]["errors"] == rep.count("error")
    assert document_from_json(whole) == doc
    path = tmp_path / "audit.docx"
    path.write_bytes(render(doc, "docx"))
    words = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert item in words and p_text in words and "(value-mismatch)" in words
    # one paragraph per finding and one for its values, under one heading per item
    headings = [b for b in doc.blocks[2:] if type(b).__name__ == "Heading"]
    assert len(headings) == len({f.item for f in rep.findings})
    assert sum(type(b).__name__ == "Paragraph" for b in doc.blocks[2:]) == 2 * len(rep.findings)


def test_a_finding_says_only_the_values_it_has():
    from laktasi.audit import AuditReport, Finding

    def values(reported, recomputed):
        f = Finding("t4", "statistic-inconsistent", "error", "Jumlah rank harus 465.",
                    reported, recomputed)
        doc = audit_document(AuditReport({"id": "x"}, (f,), "id"))
        return [b.text for b in doc.blocks if getattr(b, "style", "") == "note"]

    assert values(None, 465.0) == ["Dihitung ulang: 465,0000"]
    assert values("0,001", None) == ["Dilaporkan: 0,001"]
    assert values("0,001", {"exact": 0.0241}) == ["Dilaporkan: 0,001 — dihitung ulang: "
                                                  "eksak: 0,0241"]  # the key in words
    assert values(None, None) == []


def test_registered_command():
    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:  # a second command keeps Typer's sub-command layout
        pass

    runner = CliRunner()
    res = runner.invoke(app, ["audit", "--example", "blooto-mojokerto-2021", "--lang", "en"])
    assert res.exit_code == 1 and "t41-paritas" in res.output and "47,1%" in res.output
    res = runner.invoke(app, ["audit", "--example", "amanda-oku-timur-2023", "--format", "html"])
    assert res.exit_code == 1 and "<h2>Butir p-menyusui</h2>" in res.output
    res = runner.invoke(app, ["audit", "--example", "nope"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["audit", "missing.yaml", "--format", "json"])
    assert res.exit_code == 2 and "missing.yaml" in res.output


def test_command_writes_every_format_to_a_file_and_overwrites_only_with_force(tmp_path):
    import docx

    from laktasi.cli import app

    runner = CliRunner()
    ex = ["audit", "--example", "blooto-mojokerto-2021"]
    res = runner.invoke(app, [*ex, "--format", "docx"])
    assert res.exit_code == 2 and "--out" in res.output
    res = runner.invoke(app, [*ex, "--format", "pdf"])
    assert res.exit_code == 2 and "pdf" in res.output
    assert all(f in res.output for f in ("text", "md", "html", "json", "docx"))
    res = runner.invoke(app, [*ex, "--out", str(tmp_path / "audit.pdf")])
    assert res.exit_code == 2 and "pdf" in res.output and not (tmp_path / "audit.pdf").exists()
    out = tmp_path / "audit.docx"
    res = runner.invoke(app, [*ex, "--out", str(out)])  # the format from the suffix
    assert res.exit_code == 1 and str(out) in res.output  # error findings: exit code 1
    first = out.read_bytes()
    words = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Butir t41-paritas" in words and "(percent-mismatch)" in words
    res = runner.invoke(app, [*ex, "--out", str(out), "--lang", "en"])
    assert res.exit_code == 2 and "--force" in res.output and out.read_bytes() == first
    res = runner.invoke(app, [*ex, "--out", str(out), "--lang", "en", "--force"])
    assert res.exit_code == 1 and "Item t41-paritas" in "\n".join(
        p.text for p in docx.Document(str(out)).paragraphs)
    for fmt, name in (("md", "a.md"), ("text", "a.txt"), ("json", "a.json"), ("html", "a.html")):
        res = runner.invoke(app, [*ex, "--format", fmt, "--out", str(tmp_path / name)])
        assert res.exit_code == 1, res.output
        written = (tmp_path / name).read_text(encoding="utf-8")
        shown = runner.invoke(app, [*ex, "--format", fmt]).output
        if fmt == "json":
            assert json.loads(written) == json.loads(shown)
        elif fmt == "text":
            def words(text):  # the heading's rule is as wide as the terminal
                return text.replace("─", " ").split()

            assert words(written) == words(shown)
        else:
            assert written.rstrip("\n") == shown.rstrip("\n")
    res = runner.invoke(app, [*ex, "--out", str(tmp_path / "no-folder" / "a.md")])
    assert res.exit_code == 2 and "no-folder" in res.output
    assert not (tmp_path / "no-folder").exists()


# --- group claims -------------------------------------------------------------------------

def test_claim_contradicted_by_every_analysis_is_an_error():
    items = [
        {"id": "k", "kind": "paired-means", "group": "kontrol", "n": 15,
         "pre": {"mean": "1.00", "sd": "1.00"}, "post": {"mean": "2.00", "sd": "1.00"},
         "claimed_test": "paired-t", "p": "0,001"},
        {"id": "e", "kind": "paired-means", "group": "eksperimen", "n": 15,
         "pre": {"mean": "1.00", "sd": "1.00"}, "post": {"mean": "2.10", "sd": "1.00"},
         "claimed_test": "paired-t", "p": "0,001"},
        {"id": "c", "kind": "group-comparison-claim", "better": "eksperimen", "than": "kontrol",
         "based_on": ["k", "e"], "tested_between_groups": False}]
    study = {"id": "s", "design": "nonequivalent-control-pretest-posttest"}
    f = _by_code(_run(items, study=study), "claim-unsupported")[0]
    assert f.severity == "error" and min(f.recomputed["ancova_p"]) > 0.05
    assert "ANCOVA" in f.message
