"""Run PSPP and R live on a sample of the corpus: their output must equal the committed
golden files (so the goldens cannot drift), which laktasi is compared with in
test_peers_golden.py. Skipped with a reason where the peers are not installed; in CI
(CI=true) a missing peer is a failure, because CI installs them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REF = Path(__file__).parents[1] / "reference"
CORPUS = json.loads((REF / "corpus" / "corpus.json").read_text())
SAMPLE_IDS = [c["id"] for i, c in enumerate(CORPUS) if i % 9 == 0]  # every kind, ~74 sets

pytestmark = pytest.mark.peers


def _need(program: str, package: str) -> None:
    if shutil.which(program) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is missing in CI; .ci/run must install {package}")
        pytest.skip(f"{program} not installed (apt-get install {package}): live peer "
                    "comparison skipped; golden files are still compared")


def _close(a, b, path=""):
    if isinstance(a, dict):
        assert set(a) == set(b), path
        for k in a:
            _close(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _close(x, y, f"{path}[{i}]")
    elif isinstance(a, float) and isinstance(b, (int, float)):
        assert a == pytest.approx(b, rel=1e-13, abs=1e-300), path
    else:
        assert a == b, path


def test_r_reproduces_the_golden_file(tmp_path):
    _need("Rscript", "r-base-core r-cran-coin r-cran-nortest")
    out = tmp_path / "r.json"
    proc = subprocess.run(["Rscript", str(REF / "run_r.R"), str(REF / "corpus" / "corpus.json"),
                           str(out), ",".join(SAMPLE_IDS)], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    live = json.loads(out.read_text())
    gold = json.loads((REF / "golden" / "r.json").read_text())
    assert sorted(live) == sorted(SAMPLE_IDS)
    for cid, values in live.items():
        _close(values, gold[cid], cid)
    print(f"live R: {len(live)} datasets equal the golden file")


def test_pspp_reproduces_the_golden_file(tmp_path):
    _need("pspp", "pspp")
    sys.path.insert(0, str(REF))
    import run_pspp

    sample = [c for c in CORPUS if c["id"] in set(SAMPLE_IDS)]
    live = run_pspp.run(sample, tmp_path)
    gold = json.loads((REF / "golden" / "pspp.json").read_text())
    expected = [c["id"] for c in sample if c["id"] in gold]
    assert sorted(live) == sorted(expected)
    for cid, values in live.items():
        _close(values, gold[cid], cid)
    print(f"live PSPP: {len(live)} datasets equal the golden file")
