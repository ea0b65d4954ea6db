"""The active language: Indonesian by default, set once by a face with ``use_language``,
restored on leaving (also on an error), private to each thread; lookups and number formats
follow it unless told a language."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest

from laktasi.errors import InvalidOptionError
from laktasi.i18n import LANGS, check_lang, current_language, spoken, text, use_language
from laktasi.i18n.numbers import fmt_p

I18N = Path(__file__).resolve().parents[2] / "src" / "laktasi" / "i18n"


def test_indonesian_is_the_default():
    assert current_language() == "id" and LANGS == ("id", "en")
    assert text("chapter", "chapter") == "BAB 4 HASIL PENELITIAN"


def test_nesting_restores_the_outer_language():
    with use_language("en") as lang:
        assert lang == "en" and text("chapter", "chapter") == "Chapter 4 Results"
        with use_language("id"):
            assert current_language() == "id" and fmt_p(0.0004) == "p < 0,001"
        assert current_language() == "en" and fmt_p(0.0004) == "p < .001"
        with use_language(None):  # None keeps the active language
            assert current_language() == "en"
        assert text("chapter", "chapter", "id") == "BAB 4 HASIL PENELITIAN"  # told wins
    assert current_language() == "id"


def test_an_error_inside_restores_the_language():
    with pytest.raises(RuntimeError), use_language("en"):
        raise RuntimeError("boom")
    assert current_language() == "id"


def test_an_unknown_language_is_refused_with_the_allowed_ones():
    with pytest.raises(InvalidOptionError, match=r"'id' .*'en'") as info:
        with use_language("fr"):
            pass
    assert info.value.detail["allowed"] == LANGS and current_language() == "id"
    with pytest.raises(InvalidOptionError):
        check_lang("EN")
    with pytest.raises(InvalidOptionError):
        text("chapter", "chapter", "fr")
    assert spoken("fr") == "id" and spoken(None) == "id"


def test_each_thread_has_its_own_language():
    seen = {}

    def worker():
        seen["start"] = current_language()
        with use_language("en"):
            seen["inside"] = current_language()

    with use_language("en"):
        t = threading.Thread(target=worker)
        with use_language("id"):
            t.start()
            t.join()
        assert current_language() == "en"
    assert seen == {"start": "id", "inside": "en"}


def test_the_language_layer_imports_only_errors_and_itself():
    for path in sorted(I18N.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] == "laktasi":
                    assert name in ("laktasi.errors",) or name.startswith("laktasi.i18n"), (
                        f"{path.name} imports {name}")
                else:
                    assert name.split(".")[0] in {"__future__", "collections", "contextlib",
                                                  "contextvars", "functools", "gettext",
                                                  "math", "pathlib", "re", "typing"}, (
                        f"{path.name} imports {name}: the language layer stays light")


def test_no_module_imports_words_or_number_formats_from_the_report():
    src = I18N.parent
    for path in sorted(src.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for old in ("report.words", "report.numbers", "from .words", "from .numbers"):
            assert old not in source or path.parent == I18N, f"{path}: {old}"


def test_a_command_runs_with_its_lang_as_the_active_language():
    from typer.testing import CliRunner

    from laktasi.cli import app

    for args in (["--lang", "en"], ["--lang=en"]):
        res = CliRunner().invoke(app, ["power", "two-sample-t", "--d", "0.6", *args])
        assert res.exit_code == 0, res.output
        assert "per group" in res.output and "per kelompok" not in res.output
        assert current_language() == "id"  # the command's language ended with it
    res = CliRunner().invoke(app, ["power", "two-sample-t", "--d", "0.6"])
    assert res.exit_code == 0 and "per kelompok" in res.output
    # an unknown --lang is left to the command's own check, said in Indonesian
    res = CliRunner().invoke(app, ["power", "two-sample-t", "--d", "0.6", "--lang", "fr"])
    assert res.exit_code == 2 and "pilih id (Indonesia) atau en (Inggris)" in res.output
    assert current_language() == "id"


def test_the_active_language_gives_the_chapter_the_lang_parameter_gives():
    from laktasi.pipeline import analyse_file, example_files
    from laktasi.report.renderers import render

    data, study = example_files("kota-bengkulu-2018")
    with use_language("en"):
        _, active = analyse_file(data, study, figures=False)
    _, told = analyse_file(data, study, lang="en", figures=False)
    assert render(active, "md") == render(told, "md")
    assert render(active, "md").startswith(b"# Chapter 4 Results")
