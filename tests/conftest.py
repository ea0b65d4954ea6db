"""Shared pytest configuration: the peer-comparison summary line in the terminal."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "reference"))


def pytest_terminal_summary(terminalreporter):
    try:
        import compare
    except ImportError:  # pragma: no cover
        return
    for line in compare.summary_lines():
        terminalreporter.write_line(line)
