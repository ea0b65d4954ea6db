"""The results chapter (BAB 4 Hasil Penelitian) built from an Analysis.

``build_chapter(analysis, lang)`` returns a :class:`~laktasi.report.document.Document`:
general data (characteristics), specific data (per outcome: descriptives, the
before/after distribution or the group × outcome cross-table, the test tables in
SPSS's layout, a paragraph for every table, effect sizes), the methods paragraph
(which test and why, which row of a table is read) and the limitations the design
implies.

The plan (:mod:`laktasi.design.plan`) decides: which test, which row is read, the p
read, whether it is significant and in which direction. This module only words
those decisions.

Each test of the registry (:data:`laktasi.design.registry.TESTS`) has its tables
(:data:`TABLES`) and its statistic in a sentence (:data:`STAT_TEXTS`) here, keyed by the
test id; its name in words is the catalogue entry (section ``test``, key = the id) of
:mod:`laktasi.i18n`. A test checks that every registry id has all three and that no other
id appears.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from laktasi import __version__
from laktasi.design.designs import NONEQUIVALENT, TWO_GROUP
from laktasi.design.plan import Analysis, OutcomeAnalysis, Reason, TestStep
from laktasi.i18n import resolve, text_or
from laktasi.i18n.chapter import (
    READING_NAMES,
    magnitude,
    proportion_word,
    test_name,
    w,
    wn,
)
from laktasi.i18n.numbers import fmt_number, fmt_p, fmt_percent

from .document import Block, Document, Figure, Heading, Paragraph, TableBlock
from .tables import (
    ReportTable,
    ancova_tables,
    crosstab_tests_table,
    descriptives_table,
    effect_text,
    frequency_table,
    group_crosstab_table,
    independent_t_table,
    mann_whitney_tables,
    mcnemar_tables,
    paired_t_table,
    wilcoxon_tables,
)

__all__ = ["STAT_TEXTS", "TABLES", "build_chapter"]

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
                  else fmt_number(v, 2, lang)) if isinstance(v, float) else v
              for k, v in r.detail.items()}
    detail = {k: ("–" if v is None else v) for k, v in detail.items()}
    if isinstance(r.detail.get("error"), dict):  # a LaktasiError kept as data (design.plan)
        from laktasi.i18n.errors import error_text

        detail["error"] = error_text(r.detail["error"], lang)
    if "test" in detail:
        detail["test"] = {"shapiro_wilk": "Shapiro-Wilk",
                          "kolmogorov_smirnov_lilliefors": "Kolmogorov-Smirnov (Lilliefors)"
                          }.get(detail["test"], detail["test"])
    if r.code == "expected_below_5_large":
        return wn(f"reason_{r.code}_{'exact' if r.detail.get('exact') else 'pearson'}",
                  r.detail["cells"], lang, **detail)
    if r.code == "expected_below_5_2x2":
        return wn(f"reason_{r.code}", r.detail["cells"], lang, **detail)
    return w(f"reason_{r.code}", lang, **detail)


def _chi_text(step: TestStep, lang: str, p: str) -> str:
    res = step.result
    row = res.continuity if step.reading == "continuity" else res.pearson
    return (f"χ²({row.df}) = {fmt_number(row.statistic, 3, lang)} "
            f"({READING_NAMES[step.reading or 'pearson']}), {p}")


def _mann_whitney_text(step: TestStep, lang: str, p: str) -> str:
    res = step.result
    return f"U = {fmt_number(res.u, 1, lang)}, Z = {fmt_number(res.z, 3, lang)}, {p}"


def _independent_t_text(step: TestStep, lang: str, p: str) -> str:
    res = step.result
    df = fmt_number(res.df, 0 if res.equal_var else 2, lang)
    return f"t({df}) = {fmt_number(res.statistic, 3, lang)}, {p}"


# The statistic and the p the decision reads, in a sentence, by registry test id.
STAT_TEXTS: dict[str, Callable[[TestStep, str, str], str]] = {
    "wilcoxon": lambda s, lang, p: f"Z = {fmt_number(s.result.z, 3, lang)}, {p}",
    "paired-t": lambda s, lang, p: (f"t({s.result.df}) = "
                                    f"{fmt_number(s.result.statistic, 3, lang)}, {p}"),
    "mcnemar": lambda s, lang, p: f"b = {s.result.b}, c = {s.result.c}, {p}",
    "chi-square-paired": _chi_text,
    "mann-whitney": _mann_whitney_text,
    "independent-t": _independent_t_text,
    "chi-square": _chi_text,
    "fisher": lambda s, lang, p: w("fisher_result", lang, p=p),
    "ancova": lambda s, lang, p: (f"F({s.result.df_effect}, {s.result.df_error}) = "
                                  f"{fmt_number(s.result.statistic, 3, lang)}, {p}"),
    "mann-whitney-change": _mann_whitney_text,
}
# Tests whose effect size is that of the chi-square table beside them (phi or Cramér's V).
_EFFECT_OF_TABLE = frozenset({"fisher"})
# The sentence that names the higher group after a significant between-group test.
_HIGHER_KEYS = {"ancova": "between_higher_adjusted", "mann-whitney-change": "between_higher_change",
                "chi-square": "between_higher_binary", "fisher": "between_higher_binary"}


def _stat_text(step: TestStep, lang: str) -> str:
    """The statistic and the p the decision reads, e.g. 'Z = −3,409, p = 0,001'."""
    return STAT_TEXTS[step.test](step, lang, fmt_p(step.pvalue, lang))


def _effect_sentence(step: TestStep, lang: str) -> str | None:
    es = getattr(step.result, "effect_size", None)
    if step.test in _EFFECT_OF_TABLE:  # phi (or Cramér's V) of the table, as it prints
        chi, _ = _tables_of(step)
        es = None if chi is None else chi.effect_size
    if es is None:
        return None
    size = magnitude(es.name, es.value, lang)
    text = effect_text(es, lang)
    return w("effect_sentence", lang, effect=text, size=size) if size else text + "."


def build_chapter(analysis: Analysis, lang: str | None = None, *,
                  figure_maker: FigureMaker | None = None) -> Document:
    """Turn an :class:`~laktasi.design.plan.Analysis` into the results chapter (in ``lang``;
    None: the active language)."""
    lang = resolve(lang)
    study = analysis.study
    num = _Numbering()
    blocks: list[Block] = [Heading(w("chapter", lang), 1)]
    alpha_text = fmt_number(study.alpha, 2, lang)

    # 4.1 general data
    if analysis.characteristics:
        blocks.append(Heading(w("general_data", lang), 2))
        labels = {c.column: c.label[lang] for c in study.characteristics}
        place = w("caption_place", lang, place=study.place) if study.place else ""
        year = w("caption_year", lang, year=study.year) if study.year else ""
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
        missing = [(labels[c], res.n_missing) for c, res in analysis.characteristics
                   if res.n_missing]
        if missing:
            blocks.append(Paragraph(w("missing_note", lang, items="; ".join(
                wn("missing_item", k, lang, variable=_inline(lab)) for lab, k in missing)),
                "note"))
        for warn in analysis.data_warnings:
            blocks.append(Paragraph(_data_warning(warn, labels, lang), "warning"))
    if analysis.baseline and study.group is not None:
        blocks.extend(_baseline_blocks(analysis, lang, num))

    # 4.2 specific data
    blocks.append(Heading(w("specific_data", lang), 2))
    methods: list[str] = [w("software", lang, version=__version__)]
    for oa in analysis.outcomes:
        blocks.extend(_outcome_blocks(analysis, oa, lang, num, alpha_text, methods, figure_maker))

    blocks.append(Heading(w("methods", lang), 2))
    blocks.extend(Paragraph(m) for m in methods)
    blocks.append(Paragraph(w("citation", lang, version=__version__), "note"))
    if analysis.warnings:
        blocks.append(Heading(w("limitations", lang), 2))
        blocks.extend(Paragraph(w(f"warning_{r.code}", lang, intervention=study.intervention_name(
            lang)), "note") for r in analysis.warnings)
    return Document(study.title, lang, tuple(blocks),
                    {"study": study.id, "design": study.design, "n": analysis.n})


def _data_warning(r: Reason, labels: dict[str, str], lang: str) -> str:
    d = r.detail
    values = sorted(set(d["values"]))
    shown = ", ".join(fmt_number(v, 0 if float(v).is_integer() else 1, lang) for v in values[:5])
    lo, hi = d.get("min"), d.get("max")
    if lo is not None and hi is not None:
        span = f"{_fmt_value(lo, lang)}–{_fmt_value(hi, lang)}"
    else:
        span = f"≥ {_fmt_value(lo, lang)}" if lo is not None else f"≤ {_fmt_value(hi, lang)}"
    if len(values) > 5:
        shown += ", …"
    return wn("implausible_note", len(d["values"]), lang,
              variable=_inline(labels.get(d["column"], d["column"])), values=shown, range=span)


_P_MARK = {"fisher": "Fisher", "continuity": "Yates", "pearson": "χ²"}


def _baseline_blocks(analysis: Analysis, lang: str, num: _Numbering) -> list[Block]:
    """Characteristics by group with the chi-square / Fisher test of comparability."""
    study = analysis.study
    groups = study.group.levels
    labels = {c.column: c.label[lang] for c in study.characteristics}
    rows = []
    unequal = []
    marks = []
    for bt in analysis.baseline:
        col, levels, counts, reading = bt.column, bt.levels, bt.counts, bt.reading
        totals = [sum(r) for r in counts]
        for j, level in enumerate(levels):
            cells = [f"{counts[g][j]} ({fmt_percent(100 * counts[g][j] / totals[g], 1, lang)})"
                     if totals[g] else "0" for g in range(len(groups))]
            p_cell = (f"{fmt_p(bt.pvalue, lang, with_symbol=False)} ({_P_MARK[reading]})"
                      if j == 0 else "")
            rows.append((labels[col] if j == 0 else "", str(level), *cells, p_cell))
        rows.append(("", w("total", lang), *(f"{t} ({fmt_percent(100.0, 1, lang)})"
                                              for t in totals), ""))
        if reading not in marks:
            marks.append(reading)
        if bt.significant:
            unequal.append(labels[col])
    number = num.table()
    table = ReportTable(
        w("baseline_caption", lang),
        (w("variable", lang), w("category", lang),
         *(study.group.label(g, lang) for g in groups), "p"), tuple(rows),
        (w("baseline_marks", lang, marks="; ".join(w(f"mark_{m}", lang) for m in marks)),))
    text = (w("baseline_unequal", lang, variables=", ".join(unequal)) if unequal
            else w("baseline_equal", lang, alpha=fmt_number(study.alpha, 2, lang)))
    return [TableBlock(number, table), Paragraph(w("baseline_table_paragraph", lang,
                                                   table=number, verdict=text))]


def _group_label(analysis: Analysis, group: str | None, lang: str) -> str:
    if group is None or analysis.study.group is None:
        return ""
    return analysis.study.group.label(group, lang)


def _descr_paragraph(number: str, var: str, gtext: str, d: dict[str, Any], lang: str) -> str:
    return w("descr_paragraph", lang, table=number, variable=_inline(var), group=gtext,
             mean_pre=fmt_number(d["pre"].mean, 2, lang), sd_pre=fmt_number(d["pre"].sd, 3, lang),
             min_pre=_fmt_value(d["pre"].min, lang), max_pre=_fmt_value(d["pre"].max, lang),
             mean_post=fmt_number(d["post"].mean, 2, lang),
             sd_post=fmt_number(d["post"].sd, 3, lang), min_post=_fmt_value(d["post"].min, lang),
             max_post=_fmt_value(d["post"].max, lang))


def _posttest_descriptives(analysis: Analysis, oa: OutcomeAnalysis, var: str, lang: str,
                           num: _Numbering) -> list[Block]:
    """Two-group posttest design, numeric outcome: one table, a row per group."""
    study = analysis.study
    d = {g: r for g, t, r in oa.descriptives if t == "post"}
    rows = [(study.group.label(g, lang), d[g]) for g in study.group.levels if g in d]
    number = num.table()
    table = descriptives_table(rows, lang, caption=w("post_caption", lang, variable=var))
    table = ReportTable(table.caption, (w("group", lang), *table.header[1:]), table.rows)
    parts = [w("post_part", lang, group=lab, mean=fmt_number(r.mean, 2, lang),
               sd=fmt_number(r.sd, 3, lang), min=_fmt_value(r.min, lang),
               max=_fmt_value(r.max, lang)) for lab, r in rows]
    return [TableBlock(number, table),
            Paragraph(w("post_paragraph", lang, table=number, variable=_inline(var),
                        parts=w("and", lang).join(parts)))]


def _outcome_blocks(analysis: Analysis, oa: OutcomeAnalysis, lang: str, num: _Numbering,
                    alpha_text: str, methods: list[str],
                    figure_maker: FigureMaker | None) -> list[Block]:
    out = oa.outcome
    var = out.label[lang]
    study = analysis.study
    blocks: list[Block] = [Heading(var, 3)]
    groups = [None] if study.group is None else list(study.group.levels)
    levels = out.levels or ("0", "1")
    if out.pre is None and study.group is not None and out.type != "binary":
        blocks.extend(_posttest_descriptives(analysis, oa, var, lang, num))
    for grp in groups if out.pre is not None else ():
        glabel = _group_label(analysis, grp, lang)
        gtext = w("in_group", lang, group=glabel) if glabel else ""
        if out.type == "binary":
            freq = {t: r for g, t, r in oa.descriptives if g == grp}
            rows = []
            for t in ("pre", "post"):
                r = freq[t]
                rows.append((w(t, lang), *(f"{row.n} ({fmt_percent(row.valid_percent, 1, lang)})"
                                           for row in r.rows), str(r.n_valid)))
            number = num.table()
            blocks.append(TableBlock(number, ReportTable(
                w("binary_caption", lang, variable=var, group=gtext),
                ("", *levels, w("total", lang)), tuple(rows))))
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
                [(w(t, lang), d[t]) for t in ("pre", "post")], lang,
                caption=w("descr_caption", lang, variable=var, group=gtext))))
            blocks.append(Paragraph(_descr_paragraph(number, var, gtext, d, lang)))
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
    what = w("baseline_what", lang) if step.comparison == "baseline" else ""
    if step.forced:
        return w("method_forced", lang, variable=var + what, group=gtext,
                 test=test_name(step.test, lang), reason=reasons)
    return w("method_sentence", lang, variable=var + what, group=gtext,
             test=test_name(step.test, lang), reason=reasons)


def _warning_text(code: str, detail: dict, lang: str) -> str:
    named = {k: text_or("test", v, v, lang) if k in {"test", "forced", "chosen"} else v
             for k, v in detail.items()}
    return w(f"warning_{code}", lang, **named)


def _tables_of(step: TestStep) -> tuple[Any, Any]:
    """The chi-square and Fisher results of a contingency step (either may be None)."""
    found = {type(c).__name__: c for c in (step.result, *step.checks)}
    return found.get("ChiSquareResult"), found.get("FisherResult")


@dataclass(frozen=True)
class _StepWords:
    """What a test's tables are titled and labelled with."""

    analysis: Analysis
    var: str
    gtext: str
    lang: str
    levels: tuple[str, ...]
    glabels: tuple[str, ...]
    title: str  # the variable, with "(pretest)" for the baseline comparison
    time: str | None  # "pre" (baseline), "post" (between), None (within)


TableMaker = Callable[[TestStep, _StepWords], tuple[list[ReportTable], bool]]


def _contingency_tables(step: TestStep, c: _StepWords) -> tuple[list[ReportTable], bool]:
    """The group x outcome cross-table (between groups) and SPSS's Chi-Square Tests table;
    True when the first table is the cross-table (its paragraph follows it)."""
    design = c.analysis.study.design
    chi, fisher = _tables_of(step)
    title = c.title
    if design == NONEQUIVALENT.name and c.time == "post":
        title += w("title_post", c.lang)
    tables = []
    if step.comparison in {"baseline", "between"} and chi is not None:
        tables.append(group_crosstab_table(c.var, chi.observed, c.glabels or ("x", "y"),
                                           (c.levels[0], c.levels[1]), c.lang, time=c.time,
                                           design=design))
    tables.append(crosstab_tests_table(title, chi, fisher, step.reading, c.lang))
    return tables, len(tables) > 1


def _ancova_tables(step: TestStep, c: _StepWords) -> tuple[list[ReportTable], bool]:
    group = c.analysis.study.group
    labels = {lv: group.label(lv, c.lang) for lv in group.levels} if group else {}
    return ancova_tables(c.var, step.result, labels, c.lang), False


# The tables of each test in SPSS's layout, by registry test id.
TABLES: dict[str, TableMaker] = {
    "wilcoxon": lambda s, c: (wilcoxon_tables(c.var + c.gtext, s.result, c.lang), False),
    "paired-t": lambda s, c: ([paired_t_table(c.var + c.gtext, s.result, c.lang)], False),
    "mcnemar": lambda s, c: (mcnemar_tables(c.var + c.gtext, s.result,
                                            (c.levels[0], c.levels[1]), c.lang), False),
    "chi-square-paired": _contingency_tables,
    "mann-whitney": lambda s, c: (mann_whitney_tables(c.title, s.result,
                                                      c.glabels or ("x", "y"), c.lang), False),
    "independent-t": lambda s, c: (independent_t_table(c.title, s.result,
                                                       c.glabels or ("x", "y"), c.lang), False),
    "chi-square": _contingency_tables,
    "fisher": _contingency_tables,
    "ancova": _ancova_tables,
    "mann-whitney-change": lambda s, c: (mann_whitney_tables(
        w("change_of", c.lang, variable=c.var), s.result,
        tuple(reversed(c.glabels)) or ("x", "y"), c.lang), False),
}


def _step_blocks(analysis: Analysis, step: TestStep, var: str, gtext: str, lang: str,
                 num: _Numbering, alpha_text: str, levels: tuple[str, ...]) -> list[Block]:
    study = analysis.study
    glabels: tuple[str, ...] = ()
    if study.group is not None:
        glabels = tuple(study.group.label(lv, lang) for lv in study.group.levels)
    time = {"baseline": "pre", "between": "post"}.get(step.comparison)
    title = var  # the pretest comparison says so in its tables' titles
    if step.comparison == "baseline":
        title += w("title_pre", lang)
    tables, crosstab_first = TABLES[step.test](step, _StepWords(analysis, var, gtext, lang,
                                                                levels, glabels, title, time))
    blocks: list[Block] = []
    for i, t in enumerate(tables):
        number = num.table()
        blocks.append(TableBlock(number, t))
        if i == 0 and crosstab_first:
            blocks.append(Paragraph(_crosstab_paragraph(step, number, var, levels, glabels, lang,
                                                        study.design)))
    for warn in step.warnings:
        blocks.append(Paragraph(_warning_text(warn.code, warn.detail, lang), "warning"))
    significant = step.significant
    cmp = "<" if significant else "≥"
    test_name_ = test_name(step.test, lang)
    intervention = study.intervention_name(lang)
    h0 = w("h0_rejected" if significant else "h0_accepted", lang)
    if step.comparison == "within":
        common = {"test": test_name_, "variable": _inline(var), "group": gtext,
                  "stat_text": _stat_text(step, lang), "cmp": cmp, "alpha": alpha_text,
                  "h0": h0}
        if study.group is None:
            meaning = w("meaning_yes" if significant else "meaning_no", lang,
                        intervention=intervention, variable=_inline(var),
                        direction=_direction_text(step, lang, analysis))
        else:
            meaning = _change_meaning(step, _inline(var), gtext, lang, analysis)
        blocks.append(Paragraph(w("test_paragraph", lang, meaning=meaning, **common)))
    elif step.comparison == "baseline":
        blocks.append(Paragraph(w(
            "baseline_paragraph", lang, variable=_inline(var), test=test_name_,
            stat_text=_stat_text(step, lang),
            verdict=w("baseline_diff" if significant else "baseline_ok", lang))))
    else:
        a, b = glabels if glabels else ("x", "y")
        meaning = w("between_yes" if significant else "between_no", lang, a=a, b=b)
        if significant and step.direction is not None and study.group is not None:
            key = _HIGHER_KEYS.get(step.test, "between_higher")
            higher = w(key, lang, higher=study.group.label(step.direction, lang),
                       variable=_inline(var), better=levels[1])
            meaning += " " + higher[0].upper() + higher[1:]
        blocks.append(Paragraph(w(
            "between_paragraph", lang, test=test_name_, variable=_inline(var),
            stat_text=_stat_text(step, lang), cmp=cmp, alpha=alpha_text, h0=h0,
            meaning=meaning)))
        group = study.group
        if group is not None and group.intervention is not None and step.claim is not None:
            better = group.label(group.intervention, lang)
            other = next(group.label(lv, lang) for lv in group.levels if lv != group.intervention)
            key = f"claim_{step.claim}"
            text = w(key, lang, better=better, other=other, variable=_inline(var))
            if key == "claim_not_supported" and study.design != TWO_GROUP.name:
                text += " " + w("claim_within_note", lang)
            blocks.append(Paragraph(text, "body" if key == "claim_supported" else "warning"))
    eff = _effect_sentence(step, lang)
    if eff:
        blocks.append(Paragraph(eff))
    return blocks


def _direction_text(step: TestStep, lang: str, analysis: Analysis) -> str:
    """' (meningkat dari sebelum ke sesudah)' for the direction the plan found, or ''."""
    if step.direction is None:
        return ""
    outcome = next(o.outcome for o in analysis.outcomes if o.outcome.name == step.outcome)
    if outcome.type == "binary":
        better = (outcome.levels or ("0", "1"))[1]
        return w(f"direction_binary_{step.direction}", lang, better=better)
    return w(f"direction_{step.direction}", lang)


def _change_meaning(step: TestStep, var: str, gtext: str, lang: str, analysis: Analysis) -> str:
    """Within one group of a two-group design: a change, never the intervention's effect
    (that is stated only from the between-group test); the group that did not get the
    study's intervention is told apart from the one that did."""
    if not step.significant:
        return w("change_no", lang, variable=var, group=gtext)
    direction = _direction_text(step, lang, analysis)
    text = w("change_yes", lang, variable=var, group=gtext, direction=direction)
    group = analysis.study.group
    if group is not None and group.intervention is not None:
        key = ("change_yes_intervention" if step.group == group.intervention
               else "change_yes_control")
        text += w(key, lang, intervention=analysis.study.intervention_name(lang))
    return text


def _crosstab_paragraph(step: TestStep, number: str, var: str, levels: tuple[str, ...],
                        glabels: tuple[str, ...], lang: str, design: str) -> str:
    """'Berdasarkan tabel 4.3, pada kelompok A 16 dari 20 responden (80,0%) lancar ...'."""
    chi, _ = _tables_of(step)
    parts = []
    for lab, (better, worse) in zip(glabels, chi.observed, strict=True):
        total = int(better + worse)
        pct = fmt_percent(100 * better / total, 1, lang) if total else "–"
        parts.append(w("cross_part", lang, group=lab, n=int(better), total=total, pct=pct,
                       better=levels[1]))
    time = w("cross_time_pre" if step.comparison == "baseline" else "cross_time_post", lang)
    if design == TWO_GROUP.name:
        time = w("cross_time_post", lang)
    return w("cross_paragraph", lang, table=number, time=time, parts=w("and", lang).join(parts))
