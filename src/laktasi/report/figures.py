"""Figures of the results chapter, drawn from the study's rows (hook for build_chapter)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from laktasi.design.study import Study
from laktasi.i18n import current_language
from laktasi.i18n.chapter import w

from .document import Figure, plain_text
from .plots import binary_prepost_bar, group_plot, paired_plot

__all__ = ["figure_maker"]


def figure_maker(study: Study, rows: Sequence[Mapping[str, Any]], *, draw_svg: bool = True):
    """A ``FigureMaker`` for :func:`laktasi.report.chapter.build_chapter`.

    With ``draw_svg=False`` each figure is drawn as PNG only (its ``svg`` is ``""``): what
    a Word file or a Markdown page needs, at half the drawing time."""

    def make(kind: str, number: str, ctx: dict[str, Any]) -> Figure | None:
        out, grp = ctx["outcome"], ctx["group"]
        lang = current_language()  # the chapter's: build_chapter made it the active one
        label = out.label[lang]
        if kind == "groups":
            g = study.group
            values = {g.label(lv, lang): [math.nan if r.get(out.post) is None
                                          else float(r[out.post]) for r in rows
                                          if str(r.get(g.column)) == lv] for lv in g.levels}
            png, vector = group_plot(values, ylabel=plain_text(label), svg=draw_svg)
            caption = w("figure_groups", variable=label)
            return Figure(number, caption, png, vector, alt=caption)
        if out.pre is None:
            return None
        sel = [r for r in rows if grp is None or str(r.get(study.group.column)) == grp]
        gtext = ctx["group_text"]
        times = (w("pre"), w("post"))
        if kind == "paired":
            pre = [math.nan if r.get(out.pre) is None else float(r[out.pre]) for r in sel]
            post = [math.nan if r.get(out.post) is None else float(r[out.post]) for r in sel]
            png, vector = paired_plot(pre, post, labels=times, ylabel=plain_text(label),
                                      mean_label=w("mean"), svg=draw_svg)
            caption = w("figure_paired", variable=label, group=gtext)
        else:
            levels = out.levels or ("0", "1")
            pre = [sum(str(r.get(out.pre)) == lv for r in sel) for lv in levels]
            post = [sum(str(r.get(out.post)) == lv for r in sel) for lv in levels]
            png, vector = binary_prepost_bar(pre, post, levels=(levels[0], levels[1]),
                                             labels=times, ylabel=w("axis_n"), svg=draw_svg)
            caption = w("figure_binary", variable=label, group=gtext)
        return Figure(number, caption, png, vector, alt=caption)

    return make
