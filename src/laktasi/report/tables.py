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
    blocks: Sequence[tuple[str, FrequenciesResult]], *, caption: str = ""
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
                     fmt_number(row.percent, 1))
            rows.append(cells + ((fmt_number(row.valid_percent, 1),) if any_missing
                                 else ()))
        if res.n_missing:
            rows.append(("", say("missing"), fmt_int(res.n_missing),
                         fmt_number(res.missing_percent, 1), ""))
        total = ("", say("total"), fmt_int(res.n), fmt_number(100.0, 1))
        rows.append(total + ((fmt_number(100.0 if res.n_valid else 0.0, 1),)
                             if any_missing else ()))
    header = (say("variable"), say("category"), say("frequency"),
              say("percent")) + ((say("valid_percent"),) if any_missing else ())
    return ReportTable(caption or say("characteristics"), header, tuple(rows))


def descriptives_table(
    blocks: Sequence[tuple[str, DescriptivesResult]], *, caption: str = "",
    decimals: int = 2,
) -> ReportTable:
    """N, mean, SD, min, max, median per variable/time point (as the seeds print)."""
    header = tuple(say(k) for k in ("variable", "n", "mean", "sd", "min", "max", "median"))
    rows = tuple(
        (label, fmt_int(d.n), fmt_number(d.mean, decimals),
         fmt_number(d.sd, decimals + 1), fmt_number(d.min, 0 if d.min.is_integer() else 1),
         fmt_number(d.max, 0 if d.max.is_integer() else 1),
         fmt_number(d.median, decimals))
        for label, d in blocks
    )
    return ReportTable(caption, header, rows)


def wilcoxon_tables(variable: str, res: WilcoxonResult) -> list[ReportTable]:
    """SPSS's two Wilcoxon tables (Ranks; Test Statistics) plus effect sizes."""
    def rank_row(key: str, row) -> tuple[str, ...]:
        return (say(key), fmt_int(row.n), fmt_number(row.mean_rank, 2),
                fmt_number(row.sum_ranks, 2))

    ranks = ReportTable(
        say("ranks_title", variable=variable),
        ("", say("n"), say("mean_rank"), say("sum_ranks")),
        (
            rank_row("negative_ranks", res.negative),
            rank_row("positive_ranks", res.positive),
            (say("ties"), fmt_int(res.ties), "", ""),
            (say("total"), fmt_int(res.n), "", ""),
        ),
    )
    rows = [
        (say("z"), fmt_number(res.z, 3)),
        (say("asymp_sig"), fmt_p(res.pvalue_asymptotic, with_symbol=False)),
    ]
    if res.pvalue_exact is not None:
        rows.append((say("exact_sig"), fmt_p(res.pvalue_exact, with_symbol=False)))
    rb = res.effect_sizes[0]
    def corr(v: float) -> str:
        return fmt_corr(v, 2)  # APA (English): no leading zero for r

    ci = f" [{corr(rb.ci.low)}; {corr(rb.ci.high)}]" if rb.ci else ""
    rows.append((say("effect_rb"), corr(rb.value) + ci))
    rows.append((say("effect_r", n=res.n), corr(res.effect_sizes[1].value)))
    test = ReportTable(say("test_title") + f" — {variable}", ("", ""), tuple(rows))
    return [ranks, test]


def _c(v: float, decimals: int = 2) -> str:
    """A correlation-like number: APA (en) drops the leading zero."""
    return fmt_corr(v, decimals)


def _ci(ci, decimals: int = 2, corr: bool = False) -> str:
    if ci is None:
        return "–"
    f = (lambda v: _c(v, decimals)) if corr else (lambda v: fmt_number(v, decimals))
    return f"[{f(ci.low)}; {f(ci.high)}]"


def effect_text(es) -> str:
    """'d_z = 0,85 [0,32; 1,36]'-style text of one effect size."""
    from laktasi.i18n.chapter import effect_name

    corr = es.name in {"rank_biserial", "r", "phi", "cramers_v", "partial_eta_squared"}
    value = _c(es.value) if corr else fmt_number(es.value, 2)
    ci = f" {_ci(es.ci, corr=corr)}" if es.ci is not None else ""
    return f"{effect_name(es.name)} = {value}{ci}"


def paired_t_table(variable: str, res) -> ReportTable:
    from laktasi.i18n.chapter import w

    header = (w("difference"), w("mean"), w("sd"), w("se"),
              w("ci95"), "t", "df", w("sig2"))
    row = (w("post_minus_pre"), fmt_number(res.mean_difference, 2),
           fmt_number(res.sd_difference, 3), fmt_number(res.se_difference, 3),
           _ci(res.ci), fmt_number(res.statistic, 3), str(res.df),
           fmt_p(res.pvalue, with_symbol=False))
    notes = (w("paired_corr", r=_c(res.correlation, 3),
               p=fmt_p(res.correlation_pvalue)),
             "; ".join(effect_text(e) for e in res.effect_sizes))
    return ReportTable(w("paired_t_title", variable=variable), header, (row,), notes)


def mcnemar_tables(variable: str, res, levels: tuple[str, str]
                   ) -> list[ReportTable]:
    from laktasi.i18n.chapter import w

    (a, b), (c, d) = res.table
    n = a + b + c + d

    def cell(k: int) -> str:
        return f"{k} ({fmt_number(100 * k / n, 1)}%)" if n else str(k)

    cross = ReportTable(
        w("crosstab_title", variable=variable),
        (w("pre_post"), f"{w('post')}: {levels[0]}", f"{w('post')}: {levels[1]}",
         w("total")),
        ((f"{w('pre')}: {levels[0]}", cell(a), cell(b), cell(a + b)),
         (f"{w('pre')}: {levels[1]}", cell(c), cell(d), cell(c + d)),
         (w("total"), cell(a + c), cell(b + d), cell(n))),
    )
    rows = [(w("discordant"), f"{res.b} / {res.c}"),
            (w("exact_binomial"), fmt_p(res.pvalue_exact, with_symbol=False))]
    if res.spss_method != "binomial":
        rows.append((w("chi2_corrected"),
                     f"{fmt_number(res.chi2_corrected, 3)}; "
                     f"{fmt_p(res.chi2_corrected_pvalue)}"))
    rows.append((w("effect"), effect_text(res.effect_size)))
    test = ReportTable(w("mcnemar_title", variable=variable), ("", ""), tuple(rows))
    return [cross, test]


def mann_whitney_tables(variable: str, res, labels: tuple[str, str]
                        ) -> list[ReportTable]:
    from laktasi.i18n.chapter import w

    ranks = ReportTable(
        w("mw_ranks_title", variable=variable),
        (w("group"), "N", say("mean_rank"), say("sum_ranks")),
        tuple((lab, str(r.n), fmt_number(r.mean_rank, 2), fmt_number(r.sum_ranks, 2))
              for lab, r in zip(labels, (res.ranks_x, res.ranks_y), strict=True)),
    )
    rows = [("Mann-Whitney U", fmt_number(res.u, 3)),
            ("Wilcoxon W", fmt_number(res.w, 3)),
            ("Z", fmt_number(res.z, 3)),
            (say("asymp_sig"), fmt_p(res.pvalue_asymptotic, with_symbol=False))]
    if res.pvalue_exact is not None:
        rows.append((say("exact_sig"), fmt_p(res.pvalue_exact, with_symbol=False)))
    rows.append((w("effect"), "; ".join(effect_text(e) for e in res.effect_sizes)))
    return [ranks, ReportTable(w("mw_title", variable=variable), ("", ""), tuple(rows))]


def independent_t_table(variable: str, res, labels: tuple[str, str]
                        ) -> list[ReportTable]:
    from laktasi.i18n.chapter import w

    groups = ReportTable(
        w("group_stats_title", variable=variable),
        (w("group"), "N", w("mean"), w("sd"), w("se")),
        tuple((lab, str(g.n), fmt_number(g.mean, 2), fmt_number(g.sd, 3),
               fmt_number(g.se, 3)) for lab, g in zip(labels, (res.x, res.y), strict=True)),
    )
    header = ("", "Levene F", w("sig"), "t", "df", w("sig2"), w("mean_diff"),
              w("ci95"))
    lev = (fmt_number(res.levene_f, 3), fmt_p(res.levene_pvalue, with_symbol=False))
    rows = tuple(
        (w(key), *(lev if key == "equal_var" else ("", "")),
         fmt_number(row.statistic, 3), fmt_number(row.df, 0 if key == "equal_var" else 2),
         fmt_p(row.pvalue, with_symbol=False), fmt_number(row.mean_difference, 2),
         _ci(row.ci))
        for key, row in (("equal_var", res.student), ("unequal_var", res.welch))
    )
    test = ReportTable(w("t_title", variable=variable), header, rows,
                       ("; ".join(effect_text(e) for e in res.effect_sizes),))
    return [groups, test]


def group_crosstab_table(variable: str, observed, groups: tuple[str, str],
                         levels: tuple[str, str], *, time: str | None = None,
                         design: str = "") -> ReportTable:
    """Group x outcome cross-tabulation (tabulasi silang) as Indonesian theses print it:
    a row per group, each outcome level as "n (row %)", a Total column and a Total row.

    ``observed`` is the plan's table: rows the two groups, columns (better level, worse level);
    the table prints the levels in the study's order (worse, better).
    """
    from laktasi.i18n.chapter import w

    def cell(k: float, total: float) -> str:
        return f"{int(k)} ({fmt_number(100 * k / total, 1)}%)" if total else str(int(k))

    rows = []
    col_worse = col_better = 0
    for lab, (better, worse) in zip(groups, observed, strict=True):
        total = better + worse
        col_worse += worse
        col_better += better
        rows.append((lab, cell(worse, total), cell(better, total), cell(total, total)))
    n = col_worse + col_better
    rows.append((w("total"), cell(col_worse, n), cell(col_better, n), cell(n, n)))
    key = "group_cross_caption_pre" if time == "pre" else "group_cross_caption"
    if design == TWO_GROUP.name:
        key = "group_cross_caption_posttest"
    return ReportTable(w(key, variable=variable),
                       (w("group"), levels[0], levels[1], w("total")), tuple(rows))


def crosstab_tests_table(variable: str, chi, fisher, reading: str | None
                         ) -> ReportTable:
    """SPSS's CROSSTABS "Chi-Square Tests" table: Pearson, Continuity Correction (2 x 2),
    Likelihood Ratio, Fisher's Exact Test, Linear-by-Linear Association, N of Valid Cases;
    the footnotes give the expected counts and the row the chapter reads."""
    from laktasi.i18n.chapter import READING_ROWS, w

    def p(v: float | None) -> str:
        return "" if v is None else fmt_p(v, with_symbol=False)

    rows = [("Pearson Chi-Square", fmt_number(chi.pearson.statistic, 3),
             str(chi.pearson.df), p(chi.pearson.pvalue), "", "")]
    if chi.continuity is not None:
        rows.append(("Continuity Correction", fmt_number(chi.continuity.statistic, 3), "1",
                     p(chi.continuity.pvalue), "", ""))
    rows.append(("Likelihood Ratio", fmt_number(chi.likelihood_ratio.statistic, 3),
                 str(chi.likelihood_ratio.df), p(chi.likelihood_ratio.pvalue), "", ""))
    if fisher is not None:
        rows.append(("Fisher's Exact Test", "", "", "", p(fisher.pvalue),
                     p(fisher.pvalue_one_sided)))
    if chi.linear_by_linear is not None:
        rows.append(("Linear-by-Linear Association",
                     fmt_number(chi.linear_by_linear.statistic, 3),
                     str(chi.linear_by_linear.df), p(chi.linear_by_linear.pvalue), "", ""))
    rows.append(("N of Valid Cases", fmt_int(chi.n), "", "", "", ""))
    foot = [w("expected_note", k=chi.n_expected_below_5,
              pct=fmt_number(100 * chi.n_expected_below_5 / chi.n_cells, 1),
              m=fmt_number(chi.min_expected, 2))]
    if reading is not None:
        foot.append(w("reading_note", row=READING_ROWS[reading]))
    foot.append(effect_text(chi.effect_size))
    header = ("", w("value"), "df", "Asymp. Sig. (2-sided)", "Exact Sig. (2-sided)",
              "Exact Sig. (1-sided)")
    if fisher is None:
        header, rows = header[:4], [r[:4] for r in rows]
    return ReportTable(w("chi_title", variable=variable), header, tuple(rows), tuple(foot))


def ancova_tables(variable: str, res, labels: dict[str, str]
                  ) -> list[ReportTable]:
    from laktasi.i18n.chapter import w

    ms_err = res.ss_error / res.df_error
    source = ReportTable(
        w("ancova_title", variable=variable),
        (w("source"), w("ss"), "df", "F", w("sig"), w("partial_eta2")),
        ((w("group"), fmt_number(res.ss_group, 3), str(res.df_effect),
          fmt_number(res.statistic, 3), fmt_p(res.pvalue, with_symbol=False),
          f"{_c(res.effect_size.value, 3)} {_ci(res.effect_size.ci, 3, corr=True)}"),
         (w("covariate_pre"), fmt_number(res.ss_covariate, 3), "1",
          fmt_number(res.covariate_f, 3), fmt_p(res.covariate_pvalue,
                                                      with_symbol=False), ""),
         (w("error"), fmt_number(res.ss_error, 3), str(res.df_error), "", "", "")),
        (w("slopes_note", f=fmt_number(res.slopes_f, 3),
           p=fmt_p(res.slopes_pvalue)), w("ms_error", ms=fmt_number(ms_err, 3))),
    )
    adjusted = ReportTable(
        w("adjusted_title", variable=variable),
        (w("group"), "N", w("mean_pre"), w("mean_post"), w("adj_mean"),
         w("se"), w("ci95")),
        tuple((labels.get(m.label, m.label), str(m.n), fmt_number(m.mean_pre, 2),
               fmt_number(m.mean_post, 2), fmt_number(m.adjusted_mean, 2),
               fmt_number(m.se, 3), _ci(m.ci)) for m in res.adjusted_means),
        (w("adj_diff", d=fmt_number(res.difference, 2),
           ci=_ci(res.difference_ci)),) if res.difference is not None else (),
    )
    return [source, adjusted]
