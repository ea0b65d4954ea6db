"""The results chapter (BAB 4 Hasil Penelitian) built from an Analysis.

``build_chapter(analysis)`` returns a :class:`~laktasi.report.document.Document`:
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
from laktasi.i18n import current_language, text_or, use_language
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


def _reason_text(r: Reason) -> str:
    detail = {k: (fmt_p(v, with_symbol=False) if k.startswith("p") or k.endswith("_p")
                  else fmt_number(v, 2)) if isinstance(v, float) else v
              for k, v in r.detail.items()}
    detail = {k: ("–" if v is None else v) for k, v in detail.items()}
    if isinstance(r.detail.get("error"), dict):  # a LaktasiError kept as data (design.plan)
        from laktasi.i18n.errors import error_text

        detail["error"] = error_text(r.detail["error"])
    if "test" in detail:
        detail["test"] = {"shapiro_wilk": "Shapiro-Wilk",
                          "kolmogorov_smirnov_lilliefors": "Kolmogorov-Smirnov (Lilliefors)"
                          }.get(detail["test"], detail["test"])
    if r.code == "expected_below_5_large":
        return wn(f"reason_{r.code}_{'exact' if r.detail.get('exact') else 'pearson'}",
                  r.detail["cells"], **detail)
    if r.code == "expected_below_5_2x2":
        return wn(f"reason_{r.code}", r.detail["cells"], **detail)
    return w(f"reason_{r.code}", **detail)


def _chi_text(step: TestStep, p: str) -> str:
    res = step.result
    row = res.continuity if step.reading == "continuity" else res.pearson
    return (f"χ²({row.df}) = {fmt_number(row.statistic, 3)} "
            f"({READING_NAMES[step.reading or 'pearson']}), {p}")


def _mann_whitney_text(step: TestStep, p: str) -> str:
    res = step.result
    return f"U = {fmt_number(res.u, 1)}, Z = {fmt_number(res.z, 3)}, {p}"


def _independent_t_text(step: TestStep, p: str) -> str:
    res = step.result
    df = fmt_number(res.df, 0 if res.equal_var else 2)
    return f"t({df}) = {fmt_number(res.statistic, 3)}, {p}"


# The statistic and the p the decision reads, in a sentence, by registry test id.
STAT_TEXTS: dict[str, Callable[[TestStep, str, str], str]] = {
    "wilcoxon": lambda s, p: f"Z = {fmt_number(s.result.z, 3)}, {p}",
    "paired-t": lambda s, p: (f"t({s.result.df}) = "
                                    f"{fmt_number(s.result.statistic, 3)}, {p}"),
    "mcnemar": lambda s, p: f"b = {s.result.b}, c = {s.result.c}, {p}",
    "chi-square-paired": _chi_text,
    "mann-whitney": _mann_whitney_text,
    "independent-t": _independent_t_text,
    "chi-square": _chi_text,
    "fisher": lambda s, p: w("fisher_result", p=p),
    "ancova": lambda s, p: (f"F({s.result.df_effect}, {s.result.df_error}) = "
                                  f"{fmt_number(s.result.statistic, 3)}, {p}"),
    "mann-whitney-change": _mann_whitney_text,
}
# Tests whose effect size is that of the chi-square table beside them (phi or Cramér's V).
_EFFECT_OF_TABLE = frozenset({"fisher"})
# The sentence that names the higher group after a significant between-group test.
_HIGHER_KEYS = {"ancova": "between_higher_adjusted", "mann-whitney-change": "between_higher_change",
                "chi-square": "between_higher_binary", "fisher": "between_higher_binary"}


def _stat_text(step: TestStep) -> str:
    """The statistic and the p the decision reads, e.g. 'Z = −3,409, p = 0,001'."""
    return STAT_TEXTS[step.test](step, fmt_p(step.pvalue))


def _effect_sentence(step: TestStep) -> str | None:
    es = getattr(step.result, "effect_size", None)
    if step.test in _EFFECT_OF_TABLE:  # phi (or Cramér's V) of the table, as it prints
        chi, _ = _tables_of(step)
        es = None if chi is None else chi.effect_size
    if es is None:
        return None
    size = magnitude(es.name, es.value)
    text = effect_text(es)
    return w("effect_sentence", effect=text, size=size) if size else text + "."


def build_chapter(analysis: Analysis, lang: str | None = None, *,
                  figure_maker: FigureMaker | None = None) -> Document:
    """Turn an :class:`~laktasi.design.plan.Analysis` into the results chapter (in ``lang``;
    None: the active language). The chapter's helpers read the active language, set here."""
    with use_language(lang):
        return _chapter(analysis, figure_maker)


def _chapter(analysis: Analysis, figure_maker: FigureMaker | None) -> Document:
    study = analysis.study
    num = _Numbering()
    blocks: list[Block] = [Heading(w("chapter"), 1)]
    alpha_text = fmt_number(study.alpha, 2)

    # 4.1 general data
    if analysis.characteristics:
        blocks.append(Heading(w("general_data"), 2))
        labels = {c.column: c.label[current_language()] for c in study.characteristics}
        place = w("caption_place", place=study.place) if study.place else ""
        year = w("caption_year", year=study.year) if study.year else ""
        number = num.table()
        table = frequency_table([(labels[c], res) for c, res in analysis.characteristics],
                                caption=w("char_caption", place=place, year=year))
        blocks.append(TableBlock(number, table))
        parts = []
        for col, res in analysis.characteristics:
            if not res.rows or not res.n_valid:
                continue
            top = max(res.rows, key=lambda r: r.n)
            parts.append(w("char_part", word=proportion_word(top.valid_percent),
                           variable=_inline(labels[col]), category=top.value, n=top.n,
                           pct=fmt_percent(top.valid_percent, 1)))
        blocks.append(Paragraph(w("char_paragraph", table=number, parts="; ".join(parts))))
        missing = [(labels[c], res.n_missing) for c, res in analysis.characteristics
                   if res.n_missing]
        if missing:
            blocks.append(Paragraph(w("missing_note", items="; ".join(
                wn("missing_item", k, variable=_inline(lab)) for lab, k in missing)),
                "note"))
        for warn in analysis.data_warnings:
            blocks.append(Paragraph(_data_warning(warn, labels), "warning"))
    if analysis.baseline and study.group is not None:
        blocks.extend(_baseline_blocks(analysis, num))

    # 4.2 specific data
    blocks.append(Heading(w("specific_data"), 2))
    methods: list[str] = [w("software", version=__version__)]
    for oa in analysis.outcomes:
        blocks.extend(_outcome_blocks(analysis, oa, num, alpha_text, methods, figure_maker))

    blocks.append(Heading(w("methods"), 2))
    blocks.extend(Paragraph(m) for m in methods)
    blocks.append(Paragraph(w("citation", version=__version__), "note"))
    if analysis.warnings:
        blocks.append(Heading(w("limitations"), 2))
        intervention = study.intervention_name(current_language())
        blocks.extend(Paragraph(w(f"warning_{r.code}", intervention=intervention), "note")
                      for r in analysis.warnings)
    return Document(study.title, current_language(), tuple(blocks),
                    {"study": study.id, "design": study.design, "n": analysis.n})


def _data_warning(r: Reason, labels: dict[str, str]) -> str:
    d = r.detail
    values = sorted(set(d["values"]))
    shown = ", ".join(fmt_number(v, 0 if float(v).is_integer() else 1) for v in values[:5])
    lo, hi = d.get("min"), d.get("max")
    if lo is not None and hi is not None:
        span = f"{_fmt_value(lo)}–{_fmt_value(hi)}"
    else:
        span = f"≥ {_fmt_value(lo)}" if lo is not None else f"≤ {_fmt_value(hi)}"
    if len(values) > 5:
        shown += ", …"
    return wn("implausible_note", len(d["values"]),
              variable=_inline(labels.get(d["column"], d["column"])), values=shown, range=span)


_P_MARK = {"fisher": "Fisher", "continuity": "Yates", "pearson": "χ²"}


def _baseline_blocks(analysis: Analysis, num: _Numbering) -> list[Block]:
    """Characteristics by group with the chi-square / Fisher test of comparability."""
    study = analysis.study
    groups = study.group.levels
    labels = {c.column: c.label[current_language()] for c in study.characteristics}
    rows = []
    unequal = []
    marks = []
    for bt in analysis.baseline:
        col, levels, counts, reading = bt.column, bt.levels, bt.counts, bt.reading
        totals = [sum(r) for r in counts]
        for j, level in enumerate(levels):
            cells = [f"{counts[g][j]} ({fmt_percent(100 * counts[g][j] / totals[g], 1)})"
                     if totals[g] else "0" for g in range(len(groups))]
            p_cell = (f"{fmt_p(bt.pvalue, with_symbol=False)} ({_P_MARK[reading]})"
                      if j == 0 else "")
            rows.append((labels[col] if j == 0 else "", str(level), *cells, p_cell))
        rows.append(("", w("total"), *(f"{t} ({fmt_percent(100.0, 1)})"
                                              for t in totals), ""))
        if reading not in marks:
            marks.append(reading)
        if bt.significant:
            unequal.append(labels[col])
    number = num.table()
    table = ReportTable(
        w("baseline_caption"),
        (w("variable"), w("category"),
         *(study.group.label(g, current_language()) for g in groups), "p"), tuple(rows),
        (w("baseline_marks", marks="; ".join(w(f"mark_{m}") for m in marks)),))
    text = (w("baseline_unequal", variables=", ".join(unequal)) if unequal
            else w("baseline_equal", alpha=fmt_number(study.alpha, 2)))
    return [TableBlock(number, table), Paragraph(w("baseline_table_paragraph",
                                                   table=number, verdict=text))]


def _group_label(analysis: Analysis, group: str | None) -> str:
    if group is None or analysis.study.group is None:
        return ""
    return analysis.study.group.label(group, current_language())


def _descr_paragraph(number: str, var: str, gtext: str, d: dict[str, Any]) -> str:
    return w("descr_paragraph", table=number, variable=_inline(var), group=gtext,
             mean_pre=fmt_number(d["pre"].mean, 2), sd_pre=fmt_number(d["pre"].sd, 3),
             min_pre=_fmt_value(d["pre"].min), max_pre=_fmt_value(d["pre"].max),
             mean_post=fmt_number(d["post"].mean, 2),
             sd_post=fmt_number(d["post"].sd, 3), min_post=_fmt_value(d["post"].min),
             max_post=_fmt_value(d["post"].max))


def _posttest_descriptives(analysis: Analysis, oa: OutcomeAnalysis, var: str,
                           num: _Numbering) -> list[Block]:
    """Two-group posttest design, numeric outcome: one table, a row per group."""
    study = analysis.study
    d = {g: r for g, t, r in oa.descriptives if t == "post"}
    rows = [(study.group.label(g, current_language()), d[g]) for g in study.group.levels if g in d]
    number = num.table()
    table = descriptives_table(rows, caption=w("post_caption", variable=var))
    table = ReportTable(table.caption, (w("group"), *table.header[1:]), table.rows)
    parts = [w("post_part", group=lab, mean=fmt_number(r.mean, 2),
               sd=fmt_number(r.sd, 3), min=_fmt_value(r.min),
               max=_fmt_value(r.max)) for lab, r in rows]
    return [TableBlock(number, table),
            Paragraph(w("post_paragraph", table=number, variable=_inline(var),
                        parts=w("and").join(parts)))]


def _outcome_blocks(analysis: Analysis, oa: OutcomeAnalysis, num: _Numbering,
                    alpha_text: str, methods: list[str],
                    figure_maker: FigureMaker | None) -> list[Block]:
    out = oa.outcome
    var = out.label[current_language()]
    study = analysis.study
    blocks: list[Block] = [Heading(var, 3)]
    groups = [None] if study.group is None else list(study.group.levels)
    levels = out.levels or ("0", "1")
    if out.pre is None and study.group is not None and out.type != "binary":
        blocks.extend(_posttest_descriptives(analysis, oa, var, num))
    for grp in groups if out.pre is not None else ():
        glabel = _group_label(analysis, grp)
        gtext = w("in_group", group=glabel) if glabel else ""
        if out.type == "binary":
            freq = {t: r for g, t, r in oa.descriptives if g == grp}
            rows = []
            for t in ("pre", "post"):
                r = freq[t]
                rows.append((w(t), *(f"{row.n} ({fmt_percent(row.valid_percent, 1)})"
                                           for row in r.rows), str(r.n_valid)))
            number = num.table()
            blocks.append(TableBlock(number, ReportTable(
                w("binary_caption", variable=var, group=gtext),
                ("", *levels, w("total")), tuple(rows))))
            pre_b, post_b = freq["pre"].rows[1], freq["post"].rows[1]
            blocks.append(Paragraph(w(
                "binary_paragraph", table=number,
                word_pre=proportion_word(pre_b.valid_percent), group=gtext,
                better=levels[1], n_pre=pre_b.n,
                pct_pre=fmt_percent(pre_b.valid_percent, 1), n_post=post_b.n,
                pct_post=fmt_percent(post_b.valid_percent, 1))))
        else:
            d = {t: r for g, t, r in oa.descriptives if g == grp}
            number = num.table()
            blocks.append(TableBlock(number, descriptives_table(
                [(w(t), d[t]) for t in ("pre", "post")],
                caption=w("descr_caption", variable=var, group=gtext))))
            blocks.append(Paragraph(_descr_paragraph(number, var, gtext, d)))
        for step in oa.steps:
            if step.comparison == "within" and step.group == grp:
                blocks.extend(_step_blocks(analysis, step, var, gtext, num, alpha_text,
                                           levels))
                methods.append(_method_sentence(step, var, gtext))
        if figure_maker is not None:
            fig = figure_maker("paired" if out.type != "binary" else "binary", num.figure(),
                               {"outcome": out, "group": grp, "group_text": gtext,
                                "analysis": analysis})
            if fig is not None:
                blocks.append(fig)
            else:
                num.figures -= 1
    for step in oa.steps:
        if step.comparison in {"baseline", "between"}:
            blocks.extend(_step_blocks(analysis, step, var, "", num, alpha_text, levels))
            methods.append(_method_sentence(step, var, ""))
    if figure_maker is not None and study.group is not None and out.type != "binary":
        fig = figure_maker("groups", num.figure(), {"outcome": out, "group": None,
                                                    "group_text": "", "analysis": analysis})
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


def _fmt_value(v: float) -> str:
    """A raw data value (min, max): whole numbers without decimals."""
    return fmt_number(v, 0 if float(v).is_integer() else 1)


def _method_sentence(step: TestStep, var: str, gtext: str) -> str:
    reasons = "; ".join(_reason_text(r) for r in step.reasons) or "–"
    what = w("baseline_what") if step.comparison == "baseline" else ""
    if step.forced:
        return w("method_forced", variable=var + what, group=gtext,
                 test=test_name(step.test), reason=reasons)
    return w("method_sentence", variable=var + what, group=gtext,
             test=test_name(step.test), reason=reasons)


def _warning_text(code: str, detail: dict) -> str:
    named = {k: text_or("test", v, v) if k in {"test", "forced", "chosen"} else v
             for k, v in detail.items()}
    return w(f"warning_{code}", **named)


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
        title += w("title_post")
    tables = []
    if step.comparison in {"baseline", "between"} and chi is not None:
        tables.append(group_crosstab_table(c.var, chi.observed, c.glabels or ("x", "y"),
                                           (c.levels[0], c.levels[1]), time=c.time,
                                           design=design))
    tables.append(crosstab_tests_table(title, chi, fisher, step.reading))
    return tables, len(tables) > 1


def _ancova_tables(step: TestStep, c: _StepWords) -> tuple[list[ReportTable], bool]:
    group = c.analysis.study.group
    labels = {lv: group.label(lv, current_language()) for lv in group.levels} if group else {}
    return ancova_tables(c.var, step.result, labels), False


# The tables of each test in SPSS's layout, by registry test id.
TABLES: dict[str, TableMaker] = {
    "wilcoxon": lambda s, c: (wilcoxon_tables(c.var + c.gtext, s.result), False),
    "paired-t": lambda s, c: ([paired_t_table(c.var + c.gtext, s.result)], False),
    "mcnemar": lambda s, c: (mcnemar_tables(c.var + c.gtext, s.result,
                                            (c.levels[0], c.levels[1])), False),
    "chi-square-paired": _contingency_tables,
    "mann-whitney": lambda s, c: (mann_whitney_tables(c.title, s.result,
                                                      c.glabels or ("x", "y")), False),
    "independent-t": lambda s, c: (independent_t_table(c.title, s.result,
                                                       c.glabels or ("x", "y")), False),
    "chi-square": _contingency_tables,
    "fisher": _contingency_tables,
    "ancova": _ancova_tables,
    "mann-whitney-change": lambda s, c: (mann_whitney_tables(
        w("change_of", variable=c.var), s.result,
        tuple(reversed(c.glabels)) or ("x", "y")), False),
}


def _step_blocks(analysis: Analysis, step: TestStep, var: str, gtext: str,
                 num: _Numbering, alpha_text: str, levels: tuple[str, ...]) -> list[Block]:
    study = analysis.study
    glabels: tuple[str, ...] = ()
    if study.group is not None:
        glabels = tuple(study.group.label(lv, current_language()) for lv in study.group.levels)
    time = {"baseline": "pre", "between": "post"}.get(step.comparison)
    title = var  # the pretest comparison says so in its tables' titles
    if step.comparison == "baseline":
        title += w("title_pre")
    tables, crosstab_first = TABLES[step.test](step, _StepWords(analysis, var, gtext,
                                                                levels, glabels, title, time))
    blocks: list[Block] = []
    for i, t in enumerate(tables):
        number = num.table()
        blocks.append(TableBlock(number, t))
        if i == 0 and crosstab_first:
            blocks.append(Paragraph(_crosstab_paragraph(step, number, var, levels, glabels,
                                                        study.design)))
    for warn in step.warnings:
        blocks.append(Paragraph(_warning_text(warn.code, warn.detail), "warning"))
    significant = step.significant
    cmp = "<" if significant else "≥"
    test_name_ = test_name(step.test)
    intervention = study.intervention_name(current_language())
    h0 = w("h0_rejected" if significant else "h0_accepted")
    if step.comparison == "within":
        common = {"test": test_name_, "variable": _inline(var), "group": gtext,
                  "stat_text": _stat_text(step), "cmp": cmp, "alpha": alpha_text,
                  "h0": h0}
        if study.group is None:
            meaning = w("meaning_yes" if significant else "meaning_no",
                        intervention=intervention, variable=_inline(var),
                        direction=_direction_text(step, analysis))
        else:
            meaning = _change_meaning(step, _inline(var), gtext, analysis)
        blocks.append(Paragraph(w("test_paragraph", meaning=meaning, **common)))
    elif step.comparison == "baseline":
        blocks.append(Paragraph(w(
            "baseline_paragraph", variable=_inline(var), test=test_name_,
            stat_text=_stat_text(step),
            verdict=w("baseline_diff" if significant else "baseline_ok"))))
    else:
        a, b = glabels if glabels else ("x", "y")
        meaning = w("between_yes" if significant else "between_no", a=a, b=b)
        if significant and step.direction is not None and study.group is not None:
            key = _HIGHER_KEYS.get(step.test, "between_higher")
            higher = w(key, higher=study.group.label(step.direction, current_language()),
                       variable=_inline(var), better=levels[1])
            meaning += " " + higher[0].upper() + higher[1:]
        blocks.append(Paragraph(w(
            "between_paragraph", test=test_name_, variable=_inline(var),
            stat_text=_stat_text(step), cmp=cmp, alpha=alpha_text, h0=h0,
            meaning=meaning)))
        group = study.group
        if group is not None and group.intervention is not None and step.claim is not None:
            better = group.label(group.intervention, current_language())
            other = next(group.label(lv, current_language()) for lv in group.levels
                         if lv != group.intervention)
            key = f"claim_{step.claim}"
            text = w(key, better=better, other=other, variable=_inline(var))
            if key == "claim_not_supported" and study.design != TWO_GROUP.name:
                text += " " + w("claim_within_note")
            blocks.append(Paragraph(text, "body" if key == "claim_supported" else "warning"))
    eff = _effect_sentence(step)
    if eff:
        blocks.append(Paragraph(eff))
    return blocks


def _direction_text(step: TestStep, analysis: Analysis) -> str:
    """' (meningkat dari sebelum ke sesudah)' for the direction the plan found, or ''."""
    if step.direction is None:
        return ""
    outcome = next(o.outcome for o in analysis.outcomes if o.outcome.name == step.outcome)
    if outcome.type == "binary":
        better = (outcome.levels or ("0", "1"))[1]
        return w(f"direction_binary_{step.direction}", better=better)
    return w(f"direction_{step.direction}")


def _change_meaning(step: TestStep, var: str, gtext: str, analysis: Analysis) -> str:
    """Within one group of a two-group design: a change, never the intervention's effect
    (that is stated only from the between-group test); the group that did not get the
    study's intervention is told apart from the one that did."""
    if not step.significant:
        return w("change_no", variable=var, group=gtext)
    direction = _direction_text(step, analysis)
    text = w("change_yes", variable=var, group=gtext, direction=direction)
    group = analysis.study.group
    if group is not None and group.intervention is not None:
        key = ("change_yes_intervention" if step.group == group.intervention
               else "change_yes_control")
        text += w(key, intervention=analysis.study.intervention_name(current_language()))
    return text


def _crosstab_paragraph(step: TestStep, number: str, var: str, levels: tuple[str, ...],
                        glabels: tuple[str, ...], design: str) -> str:
    """'Berdasarkan tabel 4.3, pada kelompok A 16 dari 20 responden (80,0%) lancar ...'."""
    chi, _ = _tables_of(step)
    parts = []
    for lab, (better, worse) in zip(glabels, chi.observed, strict=True):
        total = int(better + worse)
        pct = fmt_percent(100 * better / total, 1) if total else "–"
        parts.append(w("cross_part", group=lab, n=int(better), total=total, pct=pct,
                       better=levels[1]))
    time = w("cross_time_pre" if step.comparison == "baseline" else "cross_time_post")
    if design == TWO_GROUP.name:
        time = w("cross_time_post")
    return w("cross_paragraph", table=number, time=time, parts=w("and").join(parts))
