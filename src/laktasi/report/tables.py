"""Report tables as plain data: every renderer (terminal, HTML, Word) reads these.

A :class:`ReportTable` holds already-formatted cells, so all renderers print
the same text; the numbers come from laktasi.stats results.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from laktasi.stats import DescriptivesResult, FrequenciesResult, WilcoxonResult

from .numbers import fmt_int, fmt_number, fmt_p
from .words import say

__all__ = ["ReportTable", "descriptives_table", "frequency_table", "is_numeric_cell",
           "wilcoxon_tables"]


_NUMERIC = re.compile(
    r"^[<>≥≤−\-+]?\s?(\d[\d.,]*|[.,]\d+)%?(\s\([^()]*\))?$|^\[.*\]$|^–$")


def is_numeric_cell(text: str) -> bool:
    """True for cells renderers right-align: numbers, 'n (x%)', '< 0,001', CIs."""
    return bool(_NUMERIC.match(text.strip())) if text.strip() else False


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


def _c(v: float, lang: str, decimals: int = 2) -> str:
    """A correlation-like number: APA (en) drops the leading zero."""
    return fmt_number(v, decimals, lang, leading_zero=lang == "id")


def _ci(ci, lang: str, decimals: int = 2, corr: bool = False) -> str:
    if ci is None:
        return "–"
    f = (lambda v: _c(v, lang, decimals)) if corr else (lambda v: fmt_number(v, decimals, lang))
    return f"[{f(ci.low)}; {f(ci.high)}]"


def effect_text(es, lang: str) -> str:
    """'d_z = 0,85 [0,32; 1,36]'-style text of one effect size."""
    from .words_chapter import EFFECT_NAMES

    corr = es.name in {"rank_biserial", "r", "phi", "cramers_v", "partial_eta_squared"}
    value = _c(es.value, lang) if corr else fmt_number(es.value, 2, lang)
    ci = f" {_ci(es.ci, lang, corr=corr)}" if es.ci is not None else ""
    return f"{EFFECT_NAMES[lang].get(es.name, es.name)} = {value}{ci}"


def paired_t_table(variable: str, res, lang: str = "id") -> ReportTable:
    from .words_chapter import w

    header = (w("difference", lang), w("mean", lang), w("sd", lang), w("se", lang),
              w("ci95", lang), "t", "df", w("sig2", lang))
    row = (w("post_minus_pre", lang), fmt_number(res.mean_difference, 2, lang),
           fmt_number(res.sd_difference, 3, lang), fmt_number(res.se_difference, 3, lang),
           _ci(res.ci, lang), fmt_number(res.statistic, 3, lang), str(res.df),
           fmt_p(res.pvalue, lang, with_symbol=False))
    notes = (w("paired_corr", lang, r=_c(res.correlation, lang, 3),
               p=fmt_p(res.correlation_pvalue, lang)),
             "; ".join(effect_text(e, lang) for e in res.effect_sizes))
    return ReportTable(w("paired_t_title", lang, variable=variable), header, (row,), notes)


def mcnemar_tables(variable: str, res, levels: tuple[str, str], lang: str = "id"
                   ) -> list[ReportTable]:
    from .words_chapter import w

    (a, b), (c, d) = res.table
    n = a + b + c + d

    def cell(k: int) -> str:
        return f"{k} ({fmt_number(100 * k / n, 1, lang)}%)" if n else str(k)

    cross = ReportTable(
        w("crosstab_title", lang, variable=variable),
        (w("pre_post", lang), f"{w('post', lang)}: {levels[0]}", f"{w('post', lang)}: {levels[1]}",
         w("total", lang)),
        ((f"{w('pre', lang)}: {levels[0]}", cell(a), cell(b), cell(a + b)),
         (f"{w('pre', lang)}: {levels[1]}", cell(c), cell(d), cell(c + d)),
         (w("total", lang), cell(a + c), cell(b + d), cell(n))),
    )
    rows = [(w("discordant", lang), f"{res.b} / {res.c}"),
            (w("exact_binomial", lang), fmt_p(res.pvalue_exact, lang, with_symbol=False))]
    if res.spss_method != "binomial":
        rows.append((w("chi2_corrected", lang),
                     f"{fmt_number(res.chi2_corrected, 3, lang)}; "
                     f"{fmt_p(res.chi2_corrected_pvalue, lang)}"))
    rows.append((w("effect", lang), effect_text(res.effect_size, lang)))
    test = ReportTable(w("mcnemar_title", lang, variable=variable), ("", ""), tuple(rows))
    return [cross, test]


def mann_whitney_tables(variable: str, res, labels: tuple[str, str], lang: str = "id"
                        ) -> list[ReportTable]:
    from .words_chapter import w

    ranks = ReportTable(
        w("mw_ranks_title", lang, variable=variable),
        (w("group", lang), "N", say("mean_rank", lang), say("sum_ranks", lang)),
        tuple((lab, str(r.n), fmt_number(r.mean_rank, 2, lang), fmt_number(r.sum_ranks, 2, lang))
              for lab, r in zip(labels, (res.ranks_x, res.ranks_y), strict=True)),
    )
    rows = [("Mann-Whitney U", fmt_number(res.u, 3, lang)),
            ("Wilcoxon W", fmt_number(res.w, 3, lang)),
            ("Z", fmt_number(res.z, 3, lang)),
            (say("asymp_sig", lang), fmt_p(res.pvalue_asymptotic, lang, with_symbol=False))]
    if res.pvalue_exact is not None:
        rows.append((say("exact_sig", lang), fmt_p(res.pvalue_exact, lang, with_symbol=False)))
    rows.append((w("effect", lang), "; ".join(effect_text(e, lang) for e in res.effect_sizes)))
    return [ranks, ReportTable(w("mw_title", lang, variable=variable), ("", ""), tuple(rows))]


def independent_t_table(variable: str, res, labels: tuple[str, str], lang: str = "id"
                        ) -> list[ReportTable]:
    from .words_chapter import w

    groups = ReportTable(
        w("group_stats_title", lang, variable=variable),
        (w("group", lang), "N", w("mean", lang), w("sd", lang), w("se", lang)),
        tuple((lab, str(g.n), fmt_number(g.mean, 2, lang), fmt_number(g.sd, 3, lang),
               fmt_number(g.se, 3, lang)) for lab, g in zip(labels, (res.x, res.y), strict=True)),
    )
    header = ("", "Levene F", w("sig", lang), "t", "df", w("sig2", lang), w("mean_diff", lang),
              w("ci95", lang))
    lev = (fmt_number(res.levene_f, 3, lang), fmt_p(res.levene_pvalue, lang, with_symbol=False))
    rows = tuple(
        (w(key, lang), *(lev if key == "equal_var" else ("", "")),
         fmt_number(row.statistic, 3, lang), fmt_number(row.df, 0 if key == "equal_var" else 2,
                                                        lang),
         fmt_p(row.pvalue, lang, with_symbol=False), fmt_number(row.mean_difference, 2, lang),
         _ci(row.ci, lang))
        for key, row in (("equal_var", res.student), ("unequal_var", res.welch))
    )
    test = ReportTable(w("t_title", lang, variable=variable), header, rows,
                       ("; ".join(effect_text(e, lang) for e in res.effect_sizes),))
    return [groups, test]


def chi_square_table(variable: str, res, lang: str = "id", fisher=None) -> ReportTable:
    from .words_chapter import w

    rows = [("Pearson Chi-Square", fmt_number(res.pearson.statistic, 3, lang),
             str(res.pearson.df), fmt_p(res.pearson.pvalue, lang, with_symbol=False))]
    if res.continuity is not None:
        rows.append(("Continuity Correction", fmt_number(res.continuity.statistic, 3, lang), "1",
                     fmt_p(res.continuity.pvalue, lang, with_symbol=False)))
    rows.append(("Likelihood Ratio", fmt_number(res.likelihood_ratio.statistic, 3, lang),
                 str(res.likelihood_ratio.df),
                 fmt_p(res.likelihood_ratio.pvalue, lang, with_symbol=False)))
    if fisher is not None:
        rows.append(("Fisher's Exact Test", "", "", fmt_p(fisher.pvalue, lang, with_symbol=False)))
    foot = [w("expected_note", lang, k=res.n_expected_below_5,
              pct=fmt_number(100 * res.n_expected_below_5 / res.n_cells, 1, lang),
              m=fmt_number(res.min_expected, 2, lang))]
    foot.append(effect_text(res.effect_size, lang))
    return ReportTable(w("chi_title", lang, variable=variable),
                       ("", w("value", lang), "df", w("sig2", lang)), tuple(rows), tuple(foot))


def ancova_tables(variable: str, res, labels: dict[str, str], lang: str = "id"
                  ) -> list[ReportTable]:
    from .words_chapter import w

    ms_err = res.ss_error / res.df_error
    source = ReportTable(
        w("ancova_title", lang, variable=variable),
        (w("source", lang), w("ss", lang), "df", "F", w("sig", lang), w("partial_eta2", lang)),
        ((w("group", lang), fmt_number(res.ss_group, 3, lang), str(res.df_effect),
          fmt_number(res.statistic, 3, lang), fmt_p(res.pvalue, lang, with_symbol=False),
          f"{_c(res.effect_size.value, lang, 3)} {_ci(res.effect_size.ci, lang, 3, corr=True)}"),
         (w("covariate_pre", lang), fmt_number(res.ss_covariate, 3, lang), "1",
          fmt_number(res.covariate_f, 3, lang), fmt_p(res.covariate_pvalue, lang,
                                                      with_symbol=False), ""),
         (w("error", lang), fmt_number(res.ss_error, 3, lang), str(res.df_error), "", "", "")),
        (w("slopes_note", lang, f=fmt_number(res.slopes_f, 3, lang),
           p=fmt_p(res.slopes_pvalue, lang)), w("ms_error", lang, ms=fmt_number(ms_err, 3, lang))),
    )
    adjusted = ReportTable(
        w("adjusted_title", lang, variable=variable),
        (w("group", lang), "N", w("mean_pre", lang), w("mean_post", lang), w("adj_mean", lang),
         w("se", lang), w("ci95", lang)),
        tuple((labels.get(m.label, m.label), str(m.n), fmt_number(m.mean_pre, 2, lang),
               fmt_number(m.mean_post, 2, lang), fmt_number(m.adjusted_mean, 2, lang),
               fmt_number(m.se, 3, lang), _ci(m.ci, lang)) for m in res.adjusted_means),
        (w("adj_diff", lang, d=fmt_number(res.difference, 2, lang),
           ci=_ci(res.difference_ci, lang)),) if res.difference is not None else (),
    )
    return [source, adjusted]
