"""Report tables as plain data: every renderer (terminal, HTML, Word) reads these.

A :class:`ReportTable` holds already-formatted cells, so all renderers print
the same text; the numbers come from laktasi.stats results.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from laktasi.design.designs import TWO_GROUP
from laktasi.i18n.chapter import say
from laktasi.i18n.numbers import fmt_corr, fmt_int, fmt_number, fmt_p
from laktasi.stats import DescriptivesResult, FrequenciesResult, WilcoxonResult

__all__ = ["ReportTable", "crosstab_tests_table", "descriptives_table", "frequency_table",
           "group_crosstab_table", "is_numeric_cell", "wilcoxon_tables"]


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
    """One table of several characteristics: variable, category, n, percent, and a Total row
    per variable.

    As SPSS's FREQUENCIES prints it: when a variable has empty cells, a "Tidak diketahui
    (missing)" row counts them, the percent column is of all respondents, and a valid-percent
    column (of those with a value) is added to the whole table.
    """
    any_missing = any(res.n_missing for _, res in blocks)
    rows: list[tuple[str, ...]] = []
    for label, res in blocks:
        for i, row in enumerate(res.rows):
            cells = (label if i == 0 else "", str(row.value), fmt_int(row.n),
                     fmt_number(row.percent, 1, lang))
            rows.append(cells + ((fmt_number(row.valid_percent, 1, lang),) if any_missing
                                 else ()))
        if res.n_missing:
            rows.append(("", say("missing", lang), fmt_int(res.n_missing),
                         fmt_number(res.missing_percent, 1, lang), ""))
        total = ("", say("total", lang), fmt_int(res.n), fmt_number(100.0, 1, lang))
        rows.append(total + ((fmt_number(100.0 if res.n_valid else 0.0, 1, lang),)
                             if any_missing else ()))
    header = (say("variable", lang), say("category", lang), say("frequency", lang),
              say("percent", lang)) + ((say("valid_percent", lang),) if any_missing else ())
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
    def corr(v: float) -> str:
        return fmt_corr(v, 2, lang)  # APA (English): no leading zero for r

    ci = f" [{corr(rb.ci.low)}; {corr(rb.ci.high)}]" if rb.ci else ""
    rows.append((say("effect_rb", lang), corr(rb.value) + ci))
    rows.append((say("effect_r", lang, n=res.n), corr(res.effect_sizes[1].value)))
    test = ReportTable(say("test_title", lang) + f" — {variable}", ("", ""), tuple(rows))
    return [ranks, test]


def _c(v: float, lang: str, decimals: int = 2) -> str:
    """A correlation-like number: APA (en) drops the leading zero."""
    return fmt_corr(v, decimals, lang)


def _ci(ci, lang: str, decimals: int = 2, corr: bool = False) -> str:
    if ci is None:
        return "–"
    f = (lambda v: _c(v, lang, decimals)) if corr else (lambda v: fmt_number(v, decimals, lang))
    return f"[{f(ci.low)}; {f(ci.high)}]"


def effect_text(es, lang: str) -> str:
    """'d_z = 0,85 [0,32; 1,36]'-style text of one effect size."""
    from laktasi.i18n.chapter import effect_name

    corr = es.name in {"rank_biserial", "r", "phi", "cramers_v", "partial_eta_squared"}
    value = _c(es.value, lang) if corr else fmt_number(es.value, 2, lang)
    ci = f" {_ci(es.ci, lang, corr=corr)}" if es.ci is not None else ""
    return f"{effect_name(es.name, lang)} = {value}{ci}"


def paired_t_table(variable: str, res, lang: str = "id") -> ReportTable:
    from laktasi.i18n.chapter import w

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
    from laktasi.i18n.chapter import w

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
    from laktasi.i18n.chapter import w

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
    from laktasi.i18n.chapter import w

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


def group_crosstab_table(variable: str, observed, groups: tuple[str, str],
                         levels: tuple[str, str], lang: str = "id", *, time: str | None = None,
                         design: str = "") -> ReportTable:
    """Group x outcome cross-tabulation (tabulasi silang) as Indonesian theses print it:
    a row per group, each outcome level as "n (row %)", a Total column and a Total row.

    ``observed`` is the plan's table: rows the two groups, columns (better level, worse level);
    the table prints the levels in the study's order (worse, better).
    """
    from laktasi.i18n.chapter import w

    def cell(k: float, total: float) -> str:
        return f"{int(k)} ({fmt_number(100 * k / total, 1, lang)}%)" if total else str(int(k))

    rows = []
    col_worse = col_better = 0
    for lab, (better, worse) in zip(groups, observed, strict=True):
        total = better + worse
        col_worse += worse
        col_better += better
        rows.append((lab, cell(worse, total), cell(better, total), cell(total, total)))
    n = col_worse + col_better
    rows.append((w("total", lang), cell(col_worse, n), cell(col_better, n), cell(n, n)))
    key = "group_cross_caption_pre" if time == "pre" else "group_cross_caption"
    if design == TWO_GROUP.name:
        key = "group_cross_caption_posttest"
    return ReportTable(w(key, lang, variable=variable),
                       (w("group", lang), levels[0], levels[1], w("total", lang)), tuple(rows))


def crosstab_tests_table(variable: str, chi, fisher, reading: str | None, lang: str = "id"
                         ) -> ReportTable:
    """SPSS's CROSSTABS "Chi-Square Tests" table: Pearson, Continuity Correction (2 x 2),
    Likelihood Ratio, Fisher's Exact Test, Linear-by-Linear Association, N of Valid Cases;
    the footnotes give the expected counts and the row the chapter reads."""
    from laktasi.i18n.chapter import READING_ROWS, w

    def p(v: float | None) -> str:
        return "" if v is None else fmt_p(v, lang, with_symbol=False)

    rows = [("Pearson Chi-Square", fmt_number(chi.pearson.statistic, 3, lang),
             str(chi.pearson.df), p(chi.pearson.pvalue), "", "")]
    if chi.continuity is not None:
        rows.append(("Continuity Correction", fmt_number(chi.continuity.statistic, 3, lang), "1",
                     p(chi.continuity.pvalue), "", ""))
    rows.append(("Likelihood Ratio", fmt_number(chi.likelihood_ratio.statistic, 3, lang),
                 str(chi.likelihood_ratio.df), p(chi.likelihood_ratio.pvalue), "", ""))
    if fisher is not None:
        rows.append(("Fisher's Exact Test", "", "", "", p(fisher.pvalue),
                     p(fisher.pvalue_one_sided)))
    if chi.linear_by_linear is not None:
        rows.append(("Linear-by-Linear Association",
                     fmt_number(chi.linear_by_linear.statistic, 3, lang),
                     str(chi.linear_by_linear.df), p(chi.linear_by_linear.pvalue), "", ""))
    rows.append(("N of Valid Cases", fmt_int(chi.n), "", "", "", ""))
    foot = [w("expected_note", lang, k=chi.n_expected_below_5,
              pct=fmt_number(100 * chi.n_expected_below_5 / chi.n_cells, 1, lang),
              m=fmt_number(chi.min_expected, 2, lang))]
    if reading is not None:
        foot.append(w("reading_note", lang, row=READING_ROWS[reading]))
    foot.append(effect_text(chi.effect_size, lang))
    header = ("", w("value", lang), "df", "Asymp. Sig. (2-sided)", "Exact Sig. (2-sided)",
              "Exact Sig. (1-sided)")
    if fisher is None:
        header, rows = header[:4], [r[:4] for r in rows]
    return ReportTable(w("chi_title", lang, variable=variable), header, tuple(rows), tuple(foot))


def ancova_tables(variable: str, res, labels: dict[str, str], lang: str = "id"
                  ) -> list[ReportTable]:
    from laktasi.i18n.chapter import w

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
