"""Typer's own words (usage line, headings, the --help option, usage errors) are Indonesian by
default and English with --lang en, for every command."""

import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from laktasi.cli import app
from laktasi.cli._click import language_of

runner = CliRunner()

# Typer's click words that must never reach an Indonesian user
ENGLISH = re.compile(r"Usage:|Options:|Arguments:|Commands:|\[OPTIONS\]|COMMAND \[ARGS\]|"
                     r"Show this message|\[default:|\[required\]|Try '|Error:|No such|"
                     r"Missing|Invalid value|Got unexpected|requires an? |does not take|"
                     r"Possible options|Input should")


def _command_paths(command=None, path=()):
    command = command or get_command(app)
    yield list(path)
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _command_paths(sub, (*path, name))


COMMANDS = list(_command_paths())


def _has_lang(path):
    command = get_command(app)
    for name in path:
        command = command.commands[name]
    return any("--lang" in p.opts for p in command.params)


LEAVES_WITH_LANG = [p for p in COMMANDS if _has_lang(p)]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "laktasi")
def test_every_help_page_is_indonesian(path):
    res = runner.invoke(app, [*path, "--help"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("Penggunaan: laktasi"), res.output
    assert "Tampilkan bantuan ini lalu keluar." in res.output
    assert not ENGLISH.search(res.output), ENGLISH.search(res.output)


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "laktasi")
def test_every_help_page_in_english_with_lang_en(path):
    res = runner.invoke(app, [*path, "--help", "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert res.output.startswith("Usage: laktasi"), res.output
    assert "Show this message and exit." in res.output
    assert "Penggunaan" not in res.output and "Tampilkan bantuan" not in res.output


def test_most_commands_take_lang():
    assert len(LEAVES_WITH_LANG) >= 15


@pytest.mark.parametrize("args", [["--help", "--lang", "en"], ["--lang=en", "--help"],
                                  ["power", "--help", "--lang", "en"]])
def test_a_help_page_takes_lang_even_where_the_command_does_not(args):
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "Usage: laktasi" in res.output and "Commands:" in res.output
    assert "Exit codes" in res.output or "Sample size and power." in res.output
    # not for running a command: a group has no --lang of its own
    res = runner.invoke(app, ["--lang", "en", "version"])
    assert res.exit_code == 2 and "no such option: --lang" in res.output


def test_help_words_marks():
    out = runner.invoke(app, ["power", "paired-t", "--help"]).output
    assert "[wajib]" in out and "[bawaan: 0.8]" in out and "Opsi:" in out
    out = runner.invoke(app, ["power", "--help"]).output
    assert "Penggunaan: laktasi power [OPSI] PERINTAH [ARGUMEN]..." in out
    assert "Perintah:" in out


CASES = [
    (["analyze", "--bogus"], "Galat: opsi --bogus tidak dikenal (mungkin maksudnya: --out)",
     "Error: no such option: --bogus (possible options: --out)"),
    (["power", "n"], "Galat: perintah 'n' tidak dikenal", "Error: no such command: 'n'"),
    (["power", "paired-t", "--dz", "0.5", "--alpha", "x"],
     "Galat: nilai untuk '--alpha' tidak sah: harus berupa angka dengan titik desimal "
     "(mis. 0.05)",
     "Error: invalid value for '--alpha': must be a number with a decimal point (e.g. 0.05)"),
    (["power", "paired-t", "--power"], "Galat: opsi --power memerlukan sebuah nilai",
     "Error: option --power requires a value"),
    (["check"], "Galat: argumen 'data' belum diberikan", "Error: missing argument 'data'"),
    (["analyze", "--drop-invalid=3"], "Galat: opsi --drop-invalid tidak menerima nilai",
     "Error: option --drop-invalid does not take a value"),
    (["audit", "a", "b", "c"], "Galat: argumen berlebih: b c",
     "Error: unexpected extra arguments: b c"),
    (["power", "paired-t"], "Galat: opsi '--dz' belum diberikan",
     "Error: missing option '--dz'"),
    (["power", "simulate", "--n", "lima"],
     "Galat: nilai untuk '--n' tidak sah: harus berupa bilangan bulat (mis. 30)",
     "Error: invalid value for '--n': must be a whole number (e.g. 30)"),
]


@pytest.mark.parametrize(("args", "indonesian", "english"), CASES,
                         ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_usage_errors_are_worded_in_the_users_language(args, indonesian, english):
    res = runner.invoke(app, args)
    assert res.exit_code == 2, res.output
    assert not ENGLISH.search(res.output), res.output
    assert indonesian in res.output
    if "Penggunaan:" in res.output:
        assert "untuk bantuan." in res.output
    # --lang en before the first option, so that it is not read as an option's value
    at = next((i for i, a in enumerate(args) if a.startswith("--")), len(args))
    res = runner.invoke(app, [*args[:at], "--lang", "en", *args[at:]])
    assert res.exit_code == 2, res.output
    assert english in res.output, res.output
    assert "Galat" not in res.output


def test_language_of_reads_only_options_before_a_double_dash():
    assert language_of(["--lang=en", "analyze"]) == "en"
    assert language_of(["analyze", "--", "--lang", "en"]) == "id"
    assert language_of(["--lang", "fr"]) == "id"
    assert language_of(["--lang"]) == "id"


def _help_texts(command=None):
    command = command or get_command(app)
    for text in (command.help, command.short_help):
        if text:
            yield text
    for param in command.params:
        if getattr(param, "help", None):
            yield param.help
    for sub in getattr(command, "commands", {}).values():
        yield from _help_texts(sub)


def test_every_help_text_has_its_english_translation():
    from laktasi.i18n import has_text, text

    texts = set(_help_texts())
    missing = sorted(t for t in texts if not has_text("cli-help", t))
    assert not missing, "no English for: " + " | ".join(missing)
    for t in texts:
        assert text("cli-help", t, "id") == t
        assert text("cli-help", t, "en") != t or t.startswith("--") or len(t) < 12, t


def test_english_help_is_english():
    out = runner.invoke(app, ["analyze", "--help", "--lang", "en"]).output
    assert "Analyse a study" in out and "Data file (.csv, .xlsx or .sav)" in out
    assert "Berkas data" not in out and "Penggunaan" not in out
    # the next run is Indonesian again: the translation changed only the run at hand
    out = runner.invoke(app, ["analyze", "--help"]).output
    assert "Berkas data (.csv, .xlsx atau .sav)" in out


def test_no_stale_help_translations():
    from laktasi.i18n import keys

    stale = sorted(set(keys("cli-help")) - set(_help_texts()))
    assert not stale, "translations of help texts no command has: " + " | ".join(stale)
