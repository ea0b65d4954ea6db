"""Peer values from GNU PSPP for the corpus.

Run from the repository root:
    python tests/reference/run_pspp.py tests/reference/corpus/corpus.json \
        tests/reference/golden/pspp.json
Writes one syntax file (kept next to the output as pspp_corpus.sps), runs `pspp -O
format=csv` once, and parses the tables after each `ECHO 'CASE id'`. Full precision:
SET FORMAT=F14.8 plus OUTPUT MODIFY for significance cells (8 decimals; PSPP prints the
correlation with 3). Known PSPP 1.6.2 defects (docs/statistics.md) are recorded as they
are; the tests compare with R there. Syringe data (0.1 cc) go to the rank tests in whole
tenths, as for R.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HEAD = ("SET FORMAT=F14.8.\n"
        "OUTPUT MODIFY /SELECT TABLES /TABLECELLS SELECT=[SIGNIFICANCE] FORMAT=F14.8.\n")


def _fmt(v) -> str:
    return "." if v is None else repr(float(v))


def _data(names: list[str], columns: list[list]) -> str:
    rows = "\n".join(" ".join(_fmt(v) for v in row) for row in zip(*columns, strict=True))
    return f"DATA LIST LIST /{' '.join(names)}.\nBEGIN DATA\n{rows}\nEND DATA.\n"


def _tenths(values: list, flag: bool) -> list:
    return [None if v is None else (round(v * 10) if flag else v) for v in values]


def syntax(case: dict) -> str:
    s = f"ECHO 'CASE {case['id']}'.\n"
    kind = case["kind"]
    if kind == "paired":
        pre, post = case["pre"], case["post"]
        s += _data(["pre", "post", "rpre", "rpost"],
                   [pre, post, _tenths(pre, case["tenths"]), _tenths(post, case["tenths"])])
        s += "NPAR TESTS /WILCOXON=rpre WITH rpost (PAIRED).\n"
        s += "T-TEST /PAIRS=pre WITH post (PAIRED).\n"
        s += ("EXAMINE /VARIABLES=pre /STATISTICS=DESCRIPTIVES /PLOT=NPPLOT "
              "/PERCENTILES(25,50,75)=HAVERAGE.\n")
    elif kind == "two_group":
        x, y = case["x"], case["y"]
        v = x + y
        g = [1] * len(x) + [2] * len(y)
        s += _data(["v", "g", "rv"], [v, g, _tenths(v, case["tenths"])])
        s += "NPAR TESTS /M-W=rv BY g(1,2).\n"
        s += "T-TEST /GROUPS=g(1,2) /VARIABLES=v.\n"
    elif kind == "mcnemar":
        pre = [0] * case["a"] + [0] * case["b"] + [1] * case["c"] + [1] * case["d"]
        post = [0] * case["a"] + [1] * case["b"] + [0] * case["c"] + [1] * case["d"]
        s += _data(["pre", "post"], [pre, post])
        s += "NPAR TESTS /MCNEMAR=pre WITH post (PAIRED).\n"
    elif kind == "table":
        rows, cols, w = [], [], []
        for i, row in enumerate(case["table"]):
            for j, cnt in enumerate(row):
                rows.append(i + 1)
                cols.append(j + 1)
                w.append(cnt)
        s += _data(["r", "c", "w"], [rows, cols, w])
        s += "WEIGHT BY w.\nCROSSTABS /TABLES=r BY c /STATISTICS=CHISQ.\nWEIGHT OFF.\n"
    else:
        return ""
    return s


def _tables(chunk: str) -> dict[str, list[list[str]]]:
    tables: dict[str, list[list[str]]] = {}
    name = None
    for block in chunk.split("\n\n"):
        lines = block.strip("\n").splitlines()
        if not lines or not lines[0].startswith("Table: "):
            continue
        name = lines[0][len("Table: "):]
        tables[name] = list(csv.reader(io.StringIO("\n".join(lines[1:]))))
    return tables


def _num(text: str):
    text = text.strip()
    if text in ("", "NaN"):
        return None
    return float(text.rstrip("%"))


def _decimals(text: str) -> int:
    text = text.strip().rstrip("%")
    return len(text.split(".")[1]) if "." in text else 0


def _cell(text: str) -> list:
    """[value, printed decimals] so the tests know PSPP's precision."""
    return [_num(text), _decimals(text)]


def parse(kind: str, chunk: str) -> dict:
    t = _tables(chunk)
    r: dict = {}
    if kind == "paired":
        ranks = t["Ranks"]
        r["neg"] = [_cell(c) for c in ranks[1][2:5]]  # PSPP: pre - post < 0 = post > pre
        r["pos"] = [_cell(c) for c in ranks[2][2:5]]
        r["ties"] = _num(ranks[3][2])
        ts = t["Test Statistics"]
        r["z"] = _cell(ts[1][1])
        r["p"] = _cell(ts[2][1])
        row = t["Paired Samples Test"][3]
        r["t_mean"], r["t_sd"], r["t_se"], r["t_lo"], r["t_hi"], r["t"], r["t_df"], r["t_p"] = (
            _cell(c) for c in row[2:10])
        corr = t["Paired Samples Correlations"][1]
        r["cor"], r["cor_p"] = _cell(corr[3]), _cell(corr[4])
        d = {row[1]: row for row in t["Descriptives"][1:]}
        by = {}
        for row in t["Descriptives"][1:]:
            label = row[1] or by.get("_last", "")
            if row[1]:
                by["_last"] = row[1]
            key = label + ("|" + row[2] if row[2] else "")
            by[key] = [_cell(row[3]), _cell(row[4]) if len(row) > 4 and row[4] else None]
        by.pop("_last", None)
        r["descriptives"] = by
        del d
        pct = t["Percentiles"][2]
        r["haverage"] = [_cell(c) for c in pct[2:5]]
        if "Tests of Normality" in t:
            sw = t["Tests of Normality"][2]
            r["sw_w"], r["sw_p"] = _cell(sw[1]), _cell(sw[3])
    elif kind == "two_group":
        ranks = t["Ranks"]
        r["ranks_x"] = [_cell(c) for c in ranks[1][2:5]]
        r["ranks_y"] = [_cell(c) for c in ranks[2][2:5]]
        ts = t["Test Statistics"][1]
        r["u"], r["w"], r["z"], r["p"] = (_cell(c) for c in ts[1:5])
        rows = t["Independent Samples Test"]
        eq, ne = rows[3], rows[4]
        r["levene_f"], r["levene_p"] = _cell(eq[2]), _cell(eq[3])
        r["student"] = [_cell(c) for c in eq[4:11]]
        r["welch"] = [_cell(c) for c in ne[4:11]]
    elif kind == "mcnemar":
        ts = t["Test Statistics"][1]
        r["exact_p"] = _cell(ts[2])
    elif kind == "table":
        rows = {row[0]: row for row in t["Chi-Square Tests"][1:]}
        for key, name in (("pearson", "Pearson Chi-Square"), ("yates", "Continuity Correction"),
                          ("lr", "Likelihood Ratio"), ("lbl", "Linear-by-Linear Association"),
                          ("fisher", "Fisher's Exact Test")):
            if name in rows:
                r[key] = [_cell(c) for c in rows[name][1:]]
    return r


def run(cases: list[dict], workdir: Path) -> dict:
    sps = workdir / "pspp_corpus.sps"
    out = workdir / "pspp_corpus.csv"
    sps.write_text(HEAD + "".join(syntax(c) for c in cases))
    subprocess.run(["pspp", "-O", "format=csv", str(sps), "-o", str(out)], check=False,
                   capture_output=True, text=True)
    text = out.read_text()
    kinds = {c["id"]: c["kind"] for c in cases}
    result = {}
    for piece in text.split("CASE ")[1:]:
        cid, _, chunk = piece.partition("\n")
        cid = cid.strip()
        if kinds.get(cid) in ("paired", "two_group", "mcnemar", "table"):
            result[cid] = parse(kinds[cid], chunk)
    return result


def main() -> None:
    cases = json.loads(Path(sys.argv[1]).read_text())
    with tempfile.TemporaryDirectory() as tmp:
        result = run(cases, Path(tmp))
    Path(sys.argv[2]).write_text(json.dumps(result, separators=(",", ":")))
    print(f"PSPP: {len(result)} datasets")


if __name__ == "__main__":
    main()
