"""Forest and funnel plots (matplotlib, Agg backend; reproducible PNG and SVG).

Words come from the caller (``report.words_meta``); numbers printed on the plot follow
``lang`` (decimal comma in Indonesian).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

from laktasi.report.numbers import fmt_number
from laktasi.report.plots import save_figure  # also selects the Agg backend and fonts

from .models import MetaResult

__all__ = ["forest_plot", "funnel_plot"]

_STUDY = "#4f81bd"
_POOLED = "#b22222"


def forest_plot(labels: Sequence[str], yi: Sequence[float], vi: Sequence[float],
                result: MetaResult, *, xlabel: str, pooled_label: str,
                pi_label: str = "PI", study_header: str = "", effect_header: str = "",
                weight_header: str = "%", lang: str = "en") -> tuple[bytes, str]:
    """Studies (squares sized by weight, 95 % CI whiskers), the pooled diamond (its CI),
    the prediction interval as a bar under it, the null line at 0 and, right of the axes,
    each effect with its CI and weight. Returns (PNG bytes, SVG text)."""
    y, se = np.asarray(yi, float), np.sqrt(np.asarray(vi, float))
    z = stats.norm.ppf(0.5 + result.ci.level / 2)
    k = len(y)
    lo, hi = y - z * se, y + z * se
    w = np.asarray(result.weights, float)
    has_pi = result.pi is not None
    rows = np.arange(k, 0, -1) + (1.5 if has_pi else 1.0)
    pooled_row = 1.0 if has_pi else 0.5
    fig, ax = plt.subplots(figsize=(8.6, 0.42 * k + 2.0))
    for r, a, b in zip(rows, lo, hi, strict=True):
        ax.plot([a, b], [r, r], color="black", lw=1, solid_capstyle="butt")
    sizes = 30 + 170 * w / w.max()
    ax.scatter(y, rows, s=sizes, marker="s", color=_STUDY, zorder=3)
    est, clo, chi = result.estimate, result.ci.low, result.ci.high
    ax.fill([clo, est, chi, est], [pooled_row, pooled_row + 0.3, pooled_row, pooled_row - 0.3],
            color=_POOLED, zorder=3)
    if has_pi:
        ax.plot([result.pi.low, result.pi.high], [0.2, 0.2], color=_POOLED, lw=2.2)
        for x in (result.pi.low, result.pi.high):
            ax.plot([x, x], [0.05, 0.35], color=_POOLED, lw=1)
    ax.axvline(0, color="grey", lw=0.8)
    ax.axvline(est, color=_POOLED, lw=0.8, ls=":")
    ticks = [*rows, pooled_row] + ([0.2] if has_pi else [])
    names = [*labels, pooled_label] + ([pi_label] if has_pi else [])
    ax.set_yticks(ticks, names)
    for tick in ax.get_yticklabels()[k:]:
        tick.set_fontweight("bold")

    def f(x: float) -> str:
        return fmt_number(x, 2, lang)

    text = {"xycoords": ("axes fraction", "data"), "va": "center", "fontsize": 9}
    for r, yy, a, b, ww in zip(rows, y, lo, hi, w, strict=True):
        ax.annotate(f"{f(yy)} [{f(a)}; {f(b)}]", (1.03, r), **text)
        ax.annotate(fmt_number(ww, 1, lang), (1.40, r), ha="right", **text)
    ax.annotate(f"{f(est)} [{f(clo)}; {f(chi)}]", (1.03, pooled_row), weight="bold", **text)
    ax.annotate(fmt_number(100.0, 1, lang), (1.40, pooled_row), ha="right", weight="bold",
                **text)
    if has_pi:
        ax.annotate(f"[{f(result.pi.low)}; {f(result.pi.high)}]", (1.03, 0.2), **text)
    top = rows[0] + 1.0
    ax.annotate(effect_header, (1.03, top), weight="bold", **text)
    ax.annotate(weight_header, (1.40, top), ha="right", weight="bold", **text)
    if study_header:
        ax.annotate(study_header, (0.0, top), xycoords=("figure fraction", "data"),
                    va="center", fontsize=9, weight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylim(-0.2, top + 0.6)
    xs = np.concatenate([lo, hi, [0.0, clo, chi]]
                        + ([[result.pi.low, result.pi.high]] if has_pi else []))
    pad = 0.05 * (xs.max() - xs.min() or 1.0)
    ax.set_xlim(xs.min() - pad, xs.max() + pad)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    return save_figure(fig)


def funnel_plot(yi: Sequence[float], vi: Sequence[float], result: MetaResult, *,
                xlabel: str, ylabel: str = "SE", filled_yi: Sequence[float] = (),
                filled_vi: Sequence[float] = ()) -> tuple[bytes, str]:
    """Effects against their SE (inverted axis) with the pseudo 95 % confidence funnel
    around the pooled estimate; studies imputed by trim-and-fill as open circles."""
    y, se = np.asarray(yi, float), np.sqrt(np.asarray(vi, float))
    fse = np.sqrt(np.asarray(filled_vi, float))
    fig, ax = plt.subplots(figsize=(5.2, 4.4))
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
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return save_figure(fig)
