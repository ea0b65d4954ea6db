"""Generate meta-analysis cases (seeded) for the metafor comparison.

python tests/reference/meta/make_cases.py   -> tests/reference/meta/cases.json
"""

import json
from pathlib import Path

import numpy as np


def main() -> None:
    rng = np.random.default_rng(2026)
    cases = []
    for i in range(60):
        k = int(rng.integers(3, 31))
        tau = float(rng.choice([0.0, 0.1, 0.3, 0.6]))
        vi = rng.uniform(0.01, 0.3, k)
        yi = rng.normal(rng.uniform(-0.5, 1.5), np.sqrt(vi + tau**2))
        n1, n2 = (int(x) for x in rng.integers(5, 60, 2))
        m1, m2 = (float(x) for x in rng.normal(1.5, 1.0, 2).round(2))
        s1, s2 = (float(x) for x in rng.uniform(0.3, 2.5, 2).round(2))
        counts = [int(x) for x in rng.integers(0, 30, 4)]
        cases.append({"id": f"m{i:03d}", "yi": yi.round(6).tolist(), "vi": vi.round(6).tolist(),
                      "es": {"m1": m1, "m2": m2, "sd1": s1, "sd2": s2, "n1": n1, "n2": n2,
                             "r": round(float(rng.uniform(0.1, 0.9)), 2), "counts": counts}})
    out = Path(__file__).with_name("cases.json")
    out.write_text(json.dumps(cases, separators=(",", ":")))
    print(f"{len(cases)} meta-analyses")


if __name__ == "__main__":
    main()
