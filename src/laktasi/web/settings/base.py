"""Settings shared by every environment.

The database is ``DATABASE_URL`` when set (``postgres://user:pass@host/db`` runs on
PostgreSQL through psycopg 3), otherwise SQLite in WAL mode in the data folder
(:func:`laktasi.web.paths.data_dir`).
"""

from __future__ import annotations

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from laktasi.web.paths import data_dir

WEB_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = data_dir()

DEBUG = False
ALLOWED_HOSTS: list[str] = ["localhost", "127.0.0.1", "[::1]"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "laktasi.web.core",
    "laktasi.web.analysis",
    "laktasi.web.tools",
    "simple_history",
    "axes",
    "laktasi.web.clinics",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "laktasi.web.core.middleware.LanguageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Long jobs (the chapter) run as tasks stored in the database: no extra server on a laptop.
# laktasi serve starts a worker beside the web server; production runs
# `python -m laktasi.web.manage db_worker` as a second service.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Clinic accounts (laktasi.web.clinics): log-in throttled by django-axes
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend",
                           "django.contrib.auth.backends.ModelBackend"]
from laktasi.web.clinics.conf import *  # noqa: E402, F403

ROOT_URLCONF = "laktasi.web.urls"
WSGI_APPLICATION = "laktasi.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "laktasi.web.core.context.site",
            ],
        },
    },
]


def database_config(url: str | None, sqlite_path: Path) -> dict:
    """The default database: ``url`` (e.g. ``postgres://...``) when given, else SQLite in
    WAL mode at ``sqlite_path`` (readers do not wait for the writer)."""
    if url:
        import dj_database_url

        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if str(sqlite_path) != ":memory:":
        try:  # the data folder on first use (manage.py migrate as well as laktasi serve)
            Path(sqlite_path).parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # Django then names the path it cannot open
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": sqlite_path,
        "OPTIONS": {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": database_config(os.environ.get("DATABASE_URL"),
                                        DATA_DIR / "laktasi.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Uploads: the view refuses a request body over the limit before reading it, the form
# checks each file again (size, extension, first bytes); files are kept in the database and
# only ever read by laktasi's readers, never executed or served back as they came.
LAKTASI_MAX_UPLOAD_BYTES = int(os.environ.get("LAKTASI_MAX_UPLOAD_MB", "10")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
