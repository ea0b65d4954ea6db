"""Rerun metafor on a few cases: its output must equal the committed golden file."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REF = Path(__file__).parents[1] / "reference" / "meta"

pytestmark = pytest.mark.peers


def test_metafor_reproduces_the_golden_file(tmp_path):
    if shutil.which("Rscript") is None:
        if os.environ.get("CI"):
            pytest.fail("Rscript is missing in CI; .ci/run must install r-cran-metafor")
        pytest.skip("Rscript not installed (apt-get install r-cran-metafor r-cran-jsonlite): "
                    "live metafor comparison skipped; the golden file is still compared")
    cases = json.loads((REF / "cases.json").read_text())[:6]
    sample = tmp_path / "cases.json"
    sample.write_text(json.dumps(cases))
    out = tmp_path / "golden.json"
    proc = subprocess.run(["Rscript", str(REF / "run_metafor.R"), str(sample), str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    live = json.loads(out.read_text())
    gold = json.loads((REF / "metafor_golden.json").read_text())
    for cid, values in live.items():
        assert json.dumps(values, sort_keys=True) == json.dumps(gold[cid], sort_keys=True), cid
