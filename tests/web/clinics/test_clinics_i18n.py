"""The clinic pages' words (their own catalogue, clinics/locale): every message translated to
Indonesian with the same placeholders, the shipped .mo compiled from the .po, every
translatable string of the app in it, and the pages Indonesian by default."""

from __future__ import annotations

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

import laktasi.web.clinics

APP = Path(laktasi.web.clinics.__file__).parent
PO = APP / "locale" / "id" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_i18n import _placeholders, _po_entries  # noqa: E402


def test_clinic_messages_are_translated_with_the_same_placeholders():
    entries = _po_entries(PO)
    assert len(entries) > 200
    for msgid, msgstr in entries.items():
        for text in (msgstr if isinstance(msgstr, list) else [msgstr]):
            assert text.strip(), f"untranslated: {msgid!r}"
            assert _placeholders(text) == _placeholders(msgid), msgid


def test_clinic_mo_is_the_compiled_po():
    with MO.open("rb") as fh:
        catalog = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
    compiled = {k if isinstance(k, str) else k[0]: v for k, v in catalog.items() if k}
    for msgid, msgstr in _po_entries(PO).items():
        expected = msgstr[0] if isinstance(msgstr, list) else msgstr
        assert compiled.get(msgid) == expected, f"recompile the .mo (msgfmt): {msgid!r}"


def test_every_clinic_string_is_in_the_clinic_catalogue(tmp_path):
    if shutil.which("xgettext") is None:
        if os.environ.get("CI"):
            pytest.fail("xgettext is missing in CI; .ci/run must install gettext")
        pytest.skip("xgettext (Debian package gettext) is not installed")
    copy = tmp_path / "clinics"
    shutil.copytree(APP, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "laktasi.web.settings.test"}
    # django-admin, not python -m django: this folder's selectors.py would shadow the stdlib's
    admin = Path(sys.executable).parent / "django-admin"
    cmd = [str(admin)] if admin.exists() else [sys.executable, "-c",
                                              "import sys; sys.path.pop(0); from django.core"
                                              ".management import execute_from_command_line as "
                                              "e; e(['django-admin', *sys.argv[1:]])"]
    run = subprocess.run([*cmd, "makemessages", "-l", "id", "--no-location", "--no-obsolete"],
                         cwd=copy, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    fresh = set(_po_entries(copy / "locale" / "id" / "LC_MESSAGES" / "django.po"))
    assert fresh == set(_po_entries(PO))


@pytest.mark.django_db
def test_clinic_pages_are_indonesian_by_default(client, site_a):
    assert "Masuk" in client.get(reverse("clinics:login")).content.decode()
    client.force_login(site_a.admin)
    body = client.get(reverse("clinics:mother", args=[site_a.mother.pk])).content.decode()
    assert "Lembar observasi" in body and "Sesi pijat" in body
