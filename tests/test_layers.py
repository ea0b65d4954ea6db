"""The floors of docs/architecture.md, read from the source (issue 10's acceptance): the
statistics core and the language layer import nothing of laktasi but themselves and errors;
no domain package imports the report layer, the pipeline, a face (cli, web) or a face's
library (Typer, Rich, Click, Django). In particular audit, meta and power import nothing
from the report layer (their results are laid out by
``laktasi.report``: audit_document, meta_document, meta_plots, plots), read with ``ast``
(imports inside functions, under ``TYPE_CHECKING`` and by ``importlib`` included)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import laktasi

ROOT = Path(laktasi.__file__).parent
DOMAIN = ("audit", "meta", "power")

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
    """The modules of ``laktasi.report`` that ``path`` imports."""
    return sorted(m for m in imported_modules(path, root)
                  if m == "laktasi.report" or m.startswith("laktasi.report."))


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


# the faces and the layers above the domain, and the face libraries
_ABOVE_DOMAIN = ("laktasi.report", "laktasi.pipeline", "laktasi.cli", "laktasi.web")
_FACE_LIBRARIES = ("typer", "rich", "click", "django")


def forbidden_imports(path: Path, package: str, root: Path = ROOT) -> list[str]:
    """What ``path`` (a module of ``laktasi.<package>``) imports against the floors of
    docs/architecture.md: a domain package (design, io, audit, meta, power) no report,
    pipeline, command line, web module, Typer, Rich, Click or Django; the language layer
    (i18n) nothing of laktasi but itself and errors; the statistics core nothing of
    laktasi but itself and errors."""
    names = imported_modules(path, root)
    if package in ("stats", "i18n"):
        own = (f"laktasi.{package}", "laktasi.errors")
        return sorted(m for m in names if _within(m, ("laktasi",)) and m != "laktasi"
                      and not _within(m, own))
    return sorted(m for m in names
                  if _within(m, _ABOVE_DOMAIN) or m.split(".")[0] in _FACE_LIBRARIES)


FLOORS = ("stats", "i18n", "design", "io", "audit", "meta", "power")


def test_every_module_keeps_to_its_floor():
    checked = []
    for package in FLOORS:
        for path in sorted((ROOT / package).rglob("*.py")):
            checked.append(package)
            bad = forbidden_imports(path, package)
            assert not bad, f"{path.relative_to(ROOT)} imports {', '.join(bad)}"
    assert set(checked) == set(FLOORS) and len(checked) > 60


@pytest.mark.parametrize(("package", "source", "found"), [
    ("io", "import typer\n", "typer"),
    ("design", "from rich.table import Table\n", "rich.table"),
    ("power", "from ..cli import app\n", "laktasi.cli"),
    ("audit", "def f():\n    from laktasi.web.tools import views\n", "laktasi.web.tools"),
    ("meta", "from laktasi.pipeline import analyse_file\n", "laktasi.pipeline"),
    ("stats", "from laktasi.design import Design\n", "laktasi.design"),
    ("stats", "from ..i18n import text\n", "laktasi.i18n"),
    ("i18n", "from laktasi.stats import wilcoxon\n", "laktasi.stats"),
])
def test_the_floor_check_sees_each_kind_of_breach(tmp_path, package, source, found):
    root = tmp_path / "laktasi"
    path = root / package / "x.py"
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    assert found in forbidden_imports(path, package, root)


def test_the_floor_check_allows_what_the_floors_allow(tmp_path):
    root = tmp_path / "laktasi"
    for package, source in (("stats", "from laktasi.errors import E\nfrom ._results import R\n"
                                      "import numpy as np\n"),
                            ("i18n", "from laktasi.errors import E\nfrom .numbers import f\n"),
                            ("io", "from laktasi.i18n import text\nfrom laktasi.design import D\n"
                                   "import pandas\n")):
        path = root / package / "x.py"
        path.parent.mkdir(parents=True)
        path.write_text(source, encoding="utf-8")
        assert forbidden_imports(path, package, root) == [], package


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
