"""Production: gunicorn behind a TLS proxy, PostgreSQL, whitenoise static files.

Environment variables (see README, "Production"):

- ``DJANGO_SECRET_KEY`` (required), ``DJANGO_ALLOWED_HOSTS`` (comma-separated, required),
  ``DATABASE_URL`` (``postgres://user:password@host:5432/laktasi``),
- ``DJANGO_CSRF_TRUSTED_ORIGINS`` (comma-separated ``https://...``, optional),
- ``DJANGO_SECURE_SSL_REDIRECT`` (default 1; 0 when the proxy already redirects),
- ``DJANGO_HSTS_SECONDS`` (default 31536000), ``LAKTASI_MAX_UPLOAD_MB`` (default 10).
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the environment variable {name} (see README, Production).")
    return value


def _list(name: str) -> list[str]:
    return [v.strip() for v in os.environ.get(name, "").split(",") if v.strip()]


SECRET_KEY = _required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = _list("DJANGO_ALLOWED_HOSTS") or [_required("DJANGO_ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = _list("DJANGO_CSRF_TRUSTED_ORIGINS")
DEBUG = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
STATIC_ROOT = os.environ.get("DJANGO_STATIC_ROOT") or STATIC_ROOT  # noqa: F405
STORAGES = {
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
