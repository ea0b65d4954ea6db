"""A meta-analysis as a report :class:`~laktasi.report.document.Document` (id/en): the
studies table with weights, the pooled result and heterogeneity in words, the forest and
funnel plots, leave-one-out, subgroups, small-study tests, the sensitivity to the assumed
pre-post correlation, and every study's formula and assumption. The terminal, md, html,
docx and json outputs of ``laktasi meta`` are all this one document."""

from __future__ import annotations

from laktasi.i18n import current_language, use_language
from laktasi.i18n.meta import (
    design_name,
    formula_text,
    measure_name,
    meta_say,
    model_line,
    num,
    p_text,
    scale_label,
)
from laktasi.i18n.numbers import fmt_p
from laktasi.meta.analysis import MetaAnalysis

from .document import Block, Document, Figure, Heading, Paragraph, TableBlock
from .meta_plots import forest_plot, funnel_plot
from .tables import ReportTable

__all__ = ["meta_document", "meta_plots"]


def _ci(low: float, high: float, decimals: int = 2) -> str:
    return f"{num(low, decimals=decimals)}; {num(high, decimals=decimals)}"


def meta_plots(res: MetaAnalysis, lang: str | None = None
               ) -> tuple[tuple[bytes, str], tuple[bytes, str]]:
    """(forest PNG, SVG) and (funnel PNG, SVG) with the labels in ``lang`` (None: the
    active language)."""
    with use_language(lang):
        return _plots(res)


def _plots(res: MetaAnalysis) -> tuple[tuple[bytes, str], tuple[bytes, str]]:
    xlabel = scale_label(res.scale)
    labels = [s.label for s in res.studies]
    yi = [s.yi for s in res.studies]
    vi = [s.vi for s in res.studies]
    m = res.model
    forest = forest_plot(labels, yi, vi, m, xlabel=xlabel,
                         pooled_label=f"{meta_say('pooled')} ({m.method})",
                         pi_label=meta_say("pi"), study_header=meta_say("study"),
                         effect_header=f"{meta_say('effect')} [{meta_say('ci')}]",
                         weight_header=meta_say("weight"))
    tf = res.trim_and_fill
    funnel = funnel_plot(yi, vi, m, xlabel=xlabel, ylabel=meta_say("funnel_y"),
                         filled_yi=tf.filled_yi if tf else (),
                         filled_vi=tf.filled_vi if tf else ())
    return forest, funnel


def _studies_table(res: MetaAnalysis) -> ReportTable:
    m = res.model
    # the design of each study is said in the formulas section (and grouped in the
    # subgroup table): six columns fit the page without wrapping a number
    header = tuple(meta_say(k) for k in ("study", "measure", "effect", "ci", "weight",
                                                 "r"))
    rows = [(s.label, s.measure, num(s.yi), _ci(s.ci.low, s.ci.high),
             num(s.weight, decimals=1), "" if s.r is None else num(s.r))
            for s in res.studies]
    rows.append((meta_say("pooled"), "", num(m.estimate),
                 _ci(m.ci.low, m.ci.high), num(100.0, decimals=1), ""))
    notes = [meta_say("measure_note", measures="; ".join(
        f"{code} = {measure_name(code)}"
        for code in dict.fromkeys(s.measure for s in res.studies)))]
    if m.pi is not None:
        notes.append(meta_say("pi_line", lo=num(m.pi.low), hi=num(m.pi.high)))
    return ReportTable(meta_say("studies_caption",
                                model=model_line(m.method, m.test == "knha", m.k)),
                       header, tuple(rows), tuple(notes))


def _interpretation(res: MetaAnalysis) -> str:
    m = res.model
    key = "interp_sig" if m.pvalue < 0.05 else "interp_ns"
    text = meta_say(key, k=m.k, est=num(m.estimate),
                    lo=num(m.ci.low), hi=num(m.ci.high), p=p_text(m.pvalue))
    if m.k > 1 and m.i2 >= 75:
        text += " " + meta_say("interp_het_high", i2=num(m.i2, decimals=1))
    elif m.k > 1 and m.i2 >= 50:
        text += " " + meta_say("interp_het_mod", i2=num(m.i2, decimals=1))
    if m.pi is not None and m.pi.low < 0 < m.pi.high:
        text += " " + meta_say("interp_pi_zero")
    return text


def meta_document(res: MetaAnalysis, lang: str | None = None, *, figures: bool = True,
                  plots: tuple[tuple[bytes, str], tuple[bytes, str]] | None = None) -> Document:
    """The whole meta-analysis as one document in ``lang``; ``figures=False`` leaves out the
    plots (the terminal, which cannot show them, and quick JSON); ``plots`` are the
    :func:`meta_plots` already drawn, if any. ``lang`` None: the active language."""
    with use_language(lang):
        return _document(res, figures, plots)


def _document(res: MetaAnalysis, figures: bool,
              plots: tuple[tuple[bytes, str], tuple[bytes, str]] | None) -> Document:
    m = res.model
    title = meta_say("title", model=model_line(m.method, m.test == "knha", m.k))
    blocks: list[Block] = [Heading(title, 1)]
    numbers = iter(range(1, 100))
    figs = iter(range(1, 100))
    blocks.append(TableBlock(str(next(numbers)), _studies_table(res)))
    stat = "t" if m.test == "knha" else "z"
    blocks.append(Paragraph(meta_say("pooled_line", est=num(m.estimate),
                                     lo=num(m.ci.low), hi=num(m.ci.high), stat=stat,
                                     z=num(m.statistic), p=p_text(m.pvalue))))
    h = res.heterogeneity
    blocks.append(Paragraph(meta_say(
        "het_line", q=num(m.q), df=m.q_df, p=p_text(m.q_pvalue),
        tau2=num(m.tau2, decimals=3), t_lo=num(h.tau2.low, decimals=3), t_hi=num(h.tau2.high, decimals=3),
        i2=num(m.i2, decimals=1), i_lo=num(h.i2.low, decimals=1), i_hi=num(h.i2.high, decimals=1),
        h2=num(m.h2))))
    blocks.append(Paragraph(_interpretation(res)))
    forest = funnel = None
    if figures:
        forest, funnel = plots or _plots(res)
        blocks.append(Figure(str(next(figs)), meta_say("forest_caption"), forest[0],
                             forest[1], alt=meta_say("forest_caption")))
    if res.leave_one_out:
        rows = tuple((s.label, num(r.estimate), _ci(r.ci.low, r.ci.high),
                      num(r.tau2, decimals=3), num(r.i2, decimals=1))
                     for s, r in zip(res.studies, res.leave_one_out, strict=True))
        header = (meta_say("omitted"), meta_say("effect"), meta_say("ci"),
                  "τ²", "I² (%)")
        blocks.append(TableBlock(str(next(numbers)),
                                 ReportTable(meta_say("loo_title"), header, rows)))
    if res.subgroups is not None:
        sg = res.subgroups
        rows = tuple((design_name(g), num(r.estimate), _ci(r.ci.low, r.ci.high),
                      str(r.k))
                     for g, r in sg.groups.items())
        header = (meta_say("design"), meta_say("effect"), meta_say("ci"), "k")
        mod = sg.moderator
        line = meta_say("sub_line", q=num(sg.q_between), df=sg.df,
                        p=p_text(sg.pvalue), qm=num(mod.qm) if mod else "–",
                        qm_df=mod.qm_df if mod else "–",
                        qm_p=p_text(mod.qm_pvalue) if mod else "–")
        blocks.append(TableBlock(str(next(numbers)), ReportTable(
            meta_say("sub_title", what=meta_say("design").lower()), header, rows,
            (line,))))
    if res.egger is not None:
        e = res.egger
        blocks.append(Paragraph(meta_say("egger_line", t=num(e.statistic), df=e.df,
                                         p=p_text(e.pvalue))))
        if "egger_k<10" in res.notes:
            blocks.append(Paragraph(meta_say("egger_few"), "note"))
    if res.trim_and_fill is not None:
        tf = res.trim_and_fill
        r = tf.result
        blocks.append(Paragraph(meta_say("tf_line", k0=tf.k0,
                                         side=meta_say(f"side_{tf.side}"),
                                         est=num(r.estimate), lo=num(r.ci.low),
                                         hi=num(r.ci.high))))
    if funnel is not None:
        blocks.append(Figure(str(next(figs)), meta_say("funnel_caption"), funnel[0],
                             funnel[1], alt=meta_say("funnel_caption")))
    if res.correlation is not None:
        c = res.correlation
        rows = tuple((num(rr, decimals=1), num(r.estimate), _ci(r.ci.low, r.ci.high),
                      num(r.tau2, decimals=3), fmt_p(r.pvalue, with_symbol=False))
                     for rr, r in zip(c.r, c.results, strict=True))
        header = ("r", meta_say("effect"), meta_say("ci"), "τ²", "p")
        blocks.append(TableBlock(str(next(numbers)),
                                 ReportTable(meta_say("r_title"), header, rows)))
    blocks.append(Heading(meta_say("assumptions"), 2))
    blocks.append(Paragraph(meta_say("symbols"), "note"))
    for s in res.studies:
        extra = [measure_name(s.measure)]
        if s.formula:
            extra.append(formula_text(s.formula))
        if s.r is not None:
            extra.append(f"r = {num(s.r)}")
        if s.assumption:
            extra.append(s.assumption)
        if s.corrected:
            extra.append(meta_say("corrected"))
        design = f" ({design_name(s.design)})" if s.design else ""
        blocks.append(Paragraph(f"{s.label}{design}: " + "; ".join(extra)))
    return Document(title, current_language(), tuple(blocks),
                    {"kind": "meta-analysis", "k": m.k, "method": m.method, "test": m.test})
