"""pytest-django for the web tests only: settings are chosen here, so the other test folders
neither import nor set up Django.

``LAKTASI_TEST_POSTGRES=postgres://...`` runs these tests on that PostgreSQL server (the
test database is created and dropped by Django); otherwise SQLite in memory.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "laktasi.web.settings.test")
os.environ.setdefault("LAKTASI_DATA_DIR", tempfile.mkdtemp(prefix="laktasi-web-test-"))

import django
import pytest

django.setup()


@pytest.fixture(autouse=True)
def _indonesian(settings):
    """Each test starts in the default language, whatever the previous one switched to."""
    from django.utils import translation

    translation.activate("id")
    yield
    translation.deactivate()


CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI; .ci/run must install it")
    pytest.skip(f"{what} is not installed (Debian: apt-get install chromium)")


@pytest.fixture
def browser():
    """Debian's chromium driven by Playwright for Python, headless (never a downloaded
    browser). Skips where chromium or Playwright is absent; fails under CI=true."""
    exe = next((p for p in CHROMIUM if Path(p).exists()), shutil.which("chromium"))
    if exe is None:
        _missing("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright (pip)")
    # Playwright's sync API runs an event loop in this thread; the test's own database reads
    # are plain synchronous calls between browser steps
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=exe, headless=True,
                                  args=["--no-sandbox", "--disable-dev-shm-usage"])
            yield b
            b.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
