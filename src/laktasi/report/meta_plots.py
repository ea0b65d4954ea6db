"""Forest and funnel plots of a meta-analysis (matplotlib, Agg backend; reproducible PNG
and SVG), beside the chapter's figures in :mod:`laktasi.report.plots`.

Words come from the caller (:func:`laktasi.report.meta_document.meta_plots`, from
``laktasi.i18n.meta``); numbers printed on the plot follow ``lang`` (decimal comma in
Indonesian).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
from matplotlib import ticker
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from scipy import stats

from laktasi.i18n import in_language
from laktasi.i18n.numbers import fmt_number
from laktasi.meta.models import MetaResult

from .plots import decimal_comma, new_figure, save_figure

__all__ = ["FONT_PT", "PLACED_WIDTH_CM", "forest_plot", "funnel_plot"]

_STUDY = "#4f81bd"
_POOLED = "#b22222"

PLACED_WIDTH_CM = 12.0  # the width a .docx report gives a figure (render_docx's default)
FONT_PT = 8.5  # every text of the forest and funnel plots, at the placed width


def _text_width(fig, renderer, text: str, **kw) -> float:
    """Width of ``text`` in inches at the figure's font size."""
    t = fig.text(0, 0, text, fontsize=FONT_PT, **kw)
    width = t.get_window_extent(renderer).width / fig.dpi
    t.remove()
    return width


@in_language
def forest_plot(labels: Sequence[str], yi: Sequence[float], vi: Sequence[float],
                result: MetaResult, *, xlabel: str, pooled_label: str,
                pi_label: str = "PI", study_header: str = "", effect_header: str = "",
                weight_header: str = "%") -> tuple[bytes, str]:
    """Studies (squares sized by weight, 95 % CI whiskers), the pooled diamond (its CI),
    the prediction interval as a bar under it, the null line at 0 and, right of the axes,
    each effect with its CI and weight. Returns (PNG bytes, SVG text).

    The figure is drawn at the width a .docx report places it (``PLACED_WIDTH_CM``) with
    every text at ``FONT_PT``: the printed text is at least that size (long study labels
    wrap onto two lines instead of shrinking the plot)."""
    y, se = np.asarray(yi, float), np.sqrt(np.asarray(vi, float))
    z = stats.norm.ppf(0.5 + result.ci.level / 2)
    k = len(y)
    lo, hi = y - z * se, y + z * se
    w = np.asarray(result.weights, float)
    has_pi = result.pi is not None
    est, clo, chi = result.estimate, result.ci.low, result.ci.high

    def f(x: float) -> str:
        return fmt_number(x, 2)

    names = [textwrap.fill(str(t), 24) for t in labels]
    effects = [f"{f(a)} [{f(b)}; {f(c)}]" for a, b, c in zip(y, lo, hi, strict=True)]
    pooled_text = f"{f(est)} [{f(clo)}; {f(chi)}]"
    pi_text = f"[{f(result.pi.low)}; {f(result.pi.high)}]" if has_pi else ""
    lines = max(t.count("\n") + 1 for t in names)
    step = 0.2 + 0.13 * (lines - 1)  # inches per study row
    width = PLACED_WIDTH_CM / 2.54
    rows_in = step * k + 0.25 * (2 if has_pi else 1) + 0.2
    fig = Figure(figsize=(width, rows_in + 0.75))
    FigureCanvasAgg(fig)  # no pyplot: the figure is not kept in a global list
    renderer = fig.canvas.get_renderer()
    label_w = max(_text_width(fig, renderer, t, weight=wt) for t, wt in
                  [*((n, "normal") for n in names), (pooled_label, "bold"), (pi_label, "bold"),
                   (study_header, "bold")]) + 0.1
    eff_w = max(_text_width(fig, renderer, t, weight="bold") for t in
                [*effects, pooled_text, pi_text, effect_header]) + 0.1
    wt_w = max(_text_width(fig, renderer, t, weight="bold") for t in
               [weight_header, fmt_number(100.0, 1)]) + 0.05
    left, right = label_w / width, 1 - (eff_w + wt_w + 0.05) / width
    ax = fig.add_axes((left, 0.55 / fig.get_figheight(), right - left,
                       rows_in / fig.get_figheight()))
    rows = np.arange(k, 0, -1) + (1.5 if has_pi else 1.0)
    pooled_row = 1.0 if has_pi else 0.5
    for r, a, b in zip(rows, lo, hi, strict=True):
        ax.plot([a, b], [r, r], color="black", lw=1, solid_capstyle="butt")
    ax.scatter(y, rows, s=12 + 60 * w / w.max(), marker="s", color=_STUDY, zorder=3)
    ax.fill([clo, est, chi, est], [pooled_row, pooled_row + 0.3, pooled_row, pooled_row - 0.3],
            color=_POOLED, zorder=3)
    if has_pi:
        ax.plot([result.pi.low, result.pi.high], [0.2, 0.2], color=_POOLED, lw=2.0)
        for x in (result.pi.low, result.pi.high):
            ax.plot([x, x], [0.05, 0.35], color=_POOLED, lw=1)
    ax.axvline(0, color="grey", lw=0.8)
    ax.axvline(est, color=_POOLED, lw=0.8, ls=":")
    ticks = [*rows, pooled_row] + ([0.2] if has_pi else [])
    ax.set_yticks(ticks, [*names, pooled_label] + ([pi_label] if has_pi else []),
                  fontsize=FONT_PT)
    for tick in ax.get_yticklabels()[k:]:
        tick.set_fontweight("bold")
    x_eff, x_wt = right + 0.05 / width, 1 - 0.05 / width
    text = {"xycoords": ("figure fraction", "data"), "va": "center", "fontsize": FONT_PT}
    for r, e, ww in zip(rows, effects, w, strict=True):
        ax.annotate(e, (x_eff, r), **text)
        ax.annotate(fmt_number(ww, 1), (x_wt, r), ha="right", **text)
    ax.annotate(pooled_text, (x_eff, pooled_row), weight="bold", **text)
    ax.annotate(fmt_number(100.0, 1), (x_wt, pooled_row), ha="right", weight="bold",
                **text)
    if has_pi:
        ax.annotate(pi_text, (x_eff, 0.2), **text)
    top = rows[0] + 0.9
    ax.annotate(effect_header, (x_eff, top), weight="bold", **text)
    ax.annotate(weight_header, (x_wt, top), ha="right", weight="bold", **text)
    if study_header:
        ax.annotate(study_header, (0.01, top), weight="bold", **text)
    ax.set_xlabel(xlabel, fontsize=FONT_PT)
    ax.tick_params(axis="x", labelsize=FONT_PT)
    ax.set_ylim(-0.2, top + 0.4)
    xs = np.concatenate([lo, hi, [0.0, clo, chi]]
                        + ([[result.pi.low, result.pi.high]] if has_pi else []))
    pad = 0.05 * (xs.max() - xs.min() or 1.0)
    ax.set_xlim(xs.min() - pad, xs.max() + pad)
    ax.xaxis.set_major_locator(ticker.MaxNLocator(5))
    decimal_comma(ax)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return save_figure(fig)


@in_language
def funnel_plot(yi: Sequence[float], vi: Sequence[float], result: MetaResult, *,
                xlabel: str, ylabel: str = "SE", filled_yi: Sequence[float] = (),
                filled_vi: Sequence[float] = ()) -> tuple[bytes, str]:
    """Effects against their SE (inverted axis) with the pseudo 95 % confidence funnel
    around the pooled estimate; studies imputed by trim-and-fill as open circles. Drawn
    narrower than the placed width with texts at ``FONT_PT``, so that they print at least
    that size."""
    y, se = np.asarray(yi, float), np.sqrt(np.asarray(vi, float))
    fse = np.sqrt(np.asarray(filled_vi, float))
    fig, ax = new_figure(figsize=(0.85 * PLACED_WIDTH_CM / 2.54, 3.6))
    top = max(se.max(), fse.max() if fse.size else 0.0) * 1.1
    s = np.linspace(0, top, 50)
    z = stats.norm.ppf(0.975)
    ax.fill_betweenx(s, result.estimate - z * s, result.estimate + z * s, color="#eeeeee")
    ax.plot(result.estimate - z * s, s, color="grey", lw=0.8)
    ax.plot(result.estimate + z * s, s, color="grey", lw=0.8)
    ax.axvline(result.estimate, color=_POOLED, lw=1)
    ax.scatter(y, se, color=_STUDY, zorder=3)
    if fse.size:
        ax.scatter(np.asarray(filled_yi, float), fse, facecolors="white", edgecolors=_STUDY,
                   zorder=3)
    ax.set_ylim(top, 0)
    ax.set_xlabel(xlabel, fontsize=FONT_PT)
    ax.set_ylabel(ylabel, fontsize=FONT_PT)
    ax.tick_params(labelsize=FONT_PT)
    decimal_comma(ax)
    ax.spines[["top", "right"]].set_visible(False)
    return save_figure(fig)
