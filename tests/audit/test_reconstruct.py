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


# --- paired items ------------------------------------------------------------------------

AMANDA_FEEDS = (
    {"n": 15, "negative_ranks": {"n": 0, "mean_rank": 0, "sum": 0},
     "positive_ranks": {"n": 15, "mean_rank": "8.00", "sum": "120.00"}, "ties": 0,
     "z": "-3.434", "p": "0,001"},
    {"n": 15, "mean": "5.47", "sd": ".915", "min": 4, "max": 7},
    {"n": 15, "mean": "11.33", "sd": "2.526", "min": 8, "max": 17},
)


def _prints(value, text):
    from laktasi.audit.printed import parse_printed

    return parse_printed(text).contains(value)


def test_paired_wilcoxon_reproduces_table_and_z():
    from laktasi.audit.reconstruct import reconstruct_paired
    from laktasi.stats import wilcoxon_signed_rank

    item, pre, post = AMANDA_FEEDS
    res = reconstruct_paired("wilcoxon", item, pre, post, max_datasets=4, seed=3)
    assert res.reason == "found" and len(res.datasets) == 4 and res.step == 1
    for d in res.datasets:
        x, y = np.array(d).T
        for v, part in ((x, pre), (y, post)):
            assert _prints(v.mean(), part["mean"]) and _prints(v.std(ddof=1), part["sd"])
            assert v.min() == part["min"] and v.max() == part["max"]
        w = wilcoxon_signed_rank(x, y)
        assert _prints(w.z, "-3.434") and _prints(w.pvalue, "0.001")
        assert (w.negative.n, w.positive.n, w.ties, w.positive.sum_ranks) == (0, 15, 0, 120)


def test_paired_t_on_a_grid_of_tenths():
    from laktasi.audit.reconstruct import reconstruct_paired
    from laktasi.stats import paired_t

    # Kota Bengkulu table 2 (control group): only means, SDs and p are printed
    res = reconstruct_paired("paired-t", {"n": 15, "p": "0,004"},
                             {"n": 15, "mean": "0,62", "sd": "0,70"},
                             {"n": 15, "mean": "1.59", "sd": "1.39"}, step=0.1, max_datasets=3)
    assert res.reason == "found" and res.datasets
    for d in res.datasets:
        x, y = np.array(d).T
        assert np.allclose(x * 10, np.round(x * 10)) and x.min() >= 0 and y.min() >= 0
        assert _prints(x.mean(), "0.62") and _prints(y.std(ddof=1), "1.39")
        assert _prints(paired_t(x, y).pvalue, "0.004")


def test_paired_impossible_marginal_is_a_proof_and_unreachable_z_is_not():
    from laktasi.audit.reconstruct import reconstruct_paired

    item, pre, post = AMANDA_FEEDS
    res = reconstruct_paired("wilcoxon", item, dict(pre, mean="5.48"), post)
    assert res.impossible and res.reason == "pre:grim" and res.datasets == ()
    # |Z| of 15 positive differences cannot reach 4.5: the search fails, without a claim
    res = reconstruct_paired("wilcoxon", dict(item, z="-4.500"), pre, post, max_datasets=1,
                             marginals=5, swaps=300)
    assert not res.impossible and res.reason == "not_found"


def test_reconstruct_command_paired(tmp_path):
    runner = CliRunner()
    out = tmp_path / "pairs.csv"
    res = runner.invoke(app, ["reconstruct", "amanda-oku-timur-2023", "t4-bak", "--max", "2",
                              "--csv", str(out), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert "Using items: t4-bak, t2-bak-pre, t3-bak-post" in res.output
    lines = out.read_text().splitlines()
    assert lines[0] == "dataset,ibu,pre,post" and len(lines) == 1 + 2 * 15
    res = runner.invoke(app, ["reconstruct", "kota-bengkulu-2018", "t2-kontrol", "--max", "1"])
    assert res.exit_code == 0 and "langkah 0.1" in res.output
    res = runner.invoke(app, ["reconstruct", "kota-bengkulu-2018", "conclusion"])
    assert res.exit_code == 2 and "paired-means" in res.output
