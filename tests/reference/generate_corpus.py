"""Generate the peer-comparison corpus: >= 500 seeded datasets of the kinds our studies have.

Run from the repository root:  python tests/reference/generate_corpus.py
Writes tests/reference/corpus/corpus.json (deterministic: same seed, same file).
Kinds: paired (normal, skewed gamma, whole-number counts with heavy ties, 0.1 cc syringe
volumes, with zero differences, with missing values), two_group (same sub-kinds),
mcnemar (discordant/concordant counts), table (2x2 .. 3x4, some sparse), ancova.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

OUT = Path(__file__).parent / "corpus" / "corpus.json"
SIZES = [5, 6, 7, 8, 10, 12, 15, 15, 18, 20, 20, 24, 25, 28, 30, 30, 32, 35, 40, 40, 45, 50,
         60, 75, 90, 120, 150, 200]


def _values(rng: np.random.Generator, sub: str, n: int, shift: float) -> tuple[list, list]:
    if sub == "normal":
        pre = rng.normal(10, 2, n)
        post = pre * rng.uniform(0.3, 0.9) + rng.normal(10 + shift, 1.5, n)
        return pre.round(6).tolist(), post.round(6).tolist()
    if sub == "gamma":
        pre = rng.gamma(2.0, 1.5, n)
        post = pre + rng.gamma(1.5, 1.0 + shift, n) - 1.0
        return pre.round(6).tolist(), post.round(6).tolist()
    if sub == "counts":
        pre = rng.integers(3, 9, n)
        post = np.clip(pre + rng.integers(-2, 5, n) + int(shift), 2, 14)
        return pre.astype(float).tolist(), post.astype(float).tolist()
    if sub == "syringe":
        pre = rng.integers(0, 30, n) / 10
        post = (np.round(pre * 10) + rng.integers(-5, 20, n)).clip(0) / 10
        return pre.tolist(), post.tolist()
    if sub == "zeros":
        pre = rng.integers(4, 8, n)
        post = pre + rng.choice([0, 0, 0, 1, 1, 2, -1], n)
        return pre.astype(float).tolist(), post.astype(float).tolist()
    raise ValueError(sub)


def _with_missing(rng, pre, post):
    pre, post = list(pre), list(post)
    k = max(1, len(pre) // 8)
    for i in rng.choice(len(pre), k, replace=False):
        if rng.random() < 0.5:
            pre[i] = None
        else:
            post[i] = None
    return pre, post


def _usable_paired(pre, post) -> bool:
    d = [b - a for a, b in zip(pre, post, strict=True) if a is not None and b is not None]
    nz = [x for x in d if round(x, 9) != 0]
    return len(d) >= 4 and len(nz) >= 2 and len({round(x, 9) for x in d}) > 1 \
        and len({a for a in pre if a is not None}) > 1


def generate(seed: int = 20261122) -> list[dict]:
    rng = np.random.default_rng(seed)
    cases: list[dict] = []
    subs = ["normal", "gamma", "counts", "syringe", "zeros"]
    i = 0
    while len([c for c in cases if c["kind"] == "paired"]) < 300:
        sub = subs[i % len(subs)]
        n = SIZES[(i * 7) % len(SIZES)]
        pre, post = _values(rng, sub, n, rng.choice([0.0, 0.5, 1.5]))
        missing = i % 6 == 5
        if missing:
            pre, post = _with_missing(rng, pre, post)
        i += 1
        if not _usable_paired(pre, post):
            continue
        cases.append({"id": f"p{len(cases):04d}", "kind": "paired", "sub": sub,
                      "missing": missing, "tenths": sub == "syringe", "pre": pre, "post": post})
    j = 0
    while len([c for c in cases if c["kind"] == "two_group"]) < 150:
        sub = subs[j % 4]
        n1 = SIZES[(j * 5) % len(SIZES)] // (2 if j % 3 else 1)
        n2 = max(3, SIZES[(j * 11 + 3) % len(SIZES)] // 2)
        n1 = max(3, min(n1, 100))
        x, _ = _values(rng, sub, n1, 0.0)
        y, _ = _values(rng, sub, n2, 0.0)
        shift = {"normal": 1.0, "gamma": 0.8, "counts": 1.0, "syringe": 0.3}[sub]
        y = [round(v + shift * rng.integers(0, 2), 6) for v in y]
        j += 1
        if len(set(x + y)) < 2 or (len(set(x)) < 2 and len(set(y)) < 2):
            continue
        cases.append({"id": f"g{len(cases):04d}", "kind": "two_group", "sub": sub,
                      "tenths": sub == "syringe", "x": x, "y": y})
    for k in range(60):
        m = int(rng.integers(0, 40))
        b = int(rng.binomial(m, rng.uniform(0.5, 0.95)))
        c = m - b
        a, d = int(rng.integers(0, 15)), int(rng.integers(0, 15))
        if k < 4:
            b, c = [(3, 3), (9, 0), (5, 3), (13, 12)][k]
        if a + b + c + d < 2 or b + c == 0:
            b += 1
        cases.append({"id": f"m{k:04d}", "kind": "mcnemar", "a": a, "b": b, "c": c, "d": d})
    shapes = [(2, 2)] * 6 + [(2, 3), (3, 2), (3, 3), (2, 4), (3, 4)]
    k = 0
    while len([c for c in cases if c["kind"] == "table"]) < 110:
        r, cc = shapes[k % len(shapes)]
        k += 1
        total = int(rng.integers(10, 80))
        probs = rng.dirichlet(np.ones(r * cc) * rng.uniform(0.5, 3))
        t = rng.multinomial(total, probs).reshape(r, cc)
        if k <= 3:
            t = np.array([[[12, 20], [21, 11]], [[9, 1], [3, 7]], [[5, 3], [3, 5]]][k - 1])
        if (t.sum(0) == 0).any() or (t.sum(1) == 0).any():
            continue
        cases.append({"id": f"t{len(cases):04d}", "kind": "table", "table": t.tolist()})
    for k in range(45):
        n = int(rng.choice([8, 10, 15, 20, 30]))
        groups = 2 if k % 4 else 3
        g = np.repeat(np.arange(groups), n)
        pre = rng.normal(1.0, 0.6, n * groups).clip(0).round(2)
        slope = rng.uniform(0.4, 1.2)
        post = (0.5 + slope * pre + 0.4 * g * rng.uniform(0, 1.5) + rng.normal(0, 0.5, g.size))
        cases.append({"id": f"a{k:04d}", "kind": "ancova", "group": g.tolist(),
                      "pre": pre.tolist(), "post": post.round(3).tolist()})
    return cases


def main() -> None:
    cases = generate()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(cases, separators=(",", ":")))
    kinds: dict[str, int] = {}
    for c in cases:
        kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
    print(f"{len(cases)} datasets: {kinds}")


if __name__ == "__main__":
    main()
