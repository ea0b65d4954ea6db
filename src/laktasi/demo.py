"""The shipped example analysed end to end (the README's main job).

A one-group pretest-posttest study with count outcomes: characteristics
tables, descriptives before/after, and the Wilcoxon signed-rank test per
outcome with effect sizes and the hypothesis sentence. The full design-aware
pipeline (issue "From a data file to the finished results chapter") builds on
the same pieces.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

import yaml

from laktasi.datasets import example_path
from laktasi.report.numbers import check_lang, fmt_p
from laktasi.report.tables import (
    ReportTable,
    descriptives_table,
    frequency_table,
    wilcoxon_tables,
)
from laktasi.report.words import say
from laktasi.stats import descriptives, frequencies, wilcoxon_signed_rank

__all__ = ["ExampleReport", "example_report"]


@dataclass(frozen=True)
class ExampleReport:
    title: str
    tables: tuple[ReportTable, ...]
    sentences: tuple[str, ...]


def _bin(value: float, bins: list[dict]) -> str:
    for b in bins:
        if b.get("min", float("-inf")) <= value <= b.get("max", float("inf")):
            return b["label"]
    raise ValueError(f"{value} falls in no band")


def example_report(name: str = "amanda-oku-timur-2023", lang: str = "id") -> ExampleReport:
    check_lang(lang)
    spec = yaml.safe_load(example_path(name, ".yaml").read_text(encoding="utf-8"))
    with example_path(name, ".csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    blocks = []
    for ch in spec["characteristics"]:
        col = ch["column"]
        if "bins" in ch:
            values = [_bin(float(r[col]), ch["bins"]) for r in rows]
            cats = [b["label"] for b in ch["bins"]]
        else:
            values = [r[col] for r in rows]
            cats = ch["categories"]
        blocks.append((ch["label"][lang], frequencies(values, categories=cats)))
    tables = [frequency_table(blocks, lang)]
    sentences = []
    alpha = spec["study"].get("alpha", 0.05)
    for out in spec["outcomes"]:
        label = out["label"][lang]
        pre = [float(r[out["pre"]]) for r in rows]
        post = [float(r[out["post"]]) for r in rows]
        tables.append(descriptives_table(
            [(say("time_pre", lang), descriptives(pre)), (say("time_post", lang), descriptives(post))],
            lang, caption=say("descriptives_title", lang, variable=label)))
        res = wilcoxon_signed_rank(pre, post)
        tables.extend(wilcoxon_tables(label, res, lang))
        significant = res.pvalue < alpha
        sentences.append(say(
            "interpretation", lang,
            p_text=fmt_p(res.pvalue, lang),
            cmp="<" if significant else "≥",
            h0=say("h0_rejected" if significant else "h0_accepted", lang),
            meaning=say("effect_yes" if significant else "effect_no", lang),
            variable=label.lower(),
        ))
    if spec["study"]["design"] == "one-group-pretest-posttest":
        sentences.append(say("no_control_note", lang))
    return ExampleReport(say("title_demo", lang, study=spec["study"]["title"]), tuple(tables),
                         tuple(sentences))
