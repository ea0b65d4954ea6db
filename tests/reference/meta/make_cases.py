"""Generate meta-analysis cases (seeded) for the comparison with R metafor.

Each case is a set of k = 3..30 studies as papers print them (means and SDs, or 2x2 / paired
counts), rounded like printed tables, for one effect measure; the measures cycle through
SMCR, SMCC, MC, SMD, MD, OR, RR, RD and MPORC. Paired measures carry one assumed pre-post
correlation r per case. Study effects vary around a mean with between-study SD tau.

    python tests/reference/meta/make_cases.py   -> tests/reference/meta/cases.json
    Rscript tests/reference/meta/run_metafor.R tests/reference/meta/cases.json \\
        tests/reference/meta/metafor_golden.json
"""

import json
from pathlib import Path

import numpy as np

MEASURES = ("SMCR", "SMCC", "MC", "SMD", "MD", "OR", "RR", "RD", "MPORC")
N_CASES = 63


def _paired(rng, k, mu, tau):
    rows = []
    for delta in rng.normal(mu, tau, k):
        n = int(rng.integers(5, 61))
        sd_pre, sd_post = (float(x) for x in rng.uniform(0.4, 2.5, 2).round(2))
        m_pre = float(rng.normal(3, 1.5))
        m_post = m_pre + delta * sd_pre + float(rng.normal(0, sd_pre / np.sqrt(n)))
        rows.append({"n": n, "m_pre": round(m_pre, 2), "m_post": round(m_post, 2),
                     "sd_pre": sd_pre, "sd_post": sd_post})
    return rows


def _two_group(rng, k, mu, tau):
    rows = []
    for delta in rng.normal(mu, tau, k):
        n1, n2 = (int(x) for x in rng.integers(4, 61, 2))
        sd1, sd2 = (float(x) for x in rng.uniform(0.4, 2.5, 2).round(2))
        m2 = float(rng.normal(3, 1.5))
        m1 = m2 + delta * (sd1 + sd2) / 2 + float(rng.normal(0, np.sqrt(sd1**2 / n1
                                                                     + sd2**2 / n2)))
        rows.append({"n1": n1, "n2": n2, "m1": round(m1, 2), "m2": round(m2, 2), "sd1": sd1,
                     "sd2": sd2})
    return rows


def _binary(rng, k, mu, tau):
    rows = []
    for delta in rng.normal(mu, tau, k):
        n1, n2 = (int(x) for x in rng.integers(8, 81, 2))
        p2 = float(rng.uniform(0.05, 0.6))
        p1 = 1 / (1 + np.exp(-(np.log(p2 / (1 - p2)) + delta)))
        a, c = int(rng.binomial(n1, p1)), int(rng.binomial(n2, p2))
        rows.append({"a": a, "b": n1 - a, "c": c, "d": n2 - c})
    return rows


def _paired_binary(rng, k, mu, tau):
    rows = []
    for delta in rng.normal(mu, tau, k):
        n = int(rng.integers(10, 81))
        disc = float(rng.uniform(0.15, 0.6))  # share of discordant pairs
        pb = disc / (1 + np.exp(-delta))
        counts = rng.multinomial(n, [0.5 * (1 - disc), pb, disc - pb, 0.5 * (1 - disc)])
        a, b, c, d = (int(x) for x in counts)
        if b + c == 0:
            b = 1
        rows.append({"a": a, "b": b, "c": c, "d": d})
    return rows


def main() -> None:
    rng = np.random.default_rng(2026)
    make = {"SMCR": _paired, "SMCC": _paired, "MC": _paired, "SMD": _two_group,
            "MD": _two_group, "OR": _binary, "RR": _binary, "RD": _binary,
            "MPORC": _paired_binary}
    cases = []
    for i in range(N_CASES):
        measure = MEASURES[i % len(MEASURES)]
        k = int(rng.integers(3, 31)) if i % 7 else 3 + i % 5  # some very small k
        tau = float(rng.choice([0.0, 0.1, 0.3, 0.6]))
        mu = float(rng.uniform(-0.3, 1.2))
        case = {"id": f"m{i:03d}", "measure": measure, "studies": make[measure](rng, k, mu, tau)}
        if measure in ("SMCR", "SMCC", "MC"):
            case["r"] = round(float(rng.uniform(0.1, 0.9)), 2)
        cases.append(case)
    out = Path(__file__).with_name("cases.json")
    out.write_text(json.dumps(cases, separators=(",", ":")))
    ks = [len(c["studies"]) for c in cases]
    print(f"{len(cases)} meta-analyses, k = {min(ks)}..{max(ks)}")


if __name__ == "__main__":
    main()
