"""Plots: valid PNG and SVG, reproducible bytes, ties spread, clear errors."""

import io
import math
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from laktasi.errors import InvalidOptionError, LaktasiInputError, LengthMismatchError
from laktasi.report.plots import _tie_offsets, binary_prepost_bar, group_plot, paired_plot


def _check(png: bytes, svg: str) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.verify()
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return Image.open(io.BytesIO(png))


def test_paired_plot_valid_and_reproducible():
    pre, post = [4, 5, 5, 6, None, 3], [8, 9, 9, 12, 7, math.nan]
    kwargs = {"labels": ("Sebelum", "Sesudah"), "ylabel": "Frekuensi menyusui (kali/hari)"}
    png, svg = paired_plot(pre, post, **kwargs)
    image = _check(png, svg)
    assert image.format == "PNG" and 400 < image.size[0] < 900
    assert paired_plot(pre, post, **kwargs) == (png, svg)
    median = paired_plot(pre, post, center="median", mean_label="Median", **kwargs)
    assert median[0] != png


def test_binary_prepost_bar_valid():
    png, svg = binary_prepost_bar([12, 3], [2, 13], levels=("tidak lancar", "lancar"),
                                  labels=("Sebelum", "Sesudah"), ylabel="Jumlah responden",
                                  lang="en", title="Kelancaran ASI")
    _check(png, svg)
    zero = binary_prepost_bar([0, 0], [0, 0], levels=("a", "b"), labels=("x", "y"), ylabel="n")
    _check(*zero)


def test_group_plot_valid_with_means():
    rng = np.random.default_rng(3)
    groups = {"pijat oksitosin": rng.normal(50, 10, 15).round().tolist(),
              "pijat + massase": [*rng.normal(60, 10, 14).round().tolist(), None]}
    png, svg = group_plot(groups, ylabel="Produksi ASI (cc)", center_label="Rata-rata")
    _check(png, svg)
    assert group_plot(groups, ylabel="Produksi ASI (cc)", center_label="Rata-rata") == (png, svg)


def test_tied_pairs_are_spread_symmetrically():
    offsets = _tie_offsets([(4, 8), (5, 9), (4, 8), (4, 8)])
    assert offsets[1] == 0
    tied = offsets[[0, 2, 3]]
    assert len(set(tied)) == 3 and abs(tied.sum()) < 1e-12
    assert np.abs(_tie_offsets([(1,)] * 50, width=0.3)).max() <= 0.15 + 1e-12


def test_plot_errors_are_clear():
    with pytest.raises(LengthMismatchError, match="3 pre and 2 post"):
        paired_plot([1, 2, 3], [1, 2], labels=("a", "b"), ylabel="y")
    with pytest.raises(LaktasiInputError, match="at least one mother"):
        paired_plot([None], [1.0], labels=("a", "b"), ylabel="y")
    with pytest.raises(InvalidOptionError, match="'mean' or 'median'"):
        paired_plot([1], [2], labels=("a", "b"), ylabel="y", center="mode")
    with pytest.raises(LaktasiInputError, match="empty: kontrol"):
        group_plot({"kontrol": [], "eksperimen": [1.0]}, ylabel="y")
    with pytest.raises(LaktasiInputError, match="negative"):
        binary_prepost_bar([-1, 2], [1, 1], levels=("a", "b"), labels=("x", "y"), ylabel="n")


@pytest.mark.parametrize("lang,sep", [("id", ","), ("en", ".")])
def test_tick_and_bar_labels_use_the_reports_decimal_mark(monkeypatch, lang, sep):
    """Indonesian figures print 2,5 (decimal comma) on the axis and on the bars (issue 9.8)."""
    import laktasi.report.plots as plots

    seen: list[list[str]] = []

    def capture(fig):
        fig.canvas.draw()
        ax = fig.axes[0]
        seen.append([t.get_text() for t in ax.get_yticklabels()]
                    + [t.get_text() for t in ax.texts])
        plots.plt.close(fig)
        return b"", ""

    monkeypatch.setattr(plots, "save_figure", capture)
    paired_plot([0.5, 1.2, 1.9], [1.4, 2.6, 3.1], labels=("a", "b"), ylabel="cc", lang=lang)
    group_plot({"a": [0.5, 1.5, 2.5], "b": [1.0, 2.0, 3.5]}, ylabel="cc", lang=lang)
    binary_prepost_bar([12, 3], [2, 13], levels=("x", "y"), labels=("a", "b"), ylabel="n",
                       lang=lang)
    decimals = [label for labels in seen[:2] for label in labels if any(c in label for c in ".,")]
    assert decimals and all(sep in label for label in decimals)
    assert f"12 (80{sep}0%)" in seen[2]
    assert all(label.isdigit() for label in seen[2] if label and "(" not in label)
