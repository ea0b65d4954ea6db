"""Errors of the statistics core and the analysis plan in the user's language.

Every LaktasiError built in ``src/laktasi/stats`` and ``design/plan.py`` names a
``message_id`` whose entry in section "error" exists in both catalogues and uses only the
fields the raise gives (an AST scan, so a new raise without one fails here); real errors are
worded in Indonesian and English; errors their raiser already worded come out unchanged;
``laktasi analyze`` prints the message in the command's language.
"""

from __future__ import annotations

import ast
import inspect
import re
import string
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from laktasi import errors as errors_module
from laktasi import stats
from laktasi.cli import app
from laktasi.design import study_from_mapping
from laktasi.design.plan import analyse
from laktasi.errors import LaktasiError, LaktasiInputError
from laktasi.i18n import LANGS, LOCALE_DIR, message
from laktasi.i18n.errors import SECTION, error_record, error_text

SRC = Path(__file__).resolve().parents[2] / "src" / "laktasi"
SCANNED = [*sorted((SRC / "stats").glob("*.py")), SRC / "design" / "plan.py"]
ERROR_CLASSES = {name for name, obj in vars(errors_module).items()
                 if inspect.isclass(obj) and issubclass(obj, LaktasiError)}
ENGLISH = re.compile(r"\b(Every|equals|values|needed|negative|whole|table|cannot|must)\b")


def _placeholders(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name}


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else (
        func.attr if isinstance(func, ast.Attribute) else None)


def _constants(node: ast.expr | None) -> list[str] | None:
    """The string(s) an id argument can take: a literal, or either branch of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _constants(node.body), _constants(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _sites() -> tuple[list[tuple[str, str, frozenset[str]]], list[str]]:
    """Every (place, message_id, fields) of an error built in the scanned files, and the
    places that build an error without a message_id the scan can read."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in SCANNED}
    functions: dict[str, ast.FunctionDef] = {}
    calls: dict[str, list[tuple[Path, ast.Call]]] = {}
    parents: dict[ast.AST, ast.FunctionDef] = {}
    for path, tree in trees.items():
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef):
                functions[fn.name] = fn
                for node in ast.walk(fn):
                    parents.setdefault(node, fn)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (name := _name(node.func)):
                calls.setdefault(name, []).append((path, node))
    found, missing = [], []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in ERROR_CLASSES):
                continue
            place = f"{path.relative_to(SRC)}:{node.lineno}"
            given = frozenset(k.arg for k in node.keywords if k.arg not in (None, "message_id"))
            arg = next((k.value for k in node.keywords if k.arg == "message_id"), None)
            ids = _constants(arg)
            if ids is not None:
                found += [(place, i, given) for i in ids]
                continue
            fn = parents.get(node)
            params = [a.arg for a in fn.args.args] if fn is not None else []
            if not (isinstance(arg, ast.Name) and arg.id in params and fn is not None):
                missing.append(place)
                continue
            index = params.index(arg.id)  # an id passed in by the helper's callers
            callers = calls.get(fn.name, [])
            if not callers:
                missing.append(place)
            for cpath, call in callers:
                where = f"{place} via {cpath.relative_to(SRC)}:{call.lineno}"
                value = next((k.value for k in call.keywords if k.arg == arg.id),
                             call.args[index] if len(call.args) > index else None)
                cids = _constants(value)
                if cids is None:
                    missing.append(where)
                    continue
                extra = {k.arg for k in call.keywords if k.arg not in (None, arg.id)}
                found += [(where, i, given | extra) for i in cids]
    return found, missing


SITES, MISSING = _sites()


def _entries(lang: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "laktasi.po", "rb") as fh:
        catalog = read_po(fh)
    return {m.id: m.string for m in catalog if m.context == SECTION and m.id}


def test_the_scan_finds_the_raises():
    # a scan that found nothing would pass every check below
    assert len(SITES) >= 45 and len({i for _, i, _ in SITES}) >= 40
    files = {place.split(":")[0] for place, _, _ in SITES}
    assert {"stats/_validation.py", "stats/paired.py", "stats/independent.py",
            "stats/contingency.py", "design/plan.py"} <= files


def test_every_error_of_the_core_and_the_plan_has_a_message_id():
    assert not MISSING, f"errors built without a literal message_id: {MISSING}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_id_has_an_entry_that_uses_only_the_given_fields(lang):
    problems = []
    for place, message_id, fields in SITES:
        try:
            template = message(SECTION, message_id, lang)
        except KeyError:
            problems.append(f"{place}: {message_id} has no '{lang}' entry")
            continue
        if extra := _placeholders(template) - fields:
            problems.append(f"{place}: {message_id} ({lang}) needs {sorted(extra)}, "
                            f"the raise gives {sorted(fields)}")
    assert not problems, "\n".join(problems)


def test_no_english_error_message_guesses_its_number():
    assert not [k for k, v in _entries("en").items() if "(s)" in v]


def test_the_catalogues_agree_and_the_mo_files_are_compiled_from_the_po_files():
    po = {lang: _entries(lang) for lang in LANGS}
    assert po["id"].keys() == po["en"].keys()
    codes = {obj.code for obj in vars(errors_module).values()
             if inspect.isclass(obj) and issubclass(obj, LaktasiError)}
    codes |= set(re.findall(r'^\s+code = "(\w+)"', "\n".join(
        p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")), re.M))
    used = {i for _, i, _ in SITES}
    for key in po["id"]:
        assert key in used or key in codes, f"error entry {key!r} is used by no raise"
        assert _placeholders(po["id"][key]) == _placeholders(po["en"][key]), key
        for lang in LANGS:
            assert message(SECTION, key, lang) == po[lang][key], (
                f"recompile the .mo (pybabel compile -d src/laktasi/i18n/locale -D laktasi): "
                f"{lang} {key}")


def _raised(call, *args, **kwargs) -> LaktasiError:
    with pytest.raises(LaktasiError) as info:
        call(*args, **kwargs)
    return info.value


def test_all_differences_zero_in_wilcoxon():
    exc = _raised(stats.wilcoxon_signed_rank, [3, 4, 5, 2], [3, 4, 5, 2])
    assert exc.detail["message_id"] == "all_differences_zero"
    said = error_text(exc, "id")
    assert said.startswith("Setiap nilai post sama dengan nilai pre-nya (semua selisih nol)")
    assert not ENGLISH.search(said), said
    assert error_text(exc, "en") == str(exc)


def test_too_few_pairs():
    exc = _raised(stats.paired_t, [1.0, None, 3.0], [2.0, 4.0, None])
    assert (exc.detail["message_id"], exc.detail["n"], exc.detail["min_n"]) == (
        "too_few_pairs", 1, 2)
    assert error_text(exc, "id") == ("Hanya ada 1 pasangan lengkap (pre dan post terisi); "
                                     "paling sedikit 2 diperlukan.")
    assert error_text(exc, "en") == "Too few complete pairs (1); at least 2 are needed."
    assert str(exc) == "Only 1 complete pairs; at least 2 are needed."  # unchanged


def test_a_2x2_table_with_a_negative_cell_is_located_with_1_based_numbers():
    exc = _raised(stats.chi_square, [[3, 5], [-2, 4]])
    assert (exc.detail["row_number"], exc.detail["column_number"]) == (2, 1)
    assert error_text(exc, "id") == ("Sel (baris 2, kolom 1) = −2 bernilai negatif; frekuensi "
                                     "harus bilangan bulat ≥ 0.")
    assert error_text(exc, "en") == ("Cell (row 2, column 1) = −2 is negative; counts must be "
                                     "whole numbers >= 0.")
    assert str(exc).startswith("Cell (row 2, column 1) = -2 is negative")  # unchanged


def test_numbers_get_the_decimal_comma_in_indonesian():
    exc = _raised(stats.fisher_exact, [[3, 2.5], [1, 4]])
    assert "= 2,5 bukan bilangan bulat" in error_text(exc, "id")
    assert "= 2.5 is not a whole number" in error_text(exc, "en")
    exc = _raised(stats.chi_square, [[3, 2], [1, 4]], confidence_level=1.5)
    assert error_text(exc, "id").startswith("confidence_level=1,5 harus")


def test_a_list_of_decimal_numbers_stays_readable_in_indonesian():
    exc = _raised(stats.ancova, [1, 2, 3, 4, 5], [1, 3, 2, 5, 4], [0.5, 0.5, 1.5, 1.5, 2.5],
                  levels=(0.5, 1.5))
    assert exc.detail["message_id"] == "group_values_not_allowed"
    assert error_text(exc, "id") == "Tidak termasuk kelompok yang diizinkan (0,5; 1,5): 2,5."
    assert error_text(exc, "en") == "Not among the allowed groups (0.5, 1.5): 2.5."


def test_a_user_value_is_quoted_and_its_position_counts_from_1():
    exc = _raised(stats.mann_whitney, [1, 2, "tujuh"], [1, 2])
    assert error_text(exc, "id").startswith("x, nilai ke-3 ('tujuh'), bukan angka")
    assert error_text(exc, "en").startswith("x, value no. 3 ('tujuh'), is not a number")


def test_the_active_language_is_used_when_none_is_given():
    from laktasi.i18n import use_language

    exc = _raised(stats.paired_t, [1.0], [2.0])
    assert error_text(exc).startswith("Hanya ada 1")
    with use_language("en"):
        assert error_text(exc).startswith("Too few complete pairs (1)")


def _nonequivalent(force=None):
    out = {"name": "y", "type": "continuous", "pre": "y_pre", "post": "y_post"}
    if force:
        out["force_test"] = force
    return study_from_mapping({
        "study": {"id": "k", "title": "K", "design": "nonequivalent-control-pretest-posttest"},
        "group": {"column": "kelompok", "levels": ["kontrol", "eksperimen"],
                  "intervention": "eksperimen"},
        "outcomes": [out],
    })


def _perfect_fit_rows():
    """post = 2 pre + 1 for every mother: ANCOVA refuses (a perfect fit)."""
    pre = np.random.default_rng(7).normal(0.8, 0.6, 30).clip(0).round(2)
    group = ["kontrol"] * 15 + ["eksperimen"] * 15
    return [{"y_pre": float(a), "y_post": float(2 * a + 1), "kelompok": g}
            for a, g in zip(pre, group, strict=True)]


def test_a_nested_error_is_worded_in_the_same_language():
    exc = _raised(analyse, _nonequivalent("ancova"), _perfect_fit_rows())
    assert exc.detail["message_id"] == "forced_ancova_not_possible"
    assert exc.detail["error"].detail["message_id"] == "ancova_perfect_fit"
    said = error_text(exc, "id")
    assert said.startswith("force_test = 'ancova' tidak dapat dihitung untuk y: post (hampir) "
                           "tepat merupakan garis lurus"), said
    assert "F-tests" not in said
    assert error_text(exc, "en").startswith("force_test = 'ancova' cannot be computed for y: "
                                            "post is (almost) exactly a straight line")


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "ANCOVA tidak dapat dihitung (post (hampir) tepat merupakan garis lurus dari pre"),
    ("en", "ANCOVA could not be computed (post is (almost) exactly a straight line in pre"),
])
def test_the_chapter_words_the_ancova_error_in_its_language(lang, expected):
    import json

    from laktasi.report.chapter import build_chapter
    from laktasi.report.renderers import render

    analysis = analyse(_nonequivalent(), _perfect_fit_rows())
    reason = analysis.outcomes[0].steps[-1].reasons[0]
    assert reason.code == "ancova_not_possible"
    assert reason.detail["error"]["message_id"] == "ancova_perfect_fit"
    json.dumps(analysis.to_dict())  # the error is kept as data, JSON-serialisable
    text = render(build_chapter(analysis, lang), "md").decode("utf-8")
    assert expected in text
    if lang == "id":
        assert "F-tests" not in text and "straight line" not in text


def test_a_record_is_worded_like_its_error():
    exc = _raised(stats.wilcoxon_signed_rank, [1, 2], [1, 2])
    record = error_record(exc)
    assert record["code"] == "constant" and record["message"] == str(exc)
    assert error_text(record, "id") == error_text(exc, "id")


def test_errors_their_raiser_worded_come_out_unchanged(tmp_path):
    from laktasi.design import StudyError
    from laktasi.io import DataError, Problem

    with pytest.raises(StudyError) as info:
        study_from_mapping({"study": {"id": "t", "title": "T", "design": "rct"},
                            "outcomes": []}, lang="id")
    for lang in LANGS:
        assert error_text(info.value, lang) == str(info.value)
    problem = Problem(file="d.csv", sheet="", row=4, column="y_pre", value="lima",
                      code="no_rows", allowed="")
    data_error = DataError([problem], lang="id")
    assert error_text(data_error, "en") == str(data_error) == data_error.message
    plain = LaktasiInputError("Sudah dalam bahasa pengguna.", n=3)
    assert error_text(plain, "en") == "Sudah dalam bahasa pengguna."


def test_an_error_without_message_id_is_worded_from_its_code_when_its_fields_fit():
    from laktasi.design.registry import canonical

    exc = _raised(canonical, "t-tes")
    assert exc.code == "unknown_test" and "message_id" not in exc.detail
    said = error_text(exc, "id")
    assert said.startswith("uji 't-tes' tidak dikenal oleh laktasi; yang dikenal: ")
    assert "'wilcoxon'" in said
    from laktasi.errors import LengthMismatchError

    fits = LengthMismatchError("paired_plot needs ...", n_pre=3, n_post=2)
    assert error_text(fits, "id").startswith("pre berisi 3 nilai tetapi post berisi 2")
    lacks = LengthMismatchError("binary_prepost_bar needs two counts before ...")
    assert error_text(lacks, "id") == "binary_prepost_bar needs two counts before ..."


runner = CliRunner()


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "Setiap nilai post sama dengan nilai pre-nya (semua selisih nol)"),
    ("en", "Every post value equals its pre value (all differences are zero)"),
])
def test_analyze_where_every_post_equals_pre_says_so_in_the_command_language(
        tmp_path, lang, expected):
    data = tmp_path / "sama.csv"
    data.write_text("kode,y_pre,y_post\nA,3,3\nB,4,4\nC,5,5\nD,2,2\nE,6,6\n", encoding="utf-8")
    args = ["analyze", str(data), "--design", "one-group-pretest-posttest"]
    res = runner.invoke(app, args + (["--lang", "en"] if lang == "en" else []))
    assert res.exit_code == 2, res.output
    assert expected in res.output and "Traceback" not in res.output
    if lang == "id":
        assert not re.search(r"\b(Every|equals)\b", res.output), res.output
