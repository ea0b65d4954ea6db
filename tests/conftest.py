"""Shared pytest configuration: the peer-comparison summary line in the terminal, and
hypothesis derandomised (the same examples on every run, so CI cannot turn red by chance)."""

import sys
from pathlib import Path

from hypothesis import settings

settings.register_profile("laktasi", derandomize=True, print_blob=True)
settings.load_profile("laktasi")

sys.path.insert(0, str(Path(__file__).parent / "reference"))
# laktasi.meta against R metafor: the cases compared and the largest differences
sys.path.insert(0, str(Path(__file__).parent / "reference" / "meta"))


def _metafor_summary(terminalreporter):
    try:
        import metafor_agreement
    except ImportError:  # pragma: no cover
        return
    for line in metafor_agreement.summary_lines():
        terminalreporter.write_line(line)


def pytest_terminal_summary(terminalreporter):
    _metafor_summary(terminalreporter)
    try:
        import compare
    except ImportError:  # pragma: no cover
        return
    for line in compare.summary_lines():
        terminalreporter.write_line(line)
