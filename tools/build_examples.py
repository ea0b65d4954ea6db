"""Build the shipped example datasets from what the seed papers print (seeded search).

    python tools/build_examples.py amanda-oku-timur-2023

For each example a spec gives n, whole-number ranges, the printed mean (2 decimals),
SD (3 decimals) and min/max per variable, and the printed Wilcoxon Z (3 decimals) per
outcome. The search draws whole-number samples with the printed sum and extremes, keeps
those whose SD rounds to the printed value, then pairs pre and post values (random
restarts) until the tie structure gives the printed Z. It writes
src/laktasi/datasets/NAME.csv. Characteristics are assigned from the printed counts; which
mother has which combination is arbitrary (seeded).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

from laktasi.stats import descriptives, wilcoxon_signed_rank

OUT = Path(__file__).parents[1] / "src" / "laktasi" / "datasets"

SPECS = {
    "amanda-oku-timur-2023": {
        "n": 15,
        "seed": 2023,
        "outcomes": {
            "menyusui": {"pre": (4, 7, "5.47", ".915"), "post": (8, 17, "11.33", "2.526"),
                         "z": "-3.434"},
            "bak": {"pre": (4, 5, "4.60", ".507"), "post": (7, 14, "9.40", "1.724"),
                    "z": "-3.438"},
        },
        "characteristics": {
            "umur": [((16, 19), 2), ((20, 35), 12), ((36, 40), 1)],
            "paritas": [("primipara", 6), ("multipara", 9)],
            "pendidikan": [("dasar", 3), ("menengah", 10), ("tinggi", 2)],
            "pekerjaan": [("bekerja", 8), ("tidak bekerja", 7)],
        },
    },
}


def _rounds_to(value: float, text: str) -> bool:
    decimals = len(text.split(".")[1])
    return abs(value - float(text)) <= 0.5 * 10.0**-decimals + 1e-12


def _sample(rng: np.random.Generator, n: int, spec: tuple) -> np.ndarray:
    lo, hi, mean, sd = spec
    for _ in range(200_000):
        x = rng.integers(lo, hi + 1, n)
        x[0], x[1] = lo, hi
        # nudge the sum to the one the printed mean implies
        target = round(float(mean) * n)
        for _ in range(4 * n):
            diff = target - int(x.sum())
            if diff == 0:
                break
            i = rng.integers(2, n)
            x[i] = min(hi, max(lo, x[i] + np.sign(diff)))
        if not _rounds_to(x.mean(), mean):
            continue
        if _rounds_to(x.std(ddof=1), sd):
            return np.sort(x)
    raise RuntimeError(f"no sample for {spec}")


def build(name: str) -> list[dict]:
    spec = SPECS[name]
    n = spec["n"]
    rng = np.random.default_rng(spec["seed"])
    columns: dict[str, np.ndarray] = {}
    for out, s in spec["outcomes"].items():
        for _attempt in range(2000):
            pre = _sample(rng, n, s["pre"])
            post = _sample(rng, n, s["post"])
            found = False
            for _ in range(3000):
                rng.shuffle(post)
                if _rounds_to(wilcoxon_signed_rank(pre, post).z, s["z"]):
                    found = True
                    break
            if found:
                break
        else:
            raise RuntimeError(f"{name}: no pairing gives Z = {s['z']} for {out}")
        columns[f"{out}_pre"], columns[f"{out}_post"] = pre.copy(), post.copy()
    rows = [{"kode": f"R{i + 1:02d}"} for i in range(n)]
    for var, levels in spec["characteristics"].items():
        values = []
        for level, count in levels:
            if isinstance(level, tuple):
                values += [int(v) for v in rng.integers(level[0], level[1] + 1, count)]
            else:
                values += [level] * count
        rng.shuffle(values)
        for row, v in zip(rows, values, strict=True):
            row[var] = v
    for col, vals in columns.items():
        for row, v in zip(rows, vals, strict=True):
            row[col] = int(v)
    return rows


def check(name: str, rows: list[dict]) -> None:
    for out, s in SPECS[name]["outcomes"].items():
        pre = [r[f"{out}_pre"] for r in rows]
        post = [r[f"{out}_post"] for r in rows]
        for vals, (lo, hi, mean, sd) in ((pre, s["pre"]), (post, s["post"])):
            d = descriptives(vals)
            assert (d.min, d.max) == (lo, hi) and _rounds_to(d.mean, mean) and _rounds_to(d.sd, sd)
        assert _rounds_to(wilcoxon_signed_rank(pre, post).z, s["z"])


def main(names: list[str]) -> None:
    for name in names or list(SPECS):
        rows = build(name)
        check(name, rows)
        path = OUT / f"{name}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
