"""Whole-process speed against GNU PSPP on the Amanda example (issue 14, goal 1).

The same analysis of the same CSV, as a user runs it, start to exit:

- PSPP: frequencies of the four characteristics (age in the study's three bins),
  descriptives of the two outcomes before and after (EXAMINE), Shapiro-Wilk of each
  after - before difference (EXAMINE /PLOT=NPPLOT, laktasi's normality check), and the
  Wilcoxon signed-rank test of both outcomes; PSPP's text output written to a file.
- laktasi: ``laktasi analyze amanda.csv --study amanda.yaml --format docx --out X.docx``
  (the same tables and tests, plus the figures and the Word file, which PSPP does not make).
- ``laktasi version`` and ``python -c pass`` beside them (start-up alone).

The commands run in turn (A B C D, A B C D, ...), so a drift of a busy machine's speed
touches all alike; figures are medians of N runs, ratios are taken pair by pair and their
median printed, all measured in this one run. Wall clock and CPU (user + system) are both
printed: CPU is the steadier one on a shared machine. No thresholds.

``--profile`` also prints where laktasi's time goes inside one process: the import of each
heavy library and each step of the analysis (read, tests, figures, chapter, docx).

Run: python benchmarks/vs_pspp.py [N] [--profile]   (default N = 7; needs pspp on PATH)

Measured on 30 November 2026 (2 shared cores, quiet; docs/scale.md has the table): laktasi /
PSPP 21.7x and 21.5x wall, 22.5x and 22.1x CPU (the code before that day's changes: 26.0x
and 27.5x wall, 30.9x and 29.0x CPU, same session). The goal, 5x, is not met.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
DATA = SRC / "laktasi" / "datasets"
NAME = "amanda-oku-timur-2023"
SCRIPT = "import sys; from laktasi.cli import app; sys.exit(app())"

# Column formats as the CSV holds them; the age bins are the study's (<20, 20-35, >35).
PSPP_SYNTAX = """\
GET DATA /TYPE=TXT /FILE='{csv}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2
  /DELIMITERS=","
  /VARIABLES=kode A8 umur F3.0 paritas A12 pendidikan A12 pekerjaan A16
   menyusui_pre F4.0 menyusui_post F4.0 bak_pre F4.0 bak_post F4.0.
RECODE umur (LO THRU 19=1) (20 THRU 35=2) (36 THRU HI=3) INTO umur_k.
VALUE LABELS umur_k 1 '<20 tahun' 2 '20-35 tahun' 3 '>35 tahun'.
COMPUTE d_menyusui = menyusui_post - menyusui_pre.
COMPUTE d_bak = bak_post - bak_pre.
FREQUENCIES /VARIABLES=umur_k paritas pendidikan pekerjaan.
EXAMINE /VARIABLES=menyusui_pre /STATISTICS=DESCRIPTIVES.
EXAMINE /VARIABLES=menyusui_post /STATISTICS=DESCRIPTIVES.
EXAMINE /VARIABLES=bak_pre /STATISTICS=DESCRIPTIVES.
EXAMINE /VARIABLES=bak_post /STATISTICS=DESCRIPTIVES.
EXAMINE /VARIABLES=d_menyusui /PLOT=NPPLOT.
EXAMINE /VARIABLES=d_bak /PLOT=NPPLOT.
NPAR TESTS /WILCOXON=menyusui_pre bak_pre WITH menyusui_post bak_post (PAIRED).
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("PYTHONSTARTUP", None)
    return env


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _run(argv: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    c0, t0 = _cpu(), time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    if done.returncode != 0:
        raise SystemExit(f"{argv!r} exited {done.returncode}: {done.stderr.decode()[-800:]}")
    return wall, cpu


def _check_outputs(work: Path) -> None:
    """Both tools did the work: PSPP's tables and laktasi's Word file are there."""
    text = (work / "pspp.txt").read_text(encoding="utf-8", errors="replace")
    for needle in ("umur_k", "pekerjaan", "Shapiro-Wilk", "d_menyusui", "d_bak", "Sum of Ranks",
                   "Asymp. Sig."):
        if needle not in text:
            raise SystemExit(f"PSPP's output has no {needle!r}: check the syntax in {work}")
    docx = (work / "laktasi.docx").read_bytes()
    if not docx.startswith(b"PK") or len(docx) < 10_000:
        raise SystemExit("laktasi wrote no Word file")


def compare(n: int) -> None:
    pspp = shutil.which("pspp")
    if pspp is None:
        raise SystemExit("pspp is not on PATH (GNU PSPP, e.g. apt-get install pspp)")
    env = _env()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copy(DATA / f"{NAME}.csv", work / "amanda.csv")
        shutil.copy(DATA / f"{NAME}.yaml", work / "amanda.yaml")
        (work / "amanda.sps").write_text(PSPP_SYNTAX.format(csv="amanda.csv"), encoding="utf-8")
        commands = {
            "pspp": [pspp, "amanda.sps", "-o", "pspp.txt"],
            "laktasi analyze": [py, "-c", SCRIPT, "analyze", "amanda.csv", "--study",
                                "amanda.yaml", "--format", "docx", "--out", "laktasi.docx", "--force"],
            "laktasi version": [py, "-c", SCRIPT, "version"],
            "python -c pass": [py, "-c", "pass"],
        }
        for argv in commands.values():  # warm-up: file cache, bytecode, font cache
            _run(argv, work, env)
        _check_outputs(work)
        wall: dict[str, list[float]] = {k: [] for k in commands}
        cpu: dict[str, list[float]] = {k: [] for k in commands}
        for _ in range(n):
            for name, argv in commands.items():
                w, c = _run(argv, work, env)
                wall[name].append(w)
                cpu[name].append(c)
    print(f"Amanda example (15 mothers, 2 outcomes), whole process, {n} alternating runs "
          f"({os.cpu_count()} cores): median ms (min-max)")
    for name in commands:
        print(f"  {name:<16} wall {statistics.median(wall[name]) * 1000:6.0f} "
              f"({min(wall[name]) * 1000:.0f}-{max(wall[name]) * 1000:.0f})   "
              f"cpu {statistics.median(cpu[name]) * 1000:6.0f} "
              f"({min(cpu[name]) * 1000:.0f}-{max(cpu[name]) * 1000:.0f})")
    for a, b in (("laktasi analyze", "pspp"), ("laktasi version", "python -c pass"),
                 ("laktasi version", "pspp")):
        rw = statistics.median(x / y for x, y in zip(wall[a], wall[b], strict=True))
        rc = statistics.median(x / y for x, y in zip(cpu[a], cpu[b], strict=True))
        print(f"  {a} / {b}: {rw:.1f}x wall, {rc:.1f}x cpu (median of the pairs)")


def profile() -> None:
    """Where one ``analyze ... --format docx`` spends its time, step by step, in-process."""
    code = f"""
import sys, time
sys.path.insert(0, {str(SRC)!r})
t = [time.process_time()]
start = t[0]
def lap(what):
    now = time.process_time(); print(f"  {{what:<34}} {{(now - t[0]) * 1000:6.0f}} ms"); t[0] = now
import gc, os; gc.set_threshold(50_000, 20, 100)  # as the command line sets them
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import laktasi.cli; lap("import laktasi.cli (typer)")
import pydantic; lap("import pydantic (Typer 0.29 parsing)")
import numpy; lap("import numpy")
import scipy.special; lap("import scipy.special (normal, t)")
import matplotlib.figure, matplotlib.backends.backend_agg; lap("import matplotlib (no pyplot)")
import docx; lap("import docx (python-docx)")
import laktasi.pipeline, laktasi.report.renderers; lap("import laktasi (the rest)")
from laktasi.design import load_study
from laktasi.design.plan import analyse
from laktasi.io import read_rows_checked
from laktasi.report.chapter import build_chapter
from laktasi.report.figures import figure_maker
from laktasi.report.renderers import render
d = {str(DATA / NAME)!r}
st = load_study(d + ".yaml"); rows, _ = read_rows_checked(d + ".csv", st, lang="id")
lap("read study and data")
a = analyse(st, rows); lap("tests (plan)")
doc = build_chapter(a, "id", figure_maker=figure_maker(st, rows, draw_svg=False))
lap("chapter with figures (PNG)")
doc2 = build_chapter(a, "id"); lap("  the same chapter without figures")
from laktasi.report.plots import paired_plot
paired_plot([4, 5, 6] * 5, [8, 9, 12] * 5, labels=("a", "b"), ylabel="y", mean_label="m")
lap("  one paired plot (PNG + SVG)")
paired_plot([4, 5, 6] * 5, [8, 9, 12] * 5, labels=("a", "b"), ylabel="y", mean_label="m",
            svg=False)
lap("  one paired plot (PNG only)")
payload = render(doc, "docx"); lap("render docx")
import sys as _s
print("  scipy.stats imported:", "scipy.stats" in _s.modules, "| pyplot imported:",
      "matplotlib.pyplot" in _s.modules, "| pandas imported:", "pandas" in _s.modules)
print(f"  total {{(time.process_time() - start) * 1000:.0f}} ms")
"""
    print("where laktasi's time goes (CPU time of one process, step by step):")
    subprocess.run([sys.executable, "-c", code], check=True, env=_env())


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--profile"]
    compare(int(args[0]) if args else 7)
    if "--profile" in sys.argv:
        profile()
