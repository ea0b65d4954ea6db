"""``laktasi extract``: the draft recovers the printed numbers of the three seed papers,
every guess points to its line, and the YAML reads back to the same data."""

from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from laktasi.audit.extract import Draft, Missing, extract_text
from laktasi.audit.printed import parse_printed
from laktasi.audit.schema import validate
from laktasi.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "seeds"  # copies of the seed papers' texts
HAND = ROOT / "src" / "laktasi" / "datasets" / "audit"
NAMES = ("amanda-oku-timur-2023", "blooto-mojokerto-2021", "kota-bengkulu-2018")
NUMERIC = {"n", "pct", "mean", "sd", "min", "max", "mean_rank", "sum", "z", "p", "t", "u",
           "statistic", "ties", "pre", "post", "printed"}
runner = CliRunner()


def _draft(name: str) -> tuple[str, Draft]:
    text = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
    return text, extract_text(text, source=f"{name}.txt")


def _numbers(node, key=None):
    """(field, value) of every printed number in a reported-results mapping."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _numbers(v, key if key == "printed" else k)
    elif isinstance(node, list):
        for v in node:
            yield from _numbers(v, key)
    elif key in NUMERIC and not isinstance(node, bool) and node is not None:
        yield key, round(parse_printed(node).value, 6)


def _recovered(name: str) -> tuple[int, int]:
    hand = yaml.safe_load((HAND / f"{name}.yaml").read_text(encoding="utf-8"))
    recorded = Counter(_numbers(hand["items"]))
    drafted = Counter(_numbers(_draft(name)[1].data["items"]))
    return sum((recorded & drafted).values()), sum(recorded.values())


# measured on the seed texts: recovered / recorded printed numbers of the hand-written YAML
@pytest.mark.parametrize(("name", "floor", "recorded"), [
    ("amanda-oku-timur-2023", 62, 66),
    ("blooto-mojokerto-2021", 45, 51),
    ("kota-bengkulu-2018", 36, 40),
])
def test_the_draft_recovers_the_hand_recorded_numbers(name, floor, recorded):
    got, total = _recovered(name)
    assert total == recorded
    assert got >= floor


def test_amanda_wilcoxon_z_and_p_and_the_text_p_value():
    _, d = _draft("amanda-oku-timur-2023")
    wil = [i for i in d.data["items"] if i["kind"] == "wilcoxon"]
    assert [(i["z"], i["p"]) for i in wil] == [("-3.434", "0,001"), ("-3.438", "0,001")]
    assert [i["positive_ranks"] for i in wil] == [{"n": 15, "mean_rank": "8.00",
                                                   "sum": "120.00"}] * 2
    value = next(i for i in d.data["items"] if i["kind"] == "value")
    assert value["printed"] == {"line 103": "0,000", "tabel 4": "0,001"}
    assert d.data["study"]["design"] == "one-group-pretest-posttest"


def test_blooto_frequency_rows_and_the_paired_table():
    _, d = _draft("blooto-mojokerto-2021")
    paritas = next(i for i in d.data["items"] if i.get("variable") == "Paritas")
    assert paritas["rows"] == [{"label": "Primipara", "n": 16, "pct": "47,1%"},
                               {"label": "Multipara", "n": 12, "pct": "42,9%"}]
    assert paritas["total"] == {"n": 28, "pct": "100%"}
    work = next(i for i in d.data["items"] if i.get("variable") == "Status Pekerjaan")
    assert [r["n"] for r in work["rows"]] == [17, 11]  # the table goes on after a page break
    pb = next(i for i in d.data["items"] if i["kind"] == "paired-binary")
    assert (pb["pre"], pb["post"], pb["claimed_test"], pb["p"]) == ([6, 22], [24, 4],
                                                                     "wilcoxon", "0.000")


def test_kota_bengkulu_means_sds_and_p():
    _, d = _draft("kota-bengkulu-2018")
    pm = [i for i in d.data["items"] if i["kind"] == "paired-means"]
    assert [(i["group"], i["n"], i["pre"], i["post"], i["p"]) for i in pm] == [
        ("kontrol", 15, {"mean": "0,62", "sd": "0,70"}, {"mean": "1.59", "sd": "1.39"}, "0,004"),
        ("eksperimen", 15, {"mean": "0,94", "sd": "1,25"}, {"mean": "2,75", "sd": "2,28"},
         "0,000")]
    assert d.data["study"]["design"] == "nonequivalent-control-pretest-posttest"
    assert [i["group"] for i in d.data["items"] if i["kind"] == "frequency"] == [
        "Kontrol", "Eksperimen", "Kontrol", "Eksperimen"]


@pytest.mark.parametrize("name", NAMES)
def test_every_guess_points_to_a_line_that_holds_its_snippet(name):
    text, d = _draft(name)
    lines = text.splitlines()
    assert d.guesses
    for g in d.guesses:
        assert g.snippet and g.snippet in lines[g.line - 1], g


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_yaml_reads_back_to_the_data(name, lang):
    _, d = _draft(name)
    text = d.to_yaml(lang)
    assert yaml.safe_load(text) == d.data
    word = "PERIKSA" if lang == "id" else "CHECK"
    # one comment after every guessed value
    assert text.count(f"# {word}: ") == len(d.guesses)


@pytest.mark.parametrize("name", NAMES)
def test_the_seed_drafts_pass_the_validator_once_accepted(name):
    _, d = _draft(name)
    assert d.missing == ()
    study, items = validate(d.data, name)
    assert study["design"] == d.data["study"]["design"] and len(items) == len(d.data["items"])


def test_the_comment_names_line_and_snippet():
    d = extract_text("Tabel 1 Paritas\nprimipara 16 47,1%\nmultipara 12 42,9%\n")
    text = d.to_yaml("id")
    assert 'n: 16  # PERIKSA: baris 2 "primipara 16 47,1%"' in text
    assert "# LENGKAPI: study.design" in text
    assert 'pct: "42,9%"  # CHECK: line 3 "multipara 12 42,9%"' in d.to_yaml("en")
    assert "DRAF" in text and "DRAFT" in d.to_yaml("en")


# ------------------------------------------------------------------ synthetic patterns


def _only(text):
    d = extract_text(text)
    items = [{k: v for k, v in i.items() if k != "id"} for i in d.data["items"]]
    return d, items


@pytest.mark.parametrize(("text", "item", "missing"), [
    ("Hasil uji Wilcoxon: Z = -3,434; p = 0,001.",
     {"kind": "wilcoxon", "claimed_test": "wilcoxon", "z": "-3,434", "p": "0,001"},
     ["negative_ranks", "positive_ranks"]),
    ("The Wilcoxon test gave Z = −2.85, p = 0.004.",
     {"kind": "wilcoxon", "claimed_test": "wilcoxon", "z": "-2.85", "p": "0.004"},
     ["negative_ranks", "positive_ranks"]),
    ("Uji chi-square: χ² = 5,21; p = 0,022.",
     {"kind": "paired-binary", "claimed_test": "chi-square", "statistic": "5,21", "p": "0,022"},
     ["pre", "post"]),
    ("Chi-square (1) = 4.10, p < 0.05.",
     {"kind": "paired-binary", "claimed_test": "chi-square", "statistic": "4.10", "p": "<0.05"},
     ["pre", "post"]),
    ("Mann-Whitney U = 12.5, p = .008",
     {"kind": "rank-two-group", "claimed_test": "mann-whitney", "u": "12.5", "p": ".008"},
     ["groups"]),
    ("Uji Mann-Whitney menghasilkan Z = -2,61 dan nilai p = 0,009.",
     {"kind": "rank-two-group", "claimed_test": "mann-whitney", "z": "-2,61", "p": "0,009"},
     ["groups"]),
    ("McNemar test p = 0.031.",
     {"kind": "paired-binary", "claimed_test": "mcnemar", "p": "0.031"}, ["pre", "post"]),
    ("Uji Fisher exact ρ value 0,045.",
     {"kind": "paired-binary", "claimed_test": "fisher", "p": "0,045"}, ["pre", "post"]),
    ("Uji t berpasangan t(14) = 3,30, p = 0,005.",
     {"kind": "paired-means", "claimed_test": "paired-t", "t": "3,30", "p": "0,005"},
     ["n", "pre", "post"]),
    ("Paired t-test: t = -3.13, Sig. 0.007",
     {"kind": "paired-means", "claimed_test": "paired-t", "t": "-3.13", "p": "0.007"},
     ["n", "pre", "post"]),
    ("Rerata produksi ASI 5,47 ± 0,91 ml.",
     {"kind": "descriptives", "mean": "5,47", "sd": "0,91"}, ["n"]),
    ("Mean milk volume was 5.47 ± 0.91 ml.",
     {"kind": "descriptives", "mean": "5.47", "sd": "0.91"}, ["n"]),
])
def test_sentences(text, item, missing):
    d, items = _only(text)
    assert items == [item]
    assert [m.field for m in d.missing] == ["study.design", *missing]
    assert all(g.line == 1 and g.snippet in text for g in d.guesses)


def test_p_values_without_a_test_are_listed_not_placed():
    d, items = _only("Hasil analisis nilai p = 0,001 dan Asymp. Sig. (2-tailed) 0,000.\n"
                     "p<0,05 artinya signifikan.")
    assert items == []
    assert [(m.line, m.snippet) for m in d.unplaced] == [
        (1, "nilai p = 0,001"), (1, "Sig. (2-tailed) 0,000"), (2, "p<0,05")]
    assert "baris 2 \"p<0,05\"" in d.to_yaml("id")


def test_cited_studies_are_not_drafted():
    d, items = _only("Penelitian (Utami, 2013) menemukan uji Wilcoxon Z = -2,1 (p=0,059).")
    assert items == [] and [m.what for m in d.unplaced] == ["cited"]


@pytest.mark.parametrize(("text", "design"), [
    ("Desain one group pretest posttest.", "one-group-pretest-posttest"),
    ("Rancangan pra-eksperimen satu kelompok dengan pretest dan posttest.",
     "one-group-pretest-posttest"),
    ("A quasi experiment with a nonequivalent control group design.",
     "nonequivalent-control-pretest-posttest"),
    ("Kuasi eksperimen, pretest pada kelompok kontrol dan kelompok intervensi.",
     "nonequivalent-control-pretest-posttest"),
    ("Posttest only control group design.", "two-group-posttest"),
    ("Data pretest dan posttest dibandingkan.", "one-group-pretest-posttest"),
])
def test_design_words(text, design):
    d = extract_text(text)
    assert d.data["study"]["design"] == design
    assert [g.path for g in d.guesses] == ["study.design"]


def test_frequency_lines_id_and_en_with_total():
    _, items = _only("Tabel 2 Paritas\nPrimipara\t16 (47,1%)\nMultipara\t12 (42,9%)\n"
                     "Total\t28\t100%\n")
    assert items == [{"kind": "frequency", "source": "tabel 2",
                      "rows": [{"label": "Primipara", "n": 16, "pct": "47,1%"},
                               {"label": "Multipara", "n": 12, "pct": "42,9%"}],
                      "total": {"n": 28, "pct": "100%"}}]
    _, items = _only("Table 1\nAge\t< 20 years\t2\t13.3%\n\t20-35 years\t13\t86.7%\n")
    assert items == [{"kind": "frequency", "source": "table 1", "variable": "Age",
                      "rows": [{"label": "< 20 years", "n": 2, "pct": "13.3%"},
                               {"label": "20-35 years", "n": 13, "pct": "86.7%"}]}]


def test_sample_size_fills_a_one_group_total():
    d, items = _only("One group pretest-posttest; the sample was 15 mothers.\n\n"
                     "Table 1\nParity\tPrimipara\t6\t40.0%\n\tMultipara\t9\t60.0%\n")
    assert items[0]["total"] == {"n": 15}
    g = next(g for g in d.guesses if g.path == "items[0].total.n")
    assert (g.line, g.snippet, g.reason) == (1, "sample was 15 mothers", "sample-size")


def test_descriptives_table_id():
    _, items = _only("Tabel 2 Sebelum pijat\n\nSebelum\tN\tMean\tStd Deviasi\tMin\tMax\n"
                     "Menyusui\t15\t5,47\t0,915\t4\t7\n")
    assert items == [{"kind": "descriptives", "source": "tabel 2", "variable": "Menyusui",
                      "time": "pre", "n": 15, "mean": "5,47", "sd": "0,915", "min": "4",
                      "max": "7"}]


def test_spss_ranks_and_test_statistics_pasted_as_text():
    _, items = _only("Ranks\n\t\tN\tMean Rank\tSum of Ranks\n"
                     "post - pre\tNegative Ranks\t0a\t.00\t.00\n"
                     "\tPositive Ranks\t15b\t8.00\t120.00\n\tTies\t0c\n\tTotal\t15\n\n"
                     "Test Statistics\n\tpost - pre\nZ\t-3.434b\nAsymp. Sig. (2-tailed)\t.001\n")
    assert items == [{"kind": "wilcoxon", "variable": "post - pre", "n": 15,
                      "negative_ranks": {"n": 0, "mean_rank": ".00", "sum": ".00"},
                      "positive_ranks": {"n": 15, "mean_rank": "8.00", "sum": "120.00"},
                      "ties": 0, "claimed_test": "wilcoxon", "z": "-3.434", "p": ".001"}]


def test_spss_mann_whitney_ranks_with_spaces():
    _, items = _only("Ranks\n          N    Mean Rank    Sum of Ranks\n"
                     "ASI   pijat    10    7.50    75.00\n      kontrol    10    13.50    135.00\n"
                     "      Total    20\n\nTest Statistics\nMann-Whitney U    20.000\n"
                     "Z    -2.286\nAsymp. Sig. (2-tailed)    .022\n")
    assert items == [{"kind": "rank-two-group", "variable": "ASI",
                      "groups": [{"label": "pijat", "n": 10, "mean_rank": "7.50", "sum": "75.00"},
                                 {"label": "kontrol", "n": 10, "mean_rank": "13.50",
                                  "sum": "135.00"}],
                      "claimed_test": "mann-whitney", "u": "20.000", "z": "-2.286",
                      "p": ".022"}]


def test_spss_paired_samples_statistics_and_test():
    _, items = _only("Paired Samples Statistics\n\t\tMean\tN\tStd. Deviation\tStd. Error Mean\n"
                     "Pair 1\tpre\t.62\t15\t.70\t.181\n\tpost\t1.59\t15\t1.39\t.359\n\n"
                     "Paired Samples Test\n\t\tMean\tStd. Deviation\tStd. Error Mean\tLower\t"
                     "Upper\tt\tdf\tSig. (2-tailed)\n"
                     "Pair 1\tpre - post\t-.97\t1.20\t.31\t-1.63\t-.30\t-3.13\t14\t.007\n")
    assert items == [{"kind": "paired-means", "n": 15, "pre": {"mean": ".62", "sd": ".70"},
                      "post": {"mean": "1.59", "sd": "1.39"}, "claimed_test": "paired-t",
                      "t": "-3.13", "p": ".007"}]


def test_ocr_noise_nbsp_and_unicode_minus_keep_their_snippets():
    text = "Uji Wilcoxon Z\u00a0=\u00a0\u22123,21; \u03c1 value 0,001."
    d, items = _only(text)
    assert items[0]["z"] == "-3,21" and items[0]["p"] == "0,001"
    assert {g.snippet for g in d.guesses} == {"Z\u00a0=\u00a0\u22123,21", "\u03c1 value 0,001"}


def test_a_text_without_results_gives_an_empty_draft_that_still_reads_back():
    d = extract_text("")
    assert d.data == {"study": {"id": "draft"}, "items": []}
    assert d.missing == (Missing("study", "study.design"),)
    assert yaml.safe_load(d.to_yaml("en")) == d.data


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.text(max_size=40),
    st.sampled_from(["\t", "  ", "\n", "p = ", "0,05", "±", "%", "Z = -", "Tabel 1", "Total",
                     "Ranks", "Mean Rank", "N", "(", ")", "12", ".915", "\u00a0", "\u2212",
                     "ρ value", "Sig.", "Pair 1", "t(", "χ²", "Wilcoxon", "Mean", "Std"])),
    max_size=40))
def test_random_text_never_raises(parts):
    text = "".join(parts)
    d = extract_text(text)
    assert isinstance(d, Draft)
    assert yaml.safe_load(d.to_yaml("id")) == d.data
    lines = text.splitlines()
    assert all(g.snippet in lines[g.line - 1] for g in d.guesses)


# ------------------------------------------------------------------ command line


def test_cli_writes_yaml_to_stdout_and_to_a_file(tmp_path):
    paper = SEEDS / "amanda-oku-timur-2023.txt"
    res = runner.invoke(app, ["extract", str(paper), "--lang", "en"])
    assert res.exit_code == 0
    assert yaml.safe_load(res.stdout) == _draft("amanda-oku-timur-2023")[1].data
    assert "# CHECK: line 98" in res.stdout
    out = tmp_path / "draft.yaml"
    res = runner.invoke(app, ["extract", str(paper), "--out", str(out)])
    assert res.exit_code == 0
    assert "PERIKSA" in out.read_text(encoding="utf-8")
    assert runner.invoke(app, ["audit", str(out)]).exit_code in (0, 1)


@pytest.mark.parametrize(("lang", "message"), [("id", "berkas tidak ditemukan"),
                                               ("en", "file not found")])
def test_cli_missing_file_exits_2_with_a_message(tmp_path, lang, message):
    res = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "--lang", lang])
    assert res.exit_code == 2
    assert message in res.output and "Traceback" not in res.output


def test_cli_undecodable_file_exits_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xc3\x28 p = 0,05")
    res = runner.invoke(app, ["extract", str(bad), "--lang", "en"])
    assert res.exit_code == 2 and "not a readable UTF-8 text file" in res.output
    assert runner.invoke(app, ["extract", str(bad), "--lang", "fr"]).exit_code == 2
