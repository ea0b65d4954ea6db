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


def test_the_core_exports_its_thirteen_tests():
    assert len(FUNCTIONS) == 13


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
