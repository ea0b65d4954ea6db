"""Rerun R metafor on a few cases: it must still give the committed golden values, and
laktasi must agree with what it gives now."""

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from metafor_agreement import close

from laktasi.meta import rma
from laktasi.meta.inputs import effect_for

REF = Path(__file__).parents[1] / "reference" / "meta"
# SMCR (k = 3), OR (k = 30), MD whose leave-one-out REML likelihood has two maxima
SAMPLE = ("m000", "m005", "m031")

pytestmark = pytest.mark.peers


def _r_with_metafor() -> str | None:
    """None when Rscript with metafor and jsonlite runs here, else the reason to skip."""
    if shutil.which("Rscript") is None:
        return "Rscript not installed"
    probe = subprocess.run(["Rscript", "-e", "suppressMessages({library(metafor); "
                            "library(jsonlite)})"], capture_output=True, text=True, timeout=120)
    if probe.returncode != 0:
        return "R packages metafor/jsonlite not installed"
    return None


def _numbers(value, path=""):
    """Flatten a golden entry into (path, number) pairs."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _numbers(v, f"{path}/{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _numbers(v, f"{path}[{i}]")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield path, float(value)


def test_metafor_live_equals_golden_and_laktasi(tmp_path):
    reason = _r_with_metafor()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason} in CI; .ci/run must install r-cran-metafor r-cran-jsonlite")
        pytest.skip(f"{reason} (apt-get install r-cran-metafor r-cran-jsonlite): live metafor "
                    "comparison skipped; tests/meta/test_metafor_golden.py still compares the "
                    "golden file")
    cases = [c for c in json.loads((REF / "cases.json").read_text()) if c["id"] in SAMPLE]
    sample = tmp_path / "cases.json"
    sample.write_text(json.dumps(cases))
    out = tmp_path / "golden.json"
    # > Rscript tests/reference/meta/run_metafor.R cases.json golden.json
    proc = subprocess.run(["Rscript", str(REF / "run_metafor.R"), str(sample), str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    live = json.loads(out.read_text())
    gold = json.loads((REF / "metafor_golden.json").read_text())
    assert sorted(live) == sorted(SAMPLE)
    for cid, values in live.items():
        got, want = dict(_numbers(values)), dict(_numbers(gold[cid]))
        assert got.keys() == want.keys(), cid
        for path, x in got.items():  # the same R, the same numbers (to rounding)
            assert math.isclose(x, want[path], rel_tol=1e-9, abs_tol=1e-12), (cid, path)
        case = next(c for c in cases if c["id"] == cid)
        effs = [effect_for({**s, "measure": case["measure"], "r": case.get("r")})
                for s in case["studies"]]
        for method in ("DL", "REML", "PM"):
            # > rma(yi, vi, method = METHOD, test = "knha")  (rerun now)
            res = rma([e.yi for e in effs], [e.vi for e in effs], method=method, test="knha")
            fit = values[f"{method}_knha"]
            close(f"live rma {method}/knha estimate", res.estimate, fit["b"], cid)
            close(f"live rma {method}/knha se", res.se, fit["se"], cid)
            close(f"live rma {method}/knha tau2", res.tau2, fit["tau2"], cid, abs_tol=1e-9)
