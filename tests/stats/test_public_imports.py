"""Packages meet through public names only (issue 10, "Public where shared").

A module of one laktasi package (``laktasi.audit``, ``laktasi.meta``, ``laktasi.cli``, ...)
imports from another package only names without a leading underscore, from modules without
one: ``laktasi.stats.serialise.to_plain``, not ``laktasi.stats._results._plain``;
``laktasi.audit.load_file``, not ``laktasi.audit._load``. Inside a package its own private
modules are its business. The scan reads every ``import`` statement of ``src/laktasi`` with
:mod:`ast` (also those inside functions).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def _module_name(path: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def _package(module: str) -> str:
    """The top-level package a module belongs to (``laktasi.stats`` for
    ``laktasi.stats._results``; ``laktasi.pipeline`` is its own)."""
    return ".".join(module.split(".")[:2])


def _private(dotted: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in dotted.split("."))


def private_imports(source: str, module: str, is_package: bool = False) -> list[str]:
    """``line: what`` for every private name or module ``module`` imports from another
    laktasi package."""
    found = []
    own = _package(module)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("laktasi") or _package(target) == own:
                continue
            bad = [a.name for a in node.names if _private(a.name)]
            if _private(target) or bad:
                found.append(f"{node.lineno}: from {target} import "
                             f"{', '.join(a.name for a in node.names)}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("laktasi.") and _package(alias.name) != own \
                        and _private(alias.name):
                    found.append(f"{node.lineno}: import {alias.name}")
    return found


def test_the_scan_finds_private_imports_across_packages():
    text = ("from laktasi.stats._results import ConfidenceInterval\n"
            "from laktasi.stats import _effsize\n"
            "def f():\n    from laktasi.audit import _load\n"
            "import laktasi.audit.checks._x\n"
            "from laktasi.stats.serialise import to_plain\n"
            "from ._common import x\n"
            "from .. import _mine\n")
    found = private_imports(text, "laktasi.meta.models")
    assert sorted(int(f.split(":")[0]) for f in found) == [1, 2, 4, 5, 8]
    # inside its own package a module may use the package's private modules and names
    assert private_imports("from laktasi.stats._results import _x\nfrom . import _ranks\n",
                           "laktasi.stats.paired") == []


def test_no_module_imports_a_private_name_of_another_package():
    found = []
    for path in sorted((SRC / "laktasi").rglob("*.py")):
        module, is_package = _module_name(path)
        for hit in private_imports(path.read_text(encoding="utf-8"), module, is_package):
            found.append(f"{path.relative_to(SRC)}:{hit}")
    assert not found, "private names imported across packages:\n" + "\n".join(found)


def test_the_serialisation_is_public_and_the_old_private_names_are_gone():
    import laktasi.stats._results as results
    from laktasi.stats import serialise

    assert serialise.__all__ == ["Serialisable", "to_plain"]
    assert not hasattr(results, "_plain") and not hasattr(results, "_Serialisable")


def test_to_plain_gives_json_ready_values():
    import dataclasses
    import json

    import numpy as np

    from laktasi.stats.serialise import Serialisable, to_plain

    @dataclasses.dataclass(frozen=True)
    class R(Serialisable):
        p: float
        ns: tuple[int, ...]
        extra: dict

    r = R(np.float64(np.nan), (np.int64(3), 4), {1: np.array([1.5, np.inf]), "b": np.bool_(True)})
    want = {"p": None, "ns": [3, 4], "extra": {"1": [1.5, "inf"], "b": True}}
    assert r.to_dict() == to_plain(r) == want
    assert json.loads(json.dumps(r.to_dict(), allow_nan=False)) == want
    assert to_plain(-np.inf) == "-inf" and to_plain("x") == "x" and to_plain(None) is None
    assert type(to_plain(np.float32(0.25))) is float and type(to_plain(np.int8(2))) is int
