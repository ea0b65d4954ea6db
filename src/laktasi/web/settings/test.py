"""Tests: SQLite in memory, or the PostgreSQL server of ``LAKTASI_TEST_POSTGRES`` in the
second run that tests/web/test_postgresql.py starts; static files from the package."""

from __future__ import annotations

import os

from .base import *  # noqa: F403
from .base import database_config

SECRET_KEY = "test-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
WHITENOISE_USE_FINDERS = True
STORAGES = {"staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
STATIC_ROOT = None
# LAKTASI_WEB_ON_POSTGRES=1 (set by tests/web/test_postgresql.py for its second run) selects
# the server named by LAKTASI_TEST_POSTGRES; otherwise SQLite in memory
_PG = os.environ.get("LAKTASI_TEST_POSTGRES") if os.environ.get("LAKTASI_WEB_ON_POSTGRES") == "1" \
    else None
DATABASES = {"default": database_config(_PG, ":memory:")}
# tasks run at once inside the request (tests/web/test_tasks.py runs the database backend)
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
