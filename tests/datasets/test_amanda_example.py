"""The shipped Amanda example reproduces every number the paper prints.

Source: Elena & Listiyaningsih (2023), one group pretest-posttest, 15 mothers
(tests/data/seeds/amanda-oku-timur-2023.txt, tables 1-4; the numbers below are checked to be
the ones printed there).
"""

import csv
from collections import Counter
from pathlib import Path

import pytest

from laktasi.datasets import example_path
from laktasi.stats import descriptives, wilcoxon_signed_rank


def _rows():
    with example_path("amanda-oku-timur-2023").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


PAPER = Path(__file__).resolve().parents[1] / "data" / "seeds" / "amanda-oku-timur-2023.txt"
TABLE_ROWS = {"menyusui": "Menyusui", "bak": "BAK"}


def _printed(value, text):
    decimals = len(text.split(".")[1])
    assert abs(value - float(text)) <= 0.5 * 10.0**-decimals + 1e-12, (value, text)


DESCRIPTIVES = [
    ("menyusui_pre", "5.47", ".915", 4, 7),      # table 2
    ("menyusui_post", "11.33", "2.526", 8, 17),  # table 3
    ("bak_pre", "4.60", ".507", 4, 5),
    ("bak_post", "9.40", "1.724", 7, 14),
]


@pytest.mark.parametrize(("column", "mean", "sd", "lo", "hi"), DESCRIPTIVES)
def test_descriptives_as_printed(column, mean, sd, lo, hi):
    d = descriptives([float(r[column]) for r in _rows()])
    assert d.n == 15 and (d.min, d.max) == (lo, hi)
    _printed(d.mean, mean)
    _printed(d.sd, sd)


def test_the_numbers_are_the_papers():
    """Each expected row of tables 2-4 is a line of the paper's text."""
    lines = PAPER.read_text(encoding="utf-8").splitlines()
    for column, mean, sd, lo, hi in DESCRIPTIVES:
        name = TABLE_ROWS[column.rsplit("_", 1)[0]]
        assert f"{name}\t15\t100%\t{mean}\t{sd}\t{lo}\t{hi}" in lines, column
    for outcome, z in WILCOXON:
        assert f"{TABLE_ROWS[outcome]}\tPre-test\t15\t.00\t.00\t{z} ^b\t0,001" in lines


WILCOXON = [("menyusui", "-3.434"), ("bak", "-3.438")]


@pytest.mark.parametrize(("outcome", "z"), WILCOXON)
def test_wilcoxon_as_printed(outcome, z):
    rows = _rows()
    res = wilcoxon_signed_rank([float(r[f"{outcome}_pre"]) for r in rows],
                               [float(r[f"{outcome}_post"]) for r in rows])
    _printed(res.z, z)
    _printed(res.pvalue, ".001")  # table 4: p-value 0,001
    assert res.positive.n == 15 and res.negative.n == 0 and res.ties == 0


def test_characteristics_as_printed():
    rows = _rows()
    ages = [int(r["umur"]) for r in rows]
    assert sum(a < 20 for a in ages) == 2
    assert sum(20 <= a <= 35 for a in ages) == 12
    assert sum(a > 35 for a in ages) == 1
    assert Counter(r["paritas"] for r in rows) == {"primipara": 6, "multipara": 9}
    assert Counter(r["pendidikan"] for r in rows) == {"dasar": 3, "menengah": 10, "tinggi": 2}
    assert Counter(r["pekerjaan"] for r in rows) == {"bekerja": 8, "tidak bekerja": 7}
