"""``laktasi serve`` on the user's own computer: SQLite in the data folder, static files
straight from the package (no collectstatic), a secret key kept in the data folder."""

from __future__ import annotations

import secrets

from .base import *  # noqa: F403
from .base import DATA_DIR


def _secret_key() -> str:
    path = DATA_DIR / "secret_key"
    try:
        key = path.read_text(encoding="ascii").strip()
    except OSError:
        key = ""
    if len(key) < 50:
        key = secrets.token_urlsafe(50)
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(key, encoding="ascii")
        path.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
DEBUG = False
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False
ALLOWED_HOSTS = ["*"]  # laktasi serve --host 0.0.0.0 on a clinic network; no cookies of value
STATIC_ROOT = None  # served from the package's static folders (WHITENOISE_USE_FINDERS)
