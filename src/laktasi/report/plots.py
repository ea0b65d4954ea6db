"""Figures for the results chapter (matplotlib, Agg backend, deterministic).

Each function returns (png bytes, svg text); titles and axis labels come from the
caller, so all words stay in the words modules.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from .numbers import fmt_percent

__all__ = ["binary_prepost_bar", "group_plot", "paired_plot", "save_figure"]

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 10, "svg.hashsalt": "laktasi",
                     "figure.dpi": 100})


def save_figure(fig) -> tuple[bytes, str]:
    """PNG (150 dpi) and SVG of a figure, without timestamps (reproducible files)."""
    png, svg = io.BytesIO(), io.StringIO()
    fig.savefig(png, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(svg, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return png.getvalue(), svg.getvalue()


def paired_plot(pre: Sequence[float], post: Sequence[float], *, labels: tuple[str, str],
                ylabel: str, mean_label: str = "Mean") -> tuple[bytes, str]:
    """One line per mother from pre to post; tied values spread sideways; means in bold."""
    a, b = np.asarray(pre, float), np.asarray(post, float)
    keep = ~(np.isnan(a) | np.isnan(b))
    a, b = a[keep], b[keep]
    fig, ax = plt.subplots(figsize=(4.2, 4.2))
    offsets = np.zeros(a.size)
    seen: dict[tuple[float, float], int] = {}
    for i, key in enumerate(zip(a, b, strict=True)):
        k = seen.get(key, 0)
        seen[key] = k + 1
        offsets[i] = (k % 7 - 3) * 0.025
    for x0, x1, off in zip(a, b, offsets, strict=True):
        ax.plot([0 + off, 1 + off], [x0, x1], color="#7a9cc6", alpha=0.7, lw=1, marker="o",
                ms=3)
    ax.plot([0, 1], [a.mean(), b.mean()], color="#b22222", lw=2.5, marker="D", ms=6,
            label=mean_label)
    ax.set_xticks([0, 1], labels)
    ax.set_xlim(-0.4, 1.4)
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    return save_figure(fig)


def binary_prepost_bar(counts_pre: Sequence[int], counts_post: Sequence[int], *,
                       levels: tuple[str, str], labels: tuple[str, str], ylabel: str,
                       lang: str = "id") -> tuple[bytes, str]:
    """Grouped bars of a two-level outcome before and after, labelled n (%)."""
    fig, ax = plt.subplots(figsize=(4.8, 3.8))
    width = 0.38
    colours = ("#c9c9c9", "#4f81bd")
    for j, level in enumerate(levels):
        vals = [counts_pre[j], counts_post[j]]
        xs = np.arange(2) + (j - 0.5) * width
        bars = ax.bar(xs, vals, width, label=level, color=colours[j])
        for bar, v, tot in zip(bars, vals, (sum(counts_pre), sum(counts_post)), strict=True):
            pct = 100 * v / tot if tot else 0
            ax.annotate(f"{v} ({fmt_percent(pct, 1, lang)})", (bar.get_x() + bar.get_width() / 2, v),
                        ha="center", va="bottom", fontsize=8)
    ax.set_xticks(np.arange(2), labels)
    ax.set_ylabel(ylabel)
    ax.legend(frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return save_figure(fig)


def group_plot(groups: dict[str, Sequence[float]], *, ylabel: str) -> tuple[bytes, str]:
    """Box plot per group with every mother's value shown."""
    fig, ax = plt.subplots(figsize=(4.6, 4.0))
    names = list(groups)
    data = [np.asarray(groups[n], float)[~np.isnan(np.asarray(groups[n], float))] for n in names]
    ax.boxplot(data, widths=0.5, showfliers=False)
    rng = np.random.default_rng(0)
    for i, vals in enumerate(data, start=1):
        ax.scatter(i + rng.uniform(-0.12, 0.12, vals.size), vals, s=12, color="#4f81bd",
                   alpha=0.8, zorder=3)
    ax.set_xticks(range(1, len(names) + 1), names)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return save_figure(fig)
