"""Run PSPP and R live on a sample of the corpus: their output must equal the committed
golden files (so the golden files cannot drift), and laktasi must agree with the live
output as it does with the golden files (test_peers_golden.py).

The sample: about 80 datasets spread over every kind and sub-kind (``LAKTASI_PEERS_FULL=1``
runs the whole corpus: about 15 s of R and 2 s of PSPP). Skipped with a reason where a peer
is not installed; in CI (CI=true) a missing peer is a failure, because CI installs them.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
from collections import defaultdict

import pytest
from peer_checks import REF, check, families, load

pytestmark = pytest.mark.peers

CORPUS = load("corpus")


def _sample() -> list[str]:
    """Every k-th dataset of each kind/sub-kind, about 80 in all (all with LAKTASI_PEERS_FULL)."""
    if os.environ.get("LAKTASI_PEERS_FULL"):
        return sorted(CORPUS)
    groups: dict[str, list[str]] = defaultdict(list)
    for cid, c in CORPUS.items():
        groups[f"{c['kind']}/{c.get('sub', '')}/{bool(c.get('missing'))}"].append(cid)
    ids = []
    for members in groups.values():
        step = max(1, math.ceil(len(members) / max(2, round(80 * len(members) / len(CORPUS)))))
        ids += members[::step]
    return sorted(ids)


SAMPLE_IDS = _sample()


def _need(program: str, package: str) -> None:
    if shutil.which(program) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is missing in CI; .ci/run must install {package}")
        pytest.skip(f"{program} not installed (apt-get install {package}): live peer "
                    "comparison skipped; the golden files are still compared")


def _same(live, gold, path=""):
    """Equal structure; numbers equal to 1e-13 relative (another libm may move the last bit)."""
    if isinstance(live, dict):
        assert set(live) == set(gold), f"{path}: keys {sorted(live)} vs {sorted(gold)}"
        for k in live:
            _same(live[k], gold[k], f"{path}.{k}")
    elif isinstance(live, list):
        assert len(live) == len(gold), path
        for i, (x, y) in enumerate(zip(live, gold, strict=True)):
            _same(x, y, f"{path}[{i}]")
    elif isinstance(live, float) and isinstance(gold, (int, float)):
        assert live == pytest.approx(gold, rel=1e-13, abs=1e-300), path
    else:
        assert live == gold, path


def _agree(peer: str, live: dict) -> int:
    """laktasi against the live output, every test family; returns the number of families."""
    n = 0
    for cid, values in live.items():
        for family in families(peer, CORPUS[cid], values):
            check(peer, family, CORPUS[cid], values)
            n += 1
    return n


def test_sample_covers_every_kind():
    subkinds = {(c["kind"], c.get("sub")) for c in CORPUS.values()}
    assert {(CORPUS[i]["kind"], CORPUS[i].get("sub")) for i in SAMPLE_IDS} == subkinds
    assert 60 <= len(SAMPLE_IDS) <= 120 or os.environ.get("LAKTASI_PEERS_FULL")


def test_r_reproduces_the_golden_file(tmp_path):
    packages = "r-base-core r-cran-coin r-cran-nortest r-cran-jsonlite"
    _need("Rscript", packages)
    probe = subprocess.run(["Rscript", "-e", "suppressMessages({library(coin); library(nortest); "
                            "library(jsonlite)})"], capture_output=True, text=True, timeout=120)
    if probe.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"R packages missing in CI; .ci/run must install {packages}")
        pytest.skip(f"R packages coin, nortest or jsonlite not installed (apt-get install "
                    f"{packages}): live R comparison skipped")
    out = tmp_path / "r.json"
    proc = subprocess.run(["Rscript", str(REF / "run_r.R"), str(REF / "corpus" / "corpus.json"),
                           str(out), ",".join(SAMPLE_IDS)], capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    live = json.loads(out.read_text())
    gold = load("r")
    assert sorted(live) == SAMPLE_IDS
    for cid, values in live.items():
        _same(values, gold[cid], cid)
    n = _agree("R", live)
    print(f"live R: {len(live)} datasets equal the golden file; laktasi agrees in {n} cases")


def test_pspp_reproduces_the_golden_file(tmp_path):
    _need("pspp", "pspp")
    sys.path.insert(0, str(REF))
    import run_pspp

    live = run_pspp.run([CORPUS[i] for i in SAMPLE_IDS], tmp_path)
    gold = load("pspp")
    assert sorted(live) == SAMPLE_IDS
    for cid, values in live.items():
        _same(values, gold[cid], cid)
    n = _agree("PSPP", live)
    print(f"live PSPP: {len(live)} datasets equal the golden file; laktasi agrees in {n} cases")
