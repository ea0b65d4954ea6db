"""The results chapter (BAB 4 Hasil dan Pembahasan) built from an Analysis.

``build_chapter(analysis, lang)`` returns a :class:`~laktasi.report.document.Document`:
general data (characteristics), specific data (per outcome: descriptives or the
before/after distribution, the test tables in SPSS's layout, a paragraph for
every table, effect sizes), the methods paragraph (which test and why) and
the limitations the design implies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from laktasi.design.plan import Analysis, OutcomeAnalysis, Reason, TestStep

from .document import Block, Document, Figure, Heading, Paragraph, TableBlock
from .numbers import check_lang, fmt_number, fmt_p, fmt_percent
from .tables import (
    ReportTable,
    ancova_tables,
    chi_square_table,
    descriptives_table,
    effect_text,
    frequency_table,
    independent_t_table,
    mann_whitney_tables,
    mcnemar_tables,
    paired_t_table,
    wilcoxon_tables,
)
from .words import proportion_word
from .words_chapter import TEST_NAMES, magnitude, w

__all__ = ["build_chapter"]

FigureMaker = Callable[[str, str, dict[str, Any]], Figure | None]


class _Numbering:
    def __init__(self, chapter: int = 4) -> None:
        self.chapter = chapter
        self.tables = 0
        self.figures = 0

    def table(self) -> str:
        self.tables += 1
        return f"{self.chapter}.{self.tables}"

    def figure(self) -> str:
        self.figures += 1
        return f"{self.chapter}.{self.figures}"


def _reason_text(r: Reason, lang: str) -> str:
    detail = {k: (fmt_p(v, lang, with_symbol=False) if k.startswith("p") or k.endswith("_p")
                  else fmt_number(v, 3, lang)) if isinstance(v, float) else v
              for k, v in r.detail.items()}
    detail = {k: ("–" if v is None else v) for k, v in detail.items()}
    if "test" in detail:
        detail["test"] = {"shapiro_wilk": "Shapiro-Wilk",
                          "kolmogorov_smirnov_lilliefors": "Kolmogorov-Smirnov (Lilliefors)"
                          }.get(detail["test"], detail["test"])
    return w(f"reason_{r.code}", lang, **detail)


def _stat_text(step: TestStep, lang: str) -> str:
    res = step.result
    if step.test == "wilcoxon":
        return f"Z = {fmt_number(res.z, 3, lang)}"
    if step.test == "paired-t":
        return f"t({res.df}) = {fmt_number(res.statistic, 3, lang)}"
    if step.test == "mcnemar":
        return f"b = {res.b}, c = {res.c}"
    if step.test in {"mann-whitney", "mann-whitney-change"}:
        return f"U = {fmt_number(res.u, 1, lang)}, Z = {fmt_number(res.z, 3, lang)}"
    if step.test == "independent-t":
        return f"t({fmt_number(res.df, 2, lang)}) = {fmt_number(res.statistic, 3, lang)}"
    if step.test in {"chi-square", "chi-square-paired"}:
        return f"χ²({res.df}) = {fmt_number(res.statistic, 3, lang)}"
    if step.test == "fisher":
        return "Fisher"
    if step.test == "ancova":
        return f"F({res.df_effect}, {res.df_error}) = {fmt_number(res.statistic, 3, lang)}"
    return ""


def _effect_sentence(step: TestStep, lang: str) -> str | None:
    es = getattr(step.result, "effect_size", None)
    if es is None:
        return None
    size = magnitude(es.name, es.value, lang)
    text = effect_text(es, lang)
    return w("effect_sentence", lang, effect=text, size=size) if size else text + "."


def build_chapter(analysis: Analysis, lang: str = "id", *,
                  figure_maker: FigureMaker | None = None) -> Document:
    """Turn an :class:`~laktasi.design.plan.Analysis` into the results chapter."""
    check_lang(lang)
    study = analysis.study
    num = _Numbering()
    blocks: list[Block] = [Heading(w("chapter", lang), 1)]
    alpha_text = fmt_number(study.alpha, 2, lang)

    # 4.1 general data
    if analysis.characteristics:
        blocks.append(Heading(w("general_data", lang), 2))
        labels = {c.column: c.label[lang] for c in study.characteristics}
        place = f" di {study.place}" if lang == "id" and study.place else (
            f" at {study.place}" if study.place else "")
        year = (f" Tahun {study.year}" if lang == "id" else f", {study.year}") if study.year else ""
        number = num.table()
        table = frequency_table([(labels[c], res) for c, res in analysis.characteristics], lang,
                                caption=w("char_caption", lang, place=place, year=year))
        blocks.append(TableBlock(number, table))
        parts = []
        for col, res in analysis.characteristics:
            if not res.rows or not res.n_valid:
                continue
            top = max(res.rows, key=lambda r: r.n)
            parts.append(w("char_part", lang, word=proportion_word(top.valid_percent),
                           variable=_inline(labels[col]), category=top.value, n=top.n,
                           pct=fmt_percent(top.valid_percent, 1, lang)))
        blocks.append(Paragraph(w("char_paragraph", lang, table=number, parts="; ".join(parts))))
    if analysis.baseline and study.group is not None:
        blocks.extend(_baseline_blocks(analysis, lang, num))

    # 4.2 specific data
    blocks.append(Heading(w("specific_data", lang), 2))
    methods: list[str] = []
    for oa in analysis.outcomes:
        blocks.extend(_outcome_blocks(analysis, oa, lang, num, alpha_text, methods, figure_maker))

    blocks.append(Heading(w("methods", lang), 2))
    blocks.extend(Paragraph(m) for m in methods)
    if analysis.warnings:
        blocks.append(Heading(w("limitations", lang), 2))
        blocks.extend(Paragraph(w(f"warning_{r.code}", lang), "note") for r in analysis.warnings)
    return Document(study.title, lang, tuple(blocks),
                    {"study": study.id, "design": study.design, "n": analysis.n})


def _baseline_blocks(analysis: Analysis, lang: str, num: _Numbering) -> list[Block]:
    """Characteristics by group with the chi-square / Fisher test of comparability."""
    study = analysis.study
    groups = study.group.levels
    labels = {c.column: c.label[lang] for c in study.characteristics}
    rows = []
    unequal = []
    for col, levels, counts, test, res in analysis.baseline:
        totals = [sum(r) for r in counts]
        for j, level in enumerate(levels):
            cells = [f"{counts[g][j]} ({fmt_percent(100 * counts[g][j] / totals[g], 1, lang)})"
                     if totals[g] else "0" for g in range(len(groups))]
            p_cell = (f"{fmt_p(res.pvalue, lang, with_symbol=False)} "
                      f"({'Fisher' if test == 'fisher' else 'χ²'})") if j == 0 else ""
            rows.append((labels[col] if j == 0 else "", str(level), *cells, p_cell))
        if res.pvalue < study.alpha:
            unequal.append(labels[col])
    number = num.table()
    table = ReportTable(
        w("baseline_caption", lang),
        (w("variable", lang), w("category", lang),
         *(study.group.label(g, lang) for g in groups), "p"), tuple(rows))
    text = (w("baseline_unequal", lang, variables=", ".join(unequal)) if unequal
            else w("baseline_equal", lang))
    return [TableBlock(number, table), Paragraph(w("baseline_table_paragraph", lang,
                                                   table=number, verdict=text))]


def _group_label(analysis: Analysis, group: str | None, lang: str) -> str:
    if group is None or analysis.study.group is None:
        return ""
    return analysis.study.group.label(group, lang)


def _outcome_blocks(analysis: Analysis, oa: OutcomeAnalysis, lang: str, num: _Numbering,
                    alpha_text: str, methods: list[str],
                    figure_maker: FigureMaker | None) -> list[Block]:
    out = oa.outcome
    var = out.label[lang]
    study = analysis.study
    blocks: list[Block] = [Heading(var, 3)]
    groups = [None] if study.group is None else list(study.group.levels)
    levels = out.levels or ("0", "1")
    for grp in groups:
        glabel = _group_label(analysis, grp, lang)
        gtext = w("in_group", lang, group=glabel) if glabel else ""
        if out.type == "binary":
            freq = {t: r for g, t, r in oa.descriptives if g == grp}
            rows = []
            for t in ("pre", "post"):
                if t in freq:
                    r = freq[t]
                    rows.append((w(t, lang), *(f"{row.n} ({fmt_percent(row.valid_percent, 1, lang)})"
                                               for row in r.rows), str(r.n_valid)))
            if rows:
                number = num.table()
                blocks.append(TableBlock(number, ReportTable(
                    w("binary_caption", lang, variable=var, group=gtext),
                    ("", *levels, w("total", lang)), tuple(rows))))
                if "pre" in freq and "post" in freq:
                    pre_b, post_b = freq["pre"].rows[1], freq["post"].rows[1]
                    blocks.append(Paragraph(w(
                        "binary_paragraph", lang, table=number,
                        word_pre=proportion_word(pre_b.valid_percent), group=gtext,
                        better=levels[1], n_pre=pre_b.n,
                        pct_pre=fmt_percent(pre_b.valid_percent, 1, lang), n_post=post_b.n,
                        pct_post=fmt_percent(post_b.valid_percent, 1, lang))))
        else:
            d = {t: r for g, t, r in oa.descriptives if g == grp}
            number = num.table()
            blocks.append(TableBlock(number, descriptives_table(
                [(w(t, lang), d[t]) for t in ("pre", "post") if t in d], lang,
                caption=w("descr_caption", lang, variable=var, group=gtext))))
            if "pre" in d and "post" in d:
                blocks.append(Paragraph(w(
                    "descr_paragraph", lang, table=number, variable=_inline(var), group=gtext,
                    mean_pre=fmt_number(d["pre"].mean, 2, lang),
                    sd_pre=fmt_number(d["pre"].sd, 3, lang), min_pre=_fmt_value(d["pre"].min, lang),
                    max_pre=_fmt_value(d["pre"].max, lang), mean_post=fmt_number(d["post"].mean, 2, lang),
                    sd_post=fmt_number(d["post"].sd, 3, lang), min_post=_fmt_value(d["post"].min, lang),
                    max_post=_fmt_value(d["post"].max, lang))))
        for step in oa.steps:
            if step.comparison == "within" and step.group == grp:
                blocks.extend(_step_blocks(analysis, step, var, gtext, lang, num, alpha_text,
                                           levels))
                methods.append(_method_sentence(step, var, gtext, lang))
        if figure_maker is not None:
            fig = figure_maker("paired" if out.type != "binary" else "binary", num.figure(),
                               {"outcome": out, "group": grp, "group_text": gtext,
                                "analysis": analysis, "lang": lang})
            if fig is not None:
                blocks.append(fig)
            else:
                num.figures -= 1
    for step in oa.steps:
        if step.comparison in {"baseline", "between"}:
            blocks.extend(_step_blocks(analysis, step, var, "", lang, num, alpha_text, levels))
            methods.append(_method_sentence(step, var, "", lang))
    if figure_maker is not None and study.group is not None and out.type != "binary":
        fig = figure_maker("groups", num.figure(), {"outcome": out, "group": None,
                                                    "group_text": "", "analysis": analysis,
                                                    "lang": lang})
        if fig is not None:
            blocks.append(fig)
        else:
            num.figures -= 1
    return blocks


def _higher_group(step: TestStep, levels: tuple[str, ...]) -> str | None:
    """Which group has the higher outcome according to the between-group result."""
    res = step.result
    first, second = levels
    if step.test == "ancova":
        sign = res.difference  # second - first
    elif step.test == "mann-whitney-change":
        sign = res.effect_size.value  # mann_whitney(second, first)
    elif step.test == "mann-whitney":
        sign = -res.effect_size.value  # mann_whitney(first, second)
    elif step.test == "independent-t":
        sign = -(res.x.mean - res.y.mean)
    elif step.test in {"chi-square", "fisher"}:
        (a, b), (c, d) = (res.observed if step.test == "chi-square" else step.checks[0].observed)
        sign = c / (c + d) - a / (a + b)  # share with the better level: second - first
    else:
        return None
    if sign is None or sign == 0:
        return None
    return second if sign > 0 else first


def _inline(label: str) -> str:
    """A label inside a sentence: 'Frekuensi menyusui' -> 'frekuensi menyusui', 'BAK' stays."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _fmt_value(v: float, lang: str) -> str:
    """A raw data value (min, max): whole numbers without decimals."""
    return fmt_number(v, 0 if float(v).is_integer() else 1, lang)


def _method_sentence(step: TestStep, var: str, gtext: str, lang: str) -> str:
    reasons = "; ".join(_reason_text(r, lang) for r in step.reasons) or "–"
    if step.forced:
        return w("method_forced", lang, variable=var, group=gtext,
                 test=TEST_NAMES[lang][step.test], reason=reasons)
    return w("method_sentence", lang, variable=var, group=gtext,
             test=TEST_NAMES[lang][step.test], reason=reasons)


def _warning_text(code: str, detail: dict, lang: str) -> str:
    named = {k: TEST_NAMES[lang].get(v, v) if k in {"test", "forced", "chosen"} else v
             for k, v in detail.items()}
    return w(f"warning_{code}", lang, **named)


def _step_blocks(analysis: Analysis, step: TestStep, var: str, gtext: str, lang: str,
                 num: _Numbering, alpha_text: str, levels: tuple[str, ...]) -> list[Block]:
    study = analysis.study
    res = step.result
    glabels = ()
    if study.group is not None:
        glabels = tuple(study.group.label(lv, lang) for lv in study.group.levels)
    tables: list[ReportTable] = []
    if step.test == "wilcoxon":
        tables = wilcoxon_tables(var + (f" ({gtext.strip()})" if gtext else ""), res, lang)
    elif step.test == "paired-t":
        tables = [paired_t_table(var, res, lang)]
    elif step.test == "mcnemar":
        tables = mcnemar_tables(var, res, (levels[0], levels[1]), lang)
    elif step.test in {"mann-whitney", "mann-whitney-change"}:
        labs = glabels if step.test == "mann-whitney" else tuple(reversed(glabels))
        if step.comparison == "within":
            labs = (w("pre", lang), w("post", lang))
        tables = mann_whitney_tables(var, res, labs or ("x", "y"), lang)
    elif step.test == "independent-t":
        tables = independent_t_table(var, res, glabels or ("x", "y"), lang)
    elif step.test in {"chi-square", "chi-square-paired"}:
        tables = [chi_square_table(var, res, lang)]
    elif step.test == "fisher":
        tables = []
    elif step.test == "ancova":
        labels = {lv: study.group.label(lv, lang) for lv in study.group.levels}
        tables = ancova_tables(var, res, labels, lang)
    blocks: list[Block] = [TableBlock(num.table(), t) for t in tables]
    for warn in step.warnings:
        blocks.append(Paragraph(_warning_text(warn.code, warn.detail, lang), "warning"))
    significant = res.pvalue < study.alpha
    p_text = fmt_p(res.pvalue, lang)
    cmp = "<" if significant else "≥"
    test_name = TEST_NAMES[lang][step.test]
    if step.comparison == "within":
        blocks.append(Paragraph(w(
            "test_paragraph", lang, test=test_name, variable=_inline(var), group=gtext,
            stat_text=_stat_text(step, lang), p_text=p_text, cmp=cmp, alpha=alpha_text,
            h0=w("h0_rejected" if significant else "h0_accepted", lang),
            meaning=w("meaning_yes" if significant else "meaning_no", lang))))
    elif step.comparison == "baseline":
        blocks.append(Paragraph(w(
            "baseline_paragraph", lang, variable=_inline(var), test=test_name, p_text=p_text,
            verdict=w("baseline_diff" if significant else "baseline_ok", lang))))
    else:
        a, b = glabels if glabels else ("x", "y")
        blocks.append(Paragraph(w(
            "between_paragraph", lang, test=test_name, variable=_inline(var),
            stat_text=_stat_text(step, lang), p_text=p_text, cmp=cmp, alpha=alpha_text,
            meaning=w("between_yes" if significant else "between_no", lang, a=a, b=b))))
        group = study.group
        if group is not None and group.intervention is not None:
            better = group.label(group.intervention, lang)
            other = next(group.label(lv, lang) for lv in group.levels if lv != group.intervention)
            higher = _higher_group(step, group.levels)
            if not significant:
                key = "claim_not_supported"
            elif higher == group.intervention:
                key = "claim_supported"
            else:
                key = "claim_contradicted"
            blocks.append(Paragraph(w(key, lang, better=better, other=other),
                                    "body" if key == "claim_supported" else "warning"))
    eff = _effect_sentence(step, lang)
    if eff and step.test != "fisher":
        blocks.append(Paragraph(eff))
    return blocks
