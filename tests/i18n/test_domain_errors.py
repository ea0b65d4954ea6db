"""Errors of power, meta-analysis and audit in the command's language (issue 9, item 8):
Indonesian by default, English with ``--lang en``, exit code 2, never a traceback; the
English ``str()`` the Python API raises stays as it was."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from laktasi.cli import app
from laktasi.errors import LaktasiError
from laktasi.i18n.errors import error_text

runner = CliRunner()
ENGLISH = re.compile(r"\b(must|lie|between|there is|study|standard deviation|needs|"
                     r"not allowed|is not)\b")


def _run(args: list[str], lang: str) -> str:
    res = runner.invoke(app, args + (["--lang", "en"] if lang == "en" else []),
                        terminal_width=400)
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    return " ".join(res.output.split())


POWER = [
    (["power", "paired-t", "--dz", "0.5", "--alpha", "2"],
     "alpha = 2 dan power = 0,8 harus terletak antara 0 dan 1.",
     "alpha = 2 and power = 0.8 must lie between 0 and 1."),
    (["power", "simulate", "--n", "1"],
     "n = 1, sims = 20.000, chunk = 25.000: diperlukan n ≥ 2, sims ≥ 1 dan chunk ≥ 1.",
     "n = 1, sims = 20,000, chunk = 25,000: need n >= 2, sims >= 1 and chunk >= 1."),
    (["power", "two-proportions", "--p1", "0.5", "--p2", "0.5"],
     "p1 dan p2 sama (0,5): tidak ada perbedaan yang dapat dideteksi.",
     "p1 and p2 are equal (0.5): there is no difference to detect."),
]


@pytest.mark.parametrize(("args", "indonesian", "english"), POWER)
def test_power_errors_in_both_languages(args, indonesian, english):
    said = _run(args, "id")
    assert indonesian in said, said
    assert not ENGLISH.search(said), said
    assert english in _run(args, "en")


def _studies(tmp_path, sd1="0"):
    p = tmp_path / "m4.csv"
    p.write_text("label,measure,m1,sd1,n1,m2,sd2,n2\n"
                 f"A,SMD,5,{sd1},20,4,1,20\nB,SMD,5,1,20,4,1,20\n", encoding="utf-8")
    return p


def test_meta_names_the_file_and_the_study_in_both_languages(tmp_path):
    p = _studies(tmp_path)
    said = _run(["meta", str(p)], "id")
    assert f"{p}: studi ke-1: sd1 = 0: simpangan baku (SD) harus > 0." in said, said
    assert not ENGLISH.search(said.replace(str(p), "")), said
    assert f"{p}: study 1: sd1 = 0: a standard deviation must be > 0." in _run(
        ["meta", str(p)], "en")
    said = _run(["meta", str(_studies(tmp_path, "x"))], "id")
    assert "studi ke-1, kolom 'sd1': 'x' bukan angka (SMD memerlukan m1, sd1, n1" in said


def test_meta_python_api_keeps_its_english_message_and_neutral_fields(tmp_path):
    from laktasi.meta import read_studies

    with pytest.raises(LaktasiError) as info:
        read_studies(_studies(tmp_path))
    exc = info.value
    assert str(exc) == f"{tmp_path / 'm4.csv'}: study 1: sd1 = 0.0: a standard deviation must be > 0."
    place, inner = exc.detail["place"], exc.detail["error"]
    assert (place["source"], place["number"]) == (str(tmp_path / "m4.csv"), 1)
    assert inner.detail == {"name": "sd1", "value": 0.0, "message_id": "sd_not_positive"}
    assert error_text(exc, "en") == (f"{tmp_path / 'm4.csv'}: study 1: sd1 = 0: a standard "
                                     "deviation must be > 0.")


def test_meta_too_few_studies_and_unknown_method(tmp_path):
    from laktasi.meta import meta_analysis

    with pytest.raises(LaktasiError) as info:
        meta_analysis([{"measure": "SMD", "yi": 0.1, "vi": 0.1}])
    assert error_text(info.value, "id") == "Meta-analisis memerlukan paling sedikit 2 studi."
    assert str(info.value) == "A meta-analysis needs at least 2 studies."
    said = _run(["meta", str(_studies(tmp_path, "1")), "--method", "XX"], "en")
    assert "method='XX' is not allowed; choose one of 'FE'" in said


def test_audit_schema_error_in_both_languages(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("study: {design: rct}\nitems: []\n", encoding="utf-8")
    said = _run(["audit", str(p)], "id")
    assert f"{p}: study.design = 'rct' tidak diizinkan (bukan nama yang dikenal); yang " \
           "diizinkan: one-group-pretest-posttest" in said, said
    assert f"{p}: study.design = 'rct' is not allowed (not a known name); allowed: " \
           "one-group-pretest-posttest" in _run(["audit", str(p)], "en")


def test_an_audit_item_the_core_refuses_words_the_inner_error(tmp_path):
    p = tmp_path / "item.yaml"
    p.write_text("study: {design: one-group-pretest-posttest}\nitems:\n"
                 "  - {id: t1, kind: paired-means, n: 2, pre: {mean: '5,0', sd: '0,0'}, "
                 "post: {mean: '5,0', sd: '0,0'}, t: '1,0', p: '0,5'}\n", encoding="utf-8")
    said = _run(["audit", str(p)], "id")
    assert said == (f"{p}: items[0] (butir 't1'): sd_pre dan sd_post harus lebih dari 0 (r "
                    "tidak terdefinisi bila salah satu kelompok tidak bervariasi)."), said
    assert _run(["audit", str(p)], "en") == (
        f"{p}: items[0] (item 't1'): sd_pre and sd_post must be above 0 (r is undefined when "
        "either group has no spread).")


def test_a_printed_number_that_is_not_one_is_located_in_both_languages():
    from laktasi.audit.printed import parse_printed

    with pytest.raises(LaktasiError) as info:
        parse_printed("abc", "items[2].p")
    assert error_text(info.value, "id") == ("items[2].p: 'abc' bukan angka seperti tercetak "
                                            "(mis. 0,002, '<0.05', '13,3%').")
    assert error_text(info.value, "en") == str(info.value)


def test_a_schema_phrase_is_a_record_worded_in_each_language(tmp_path):
    from laktasi.audit.schema import validate

    with pytest.raises(LaktasiError) as info:
        validate({"study": {"design": "one-group-pretest-posttest"},
                  "items": [{"id": "t1", "kind": "descriptives", "n": -3}]}, "f.yaml")
    exc = info.value
    assert exc.detail["problem"]["message_id"] == "audit_not_count"
    assert str(exc) == ("f.yaml: items[0].n = -3 is not allowed (not a count) (item 't1'); "
                        "allowed: a whole number >= 1.")
    assert error_text(exc, "en") == str(exc)
    assert error_text(exc, "id") == ("f.yaml: items[0].n = -3 tidak diizinkan (bukan "
                                     "frekuensi) (butir 't1'); yang diizinkan: bilangan bulat "
                                     "≥ 1.")


def _power_and_meta_calls():
    from laktasi import meta, power
    from laktasi.meta import effects
    from laktasi.meta.inputs import with_r
    from laktasi.meta.models import rma

    return [
        (power.dropout_inflate, (10, 1.5), {}),
        (power.two_proportions_n, (0.5, 0.5), {}),
        (power.mcnemar_n, (0.3, 0.3), {}),
        (power.two_proportions_power, (20, 20, 0.3, 0.6), {"method": "XX"}),
        (power.binary_pairs, (0.5, 0.6, 0.2), {}),
        (power.ordinal_scores, (), {"levels": 1}),
        (power.simulate_power, (1, power.integer_counts()), {"test": "wilcoxon"}),
        (effects.smd_change_raw, (5, 4, 0, 20, 0.5), {}),
        (effects.d_from_p_paired, (1.5, 20), {}),
        (with_r, ([], 1.5), {}),
        (rma, ([0.1, 0.2], [0.1, -0.1]), {}),
        (meta.trim_and_fill, ([0.1, 0.2], [0.1, 0.1]), {}),
        (meta.egger_test, ([0.1, 0.2], [0.1, 0.1]), {}),
        (meta.subgroups, ([0.1, 0.2, 0.3], [0.1, 0.1, 0.1], ["a", "a", "b"]), {}),
    ]


def test_power_and_meta_errors_of_the_python_api_are_worded_in_indonesian():
    said = []
    for func, args, kwargs in _power_and_meta_calls():
        with pytest.raises(LaktasiError) as info:
            func(*args, **kwargs)
        exc = info.value
        assert "message_id" in exc.detail, (func.__name__, str(exc))
        indonesian = error_text(exc, "id")
        assert "{" not in indonesian and indonesian != str(exc), indonesian
        said.append(indonesian)
    leaks = [s for s in said if re.search(r"\b(must|needs|the|is|are|of)\b", s)]
    assert not leaks, leaks
