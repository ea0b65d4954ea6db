"""tools/build_examples.py rebuilds the shipped example data files byte for byte (the
searches are seeded), so what the package ships is what the tool says it builds."""

import importlib.util
from pathlib import Path

import pytest

from laktasi.datasets import example_names, example_path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "build_examples.py"


def _tool():
    spec = importlib.util.spec_from_file_location("build_examples", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_examples = _tool()


def test_the_tool_builds_every_shipped_example():
    assert sorted(build_examples.NAMES) == sorted(example_names())


@pytest.mark.parametrize("name", build_examples.NAMES)
def test_the_tool_reproduces_the_shipped_file(tmp_path, name):
    built = build_examples.write(name, tmp_path)
    assert built.read_bytes() == example_path(name, ".csv").read_bytes()
