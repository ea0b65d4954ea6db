"""Reconstruction: datasets that reproduce the printed numbers, or proof that none can."""

import numpy as np
import pytest
from typer.testing import CliRunner

from laktasi.audit.reconstruct import reconstruct
from laktasi.cli import app


def _rounds(value, text):
    d = len(text.split(".")[1])
    return abs(value - float(text)) <= 0.5 * 10.0**-d + 1e-12


@pytest.mark.parametrize("item", [
    {"n": 15, "mean": "5.47", "sd": ".915", "min": 4, "max": 7},     # Amanda table 2
    {"n": 15, "mean": "11.33", "sd": "2.526", "min": 8, "max": 17},  # Amanda table 3
    {"n": 28, "mean": "3.75", "sd": "1.92"},
])
def test_found_datasets_reproduce_every_printed_number(item):
    res = reconstruct(item, max_datasets=5, seed=1)
    assert res.reason == "found" and not res.impossible and res.datasets
    for d in res.datasets:
        x = np.array(d)
        assert len(d) == item["n"]
        assert _rounds(x.mean(), item["mean"]) and _rounds(x.std(ddof=1), item["sd"])
        if "min" in item:
            assert x.min() == item["min"] and x.max() == item["max"]


@pytest.mark.parametrize(("item", "reason"), [
    ({"n": 15, "mean": "5.48", "sd": ".9"}, "grim"),
    ({"n": 15, "mean": "5.47", "sd": ".900"}, "grimmer"),
    ({"n": 10, "mean": "4.5", "sd": "9.0", "min": 1, "max": 8}, "range"),
])
def test_impossible_values_are_proven_so(item, reason):
    res = reconstruct(item)
    assert res.impossible and res.reason == reason and res.datasets == ()


def test_reconstruct_command():
    runner = CliRunner()
    res = runner.invoke(app, ["reconstruct", "amanda-oku-timur-2023", "t2-bak-pre", "--max", "2"])
    assert res.exit_code == 0 and len(res.output.strip().splitlines()) >= 1
    res = runner.invoke(app, ["reconstruct", "amanda-oku-timur-2023", "nope"])
    assert res.exit_code == 2 and "t2-bak-pre" in res.output
