"""Report tables as plain data: every renderer (terminal, HTML, Word) reads these.

A :class:`ReportTable` holds already-formatted cells, so all renderers print
the same text; the numbers come from laktasi.stats results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from laktasi.stats import DescriptivesResult, FrequenciesResult, WilcoxonResult

from .numbers import fmt_int, fmt_number, fmt_p
from .words import say

__all__ = ["ReportTable", "descriptives_table", "frequency_table", "wilcoxon_tables"]


@dataclass(frozen=True)
class ReportTable:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    footnotes: tuple[str, ...] = field(default_factory=tuple)


def frequency_table(
    blocks: Sequence[tuple[str, FrequenciesResult]], lang: str = "id", *, caption: str = ""
) -> ReportTable:
    """One table of several characteristics: variable, category, n, percent."""
    rows: list[tuple[str, ...]] = []
    for label, res in blocks:
        for i, row in enumerate(res.rows):
            rows.append((label if i == 0 else "", str(row.value), fmt_int(row.n),
                         fmt_number(row.valid_percent, 1, lang)))
    header = (say("variable", lang), say("category", lang), say("frequency", lang),
              say("percent", lang))
    return ReportTable(caption or say("characteristics", lang), header, tuple(rows))


def descriptives_table(
    blocks: Sequence[tuple[str, DescriptivesResult]], lang: str = "id", *, caption: str = "",
    decimals: int = 2,
) -> ReportTable:
    """N, mean, SD, min, max, median per variable/time point (as the seeds print)."""
    header = tuple(say(k, lang) for k in ("variable", "n", "mean", "sd", "min", "max", "median"))
    rows = tuple(
        (label, fmt_int(d.n), fmt_number(d.mean, decimals, lang),
         fmt_number(d.sd, decimals + 1, lang), fmt_number(d.min, 0 if d.min.is_integer() else 1,
                                                          lang),
         fmt_number(d.max, 0 if d.max.is_integer() else 1, lang),
         fmt_number(d.median, decimals, lang))
        for label, d in blocks
    )
    return ReportTable(caption, header, rows)


def wilcoxon_tables(variable: str, res: WilcoxonResult, lang: str = "id") -> list[ReportTable]:
    """SPSS's two Wilcoxon tables (Ranks; Test Statistics) plus effect sizes."""
    def rank_row(key: str, row) -> tuple[str, ...]:
        return (say(key, lang), fmt_int(row.n), fmt_number(row.mean_rank, 2, lang),
                fmt_number(row.sum_ranks, 2, lang))

    ranks = ReportTable(
        say("ranks_title", lang, variable=variable),
        ("", say("n", lang), say("mean_rank", lang), say("sum_ranks", lang)),
        (
            rank_row("negative_ranks", res.negative),
            rank_row("positive_ranks", res.positive),
            (say("ties", lang), fmt_int(res.ties), "", ""),
            (say("total", lang), fmt_int(res.n), "", ""),
        ),
    )
    rows = [
        (say("z", lang), fmt_number(res.z, 3, lang)),
        (say("asymp_sig", lang), fmt_p(res.pvalue_asymptotic, lang, with_symbol=False)),
    ]
    if res.pvalue_exact is not None:
        rows.append((say("exact_sig", lang), fmt_p(res.pvalue_exact, lang, with_symbol=False)))
    rb = res.effect_sizes[0]
    lead = lang == "id"  # APA (English): no leading zero for r

    def corr(v: float) -> str:
        return fmt_number(v, 2, lang, leading_zero=lead)

    ci = f" [{corr(rb.ci.low)}; {corr(rb.ci.high)}]" if rb.ci else ""
    rows.append((say("effect_rb", lang), corr(rb.value) + ci))
    rows.append((say("effect_r", lang, n=res.n), corr(res.effect_sizes[1].value)))
    test = ReportTable(say("test_title", lang) + f" — {variable}", ("", ""), tuple(rows))
    return [ranks, test]
