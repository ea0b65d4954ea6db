"""Settings, data folder, the serve preparation and the production checks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from laktasi.web.paths import default_data_dir
from laktasi.web.serve import should_open_browser
from laktasi.web.settings.base import database_config

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DJANGO_", "LAKTASI_", "DATABASE_URL", "PYTEST_"))}
    env["PYTHONPATH"] = SRC + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def test_default_data_dir_follows_each_platform():
    home = Path("/home/bidan")
    assert default_data_dir("linux", {}, home) == home / ".local/share/laktasi"
    assert default_data_dir("linux", {"XDG_DATA_HOME": "/data"}, home) == Path("/data/laktasi")
    assert default_data_dir("darwin", {}, home) == home / "Library/Application Support/laktasi"
    assert default_data_dir("win32", {"LOCALAPPDATA": r"C:\Users\bidan\AppData\Local"},
                            home) == Path(r"C:\Users\bidan\AppData\Local") / "laktasi"


def test_database_url_selects_postgresql_through_psycopg():
    db = database_config("postgres://bidan:rahasia@db.example:5433/laktasi", Path("x.sqlite3"))
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("db.example", 5433, "laktasi",
                                                               "bidan")
    sqlite = database_config(None, Path("/d/laktasi.sqlite3"))
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in sqlite["OPTIONS"]["init_command"]


def test_browser_is_not_opened_under_ci_tests_or_without_display():
    assert not should_open_browser({"CI": "true", "DISPLAY": ":0"})
    assert not should_open_browser({"PYTEST_CURRENT_TEST": "x", "DISPLAY": ":0"})
    if sys.platform.startswith("linux"):
        assert not should_open_browser({})
        assert should_open_browser({"DISPLAY": ":0"})


def test_serve_prepare_migrates_sqlite_in_wal_mode_and_loads_the_demo(tmp_path):
    code = ("from laktasi.web.serve import prepare; "
            f"prepare(demo=True, data_dir={str(tmp_path)!r})")
    run = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "amanda-oku-timur-2023" in run.stdout
    db = tmp_path / "laktasi.sqlite3"
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("SELECT count(*) FROM analysis_upload WHERE demo != ''"
                           ).fetchone()[0] == 3
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def _manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "laktasi.web.manage", *args],
                          env=_env(LAKTASI_DATA_DIR=str(tmp_path), **env), capture_output=True,
                          text=True, timeout=300)


def test_production_settings_pass_check_deploy(tmp_path):
    fresh = tmp_path / "not-yet"  # README order: migrate, collectstatic, check --deploy
    keys = {"DJANGO_SETTINGS_MODULE": "laktasi.web.settings.production",
            "DJANGO_SECRET_KEY": "k" * 10 + "-Zx9!q$Lm3@pR7#vT2&wY5*uB8^nE4%cH6(jK1)sD0_fG" * 2,
            "DJANGO_ALLOWED_HOSTS": "laktasi.example.org",
            "DJANGO_STATIC_ROOT": str(tmp_path / "static")}
    assert _manage(fresh, "migrate", "-v", "0", **keys).returncode == 0
    run = _manage(fresh, "collectstatic", "--noinput", **keys)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "static" / "core" / "app.css").exists()
    run = _manage(fresh, "check", "--deploy", "--fail-level", "WARNING",
                  DJANGO_SETTINGS_MODULE="laktasi.web.settings.production",
                  DJANGO_SECRET_KEY="k" * 10 + "-Zx9!q$Lm3@pR7#vT2&wY5*uB8^nE4%cH6(jK1)sD0_fG" * 2,
                  DJANGO_ALLOWED_HOSTS="laktasi.example.org")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no issues" in run.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    run = _manage(tmp_path, "check", DJANGO_SETTINGS_MODULE="laktasi.web.settings.production",
                  DJANGO_ALLOWED_HOSTS="laktasi.example.org")
    assert run.returncode != 0
    assert "DJANGO_SECRET_KEY" in run.stderr


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
