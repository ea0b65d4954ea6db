"""Figures for the results chapter (matplotlib, Agg backend, deterministic).

Each plot function returns ``(png bytes, svg text)``, ready for
:class:`~laktasi.report.document.Figure`. Titles, axis and legend labels come
from the caller, so all words stay in the language layer (laktasi.i18n); numbers printed on a
plot (the ``n (%)`` labels) follow ``lang`` (decimal comma in Indonesian).

Output is reproducible: the same data give byte-identical PNG and SVG (no
timestamps, a fixed SVG id salt, text drawn as paths in DejaVu Sans, jitter
computed from the data rather than drawn at random).
"""

from __future__ import annotations

import io
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")
import numpy as np
from matplotlib import ticker
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from laktasi.errors import InvalidOptionError, LaktasiInputError, LengthMismatchError
from laktasi.i18n import current_language, in_language
from laktasi.i18n.numbers import fmt_percent

__all__ = ["binary_prepost_bar", "decimal_comma", "group_plot", "new_figure", "paired_plot",
           "power_curve_plot", "save_figure"]

# Set once for every laktasi figure (the chapter's, the meta-analysis's and the power curve).
matplotlib.rcParams.update({"font.family": "DejaVu Sans", "font.size": 10,
                            "svg.hashsalt": "laktasi", "svg.fonttype": "path",
                            "figure.dpi": 100})


def __getattr__(name: str) -> Any:
    """``plt`` (matplotlib.pyplot) for the plots still drawn with it, imported on first use:
    the chapter's figures do without pyplot and its import (issue 14)."""
    if name == "plt":
        import matplotlib.pyplot as plt

        return plt
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_LINE = "#7a9cc6"
_ACCENT = "#b22222"
_BARS = ("#c9c9c9", "#4f81bd")
_POINTS = "#4f81bd"


def new_figure(figsize: tuple[float, float]) -> tuple[Figure, Any]:
    """A figure and its one axes, on its own Agg canvas (no pyplot, no global figure list)."""
    fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)
    return fig, fig.subplots()


def save_figure(fig, *, svg: bool = True) -> tuple[bytes, str]:
    """PNG (150 dpi) and SVG of a figure, without timestamps (reproducible files).

    With ``svg=False`` only the PNG is drawn and the SVG is ``""`` (a Word file needs no
    SVG; each format costs a drawing of the whole figure)."""
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    text = ""
    if svg:
        out = io.StringIO()
        fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
        text = out.getvalue()
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:  # a figure made with pyplot leaves pyplot's list of figures
        pyplot.close(fig)
    return png.getvalue(), text


def _tie_offsets(keys: Sequence[tuple[float, ...]], width: float = 0.24) -> np.ndarray:
    """Sideways offsets that spread equal keys symmetrically around 0 (no randomness)."""
    groups: dict[tuple[float, ...], list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    offsets = np.zeros(len(keys))
    for members in groups.values():
        m = len(members)
        if m == 1:
            continue
        step = min(0.04, width / (m - 1))
        for j, i in enumerate(members):
            offsets[i] = (j - (m - 1) / 2) * step
    return offsets


class _CommaFormatter(ticker.ScalarFormatter):
    """Matplotlib's tick labels with a decimal comma (Indonesian: 2,5 not 2.5)."""

    def __call__(self, x, pos=None):
        return super().__call__(x, pos).replace(".", ",")


def decimal_comma(ax) -> None:
    """Tick labels of both axes with a decimal comma in Indonesian (matplotlib's own tick
    choice and minus sign, only the separator changes)."""
    if current_language() != "id":
        return
    for axis in (ax.xaxis, ax.yaxis):
        if isinstance(axis.get_major_formatter(), ticker.ScalarFormatter):
            axis.set_major_formatter(_CommaFormatter())


def _finish(ax, *, ylabel: str, title: str | None) -> None:
    if current_language() == "id":
        ax.yaxis.set_major_formatter(_CommaFormatter())
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)


@in_language
def paired_plot(pre: Sequence[float], post: Sequence[float], *, labels: tuple[str, str],
                ylabel: str, mean_label: str = "Mean", center: str = "mean",
                title: str | None = None, svg: bool = True
                ) -> tuple[bytes, str]:
    """Paired before/after plot: one line per mother, the group centre highlighted.

    Parameters
    ----------
    pre, post : sequences of float
        The same mothers before and after, in the same order; a pair with a
        missing value (NaN or None) is left out.
    labels : (str, str)
        The two x tick labels, e.g. ``("Sebelum", "Sesudah")``.
    ylabel : str
        Y axis label (variable and unit).
    mean_label : str
        Legend text of the highlighted centre line ("Mean", "Median", ...).
    center : {"mean", "median"}
        Which centre is drawn as the bold line.
    title : str, optional
        Plot title (usually left out: the report caption names the figure).
    lang : {"id", "en"} or None (keyword)
        Tick labels with a decimal comma ("2,5") in Indonesian, a point in English.
    svg : bool
        Also draw the SVG (the default); ``False`` draws only the PNG and returns ``""``.

    Mothers with exactly the same pair of values would draw one line on top of
    another, so tied pairs are spread sideways, symmetrically and the same way
    every time.

    Examples
    --------
    >>> png, svg = paired_plot([2, 3, 3], [5, 6, 6], labels=("Sebelum", "Sesudah"),
    ...                        ylabel="Frekuensi menyusui (kali/hari)")
    >>> png[:4], svg.lstrip()[:5]
    (b'\\x89PNG', '<?xml')
    """
    if center not in ("mean", "median"):
        raise InvalidOptionError(f"center={center!r} is not available; choose 'mean' or 'median'.",
                                 option="center", value=center, allowed=("mean", "median"))
    a = np.asarray([np.nan if v is None else v for v in pre], float)
    b = np.asarray([np.nan if v is None else v for v in post], float)
    if a.shape != b.shape:
        raise LengthMismatchError(
            f"paired_plot needs one post value per pre value; got {a.size} pre and {b.size} post.",
            n_pre=int(a.size), n_post=int(b.size))
    keep = ~(np.isnan(a) | np.isnan(b))
    a, b = a[keep], b[keep]
    if a.size == 0:
        raise LaktasiInputError("paired_plot needs at least one mother with both a pre and a "
                                "post value.")
    fig, ax = new_figure(figsize=(4.2, 4.2))
    offsets = _tie_offsets(list(zip(a.tolist(), b.tolist(), strict=True)))
    alpha = 0.75 if a.size <= 40 else 0.4
    for x0, x1, off in zip(a, b, offsets, strict=True):
        ax.plot([0 + off, 1 + off], [x0, x1], color=_LINE, alpha=alpha, lw=1, marker="o", ms=3.5,
                zorder=2)
    mid = np.mean if center == "mean" else np.median
    ax.plot([0, 1], [mid(a), mid(b)], color=_ACCENT, lw=2.5, marker="D", ms=7, zorder=3,
            label=mean_label)
    ax.set_xticks([0, 1], labels)
    ax.set_xlim(-0.45, 1.45)
    ax.legend(frameon=False, loc="best")
    _finish(ax, ylabel=ylabel, title=title)
    return save_figure(fig) if svg else save_figure(fig, svg=False)


@in_language
def binary_prepost_bar(counts_pre: Sequence[int], counts_post: Sequence[int], *,
                       levels: tuple[str, str], labels: tuple[str, str], ylabel: str,
                       title: str | None = None, svg: bool = True
                       ) -> tuple[bytes, str]:
    """Grouped bars of a two-level outcome before and after, each bar labelled "n (x%)".

    Parameters
    ----------
    counts_pre, counts_post : (int, int)
        Mothers in each level of ``levels`` before and after.
    levels : (str, str)
        The outcome's levels as the report names them, e.g. ``("tidak lancar", "lancar")``.
    labels : (str, str)
        The two time points, e.g. ``("Sebelum", "Sesudah")``.
    ylabel : str
        Y axis label, e.g. "Jumlah responden (n)".
    lang : {"id", "en"} or None (keyword)
        Number format of the percent labels (``"75,0%"`` / ``"75.0%"``).
    svg : bool
        Also draw the SVG (the default); ``False`` draws only the PNG and returns ``""``.

    Examples
    --------
    >>> png, svg = binary_prepost_bar([12, 3], [2, 13], levels=("tidak lancar", "lancar"),
    ...                               labels=("Sebelum", "Sesudah"), ylabel="n")
    >>> png[:4]
    b'\\x89PNG'
    """
    pre = [int(v) for v in counts_pre]
    post = [int(v) for v in counts_post]
    if len(pre) != 2 or len(post) != 2 or len(levels) != 2:
        raise LengthMismatchError("binary_prepost_bar needs two counts before, two after and two "
                                  f"levels; got {len(pre)}, {len(post)} and {len(levels)}.")
    if min(pre + post) < 0:
        raise LaktasiInputError("binary_prepost_bar: counts cannot be negative.")
    fig, ax = new_figure(figsize=(4.8, 3.8))
    width = 0.38
    totals = (sum(pre), sum(post))
    top = max(pre + post) or 1
    for j, level in enumerate(levels):
        vals = [pre[j], post[j]]
        xs = np.arange(2) + (j - 0.5) * width
        bars = ax.bar(xs, vals, width, label=level, color=_BARS[j], edgecolor="#333333", lw=0.6)
        for bar, v, tot in zip(bars, vals, totals, strict=True):
            pct = 100 * v / tot if tot else 0.0
            ax.annotate(f"{v} ({fmt_percent(pct, 1)})",
                        (bar.get_x() + bar.get_width() / 2, v), xytext=(0, 2),
                        textcoords="offset points", ha="center", va="bottom", fontsize=8)
    ax.set_ylim(0, top * 1.18)
    ax.set_xticks(np.arange(2), labels)
    ax.legend(frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    ax.yaxis.set_major_locator(ticker.MaxNLocator(integer=True))  # respondents are counted
    _finish(ax, ylabel=ylabel, title=title)
    return save_figure(fig) if svg else save_figure(fig, svg=False)


@in_language
def group_plot(groups: Mapping[str, Sequence[float]], *, ylabel: str, center_label: str = "",
               title: str | None = None, svg: bool = True
               ) -> tuple[bytes, str]:
    """Box plot per group with every mother's value as a point (ties spread sideways).

    Parameters
    ----------
    groups : mapping of group label -> values
        Two (or more) groups in the order they should appear; NaN/None are left out.
    ylabel : str
        Y axis label (variable and unit).
    center_label : str
        When given, the group means are drawn as red diamonds with this legend text.
    title : str, optional
        Plot title.
    lang : {"id", "en"} or None (keyword)
        Tick labels with a decimal comma ("2,5") in Indonesian, a point in English.
    svg : bool
        Also draw the SVG (the default); ``False`` draws only the PNG and returns ``""``.

    Examples
    --------
    >>> png, svg = group_plot({"kontrol": [1.0, 2.0, 2.5], "eksperimen": [2.0, 3.5, 4.0]},
    ...                       ylabel="Produksi ASI (cc)")
    >>> png[:4]
    b'\\x89PNG'
    """
    names = list(groups)
    data = []
    for name in names:
        vals = np.asarray([np.nan if v is None else v for v in groups[name]], float)
        data.append(vals[~np.isnan(vals)])
    empty = [n for n, v in zip(names, data, strict=True) if v.size == 0]
    if not names or empty:
        raise LaktasiInputError("group_plot needs at least one value in every group; "
                                + (f"empty: {', '.join(empty)}." if names else "no groups given."))
    fig, ax = new_figure(figsize=(max(4.0, 1.6 * len(names) + 1.4), 4.0))
    ax.boxplot(data, widths=0.5, showfliers=False, medianprops={"color": "#333333", "lw": 1.5})
    for i, vals in enumerate(data, start=1):
        offsets = _tie_offsets([(v,) for v in vals.tolist()], width=0.3)
        ax.scatter(i + offsets, vals, s=14, color=_POINTS, alpha=0.8, zorder=3, linewidths=0)
    if center_label:
        ax.scatter(range(1, len(names) + 1), [v.mean() for v in data], marker="D", s=40,
                   color=_ACCENT, zorder=4, label=center_label)
        ax.legend(frameon=False, loc="best")
    ax.set_xticks(range(1, len(names) + 1), names)
    _finish(ax, ylabel=ylabel, title=title)
    return save_figure(fig) if svg else save_figure(fig, svg=False)


@in_language
def power_curve_plot(curve: Sequence[Any], *, xlabel: str, ylabel: str, target: float = 0.8,
                     analytic: Sequence[float] | None = None, analytic_label: str = "analytic",
                     simulated_label: str | None = None) -> tuple[bytes, str]:
    """Simulated power against n with ±2 SE bars, the target power line and optionally an
    analytic curve at the same n (PNG bytes, SVG text).

    ``curve`` holds the :class:`~laktasi.power.PowerEstimate` of each n (anything with
    ``n``, ``power`` and ``se``), as :func:`laktasi.power.power_curve` returns them. Tick
    labels take a decimal comma when ``lang`` is "id"; the simulated curve's legend label
    is ``simulated_label``, by default the words of ``laktasi.i18n.power``.

    Examples
    --------
    >>> from types import SimpleNamespace as P
    >>> png, svg = power_curve_plot([P(n=10, power=0.4, se=0.01), P(n=20, power=0.7, se=0.01)],
    ...                             xlabel="n", ylabel="power")
    >>> png[:4], svg.count("<svg")
    (b'\\x89PNG', 1)
    """
    from laktasi.i18n.power import labels

    ns = [c.n for c in curve]
    fig, ax = new_figure(figsize=(5, 3.6))
    ax.errorbar(ns, [c.power for c in curve], yerr=[2 * c.se for c in curve], marker="o",
                color="#4f81bd", capsize=3,
                label=simulated_label or labels()["monte_carlo"])
    if analytic is not None:
        ax.plot(ns, analytic, color="#555555", ls=":", label=analytic_label)
        ax.legend(frameon=False, loc="lower right")
    ax.axhline(target, color="#b22222", ls="--", lw=1)
    ax.set_ylim(0, 1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    decimal_comma(ax)
    ax.spines[["top", "right"]].set_visible(False)
    return save_figure(fig)
