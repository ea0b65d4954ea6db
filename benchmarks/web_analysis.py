"""Web analysis speed: the 40-mother study of report_speed.py (.xlsx) from upload to the
results chapter through the Analisis page, against gunicorn on this machine, beside the
CLI on the same file. Prints timings measured in this one run (no thresholds).

One "upload-to-chapter" is the whole user flow, each a full HTTP request: POST the file,
GET the prefilled study form, POST the form unchanged, GET the chapter page (data check; the
analysis, figures and HTML are made by the django-tasks worker, as in ``laktasi serve``: the
page answers 202 until then; this script asks again every 0.1 s, the page itself every
0.7 s). Timed N times (default 50) one after another; p50 and p95 are printed.
The CLI is timed as ``laktasi analyze FILE --design ... --format html --out F``
(a new process each time, start-up included) and in-process (``analyse_file`` + ``render``).

Run: python benchmarks/web_analysis.py [--requests 50] [--workers 2] [--database-url URL]
(needs gunicorn; --database-url postgres://... runs the server on PostgreSQL).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import openpyxl
import requests

sys.path.insert(0, str(Path(__file__).parent))
from report_speed import _frame  # the same 40-mother study

ROOT = Path(__file__).resolve().parents[1]
DESIGN = ["--design", "one-group-pretest-posttest", "--id", "kode"]


def _xlsx(path: Path) -> Path:
    frame = _frame(40, np.random.default_rng(1))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        ws.append([v.item() if hasattr(v, "item") else v for v in row])
    wb.save(path)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _hidden_fields(html: str) -> dict[str, list[str]]:
    """The study form's answers as the page prefilled them (inputs, selects, checkboxes)."""
    data: dict[str, list[str]] = {}

    def add(name: str, value: str) -> None:
        data.setdefault(name, []).append(value)

    form = html[html.index('id="study-form"'):html.index("</form>", html.index('id="study-form"'))]
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        kind = re.search(r'type="([^"]+)"', tag)
        if kind and kind.group(1) in ("radio", "checkbox") and "checked" not in tag:
            continue
        add(name.group(1), value.group(1) if value else "")
    for name, body in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        add(name, chosen.group(1) if chosen else "")
    data["action"] = ["analyse"]
    return data


def _flow(base: str, xlsx: Path) -> float:
    s = requests.Session()
    t0 = time.perf_counter()
    page = s.get(base + "/analisis/")
    token = s.cookies["csrftoken"]
    with xlsx.open("rb") as fh:
        r = s.post(base + "/analisis/", files={"file": (xlsx.name, fh)},
                   data={"csrfmiddlewaretoken": token, "sheet": ""},
                   headers={"Referer": page.url}, allow_redirects=False)
    assert r.status_code == 302, r.text[:500]
    form_url = base + r.headers["Location"]
    form = s.get(form_url)
    r = s.post(form_url, data=_hidden_fields(form.text), headers={"Referer": form_url},
               allow_redirects=False)
    assert r.status_code == 302, r.text[:2000]
    chapter_url = base + r.headers["Location"]
    chapter = s.get(chapter_url)
    while chapter.status_code == 202:  # the task worker is making it; the page asks again
        time.sleep(0.1)
        chapter = s.get(chapter_url)
    elapsed = time.perf_counter() - t0
    assert chapter.status_code == 200 and "Tabel 4.1" in chapter.text
    return elapsed


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q, method="linear"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--database-url", default="")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="laktasi-bench-") as tmp:
        tmp_path = Path(tmp)
        xlsx = _xlsx(tmp_path / "studi-40-ibu.xlsx")
        env = {**os.environ, "LAKTASI_DATA_DIR": str(tmp_path / "data"),
               "DJANGO_SETTINGS_MODULE": "laktasi.web.settings.local",
               "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
        env.pop("DATABASE_URL", None)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        subprocess.run([sys.executable, "-m", "laktasi.web.manage", "migrate", "-v", "0"],
                       env=env, check=True)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "laktasi.web.wsgi:application", "--bind",
             f"127.0.0.1:{port}", "--workers", str(args.workers), "--timeout", "120",
             "--log-level", "warning"], env=env)
        worker = subprocess.Popen(
            [sys.executable, "-m", "laktasi.web.manage", "db_worker", "--interval", "0.2",
             "--no-startup-delay"], env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(120):
                try:
                    requests.get(base + "/", timeout=30)
                    break
                except requests.RequestException:  # not listening yet, or still importing
                    time.sleep(0.5)
            for _ in range(2 * args.workers):  # warm every worker (imports, fonts)
                _flow(base, xlsx)
            web = [_flow(base, xlsx) for _ in range(args.requests)]
        finally:
            server.terminate()
            worker.terminate()
            server.wait(timeout=30)
            worker.wait(timeout=30)

        cli = []
        out = tmp_path / "bab4.html"
        for _ in range(5):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "from laktasi.cli import app; app()",
                            "analyze", str(xlsx), *DESIGN, "--format", "html", "--out",
                            str(out), "--force"], env=env, check=True, capture_output=True)
            cli.append(time.perf_counter() - t0)

        from laktasi.design.infer import study_from_columns
        from laktasi.io import read_table
        from laktasi.pipeline import analyse_file
        from laktasi.report.renderers import render

        def in_process() -> None:
            header, cells = read_table(xlsx)
            study = study_from_columns(header, cells, "one-group-pretest-posttest",
                                       id_column="kode", title=xlsx.stem)
            _, doc = analyse_file(xlsx, study)
            render(doc, "html")

        in_process()
        lib = []
        for _ in range(10):
            t0 = time.perf_counter()
            in_process()
            lib.append(time.perf_counter() - t0)

    db = "PostgreSQL" if args.database_url else "SQLite (WAL)"
    p50, p95 = _percentile(web, 50), _percentile(web, 95)
    cli50, lib50 = statistics.median(cli), statistics.median(lib)
    print(f"40-mother study (.xlsx), upload to chapter, {len(web)} flows against gunicorn "
          f"({args.workers} workers, {db}, {os.cpu_count()} cores):")
    print(f"  web (upload, form, form post, chapter + polls)      p50 {p50:6.2f} s   "
          f"p95 {p95:6.2f} s   max {max(web):6.2f} s")
    print(f"  CLI laktasi analyze --format html (new process)     median {cli50:6.2f} s "
          f"(n={len(cli)})")
    print(f"  in-process analyse_file + render html               median {lib50:6.2f} s "
          f"(n={len(lib)})")
    print(f"  web p50 / CLI = {p50 / cli50:.2f}x;  web p50 / in-process = {p50 / lib50:.2f}x")


if __name__ == "__main__":
    main()
