"""The page words: every message has its Indonesian translation with the same placeholders,
the shipped .mo is compiled from the .po, and every translatable string in the code and
templates is in the catalogue."""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import laktasi.web

WEB = Path(laktasi.web.__file__).parent
PO = WEB / "locale" / "id" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def _po_entries(path: Path) -> dict[str, str | list[str]]:
    """msgid -> msgstr (or the plural forms) of a .po file (no fuzzy entries expected)."""
    entries: dict[str, str | list[str]] = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        assert "#, fuzzy" not in block, block
        parts: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            m = re.match(r'^(msgid_plural|msgid|msgstr(?:\[\d\])?) (".*")$', line)
            if m:
                key = m.group(1)
                parts[key] = ast.literal_eval(m.group(2))
            elif line.startswith('"') and key:
                parts[key] += ast.literal_eval(line)
        if parts.get("msgid"):
            plural = sorted(k for k in parts if k.startswith("msgstr["))
            entries[parts["msgid"]] = [parts[k] for k in plural] if plural else parts["msgstr"]
    return entries


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[-+ 0#]*\d*(?:\.\d+)?[sdfr]|\{\w+\}", text))


def test_every_message_is_translated_with_the_same_placeholders():
    entries = _po_entries(PO)
    assert len(entries) > 50
    for msgid, msgstr in entries.items():
        for text in (msgstr if isinstance(msgstr, list) else [msgstr]):
            assert text.strip(), f"untranslated: {msgid!r}"
            assert _placeholders(text) == _placeholders(msgid), msgid


def test_the_shipped_mo_is_the_compiled_po():
    with MO.open("rb") as fh:
        catalog = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
    entries = _po_entries(PO)
    compiled = {k if isinstance(k, str) else k[0]: v for k, v in catalog.items() if k}
    for msgid, msgstr in entries.items():
        expected = msgstr[0] if isinstance(msgstr, list) else msgstr
        assert compiled.get(msgid) == expected, f"recompile the .mo (msgfmt): {msgid!r}"


def test_every_translatable_string_is_in_the_catalogue(tmp_path):
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext is missing in CI; .ci/run must install gettext")
        pytest.skip("xgettext (Debian package gettext) is not installed")
    copy = tmp_path / "web"
    shutil.copytree(WEB, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "laktasi.web.settings.test"}
    run = subprocess.run([sys.executable, "-m", "django", "makemessages", "-l", "id",
                          "--no-location", "--no-obsolete"], cwd=copy, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    fresh = set(_po_entries(copy / "locale" / "id" / "LC_MESSAGES" / "django.po"))
    assert fresh == set(_po_entries(PO))
