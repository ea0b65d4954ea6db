"""laktasi.stats against PSPP 1.6.2 and R 4.2.2 on the generated corpus (golden files).

Corpus: tests/reference/generate_corpus.py (750 datasets); peers: tests/reference/run_pspp.py
and tests/reference/run_r.R; see tests/reference/README.md. One pytest case per dataset,
peer and test family (ids like ``p0012-wilcoxon``); the comparisons themselves are in
peer_checks.py, the tolerances in tests/reference/compare.py:

- R: 1e-9 relative, 1e-12 absolute floor (R's numbers are written with %.17g).
- PSPP: half a unit of the last decimal it printed (16 with F40.16) plus the same
  allowance. Where PSPP has a known defect (docs/statistics.md, STATS-NOTES) the value is
  compared with R instead; peer_checks.py says so at each place.

The largest relative difference per test family and the number of cases compared per
peer are printed at the end of the pytest run (tests/conftest.py).
"""

from __future__ import annotations

import pytest
from peer_checks import check, families, load, slug

CORPUS = load("corpus")
GOLD = {"R": load("r"), "PSPP": load("pspp")}

# Known disagreements that are laktasi bugs: {(peer, dataset id, family): reason}.
# Each becomes xfail(strict=True) so that the fix shows up as XPASS.
KNOWN: dict[tuple[str, str, str], str] = {}


def _params(peer: str) -> list:
    out = []
    for cid in sorted(GOLD[peer]):
        for family in families(peer, CORPUS[cid], GOLD[peer][cid]):
            marks = ()
            if (peer, cid, family) in KNOWN:
                marks = pytest.mark.xfail(strict=True, reason=KNOWN[(peer, cid, family)])
            out.append(pytest.param(cid, family, id=f"{cid}-{slug(family)}", marks=marks))
    return out


@pytest.mark.parametrize(("cid", "family"), _params("R"))
def test_r(cid, family):
    check("R", family, CORPUS[cid], GOLD["R"][cid])


@pytest.mark.parametrize(("cid", "family"), _params("PSPP"))
def test_pspp(cid, family):
    check("PSPP", family, CORPUS[cid], GOLD["PSPP"][cid])


def test_corpus_is_what_the_generator_writes():
    """The committed corpus is the generator's output (seeded, so it cannot drift)."""
    import generate_corpus

    assert generate_corpus.generate() == list(CORPUS.values())


def test_every_dataset_has_both_peers():
    assert sorted(GOLD["R"]) == sorted(CORPUS)
    assert sorted(GOLD["PSPP"]) == sorted(CORPUS)
    kinds = {c["kind"] for c in CORPUS.values()}
    assert kinds == {"paired", "paired_binary", "two_group", "table", "ancova"}
    assert len(CORPUS) >= 500
