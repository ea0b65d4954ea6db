"""The examples in the docstrings run (CI runs them with the rest of the tests).

Every module of ``src/laktasi`` whose docstrings hold an example (``>>>``) is imported and
its examples run with :mod:`doctest`; the web app's modules (Django) are not imported.
"""

import doctest
import importlib
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
SKIP_PACKAGES = ("web",)  # needs Django and a settings module


def _modules():
    out = []
    for path in sorted((SRC / "laktasi").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if any(p in SKIP_PACKAGES for p in parts[1:]) or ">>> " not in path.read_text(
                encoding="utf-8"):
            continue
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out.append(name)
    return out


MODULES = _modules()


def test_the_modules_with_examples_are_found():
    assert len(MODULES) >= 20
    assert {"laktasi.stats.paired", "laktasi.io.writers", "laktasi.i18n.numbers"} <= set(
        MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    for t in finder.find(module, name):
        if t.examples:
            runner.run(t, out=report.append)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, "".join(report)
    # an example marked +SKIP everywhere is documentation only; otherwise something ran
    source = Path(module.__file__).read_text(encoding="utf-8")
    assert result.attempted > 0 or "+SKIP" in source
