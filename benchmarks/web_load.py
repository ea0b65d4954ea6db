"""Clinic data entry under load, and durability when the server is killed.

Load: C concurrent clients (default 100), each logged in as a midwife of one clinic, post
observation-sheet columns (the "day N" form of the clinic pages, the whole view: selectors,
range checks, the audit-trail row, the redirect) for D seconds (default 60) against gunicorn
on 127.0.0.1 only; printed: requests/s, p50/p95/p99 latency, errors (non-2xx/3xx answers and
failed connections). On SQLite (WAL, the ``laktasi serve`` database) and, with
``--database-url postgres://...``, on PostgreSQL.

Durability (``--kill``): the clients write while the gunicorn master and workers are killed
with SIGKILL after K seconds; the server is restarted on the same database and every write
that had been acknowledged (a 302 redirect back to the sheet) is looked up: printed are the
acknowledged writes, how many are missing (lost), and how many observations were saved
without their audit-trail row (half saved). Nothing here is a threshold: figures of one run.

``--in-process N``: N writes through Django's test client in one process, the server-side
cost of one write (p50/p95) and its number of queries, without HTTP or concurrency.

Run: python benchmarks/web_load.py [--clients 100] [--seconds 60] [--workers 4]
     [--database-url postgres://user:pw@127.0.0.1/db] [--kill 20] [--in-process 200]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- inside Django (child)


def _django(data_dir: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "laktasi.web.settings.local"
    os.environ["LAKTASI_DATA_DIR"] = data_dir
    import django

    django.setup()


def child_setup(data_dir: str, clients: int) -> None:
    """Migrate, make one clinic with a study, ``clients`` mothers and a midwife's logged-in
    session per client; print the sessions and mothers as JSON."""
    _django(data_dir)
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from laktasi.web.clinics import services
    from laktasi.web.clinics.models import Membership

    call_command("migrate", verbosity=0)
    User = get_user_model()
    admin = User.objects.create_user(f"admin-{secrets.token_hex(4)}", password=None)
    clinic = services.clinic_create(name="Puskesmas Beban", kind="puskesmas",
                                    district="Kab. Uji", admin=admin)
    study = services.study_create(by=admin, clinic=clinic, title="Uji beban",
                                  design="one-group-pretest-posttest")
    day0 = dt.date.today() - dt.timedelta(days=3)
    out = []
    for i in range(clients):
        bidan = User.objects.create_user(f"bidan-{secrets.token_hex(4)}-{i}", password=None)
        Membership.objects.create(user=bidan, clinic=clinic, role="bidan")
        mother = services.mother_register(by=admin, study=study, code=f"B{i:03d}",
                                          enrolled=day0, delivered=day0, birth_weight=3200)
        s = SessionStore()
        s["_auth_user_id"] = str(bidan.pk)
        s["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        s["_auth_user_hash"] = bidan.get_session_auth_hash()
        s.create()
        out.append({"session": s.session_key, "mother": mother.pk})
    print(json.dumps({"observed": (day0 + dt.timedelta(days=1)).isoformat(), "clients": out}))


def child_verify(data_dir: str, acked_path: str) -> None:
    """Every acknowledged (mother, weight) write present; observations without their
    audit-trail row; printed as JSON."""
    _django(data_dir)
    from laktasi.web.clinics.models import Observation

    acked = json.loads(Path(acked_path).read_text())
    stored = set(Observation.objects.filter(is_deleted=False).values_list("mother_id",
                                                                          "weight"))
    lost = [a for a in acked if (a[0], a[1]) not in stored]
    ids = set(Observation.objects.values_list("pk", flat=True))
    with_history = set(Observation.history.filter(history_type="+").values_list("id",
                                                                                flat=True))
    print(json.dumps({"acknowledged": len(acked), "stored": len(ids), "lost": len(lost),
                      "half_saved": len(ids - with_history),
                      "history_without_row": len(with_history - ids)}))


def child_inprocess(data_dir: str, n: int) -> None:
    """``n`` observation posts through Django's test client in one process (no HTTP, no
    concurrency): the server-side cost of one write and its database queries."""
    _django(data_dir)
    import datetime as dt

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client as TestClient
    from django.test.utils import CaptureQueriesContext

    from laktasi.web.clinics import services

    call_command("migrate", verbosity=0)
    admin = get_user_model().objects.create_user(f"admin-{secrets.token_hex(4)}")
    clinic = services.clinic_create(name="Puskesmas Proses", kind="puskesmas",
                                    district="Kab. Uji", admin=admin)
    study = services.study_create(by=admin, clinic=clinic, title="Uji proses",
                                  design="one-group-pretest-posttest")
    day0 = dt.date.today() - dt.timedelta(days=3)
    mother = services.mother_register(by=admin, study=study, code="P001", enrolled=day0,
                                      delivered=day0)
    client = TestClient()
    client.force_login(admin)
    url = f"/klinik/ibu/{mother.pk}/observasi/"

    def post(weight: int) -> None:
        r = client.post(url, {"point": "day", "day": "2", "observed": (
            day0 + dt.timedelta(days=1)).isoformat(), "feeds": "8", "weight": str(weight)})
        assert r.status_code == 302, r.status_code

    post(600)  # imports and caches
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        post(700 + i)
        times.append(time.perf_counter() - t0)
    with CaptureQueriesContext(connection) as q:
        post(699)
    print(json.dumps({"n": n, "p50": _pct(times, .5), "p95": _pct(times, .95),
                      "queries": len(q.captured_queries)}))


# ---------------------------------------------------------------- the benchmark (parent)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(data_dir: Path, database_url: str | None) -> dict[str, str]:
    env = {**os.environ, "LAKTASI_DATA_DIR": str(data_dir),
           "DJANGO_SETTINGS_MODULE": "laktasi.web.settings.local",
           "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _start(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "laktasi.web.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning",
         "--timeout", "60"], env=env, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/klinik/masuk/")
            if c.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within 120 s")


def _stop(server: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    try:
        os.killpg(server.pid, sig)  # the master and its workers: our own process group
    except ProcessLookupError:
        return
    server.wait(timeout=60)


class Client(threading.Thread):
    def __init__(self, port: int, session: str, mother: int, observed: str, stop_at: float,
                 base_weight: int) -> None:
        super().__init__(daemon=True)
        self.port, self.mother, self.observed, self.stop_at = port, mother, observed, stop_at
        self.csrf = secrets.token_hex(16)  # 32 characters: a CSRF secret
        self.cookie = f"sessionid={session}; csrftoken={self.csrf}"
        self.latencies: list[float] = []
        self.errors = 0
        self.acked: list[tuple[int, int]] = []
        self.weight = base_weight

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        path = f"/klinik/ibu/{self.mother}/observasi/"
        while time.time() < self.stop_at:
            self.weight += 1
            body = urllib.parse.urlencode({
                "csrfmiddlewaretoken": self.csrf, "point": "day", "day": "2",
                "observed": self.observed, "feeds": "8", "urination": "3", "volume": "12.5",
                "lancar": "true", "weight": str(self.weight)})
            t0 = time.perf_counter()
            try:
                conn.request("POST", path, body, {
                    "Cookie": self.cookie, "Content-Type": "application/x-www-form-urlencoded",
                    "Host": "127.0.0.1"})
                r = conn.getresponse()
                r.read()
                dt_ = time.perf_counter() - t0
                if r.status == 302:
                    self.latencies.append(dt_)
                    self.acked.append((self.mother, self.weight))
                else:
                    self.errors += 1
            except (OSError, http.client.HTTPException):
                self.errors += 1
                conn.close()
                time.sleep(0.05)
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)


def _child(mode: str, *args: str, env: dict[str, str]) -> dict:
    run = subprocess.run([sys.executable, __file__, mode, *args], env=env, capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(run.stderr[-3000:])
    return json.loads(run.stdout.strip().splitlines()[-1])


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(q * (len(xs) - 1)))] * 1000 if xs else float("nan")


def run_load(args: argparse.Namespace, label: str) -> None:
    with tempfile.TemporaryDirectory(prefix="laktasi-load-") as tmp:
        env = _env(Path(tmp), args.database_url)
        setup = _child("_setup", tmp, str(args.clients), env=env)
        server = _start(env, port := _free_port(), args.workers)
        try:
            start = time.time()
            clients = [Client(port, c["session"], c["mother"], setup["observed"],
                              start + args.seconds, 500) for c in setup["clients"]]
            for c in clients:
                c.start()
            for c in clients:
                c.join()
            elapsed = time.time() - start
        finally:
            _stop(server)
        lat = [x for c in clients for x in c.latencies]
        errors = sum(c.errors for c in clients)
        print(f"{label}: {len(clients)} clients for {elapsed:.0f} s, {args.workers} gunicorn "
              f"workers: {len(lat) / elapsed:.1f} writes/s, p50 {_pct(lat, .5):.0f} ms, "
              f"p95 {_pct(lat, .95):.0f} ms, p99 {_pct(lat, .99):.0f} ms, errors {errors} "
              f"(of {len(lat) + errors} requests)")


def run_kill(args: argparse.Namespace, label: str) -> None:
    with tempfile.TemporaryDirectory(prefix="laktasi-kill-") as tmp:
        env = _env(Path(tmp), args.database_url)
        setup = _child("_setup", tmp, str(args.clients), env=env)
        server = _start(env, port := _free_port(), args.workers)
        start = time.time()
        clients = [Client(port, c["session"], c["mother"], setup["observed"],
                          start + args.kill + 2, 500) for c in setup["clients"]]
        for c in clients:
            c.start()
        time.sleep(args.kill)
        _stop(server, signal.SIGKILL)  # master and workers, mid-request
        for c in clients:
            c.join()
        server = _start(env, _free_port(), args.workers)  # restarts on the same database
        _stop(server)
        acked = [a for c in clients for a in c.acked]
        path = Path(tmp) / "acked.json"
        path.write_text(json.dumps(acked))
        result = _child("_verify", tmp, str(path), env=env)
        print(f"{label}, kill -9 after {args.kill:g} s with {len(clients)} clients writing: "
              f"{result['acknowledged']} writes acknowledged (302), {result['lost']} lost "
              f"after the restart, {result['half_saved']} observations without their "
              f"audit-trail row, {result['history_without_row']} audit rows without their "
              f"observation ({result['stored']} observations stored)")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_setup":
        child_setup(sys.argv[2], int(sys.argv[3]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "_inprocess":
        child_inprocess(sys.argv[2], int(sys.argv[3]))
        return
    if len(sys.argv) > 1 and sys.argv[1] == "_verify":
        child_verify(sys.argv[2], sys.argv[3])
        return
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=100)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--database-url", default=None,
                   help="postgres://... (the database must exist); default SQLite")
    p.add_argument("--kill", type=float, default=0,
                   help="durability run: SIGKILL the server after this many seconds")
    p.add_argument("--in-process", type=int, default=0, metavar="N",
                   help="N writes through Django's test client in one process (no HTTP)")
    args = p.parse_args()
    label = "PostgreSQL" if args.database_url else "SQLite"
    if args.in_process:
        with tempfile.TemporaryDirectory(prefix="laktasi-inproc-") as tmp:
            r = _child("_inprocess", tmp, str(args.in_process),
                       env=_env(Path(tmp), args.database_url))
        print(f"{label}, in process (one thread, no HTTP): {r['n']} writes, p50 "
              f"{r['p50']:.1f} ms, p95 {r['p95']:.1f} ms, {r['queries']} queries per write")
        return
    if args.kill:
        run_kill(args, label)
    else:
        run_load(args, label)


if __name__ == "__main__":
    main()
