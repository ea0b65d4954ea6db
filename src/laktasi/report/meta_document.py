"""A meta-analysis as a report :class:`~laktasi.report.document.Document` (id/en): the
studies table with weights, the pooled result and heterogeneity in words, the forest and
funnel plots, leave-one-out, subgroups, small-study tests, the sensitivity to the assumed
pre-post correlation, and every study's formula and assumption. The terminal, md, html,
docx and json outputs of ``laktasi meta`` are all this one document."""

from __future__ import annotations

from laktasi.i18n import resolve
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


def _ci(low: float, high: float, lang: str, decimals: int = 2) -> str:
    return f"{num(low, lang, decimals)}; {num(high, lang, decimals)}"


def meta_plots(res: MetaAnalysis, lang: str) -> tuple[tuple[bytes, str], tuple[bytes, str]]:
    """(forest PNG, SVG) and (funnel PNG, SVG) with the labels in ``lang``."""
    xlabel = scale_label(res.scale, lang)
    labels = [s.label for s in res.studies]
    yi = [s.yi for s in res.studies]
    vi = [s.vi for s in res.studies]
    m = res.model
    forest = forest_plot(labels, yi, vi, m, xlabel=xlabel,
                         pooled_label=f"{meta_say('pooled', lang)} ({m.method})",
                         pi_label=meta_say("pi", lang), study_header=meta_say("study", lang),
                         effect_header=f"{meta_say('effect', lang)} [{meta_say('ci', lang)}]",
                         weight_header=meta_say("weight", lang), lang=lang)
    tf = res.trim_and_fill
    funnel = funnel_plot(yi, vi, m, xlabel=xlabel, ylabel=meta_say("funnel_y", lang),
                         filled_yi=tf.filled_yi if tf else (),
                         filled_vi=tf.filled_vi if tf else (), lang=lang)
    return forest, funnel


def _studies_table(res: MetaAnalysis, lang: str) -> ReportTable:
    m = res.model
    # the design of each study is said in the formulas section (and grouped in the
    # subgroup table): six columns fit the page without wrapping a number
    header = tuple(meta_say(k, lang) for k in ("study", "measure", "effect", "ci", "weight",
                                                 "r"))
    rows = [(s.label, s.measure, num(s.yi, lang), _ci(s.ci.low, s.ci.high, lang),
             num(s.weight, lang, 1), "" if s.r is None else num(s.r, lang))
            for s in res.studies]
    rows.append((meta_say("pooled", lang), "", num(m.estimate, lang),
                 _ci(m.ci.low, m.ci.high, lang), num(100.0, lang, 1), ""))
    notes = [meta_say("measure_note", lang, measures="; ".join(
        f"{code} = {measure_name(code, lang)}"
        for code in dict.fromkeys(s.measure for s in res.studies)))]
    if m.pi is not None:
        notes.append(meta_say("pi_line", lang, lo=num(m.pi.low, lang), hi=num(m.pi.high, lang)))
    return ReportTable(meta_say("studies_caption", lang,
                                model=model_line(m.method, m.test == "knha", m.k, lang)),
                       header, tuple(rows), tuple(notes))


def _interpretation(res: MetaAnalysis, lang: str) -> str:
    m = res.model
    key = "interp_sig" if m.pvalue < 0.05 else "interp_ns"
    text = meta_say(key, lang, k=m.k, est=num(m.estimate, lang),
                    lo=num(m.ci.low, lang), hi=num(m.ci.high, lang), p=p_text(m.pvalue, lang))
    if m.k > 1 and m.i2 >= 75:
        text += " " + meta_say("interp_het_high", lang, i2=num(m.i2, lang, 1))
    elif m.k > 1 and m.i2 >= 50:
        text += " " + meta_say("interp_het_mod", lang, i2=num(m.i2, lang, 1))
    if m.pi is not None and m.pi.low < 0 < m.pi.high:
        text += " " + meta_say("interp_pi_zero", lang)
    return text


def meta_document(res: MetaAnalysis, lang: str | None = None, *, figures: bool = True,
                  plots: tuple[tuple[bytes, str], tuple[bytes, str]] | None = None) -> Document:
    """The whole meta-analysis as one document in ``lang``; ``figures=False`` leaves out the
    plots (the terminal, which cannot show them, and quick JSON); ``plots`` are the
    :func:`meta_plots` already drawn, if any. ``lang`` None: the active language."""
    lang = resolve(lang)
    m = res.model
    title = meta_say("title", lang, model=model_line(m.method, m.test == "knha", m.k, lang))
    blocks: list[Block] = [Heading(title, 1)]
    numbers = iter(range(1, 100))
    figs = iter(range(1, 100))
    blocks.append(TableBlock(str(next(numbers)), _studies_table(res, lang)))
    stat = "t" if m.test == "knha" else "z"
    blocks.append(Paragraph(meta_say("pooled_line", lang, est=num(m.estimate, lang),
                                     lo=num(m.ci.low, lang), hi=num(m.ci.high, lang), stat=stat,
                                     z=num(m.statistic, lang), p=p_text(m.pvalue, lang))))
    h = res.heterogeneity
    blocks.append(Paragraph(meta_say(
        "het_line", lang, q=num(m.q, lang), df=m.q_df, p=p_text(m.q_pvalue, lang),
        tau2=num(m.tau2, lang, 3), t_lo=num(h.tau2.low, lang, 3), t_hi=num(h.tau2.high, lang, 3),
        i2=num(m.i2, lang, 1), i_lo=num(h.i2.low, lang, 1), i_hi=num(h.i2.high, lang, 1),
        h2=num(m.h2, lang))))
    blocks.append(Paragraph(_interpretation(res, lang)))
    forest = funnel = None
    if figures:
        forest, funnel = plots or meta_plots(res, lang)
        blocks.append(Figure(str(next(figs)), meta_say("forest_caption", lang), forest[0],
                             forest[1], alt=meta_say("forest_caption", lang)))
    if res.leave_one_out:
        rows = tuple((s.label, num(r.estimate, lang), _ci(r.ci.low, r.ci.high, lang),
                      num(r.tau2, lang, 3), num(r.i2, lang, 1))
                     for s, r in zip(res.studies, res.leave_one_out, strict=True))
        header = (meta_say("omitted", lang), meta_say("effect", lang), meta_say("ci", lang),
                  "τ²", "I² (%)")
        blocks.append(TableBlock(str(next(numbers)),
                                 ReportTable(meta_say("loo_title", lang), header, rows)))
    if res.subgroups is not None:
        sg = res.subgroups
        rows = tuple((design_name(g, lang), num(r.estimate, lang), _ci(r.ci.low, r.ci.high, lang),
                      str(r.k))
                     for g, r in sg.groups.items())
        header = (meta_say("design", lang), meta_say("effect", lang), meta_say("ci", lang), "k")
        mod = sg.moderator
        line = meta_say("sub_line", lang, q=num(sg.q_between, lang), df=sg.df,
                        p=p_text(sg.pvalue, lang), qm=num(mod.qm, lang) if mod else "–",
                        qm_df=mod.qm_df if mod else "–",
                        qm_p=p_text(mod.qm_pvalue, lang) if mod else "–")
        blocks.append(TableBlock(str(next(numbers)), ReportTable(
            meta_say("sub_title", lang, what=meta_say("design", lang).lower()), header, rows,
            (line,))))
    if res.egger is not None:
        e = res.egger
        blocks.append(Paragraph(meta_say("egger_line", lang, t=num(e.statistic, lang), df=e.df,
                                         p=p_text(e.pvalue, lang))))
        if "egger_k<10" in res.notes:
            blocks.append(Paragraph(meta_say("egger_few", lang), "note"))
    if res.trim_and_fill is not None:
        tf = res.trim_and_fill
        r = tf.result
        blocks.append(Paragraph(meta_say("tf_line", lang, k0=tf.k0,
                                         side=meta_say(f"side_{tf.side}", lang),
                                         est=num(r.estimate, lang), lo=num(r.ci.low, lang),
                                         hi=num(r.ci.high, lang))))
    if funnel is not None:
        blocks.append(Figure(str(next(figs)), meta_say("funnel_caption", lang), funnel[0],
                             funnel[1], alt=meta_say("funnel_caption", lang)))
    if res.correlation is not None:
        c = res.correlation
        rows = tuple((num(rr, lang, 1), num(r.estimate, lang), _ci(r.ci.low, r.ci.high, lang),
                      num(r.tau2, lang, 3), fmt_p(r.pvalue, lang, with_symbol=False))
                     for rr, r in zip(c.r, c.results, strict=True))
        header = ("r", meta_say("effect", lang), meta_say("ci", lang), "τ²", "p")
        blocks.append(TableBlock(str(next(numbers)),
                                 ReportTable(meta_say("r_title", lang), header, rows)))
    blocks.append(Heading(meta_say("assumptions", lang), 2))
    blocks.append(Paragraph(meta_say("symbols", lang), "note"))
    for s in res.studies:
        extra = [measure_name(s.measure, lang)]
        if s.formula:
            extra.append(formula_text(s.formula, lang))
        if s.r is not None:
            extra.append(f"r = {num(s.r, lang)}")
        if s.assumption:
            extra.append(s.assumption)
        if s.corrected:
            extra.append(meta_say("corrected", lang))
        design = f" ({design_name(s.design, lang)})" if s.design else ""
        blocks.append(Paragraph(f"{s.label}{design}: " + "; ".join(extra)))
    return Document(title, lang, tuple(blocks), {"kind": "meta-analysis", "k": m.k,
                                                 "method": m.method, "test": m.test})
