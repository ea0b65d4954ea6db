"""pytest-django for the web tests only: settings are chosen here, so the other test folders
neither import nor set up Django.

``LAKTASI_TEST_POSTGRES=postgres://...`` runs these tests on that PostgreSQL server (the
test database is created and dropped by Django); otherwise SQLite in memory.
"""

from __future__ import annotations

import os
import tempfile

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
