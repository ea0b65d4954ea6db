"""Forest and funnel plots (matplotlib, Agg)."""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

from laktasi.report.plots import save_figure  # also selects the Agg backend and fonts

from .models import MetaResult

__all__ = ["forest_plot", "funnel_plot"]


def forest_plot(labels: Sequence[str], yi: Sequence[float], vi: Sequence[float],
                result: MetaResult, *, xlabel: str, pooled_label: str,
                pi_label: str = "PI") -> tuple[bytes, str]:
    """Studies (square sized by weight, 95 % CI), pooled diamond, prediction interval."""
    y, se = np.asarray(yi, float), np.sqrt(np.asarray(vi, float))
    z = stats.norm.ppf(0.975)
    k = len(y)
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * k + 1.8))
    rows = np.arange(k, 0, -1) + 1
    w = np.asarray(result.weights)
    for r, yy, s, ww in zip(rows, y, se, w, strict=True):
        ax.plot([yy - z * s, yy + z * s], [r, r], color="black", lw=1)
        ax.plot(yy, r, "s", color="#4f81bd", ms=4 + 10 * np.sqrt(ww / w.max()))
    est, lo, hi = result.estimate, result.ci.low, result.ci.high
    ax.fill([lo, est, hi, est], [0.5, 0.8, 0.5, 0.2], color="#b22222")
    if result.pi is not None:
        ax.plot([result.pi.low, result.pi.high], [0.5, 0.5], color="#b22222", lw=1, ls="--",
                label=pi_label)
        ax.legend(frameon=False, loc="lower right")
    ax.axvline(0, color="grey", lw=0.8)
    ax.set_yticks([*rows, 0.5], [*labels, pooled_label])
    for r, yy, s, ww in zip(rows, y, se, w, strict=True):
        ax.annotate(f"{yy:.2f} [{yy - z * s:.2f}; {yy + z * s:.2f}]  {ww:.1f}%",
                    (1.02, r), xycoords=("axes fraction", "data"), va="center", fontsize=8)
    ax.annotate(f"{est:.2f} [{lo:.2f}; {hi:.2f}]", (1.02, 0.5),
                xycoords=("axes fraction", "data"), va="center", fontsize=8, weight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylim(-0.2, k + 1.7)
    ax.spines[["top", "right", "left"]].set_visible(False)
    return save_figure(fig)


def funnel_plot(yi: Sequence[float], vi: Sequence[float], result: MetaResult, *,
                xlabel: str, ylabel: str = "SE") -> tuple[bytes, str]:
    y, se = np.asarray(yi, float), np.sqrt(np.asarray(vi, float))
    fig, ax = plt.subplots(figsize=(4.8, 4.2))
    top = se.max() * 1.1
    s = np.linspace(0, top, 50)
    z = stats.norm.ppf(0.975)
    ax.plot(result.estimate - z * s, s, color="grey", lw=0.8)
    ax.plot(result.estimate + z * s, s, color="grey", lw=0.8)
    ax.axvline(result.estimate, color="#b22222", lw=1)
    ax.scatter(y, se, color="#4f81bd", zorder=3)
    ax.set_ylim(top, 0)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return save_figure(fig)
