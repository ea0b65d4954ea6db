"""Every public function of the statistics core documents its parameters and what it
returns in numpydoc sections (issue 10, "Types you can trust"): a ``Parameters``
section naming every argument of the signature and a ``Returns`` section naming the
result type the annotation gives."""

from __future__ import annotations

import inspect
import re

import pytest

import laktasi.stats as st

FUNCTIONS = [getattr(st, name) for name in st.__all__
             if inspect.isfunction(getattr(st, name))]


def _section(doc: str, title: str) -> str:
    match = re.search(rf"\n{title}\n-+\n(.*?)(?:\n\S[^\n]*\n-+\n|\Z)", doc, re.S)
    assert match, f"no {title} section"
    return match.group(1)


def test_every_public_function_of_the_core_is_checked():
    """The 13 tests, the 5 functions of ``laktasi.stats.summary`` and ``to_plain``: every
    function that a public module of the core lists in its ``__all__`` is in
    ``laktasi.stats.__all__``, so the test below reads its docstring."""
    import importlib
    import pkgutil

    assert len(FUNCTIONS) == 19
    for info in pkgutil.iter_modules(st.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"laktasi.stats.{info.name}")
        public = [n for n in getattr(module, "__all__", ())
                  if inspect.isfunction(getattr(module, n))]
        assert public, f"laktasi.stats.{info.name} has no __all__ listing its functions"
        missing = [n for n in public if n not in st.__all__ or getattr(st, n) is not getattr(
            module, n)]
        assert not missing, f"laktasi.stats.{info.name}: {missing} not in laktasi.stats"


@pytest.mark.parametrize("func", FUNCTIONS, ids=lambda f: f.__name__)
def test_numpydoc_parameters_and_returns(func):
    doc = inspect.cleandoc(func.__doc__ or "")
    params = _section(doc, "Parameters")
    documented = set()
    for line in params.splitlines():
        m = re.match(r"^(\w[\w, ]*?) : ", line)
        if m:
            documented |= {name.strip() for name in m.group(1).split(",")}
    wanted = set(inspect.signature(func).parameters)
    assert wanted <= documented, f"{func.__name__}: undocumented {sorted(wanted - documented)}"
    assert documented <= wanted, f"{func.__name__}: documents {sorted(documented - wanted)}"
    returns = _section(doc, "Returns").strip().splitlines()[0].strip()
    assert returns == inspect.signature(func).return_annotation
