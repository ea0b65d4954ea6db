"""The gettext catalogues of laktasi (src/laktasi/i18n/locale/<lang>/LC_MESSAGES/laktasi.po):
every message is in every language with the same placeholders, none is empty, the shipped
.mo files are the compiled .po files, plural forms follow each language's rules, and every
message the code names literally exists."""

from __future__ import annotations

import ast
import gettext
import io
import string
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from laktasi.i18n import LANGS, LOCALE_DIR, catalogue, has_text, keys, plural, text

SRC = Path(__file__).resolve().parents[2] / "src" / "laktasi"

# Placeholders one language uses and the other does not, on purpose: Indonesian theses
# open a sentence with the proportion word ("sebagian besar responden ..."), English
# does not.
ONE_SIDED = {("chapter", "char_part"): {"word"}, ("chapter", "binary_paragraph"): {"word_pre"}}


def _po(lang: str):
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "laktasi.po", "rb") as fh:
        return read_po(fh, locale=lang)


def _entries(lang: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """(section, key) -> the msgstr forms of every message of ``lang``."""
    out = {}
    for m in _po(lang):
        if not m.id:
            continue
        key = m.id[0] if isinstance(m.id, (tuple, list)) else m.id
        forms = tuple(m.string) if isinstance(m.string, (tuple, list)) else (m.string,)
        out[(m.context, key)] = forms
    return out


def _fields(template: str) -> set[tuple[str, str | None, str]]:
    """The placeholders of a str.format template: (name, conversion, format spec)."""
    return {(name, conv, spec or "") for _, name, spec, conv in string.Formatter().parse(template)
            if name is not None}


ENTRIES = {lang: _entries(lang) for lang in LANGS}


def test_every_language_has_every_message():
    assert len(ENTRIES["id"]) > 500
    for lang in LANGS:
        assert set(ENTRIES[lang]) == set(ENTRIES["id"]), lang


@pytest.mark.parametrize("lang", LANGS)
def test_no_message_is_empty_or_fuzzy(lang):
    for m in _po(lang):
        if m.id:
            assert not m.fuzzy, (m.context, m.id)
    for (section, key), forms in ENTRIES[lang].items():
        assert all(f.strip() for f in forms), f"{lang}: {section}/{key} is empty"


def test_the_same_placeholders_in_every_language_and_every_plural_form():
    differ = {}
    for entry, id_forms in ENTRIES["id"].items():
        reference = _fields(id_forms[0])
        for lang in LANGS:
            for form in ENTRIES[lang][entry]:
                got = _fields(form)
                if got != reference:
                    differ[entry] = {name for name, *_ in reference ^ got}
    assert differ == ONE_SIDED


def test_conversions_such_as_repr_are_kept():
    # {value!r} quotes a cell's text in every language ('lima'); a lost !r would print lima
    assert ("value", "r", "") in _fields(ENTRIES["en"][("io", "not_number")][0])
    assert text("io", "not_number", "id", value="lima") == \
        "nilai 'lima' bukan angka (gunakan angka, mis. 5 atau 2,5)"


@pytest.mark.parametrize("lang", LANGS)
def test_the_shipped_mo_is_the_compiled_po(lang):
    fresh = io.BytesIO()
    write_mo(fresh, _po(lang))
    fresh.seek(0)
    compiled = gettext.GNUTranslations(fresh)
    with open(LOCALE_DIR / lang / "LC_MESSAGES" / "laktasi.mo", "rb") as fh:
        shipped = gettext.GNUTranslations(fh)
    assert shipped._catalog == compiled._catalog, (  # type: ignore[attr-defined]
        f"{lang}: laktasi.mo is out of date; run: pybabel compile -d src/laktasi/i18n/locale "
        "-D laktasi")
    assert shipped.plural(1) == compiled.plural(1) and shipped.plural(2) == compiled.plural(2)


def test_plural_forms_follow_each_language():
    assert [plural("check", "warnings", n, "en") for n in (0, 1, 2)] == [
        "0 warnings", "1 warning", "2 warnings"]
    assert [plural("check", "warnings", n, "id") for n in (0, 1, 2)] == [
        "0 peringatan", "1 peringatan", "2 peringatan"]
    assert catalogue("id").plural(5) == 0  # Indonesian: nplurals=1
    assert (catalogue("en").plural(1), catalogue("en").plural(7)) == (0, 1)
    plurals = [e for e, forms in ENTRIES["en"].items() if len(forms) == 2]
    assert len(plurals) >= 8
    for entry in plurals:
        assert len(ENTRIES["id"][entry]) == 1, entry


def test_no_english_message_guesses_its_number():
    # "error(s)", "respondent(s)", "cell(s)": plural forms say the number instead
    guessing = {e for e, forms in ENTRIES["en"].items() if any("(s)" in f for f in forms)}
    assert not guessing


def test_the_chapter_counts_in_the_right_form():
    from laktasi.i18n.chapter import wn

    assert wn("missing_item", 1, "en", variable="age") == "age: 1 respondent"
    assert wn("missing_item", 2, "en", variable="age") == "age: 2 respondents"
    assert wn("missing_item", 2, "id", variable="umur") == "umur: 2 responden"
    one = wn("reason_expected_below_5_2x2", 1, "en", cells=1, min="3,2")
    assert "has 1 cell with" in one
    assert "has 3 cells with" in wn("reason_expected_below_5_2x2", 3, "en", cells=3, min="1")


def test_a_missing_message_is_an_error_not_its_key():
    with pytest.raises(KeyError):
        text("chapter", "no-such-key", "en")
    with pytest.raises(KeyError):
        plural("check", "no-such-key", 2, "en")
    assert not has_text("chapter", "no-such-key") and has_text("check", "warnings")
    assert keys("test", "en") == keys("test", "id") and "wilcoxon" in keys("test")


# --- every message the code names literally exists ------------------------------------------

_LOOKUPS = {"text", "message", "plural", "text_or", "has_text"}
# the lookups bound to one section: name -> section (say: the command line's in cli/)
_BOUND = {"w": "chapter", "say": "report", "check_word": "check", "meta_say": "meta",
          "extract_words": "extract", "audit_text": "audit", "has_audit_text": "audit",
          "has_words": "extract"}


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _literal_lookups() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            name, args = node.func.id, [_literal(a) for a in node.args[:2]]
            where = f"{rel}:{node.lineno}"
            if name in _LOOKUPS and len(args) == 2 and None not in args:
                found.append((where, args[0], args[1]))
            elif name in _BOUND and args and args[0] is not None:
                section = "cli" if name == "say" and rel.startswith("cli/") else _BOUND[name]
                found.append((where, section, args[0]))
    return found


def test_every_message_named_in_the_code_exists():
    lookups = _literal_lookups()
    assert len(lookups) > 200
    missing = [f"{where}: {section}/{key}" for where, section, key in lookups
               if (section, key) not in ENTRIES["id"] and key != "no-such-key"]
    assert not missing, missing
