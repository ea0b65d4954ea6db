"""The declared dependencies are what the code imports (issue 9, item 12): nothing declared
that no module imports (statsmodels was), no extra without code (docx, web were), nothing
imported that is not declared."""

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# distribution name -> the module it provides (otherwise the name with _ for -)
MODULE = {"python-docx": "docx", "pyyaml": "yaml", "django-axes": "axes",
          "django-simple-history": "simple_history"}
# imported only behind a guard, for an optional accelerator (numpy is the fallback)
OPTIONAL = {"cupy", "cupyx", "numba"}
# imported, but installed by a declared dependency of its own
PROVIDED_BY = {"pdfminer": "pdfplumber"}
# used without an import statement: the WSGI server runs the app, Django loads the
# PostgreSQL driver from its ENGINE setting
RUNTIME = {"gunicorn", "psycopg"}


def _requirement_name(req: str) -> str:
    for sep in "<>=!~[; ":
        req = req.split(sep)[0]
    return req.strip().lower()


def _imports(folder: Path, *, dotted: bool = False) -> set[str]:
    """Top-level modules imported by the files under ``folder``; with ``dotted`` also the
    first part of every string that names a module path (Django's INSTALLED_APPS,
    MIDDLEWARE and STORAGES load apps by such names)."""
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
            elif (dotted and isinstance(node, ast.Constant) and isinstance(node.value, str)
                  and re.fullmatch(r"[a-z_][a-z0-9_]*(\.[A-Za-z0-9_]+)*", node.value)):
                names.add(node.value.split(".")[0])
    return names


def _project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _module(name: str) -> str:
    return MODULE.get(name, name.replace("-", "_"))


def _modules(reqs) -> set[str]:
    return {_module(n) for n in map(_requirement_name, reqs)}


def test_every_dependency_is_imported_and_every_import_declared():
    project = _project()
    declared = _modules(project["dependencies"])
    extras = {k: _modules(v) for k, v in project.get("optional-dependencies", {}).items()
              if k != "test"}
    imports = _imports(ROOT / "src" / "laktasi")
    used = _imports(ROOT / "src" / "laktasi", dotted=True) | RUNTIME
    third_party = {m for m in imports if m not in sys.stdlib_module_names
                   and m not in ("laktasi", "__future__")} - OPTIONAL
    assert declared - used == set(), "declared but never used"
    for name, modules in extras.items():  # an extra has code behind it (e.g. production)
        assert modules - used == set(), f"extra {name!r} without code"
    covered = declared | set().union(*extras.values())
    covered |= {m for m, dist in PROVIDED_BY.items() if _module(dist) in covered}
    assert third_party - covered == set(), "imported but not declared"


def test_test_extra_is_what_the_tests_use():
    tests_import = _imports(ROOT / "tests") | _imports(ROOT / "benchmarks") | RUNTIME
    for req in _project().get("optional-dependencies", {}).get("test", []):
        name = _requirement_name(req)
        # pytest and its plugins run the tests; ruff checks them
        assert name.startswith("pytest") or name == "ruff" or _module(name) in tests_import, name
