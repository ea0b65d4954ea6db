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


def _rounds(value: float, text: str) -> bool:
    return _rounds_to(value, text)


def _paired_search(rng, n, zeros, pre_spec, post_spec, p_range, iters=400_000):
    """Volumes in 0.1 cc steps (``zeros`` mothers with no milk before): hill-climb until the
    printed means, SDs (2 decimals) and paired-t p are all reproduced."""
    from laktasi.stats import paired_t

    def start(mean, k):
        total = round(float(mean) * n * 10)
        x = np.zeros(n, int)
        x[k:] = total // (n - k)
        x[k:k + total % (n - k)] += 1
        return x

    def cost(a, b):
        x, y = a / 10, b / 10
        if np.std(y - x) == 0:
            return 1e9
        c = abs(x.std(ddof=1) - float(pre_spec[1])) + abs(y.std(ddof=1) - float(post_spec[1]))
        p = paired_t(x, y).pvalue
        lo, hi = max(p_range[0], 1e-300), p_range[1]
        return c + (0 if lo <= p < hi else min(abs(np.log(p / lo)), abs(np.log(p / hi))))

    def done(a, b):
        x, y = a / 10, b / 10
        return (_rounds(x.mean(), pre_spec[0]) and _rounds(y.mean(), post_spec[0])
                and _rounds(x.std(ddof=1), pre_spec[1]) and _rounds(y.std(ddof=1), post_spec[1])
                and p_range[0] <= paired_t(x, y).pvalue < p_range[1])

    pre, post = start(pre_spec[0], zeros), start(post_spec[0], 0)
    best = cost(pre, post)
    for _ in range(iters):
        a, b = pre.copy(), post.copy()
        move = rng.integers(3)
        i, j = rng.integers(zeros if move == 0 else 0, n, 2)
        step = rng.integers(1, 4)
        if move == 0 and a[i] - step >= 1:
            a[i] -= step
            a[j] += step
        elif move == 1 and b[i] - step >= 0:
            b[i] -= step
            b[j] += step
        elif move == 2:
            b[i], b[j] = b[j], b[i]
        c = cost(a, b)
        if c <= best or rng.random() < 0.01:
            pre, post, best = a, b, c
        if done(pre, post):
            return pre / 10, post / 10
    raise RuntimeError("no dataset found")


def build_kota_bengkulu() -> list[dict]:
    """15 + 15 mothers; volumes (cc, 0.1 steps) as tables 1-3 print them."""
    rng = np.random.default_rng(2018)
    groups = {
        "kontrol": (6, ("0.62", "0.70"), ("1.59", "1.39"), (0.0035, 0.0045), 12),
        "eksperimen": (4, ("0.94", "1.25"), ("2.75", "2.28"), (0.0, 0.0005), 8),
    }
    rows = []
    for group, (zeros, pre_s, post_s, p_range, primi) in groups.items():
        pre, post = _paired_search(rng, 15, zeros, pre_s, post_s, p_range)
        parity = ["primipara"] * primi + ["multipara"] * (15 - primi)
        rng.shuffle(parity)
        for i in range(15):
            rows.append({"kode": f"{group[0].upper()}{i + 1:02d}", "kelompok": group,
                         "paritas": parity[i], "asi_pre": float(pre[i]),
                         "asi_post": float(post[i])})
    return rows


def build_blooto() -> list[dict]:
    """28 mothers; characteristics of table 4.1, kelancaran ASI of tables 4.2-4.3.

    The paper prints margins only (6 -> 24 of 28 lancar; 4 "had no change"): the example
    assumes the 6 mothers lancar before stayed lancar, so 18 improved, 4 stayed not
    lancar and nobody got worse.
    """
    rng = np.random.default_rng(2021)
    n = 28
    cols = {
        "usia": [((20, 25), 15), ((26, 30), 6), ((31, 35), 6), ((36, 40), 1)],
        "berat_badan": [((50, 60), 23), ((61, 70), 5)],
        "paritas": [("primipara", 16), ("multipara", 12)],
        "persalinan": [("aterm", 27), ("prematur", 1)],
        "pekerjaan": [("bekerja", 17), ("tidak bekerja", 11)],
    }
    rows = [{"kode": f"R{i + 1:02d}"} for i in range(n)]
    for var, levels in cols.items():
        values = []
        for level, count in levels:
            values += ([int(v) for v in rng.integers(level[0], level[1] + 1, count)]
                       if isinstance(level, tuple) else [level] * count)
        rng.shuffle(values)
        for row, v in zip(rows, values, strict=True):
            row[var] = v
    pairs = ([("lancar", "lancar")] * 6 + [("tidak lancar", "lancar")] * 18
             + [("tidak lancar", "tidak lancar")] * 4)
    order = rng.permutation(n)
    for row, k in zip(rows, order, strict=True):
        row["kelancaran_pre"], row["kelancaran_post"] = pairs[k]
    return rows


BUILDERS = {"kota-bengkulu-2018": build_kota_bengkulu, "blooto-mojokerto-2021": build_blooto}


def check(name: str, rows: list[dict]) -> None:
    for out, s in SPECS[name]["outcomes"].items():
        pre = [r[f"{out}_pre"] for r in rows]
        post = [r[f"{out}_post"] for r in rows]
        for vals, (lo, hi, mean, sd) in ((pre, s["pre"]), (post, s["post"])):
            d = descriptives(vals)
            assert (d.min, d.max) == (lo, hi) and _rounds_to(d.mean, mean) and _rounds_to(d.sd, sd)
        assert _rounds_to(wilcoxon_signed_rank(pre, post).z, s["z"])


NAMES = (*SPECS, *BUILDERS)


def write(name: str, out: Path = OUT) -> Path:
    """Build one example and write OUT/NAME.csv (the shipped file when ``out`` is the
    package's datasets folder; tests/datasets/test_build_examples.py checks they agree)."""
    if name in BUILDERS:
        rows = BUILDERS[name]()
    else:
        rows = build(name)
        check(name, rows)
    path = Path(out) / f"{name}.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def main(names: list[str]) -> None:
    for name in names or NAMES:
        print(f"wrote {write(name)}")


if __name__ == "__main__":
    main(sys.argv[1:])
