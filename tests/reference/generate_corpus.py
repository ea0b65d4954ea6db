"""Generate the peer-comparison corpus: >= 500 seeded datasets of the kinds our studies have.

Run from the repository root:  python tests/reference/generate_corpus.py
Writes tests/reference/corpus/corpus.json (deterministic: same seed, same file).

Kinds (``kind`` / ``sub``):

- ``paired``: pre and post of the same mothers. ``normal``, ``gamma`` (skewed),
  ``feeds`` (feeds a day, whole numbers 3-12, heavy ties), ``urination`` (infant
  urination a day, 2-10), ``syringe`` (milk volume read off a 1 cc syringe: 0.0-15.0 cc
  in 0.1 cc steps), ``zeros`` (many zero differences). One in six has missing values
  (``None``), which every peer drops pairwise.
- ``paired_binary``: 0/1 pre and post (McNemar), some with missing values.
- ``two_group``: two independent groups ``x`` and ``y``: ``normal``, ``gamma``,
  ``feeds``, ``urination``, ``syringe``, ``binary`` (0/1); one in seven with missing values.
- ``table``: r x c counts, 2x2 to 3x4, some with small expected counts.
- ``ancova``: two or three groups (equal or unequal sizes), pre and post; a few with
  missing values (dropped listwise).

Sizes run from 5 to 200 and lean small (our studies have 15-40 mothers).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np

OUT = Path(__file__).parent / "corpus" / "corpus.json"
SEED = 20261122
# sample sizes, leaning small: 5-40 most of the time, up to 200
SIZES = [5, 6, 7, 8, 9, 10, 12, 14, 15, 16, 18, 20, 20, 22, 24, 25, 27, 30, 30, 32, 35, 36,
         40, 40, 45, 50, 60, 75, 90, 120, 150, 200]
PAIRED_SUBS = ["normal", "gamma", "feeds", "urination", "syringe", "zeros"]
GROUP_SUBS = ["normal", "gamma", "feeds", "urination", "syringe", "binary"]
N_PAIRED, N_BINARY, N_GROUP, N_TABLE, N_ANCOVA = 330, 70, 180, 110, 60


def _clean(values) -> list:
    """Plain floats rounded to 6 decimals (JSON stays short), whole numbers as ints."""
    out = []
    for v in np.asarray(values, dtype=float):
        out.append(int(v) if float(v).is_integer() else round(float(v), 6))
    return out


def _one_sample(rng: np.random.Generator, sub: str, n: int) -> np.ndarray:
    """Values of one group (or the pre measurement) of a sub-kind."""
    if sub == "normal":
        return rng.normal(10, 2, n)
    if sub == "gamma":
        return rng.gamma(2.0, 1.5, n)
    if sub == "feeds":
        return rng.integers(3, 11, n).astype(float)
    if sub == "urination":
        return rng.integers(2, 9, n).astype(float)
    if sub == "syringe":
        return rng.integers(0, 101, n) / 10  # 0.0-10.0 cc
    if sub == "binary":
        return (rng.random(n) < rng.uniform(0.15, 0.85)).astype(float)
    raise ValueError(sub)


def _paired(rng: np.random.Generator, sub: str, n: int, shift: float) -> tuple[np.ndarray, ...]:
    if sub == "normal":
        pre = rng.normal(10, 2, n)
        a = rng.uniform(0.3, 0.9)  # correlation between pre and post
        post = pre * a + rng.normal(10 * (1 - a) + shift, 1.5, n)
    elif sub == "gamma":
        pre = rng.gamma(2.0, 1.5, n)
        post = pre + rng.gamma(1.5, 1.0 + shift, n) - 1.0
    elif sub == "feeds":
        pre = rng.integers(3, 10, n)
        post = np.clip(pre + rng.integers(-2, 4, n) + round(shift), 3, 12)
    elif sub == "urination":
        pre = rng.integers(2, 8, n)
        post = np.clip(pre + rng.integers(-1, 3, n) + round(shift), 2, 10)
    elif sub == "syringe":  # tenths of a cc, 0.0-15.0
        pre10 = rng.integers(0, 100, n)
        post10 = np.clip(pre10 + rng.integers(-10, 30 + round(20 * shift), n), 0, 150)
        return pre10 / 10, post10 / 10
    elif sub == "zeros":
        pre = rng.integers(4, 9, n)
        post = pre + rng.choice([0, 0, 0, 1, 1, 2, -1], n)
    else:
        raise ValueError(sub)
    return np.asarray(pre, dtype=float), np.asarray(post, dtype=float)


def _missing(rng: np.random.Generator, *arrays: list) -> None:
    """Blank about one value in eight (at least one) of the given lists, in place."""
    total = sum(len(a) for a in arrays)
    for _ in range(max(1, total // 16)):
        a = arrays[int(rng.integers(len(arrays)))]
        a[int(rng.integers(len(a)))] = None


def _usable_paired(pre: list, post: list) -> bool:
    d = [b - a for a, b in zip(pre, post, strict=True) if a is not None and b is not None]
    nz = [x for x in d if round(x, 9) != 0]
    pre_ok = [a for a in pre if a is not None]
    post_ok = [b for b in post if b is not None]
    return (len(d) >= 4 and len(nz) >= 2 and len({round(x, 9) for x in d}) > 1
            and len(set(pre_ok)) > 1 and len(set(post_ok)) > 1)


def _paired_cases(rng: np.random.Generator) -> list[dict]:
    cases: list[dict] = []
    i = 0
    while len(cases) < N_PAIRED:
        sub = PAIRED_SUBS[i % len(PAIRED_SUBS)]
        n = SIZES[(i * 7) % len(SIZES)]
        pre, post = _paired(rng, sub, n, float(rng.choice([0.0, 0.5, 1.5])))
        pre_l, post_l = _clean(pre), _clean(post)
        missing = i % 6 == 5
        if missing:
            _missing(rng, pre_l, post_l)
        i += 1
        if _usable_paired(pre_l, post_l):
            cases.append({"id": f"p{len(cases):04d}", "kind": "paired", "sub": sub,
                          "missing": missing, "tenths": sub == "syringe",
                          "pre": pre_l, "post": post_l})
    return cases


def _binary_cases(rng: np.random.Generator) -> list[dict]:
    """Paired 0/1 data; the first ones have known discordant counts (b, c)."""
    fixed = [(3, 3), (9, 0), (5, 3), (13, 12), (0, 1), (1, 1), (30, 12), (20, 6)]
    cases: list[dict] = []
    k = 0
    while len(cases) < N_BINARY:
        if k < len(fixed):
            b, c = fixed[k]
            a, d = int(rng.integers(0, 12)), int(rng.integers(0, 12))
            pre = [0] * a + [0] * b + [1] * c + [1] * d
            post = [0] * a + [1] * b + [0] * c + [1] * d
            order = rng.permutation(len(pre))
            pre, post = [pre[j] for j in order], [post[j] for j in order]
        else:
            n = SIZES[(k * 5) % len(SIZES)]
            pre_a = (rng.random(n) < rng.uniform(0.1, 0.7)).astype(int)
            up, down = rng.uniform(0.1, 0.8), rng.uniform(0.0, 0.4)
            u = rng.random(n)
            post_a = np.where(pre_a == 0, (u < up).astype(int), (u >= down).astype(int))
            pre, post = pre_a.tolist(), post_a.tolist()
        missing = k % 5 == 4
        if missing:
            _missing(rng, pre, post)
        k += 1
        pairs = [(x, y) for x, y in zip(pre, post, strict=True) if x is not None and y is not None]
        if not any(x != y for x, y in pairs):
            continue
        cases.append({"id": f"b{len(cases):04d}", "kind": "paired_binary", "missing": missing,
                      "pre": pre, "post": post})
    return cases


def _group_cases(rng: np.random.Generator) -> list[dict]:
    cases: list[dict] = []
    j = 0
    while len(cases) < N_GROUP:
        sub = GROUP_SUBS[j % len(GROUP_SUBS)]
        n1 = max(3, min(100, SIZES[(j * 5) % len(SIZES)] // (2 if j % 3 else 1)))
        n2 = max(3, min(100, SIZES[(j * 11 + 3) % len(SIZES)] // 2))
        x = _one_sample(rng, sub, n1)
        y = _one_sample(rng, sub, n2)
        if sub == "binary":
            y = (rng.random(n2) < rng.uniform(0.15, 0.85)).astype(float)
        else:
            shift = {"normal": 1.0, "gamma": 0.8, "feeds": 1.0, "urination": 1.0,
                     "syringe": 1.5}[sub]
            y = y + shift * rng.integers(0, 2)
        x_l, y_l = _clean(x), _clean(y)
        missing = j % 7 == 6
        if missing:
            _missing(rng, x_l, y_l)
        j += 1
        xs = [v for v in x_l if v is not None]
        ys = [v for v in y_l if v is not None]
        if len(xs) < 3 or len(ys) < 3 or len(set(xs + ys)) < 2:
            continue
        cases.append({"id": f"g{len(cases):04d}", "kind": "two_group", "sub": sub,
                      "missing": missing, "tenths": sub == "syringe", "x": x_l, "y": y_l})
    return cases


def _table_cases(rng: np.random.Generator) -> list[dict]:
    shapes = [(2, 2)] * 6 + [(2, 3), (3, 2), (3, 3), (2, 4), (3, 4)]
    known = [[[12, 20], [21, 11]], [[9, 1], [3, 7]], [[5, 3], [3, 5]], [[1, 3], [1, 1]],
             [[2, 13], [1, 17]]]
    cases: list[dict] = []
    k = 0
    while len(cases) < N_TABLE:
        r, cc = shapes[k % len(shapes)]
        total = int(rng.integers(8, 90))
        probs = rng.dirichlet(np.ones(r * cc) * rng.uniform(0.4, 3))
        t = rng.multinomial(total, probs).reshape(r, cc)
        if k < len(known):
            t = np.array(known[k])
        k += 1
        if (t.sum(0) == 0).any() or (t.sum(1) == 0).any():
            continue
        cases.append({"id": f"t{len(cases):04d}", "kind": "table", "table": t.tolist()})
    return cases


def _ancova_cases(rng: np.random.Generator) -> list[dict]:
    cases: list[dict] = []
    for k in range(N_ANCOVA):
        groups = 3 if k % 4 == 0 else 2
        if k % 3 == 2:  # unequal group sizes
            sizes = [int(rng.integers(5, 31)) for _ in range(groups)]
        else:
            sizes = [int(rng.choice([5, 8, 10, 15, 20, 30]))] * groups
        g = np.repeat(np.arange(1, groups + 1), sizes)
        if k % 2:  # milk volume in cc, read to 0.1 cc
            pre = rng.integers(0, 60, g.size) / 10
            post = (1.0 + rng.uniform(0.4, 1.2) * pre + 0.8 * (g - 1) * rng.uniform(0, 1.5)
                    + rng.normal(0, 1.0, g.size)).clip(0).round(1)
        else:
            pre = rng.normal(1.0, 0.6, g.size).clip(0).round(2)
            post = (0.5 + rng.uniform(0.4, 1.2) * pre + 0.4 * (g - 1) * rng.uniform(0, 1.5)
                    + rng.normal(0, 0.5, g.size)).round(3)
        pre_l, post_l = _clean(pre), _clean(post)
        if k % 5 == 4:
            _missing(rng, pre_l, post_l)
        cases.append({"id": f"a{k:04d}", "kind": "ancova", "missing": k % 5 == 4,
                      "group": g.tolist(), "pre": pre_l, "post": post_l})
    return cases


def generate(seed: int = SEED) -> list[dict]:
    rng = np.random.default_rng(seed)
    return (_paired_cases(rng) + _binary_cases(rng) + _group_cases(rng) + _table_cases(rng)
            + _ancova_cases(rng))


def main() -> None:
    cases = generate()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(cases, separators=(",", ":")) + "\n")
    kinds = Counter(c["kind"] for c in cases)
    subs = Counter(f"{c['kind']}/{c['sub']}" for c in cases if "sub" in c)
    print(f"{len(cases)} datasets: {dict(kinds)}")
    print(f"sub-kinds: {dict(subs)}")
    print(f"with missing values: {sum(bool(c.get('missing')) for c in cases)}")


if __name__ == "__main__":
    main()
