"""The floors of docs/architecture.md, read from the source: the domain packages audit, meta
and power import nothing from the report layer (their results are laid out by
``laktasi.report``: audit_document, meta_document, meta_plots, plots), read with ``ast``
(imports inside functions, under ``TYPE_CHECKING`` and by ``importlib`` included)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import laktasi

ROOT = Path(laktasi.__file__).parent
DOMAIN = ("audit", "meta", "power")

# The word catalogues and number formats still under report/ until the language layer
# (laktasi.i18n) takes them; an entry stops counting as soon as its module is gone.
_MOVING_TO_I18N = tuple(
    f"laktasi.report.{p.stem}" for p in sorted((ROOT / "report").glob("*.py"))
    if p.stem == "numbers" or p.stem.startswith("words"))


def imported_modules(path: Path, root: Path = ROOT) -> set[str]:
    """Absolute names of the modules ``path`` imports, relative imports resolved: for
    ``from a.b import c`` both ``a.b`` and ``a.b.c``; ``importlib.import_module("x")`` and
    ``__import__("x")`` with a literal name count too."""
    package = ["laktasi", *path.parent.relative_to(root).parts]  # an __init__'s own too
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{a.name}" for a in node.names)
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                   or (isinstance(node.func, ast.Name)
                       and node.func.id in ("__import__", "import_module")))):
            names.add(node.args[0].value)
    return names


def report_imports(path: Path, root: Path = ROOT) -> list[str]:
    """The modules of ``laktasi.report`` that ``path`` imports (catalogues on their way to
    ``laktasi.i18n`` left out)."""
    return sorted(m for m in imported_modules(path, root)
                  if (m == "laktasi.report" or m.startswith("laktasi.report."))
                  and not any(m == c or m.startswith(c + ".") for c in _MOVING_TO_I18N))


def test_audit_meta_and_power_import_nothing_from_the_report_layer():
    checked = []
    for pkg in DOMAIN:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            checked.append(path)
            bad = report_imports(path)
            assert not bad, f"{path.relative_to(ROOT)} imports {', '.join(bad)}"
    assert {p.parent.name for p in checked} >= {"audit", "meta", "power", "extract"}
    assert len(checked) > 25


@pytest.mark.parametrize(("where", "source", "found"), [
    ("meta/x.py", "from laktasi.report.plots import save_figure\n", "laktasi.report.plots"),
    ("meta/x.py", "from ..report import meta_plots\n", "laktasi.report.meta_plots"),
    ("audit/extract/x.py", "from ...report.document import Document\n",
     "laktasi.report.document"),
    ("power/x.py", "def f():\n    import laktasi.report.renderers as r\n",
     "laktasi.report.renderers"),
    ("power/x.py", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                   "    from laktasi.report.document import Document\n", "laktasi.report.document"),
    ("audit/x.py", "import importlib\nm = importlib.import_module('laktasi.report.terminal')\n",
     "laktasi.report.terminal"),
    ("audit/x.py", "from laktasi import report\n", "laktasi.report"),
])
def test_the_check_sees_every_way_of_importing_the_report(tmp_path, where, source, found):
    root = tmp_path / "laktasi"
    path = root / where
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    assert found in report_imports(path, root)


def test_the_check_leaves_other_layers_alone(tmp_path):
    root = tmp_path / "laktasi"
    path = root / "meta" / "x.py"
    path.parent.mkdir(parents=True)
    path.write_text("from laktasi.stats import wilcoxon_signed_rank\nfrom .models import M\n"
                    "import numpy as np\n", encoding="utf-8")
    assert report_imports(path, root) == []
    assert imported_modules(path, root) >= {"laktasi.stats", "laktasi.meta.models", "numpy"}
