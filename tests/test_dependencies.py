"""The declared dependencies are what the code imports (issue 9, item 12): nothing declared
that no module imports (statsmodels was), no extra without code (docx, web were), nothing
imported that is not declared."""

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# distribution name -> the module it provides
MODULE = {"python-docx": "docx", "pyyaml": "yaml"}
# imported only behind a guard, for an optional accelerator: not a dependency
OPTIONAL = {"cupy", "cupyx"}


def _requirement_name(req: str) -> str:
    for sep in "<>=!~[; ":
        req = req.split(sep)[0]
    return req.strip().lower()


def _imports(folder: Path) -> set[str]:
    names: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names


def _project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _modules(reqs) -> set[str]:
    return {MODULE.get(n, n) for n in map(_requirement_name, reqs)}


def test_every_dependency_is_imported_and_every_import_declared():
    project = _project()
    declared = _modules(project["dependencies"])
    extras = {k: _modules(v) for k, v in project.get("optional-dependencies", {}).items()
              if k != "test"}
    imported = _imports(ROOT / "src" / "laktasi")
    third_party = {m for m in imported if m not in sys.stdlib_module_names
                   and m not in ("laktasi", "__future__")} - OPTIONAL
    assert declared - imported == set(), "declared but never imported"
    for name, modules in extras.items():  # an extra has code behind it (e.g. web: django)
        assert modules - imported == set(), f"extra {name!r} without code"
    assert third_party - declared - set().union(*extras.values()) == set(), (
        "imported but not declared")


def test_test_extra_is_what_the_tests_use():
    tests_import = _imports(ROOT / "tests") | _imports(ROOT / "benchmarks")
    for req in _project().get("optional-dependencies", {}).get("test", []):
        name = _requirement_name(req)
        assert name in ("pytest", "ruff") or MODULE.get(name, name) in tests_import, name
