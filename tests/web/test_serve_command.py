"""``laktasi serve --demo`` as a user runs it: migrations applied, the address printed, the
demo studies on the home page, the chapter of one of them; no browser opened under tests."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_laktasi_serve_demo_serves_the_examples(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DJANGO_", "LAKTASI_", "DATABASE_URL"))}
    env.update(PYTHONPATH=SRC, CI="true")  # CI: never open a browser
    proc = subprocess.Popen(
        [sys.executable, "-c", "from laktasi.cli import app; app()", "serve", "--demo",
         "--port", str(port), "--data-dir", str(tmp_path / "data")],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "http://" in line:
                break
        address = re.search(r"http://\S+", "".join(lines))
        assert address, "".join(lines)
        assert address.group(0) == f"http://localhost:{port}/"
        assert "amanda-oku-timur-2023" in "".join(lines)
        home = ""
        for _ in range(60):
            try:
                home = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30).read()
                break
            except OSError:
                time.sleep(0.5)
        page = home.decode()
        assert '<html lang="id">' in page and "kota-bengkulu-2018" in page
        result = re.search(r'href="(/analisis/[0-9a-f-]+/hasil/)"', page).group(1)
        chapter = ""
        for _ in range(240):  # the worker makes the chapter; the page says so until then
            response = urllib.request.urlopen(f"http://127.0.0.1:{port}{result}", timeout=120)
            chapter = response.read().decode()
            if response.status == 200:
                break
            assert response.status == 202 and 'role="status"' in chapter
            time.sleep(0.5)
        assert "Tabel 4.1" in chapter
        assert (tmp_path / "data" / "laktasi.sqlite3").exists()
        assert _workers(proc.pid), "serve starts its task worker"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    # stopped as a service manager stops it (SIGTERM): its worker stops too, none is left
    deadline = time.monotonic() + 30
    while _workers(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _workers(proc.pid)


def _workers(serve_pid: int) -> list[str]:
    """Process ids of the task workers that `laktasi serve` (process ``serve_pid``) started."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if f"laktasi-serve-{serve_pid}" in cmd and "db_worker" in cmd:
                found.append(entry.name)
    return found


def test_serve_refuses_a_bad_port():
    from typer.testing import CliRunner

    from laktasi.cli import app

    result = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert result.exit_code == 2
    assert "70000" in result.output
