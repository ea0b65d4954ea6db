"""The web tests again on a real PostgreSQL server (psycopg 3), in one ``pytest`` run.

``LAKTASI_TEST_POSTGRES=postgres://user:password@host:port/db`` (``.ci/run`` starts Debian's
PostgreSQL and sets it; the user needs CREATEDB, Django creates and drops ``test_<db>``).
Without it the test skips with a reason; under CI=true it fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _url() -> str:
    url = os.environ.get("LAKTASI_TEST_POSTGRES", "")
    if not url.startswith(("postgres://", "postgresql://")):
        if os.environ.get("CI"):
            pytest.fail("LAKTASI_TEST_POSTGRES is not set in CI; .ci/run must start PostgreSQL")
        pytest.skip("set LAKTASI_TEST_POSTGRES=postgres://... to run the web tests on PostgreSQL")
    return url


@pytest.mark.skipif(os.environ.get("LAKTASI_WEB_ON_POSTGRES") == "1",
                    reason="already the PostgreSQL run")
def test_web_suite_on_postgresql(tmp_path):
    _url()  # skips, or fails under CI, without a server
    # no empty entry in PYTHONPATH: it would put each subprocess' working folder on sys.path,
    # where an app's selectors.py shadows the standard library's
    path = [str(ROOT / "src"), *os.environ.get("PYTHONPATH", "").split(os.pathsep)]
    env = {**os.environ, "LAKTASI_WEB_ON_POSTGRES": "1",
           "PYTHONPATH": os.pathsep.join(p for p in path if p)}
    run = subprocess.run([sys.executable, "-m", "pytest", str(ROOT / "tests" / "web"), "-q",
                          "-p", "no:cacheprovider", "-m", "not e2e", "--basetemp",
                          str(tmp_path / "run")], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=1200)
    tail = (run.stdout + run.stderr)[-4000:]
    assert run.returncode == 0, tail
    assert " passed" in tail and "failed" not in tail


def test_this_run_uses_the_database_it_was_given():
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"]
    if os.environ.get("LAKTASI_WEB_ON_POSTGRES") == "1":
        assert engine == "django.db.backends.postgresql"
    else:
        assert engine == "django.db.backends.sqlite3"
