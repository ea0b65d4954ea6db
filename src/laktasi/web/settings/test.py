"""Tests: SQLite in memory, or PostgreSQL when ``LAKTASI_TEST_POSTGRES`` (a
``postgres://`` URL) is set; static files from the package."""

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
DATABASES = {"default": database_config(os.environ.get("LAKTASI_TEST_POSTGRES"), ":memory:")}
