"""Peer values from GNU PSPP for the corpus.

Run from the repository root:
    python tests/reference/run_pspp.py tests/reference/corpus/corpus.json \
        tests/reference/golden/pspp.json

Writes one syntax file, runs ``pspp -O format=csv`` once and parses the tables that
follow each ``ECHO 'CASE id'``. Every number is stored as ``[value, decimals]``: the value
PSPP printed and how many decimals it printed (the tests allow half a unit of the last one).

Precision: ``SET FORMAT=F40.16.`` plus ``OUTPUT MODIFY /SELECT TABLES /TABLECELLS
SELECT=[SIGNIFICANCE CORRELATIONS] FORMAT=F40.16.`` makes PSPP 1.6.2 print 16 decimals
in every statistic cell (checked: without the CORRELATIONS class the paired-samples
correlation keeps 3 decimals; the cell-class keyword is CORRELATIONS, not CORRELATION).

What is run, per kind (one variable per EXAMINE: PSPP defect 5):

- paired: NPAR TESTS /WILCOXON, T-TEST /PAIRS (three tables), EXAMINE pre, EXAMINE post
  (descriptives, HAVERAGE and Tukey percentiles, Shapiro-Wilk; PSPP 1.6.2's EXAMINE has
  no Kolmogorov-Smirnov/Lilliefors row).
- paired_binary: NPAR TESTS /MCNEMAR (defect 3: exact p can exceed 1; CROSSTABS has no
  McNemar, defect 6).
- two_group: NPAR TESTS /M-W (one row per case: defect 2), T-TEST /GROUPS; binary ones
  also CROSSTABS group BY outcome /STATISTICS=CHISQ.
- table: CROSSTABS /STATISTICS=CHISQ on cell counts with WEIGHT BY (defect 1: the
  two-sided Fisher p; the tests use R for it).
- ancova: PSPP 1.6.2's GLM has no covariates (``GLM post BY g WITH pre`` is a syntax
  error), so REGRESSION with dummy variables: post ~ pre + dummies (full model),
  post ~ pre (reduced), and post ~ pre + dummies + pre x dummies (separate slopes).

Syringe data (0.1 cc) go to the rank tests in whole tenths, as for R (docs/statistics.md,
"Syringe volumes and floating-point ties").
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HEAD = ("SET FORMAT=F40.16.\n"
        "OUTPUT MODIFY /SELECT TABLES /TABLECELLS SELECT=[SIGNIFICANCE CORRELATIONS] "
        "FORMAT=F40.16.\n")
EXAMINE = ("EXAMINE /VARIABLES={v} /STATISTICS=DESCRIPTIVES /PLOT=NPPLOT "
           "/PERCENTILES(25,50,75)=HAVERAGE.\n")


def _fmt(v) -> str:
    return "." if v is None else repr(float(v))


def _data(names: list[str], columns: list[list]) -> str:
    rows = "\n".join(" ".join(_fmt(v) for v in row) for row in zip(*columns, strict=True))
    return f"DATA LIST LIST /{' '.join(names)}.\nBEGIN DATA\n{rows}\nEND DATA.\n"


def _tenths(values: list, flag: bool) -> list:
    return [None if v is None else (round(v * 10) if flag else v) for v in values]


def syntax(case: dict) -> str:
    """PSPP syntax for one corpus dataset (empty for kinds PSPP is not run on)."""
    s = f"ECHO 'CASE {case['id']}'.\n"
    kind = case["kind"]
    if kind == "paired":
        pre, post = case["pre"], case["post"]
        s += _data(["pre", "post", "rpre", "rpost"],
                   [pre, post, _tenths(pre, case["tenths"]), _tenths(post, case["tenths"])])
        s += "NPAR TESTS /WILCOXON=rpre WITH rpost (PAIRED).\n"
        s += "T-TEST /PAIRS=pre WITH post (PAIRED).\n"
        s += EXAMINE.format(v="pre") + EXAMINE.format(v="post")
    elif kind == "paired_binary":
        s += _data(["pre", "post"], [case["pre"], case["post"]])
        s += "NPAR TESTS /MCNEMAR=pre WITH post (PAIRED).\n"
    elif kind == "two_group":
        x, y = case["x"], case["y"]
        v = x + y
        g = [1] * len(x) + [2] * len(y)
        s += _data(["v", "g", "rv"], [v, g, _tenths(v, case["tenths"])])
        s += "NPAR TESTS /M-W=rv BY g(1,2).\n"
        s += "T-TEST /GROUPS=g(1,2) /VARIABLES=v.\n"
        if case["sub"] == "binary":
            s += "CROSSTABS /TABLES=g BY v /STATISTICS=CHISQ.\n"
    elif kind == "table":
        rows, cols, w = [], [], []
        for i, row in enumerate(case["table"]):
            for j, cnt in enumerate(row):
                if cnt == 0:  # no case (a zero weight only draws a PSPP warning)
                    continue
                rows.append(i + 1)
                cols.append(j + 1)
                w.append(cnt)
        s += _data(["r", "c", "w"], [rows, cols, w])
        s += "WEIGHT BY w.\nCROSSTABS /TABLES=r BY c /STATISTICS=CHISQ.\nWEIGHT OFF.\n"
    elif kind == "ancova":
        g, pre, post = case["group"], case["pre"], case["post"]
        levels = sorted(set(g))
        dummies = [[int(v == lv) for v in g] for lv in levels[1:]]
        inter = [[None if p is None else p * d for p, d in zip(pre, dd, strict=True)]
                 for dd in dummies]
        dn = [f"d{j + 2}" for j in range(len(dummies))]
        iname = [f"i{j + 2}" for j in range(len(dummies))]
        s += _data(["g", "pre", "post", *dn, *iname], [g, pre, post, *dummies, *inter])
        reg = "REGRESSION /VARIABLES={} /DEPENDENT=post /STATISTICS=COEFF R ANOVA.\n"
        s += reg.format(" ".join(["pre", *dn]))
        s += reg.format("pre")
        s += reg.format(" ".join(["pre", *dn, *iname]))
    else:
        return ""
    return s


def _tables(chunk: str) -> tuple[list[tuple[str, list[list[str]]]], list[str]]:
    """The tables of one case's output, in order, and PSPP's error/warning lines."""
    tables = []
    messages = []
    for block in chunk.split("\n\n"):
        lines = block.strip("\n").splitlines()
        if not lines:
            continue
        if lines[0].startswith("Table: "):
            tables.append((lines[0][len("Table: "):],
                           list(csv.reader(io.StringIO("\n".join(lines[1:]))))))
        else:
            # drop the syntax file's temporary path: the text must not change between runs
            messages += [re.sub(r"^.*?(error|warning):", r"\1:", ln.strip('"')) for ln in lines
                         if "error" in ln or "warning" in ln]
    return tables, messages


def _cell(text: str) -> list | None:
    """``[value, decimals]``: the number PSPP printed and its number of decimals.

    Handles ``.5``, ``-1.25``, ``12``, ``45.0%`` and scientific ``1.45844442E-015``
    (decimals = mantissa decimals - exponent). NaN and empty cells give ``None``.
    """
    text = text.strip().rstrip("%")
    if text in ("", "NaN", "+Infinity", "-Infinity", "Infinity", "."):
        return None
    mantissa, _, exponent = text.upper().partition("E")
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    if exponent:
        decimals -= int(exponent)
    value = float(text)
    if math.isnan(value) or math.isinf(value):
        return None
    return [value, decimals]


def _cells(row: list[str]) -> list:
    return [_cell(c) for c in row]


class _Out:
    def __init__(self, chunk: str):
        self.tables, self.messages = _tables(chunk)

    def get(self, name: str, nth: int = 0) -> list[list[str]] | None:
        found = [rows for t, rows in self.tables if t == name]
        return found[nth] if len(found) > nth else None


def _examine(out: _Out, var: str) -> dict:
    r: dict = {}
    desc = [rows for name, rows in out.tables if name == "Descriptives"
            and len(rows) > 1 and rows[1][0] == var]
    if desc:
        by: dict = {}
        last = ""
        for row in desc[0][1:]:
            last = row[1] or last
            key = last + ("|" + row[2] if row[2] else "")
            by[key] = [_cell(row[3]), _cell(row[4]) if len(row) > 4 else None]
        r["descriptives"] = by
    pct = [rows for name, rows in out.tables if name == "Percentiles"
           and len(rows) > 2 and rows[2][0] == var]
    if pct:
        r["haverage"] = _cells(pct[0][2][2:5])
        r["tukey"] = _cells(pct[0][3][2:5])
    sw = [rows for name, rows in out.tables if name == "Tests of Normality"
          and len(rows) > 2 and rows[2][0] == var]
    if sw:
        r["shapiro"] = _cells(sw[0][2][1:4])  # W, df, Sig.
    return r


def _crosstabs(out: _Out) -> dict:
    r: dict = {}
    table = out.get("Chi-Square Tests")
    if table is None:
        return r
    rows = {row[0]: row for row in table[1:]}
    for key, name in (("pearson", "Pearson Chi-Square"), ("yates", "Continuity Correction"),
                      ("lr", "Likelihood Ratio"), ("lbl", "Linear-by-Linear Association")):
        if name in rows:
            r[key] = _cells(rows[name][1:4])  # value, df, asymptotic sig.
    if "Fisher's Exact Test" in rows:
        r["fisher"] = _cells(rows["Fisher's Exact Test"][4:6])  # exact 2-sided, 1-sided
    return r


def _regression(out: _Out, nth: int) -> dict:
    anova = out.get("ANOVA (post)", nth)
    coef = out.get("Coefficients (post)", nth)
    r: dict = {}
    if anova is not None:
        rows = {row[0]: row for row in anova[1:]}
        r["ss_regression"], r["df_regression"] = _cells(rows["Regression"][1:3])
        r["ss_residual"], r["df_residual"] = _cells(rows["Residual"][1:3])
        r["f"], r["p"] = _cells(rows["Regression"][4:6])
    if coef is not None:
        # B, Std. Error, Beta, t, Sig. per term
        r["coef"] = {row[0]: _cells(row[1:6]) for row in coef[2:]}
    return r


def parse(kind: str, chunk: str) -> dict:
    """The numbers PSPP printed for one dataset, keyed by what they are."""
    out = _Out(chunk)
    r: dict = {}
    if kind == "paired":
        ranks, ts = out.get("Ranks"), out.get("Test Statistics")
        if ranks and ts:
            # PSPP: d = pre - post, so its Negative Ranks are the pairs with post > pre
            r["wilcoxon"] = {"neg": _cells(ranks[1][2:5]), "pos": _cells(ranks[2][2:5]),
                             "ties": _cell(ranks[3][2]), "z": _cell(ts[1][1]),
                             "p": _cell(ts[2][1])}
        stats = out.get("Paired Sample Statistics")
        if stats:
            r["t_stats"] = {"pre": _cells(stats[1][2:6]), "post": _cells(stats[2][2:6])}
        corr = out.get("Paired Samples Correlations")
        if corr:
            r["t_corr"] = _cells(corr[1][2:5])  # N, Correlation, Sig.
        test = out.get("Paired Samples Test")
        if test:
            names = ("mean", "sd", "se", "lo", "hi", "t", "df", "p")
            r["t_test"] = dict(zip(names, _cells(test[3][2:10]), strict=True))
        for var in ("pre", "post"):
            ex = _examine(out, var)
            if ex:
                r[f"examine_{var}"] = ex
    elif kind == "paired_binary":
        ts = out.get("Test Statistics")
        if ts:
            n, p2, p1, point = _cells(ts[1][1:5])
            r["mcnemar"] = {"n": n, "exact_p2": p2, "exact_p1": p1, "point": point}
        cross = out.get("pre & post")
        if cross and "mcnemar" in r:
            # PSPP orders the categories by first appearance in the data: store the counts
            # as [[0->0, 0->1], [1->0, 1->1]]
            cols = [float(v) for v in cross[1][1:] if v]
            counts = {(float(row[0]), c): int(float(n))
                      for row in cross[2:] for c, n in zip(cols, row[1:], strict=False)}
            r["mcnemar"]["table"] = [[counts.get((a, b), 0) for b in (0.0, 1.0)] for a in (0.0, 1.0)]
    elif kind == "two_group":
        ranks, ts = out.get("Ranks"), out.get("Test Statistics")
        if ranks and ts:
            u, w, z, p = _cells(ts[1][1:5])
            r["mann_whitney"] = {"ranks_x": _cells(ranks[1][2:5]),
                                 "ranks_y": _cells(ranks[2][2:5]), "u": u, "w": w, "z": z, "p": p}
        stats = out.get("Group Statistics")
        if stats:
            r["group_stats"] = {"x": _cells(stats[1][2:6]), "y": _cells(stats[2][2:6])}
        test = out.get("Independent Samples Test")
        if test:
            eq, ne = test[3], test[4]
            r["t_test"] = {"levene_f": _cell(eq[2]), "levene_p": _cell(eq[3]),
                           "student": _cells(eq[4:11]), "welch": _cells(ne[4:11])}
        cr = _crosstabs(out)
        if cr:
            r["crosstabs"] = cr
    elif kind == "table":
        r["crosstabs"] = _crosstabs(out)
    elif kind == "ancova":
        for key, nth in (("full", 0), ("reduced", 1), ("interaction", 2)):
            reg = _regression(out, nth)
            if reg:
                r[key] = reg
    if out.messages:
        r["messages"] = out.messages
    return r


def run(cases: list[dict], workdir: Path) -> dict:
    """Run PSPP on ``cases`` (in ``workdir``) and return the parsed output by dataset id."""
    sps = workdir / "pspp_corpus.sps"
    out = workdir / "pspp_corpus.csv"
    sps.write_text(HEAD + "".join(syntax(c) for c in cases))
    proc = subprocess.run(["pspp", "-O", "format=csv", str(sps), "-o", str(out)], check=False,
                          capture_output=True, text=True)
    if not out.exists():
        raise RuntimeError(f"pspp wrote no output: {proc.stderr[-2000:]}")
    text = out.read_text()
    kinds = {c["id"]: c["kind"] for c in cases}
    result = {}
    for piece in re.split(r"^CASE ", text, flags=re.MULTILINE)[1:]:
        cid, _, chunk = piece.partition("\n")
        cid = cid.strip()
        if cid in kinds:
            result[cid] = parse(kinds[cid], chunk)
    return result


def main() -> None:
    cases = json.loads(Path(sys.argv[1]).read_text())
    with tempfile.TemporaryDirectory() as tmp:
        result = run(cases, Path(tmp))
    Path(sys.argv[2]).write_text(json.dumps(result, separators=(",", ":")) + "\n")
    n_msg = sum("messages" in v for v in result.values())
    print(f"PSPP: {len(result)} datasets ({n_msg} with PSPP errors or warnings)")


if __name__ == "__main__":
    main()
