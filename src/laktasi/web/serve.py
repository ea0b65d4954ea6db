"""``laktasi serve``: the web app on this computer (a plain function; the CLI registers it).

Applies the migrations itself, loads the example studies with ``demo=True``, starts the
task worker (django-tasks' database backend: the chapter is made there, so a page can be
left and come back to), prints the address and opens the browser when it can (not under
CI, tests or without a display), then serves with Django's threaded WSGI server until
Ctrl+C. For many users use gunicorn and
PostgreSQL instead (README, "Production").
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from laktasi.web.paths import DATA_DIR_ENV

__all__ = ["prepare", "serve", "should_open_browser", "start_worker"]

SETTINGS = "laktasi.web.settings.local"


def should_open_browser(env: dict[str, str] | None = None) -> bool:
    """False under CI or pytest, and on Linux without a display."""
    env = dict(os.environ) if env is None else env
    if env.get("CI") or env.get("PYTEST_CURRENT_TEST") or env.get("LAKTASI_NO_BROWSER"):
        return False
    if sys.platform.startswith("linux") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return False
    return True


def prepare(*, demo: bool = False, data_dir: str | Path | None = None,
            echo: Callable[[str], None] = print) -> Path:
    """Set up Django for ``laktasi serve``: the data folder, the migrations, the demo.

    Returns the data folder. Without ``DATABASE_URL`` the database is
    ``<data folder>/laktasi.sqlite3``.
    """
    if data_dir is not None:
        os.environ[DATA_DIR_ENV] = str(Path(data_dir).expanduser().resolve())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    from laktasi.web.paths import data_dir as current

    folder = current()
    folder.mkdir(parents=True, exist_ok=True)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    if demo:
        from laktasi.web.analysis.services import demo_load

        with _language("id"):
            loaded = demo_load()
        echo(f"demo: {len(loaded)} " + ", ".join(u.demo for u in loaded))
    return folder


class _language:
    def __init__(self, code: str) -> None:
        self.code = code

    def __enter__(self) -> None:
        from django.utils import translation

        self.previous = translation.get_language()
        translation.activate(self.code)

    def __exit__(self, *exc: object) -> None:
        from django.utils import translation

        translation.activate(self.previous or self.code)


def serve(*, host: str = "127.0.0.1", port: int = 8000, demo: bool = False,
          data_dir: str | Path | None = None, open_browser: bool | None = None,
          echo: Callable[[str], None] = print) -> None:
    """Run the web app until interrupted; see the module docstring."""
    folder = prepare(demo=demo, data_dir=data_dir, echo=echo)
    from django.core.servers.basehttp import WSGIServer, get_internal_wsgi_application, run

    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    url = f"http://{shown}:{port}/"
    from django.conf import settings

    db = settings.DATABASES["default"]
    where = db["NAME"] if db["ENGINE"].endswith("sqlite3") else f"{db['ENGINE']} {db.get('HOST')}"
    echo(f"laktasi: {url}  (data: {folder}; database: {where}; Ctrl+C to stop)")
    if should_open_browser() if open_browser is None else open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    worker = start_worker()
    # `kill` (SIGTERM, as service managers and tests stop the server) ends like Ctrl+C, so
    # the worker below is stopped too instead of being left running on its own
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        run(host, port, get_internal_wsgi_application(), threading=True, ipv6=":" in host,
            server_cls=WSGIServer)
    except KeyboardInterrupt:
        echo("laktasi: stopped")
    except OSError as exc:
        raise SystemExit(f"laktasi serve: cannot listen on {host}:{port} ({exc.strerror}); "
                         "try another --port") from None
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def start_worker() -> subprocess.Popen:
    """The django-tasks database worker in its own process, with this process' settings
    (``DJANGO_SETTINGS_MODULE``, ``LAKTASI_DATA_DIR``, ``DATABASE_URL``)."""
    return subprocess.Popen(
        [sys.executable, "-m", "laktasi.web.manage", "db_worker", "--interval", "0.2",
         "--no-startup-delay", "--worker-id", f"laktasi-serve-{os.getpid()}"],
        env=dict(os.environ))
