"""Start-up time of the command line, whole process as a user feels it: ``laktasi version``
and ``laktasi --help`` beside ``python -c pass`` (the interpreter's own start-up).

The commands run in turn (pass, version, --help, pass, ...) so that a drift of the machine's
speed touches all three alike; each figure is the median of N runs, and the ratios are
taken from those medians, all measured in this one run. No thresholds.

laktasi runs as the installed console script does (``from laktasi.cli import app;
sys.exit(app())``) with this checkout's ``src`` first on the path. Also printed: which of
the heavy libraries the command line imports before a command runs (none expected).

Run: python benchmarks/cli_start.py [N]   (default N = 21)

Measured on 30 November 2026 (2 shared cores, two runs, CPU): ``laktasi version`` 80 and 82
ms (2.2x ``python -c pass``), ``laktasi --help`` 92 and 96 ms.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
HEAVY = ("scipy", "numpy", "pandas", "matplotlib", "docx", "yaml", "openpyxl", "pydantic")
SCRIPT = "import sys; from laktasi.cli import app; sys.exit(app())"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [env.get("PYTHONPATH")])])
    env.pop("PYTHONSTARTUP", None)
    return env


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one whole process."""
    c0, t0 = _cpu(), time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took, cpu = time.perf_counter() - t0, _cpu() - c0
    if done.returncode != 0:
        raise SystemExit(f"{argv!r} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return took, cpu


def main(n: int = 21) -> None:
    env = _env()
    py = sys.executable
    commands = {
        "python -c pass": [py, "-c", "pass"],
        "laktasi version": [py, "-c", SCRIPT, "version"],
        "laktasi --help": [py, "-c", SCRIPT, "--help"],
    }
    for argv in commands.values():  # warm the file cache and the bytecode
        _run(argv, env)
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(n):
        for name, argv in commands.items():
            w, c = _run(argv, env)
            wall[name].append(w)
            cpu[name].append(c)
    print(f"whole process, median of {n} alternating runs ({os.cpu_count()} cores); "
          "wall clock, and CPU (user + system, less sensitive to a busy machine):")
    for what, times in (("wall", wall), ("cpu", cpu)):
        med = {name: statistics.median(t) for name, t in times.items()}
        base = med["python -c pass"]
        for name, m in med.items():
            spread = f"min {min(times[name]) * 1000:.0f}, max {max(times[name]) * 1000:.0f}"
            extra = "" if name == "python -c pass" else (
                f"  = {m / base:.2f}x python -c pass, +{(m - base) * 1000:.0f} ms")
            print(f"  {what:<4} {name:<16} {m * 1000:6.0f} ms ({spread}){extra}")
    probe = ("import sys, laktasi.cli; "
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules) or 'none')")
    heavy = subprocess.run([py, "-c", probe], env=env, capture_output=True, text=True)
    print(f"heavy libraries imported by `import laktasi.cli`: {heavy.stdout.strip()}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 21)
