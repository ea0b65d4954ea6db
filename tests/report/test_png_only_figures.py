"""A Word file or a Markdown page needs only the PNG of each figure (issue 14): drawn
without its SVG, each figure is the very same PNG, and the command line draws no SVG for
docx while html keeps it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from laktasi.pipeline import analyse_file, example_files
from laktasi.report.plots import binary_prepost_bar, group_plot, paired_plot

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("draw", [
    lambda **kw: paired_plot([4, 5, 6, 5], [8, 9, 12, 9], labels=("a", "b"), ylabel="y", **kw),
    lambda **kw: binary_prepost_bar([12, 3], [2, 13], levels=("x", "y"), labels=("a", "b"),
                                    ylabel="n", **kw),
    lambda **kw: group_plot({"a": [1.0, 2.0, 2.5], "b": [2.0, 3.5, 4.0]}, ylabel="cc",
                            center_label="m", **kw),
])
def test_png_only_is_the_same_png_without_svg(draw):
    png, svg = draw()
    png_only, none = draw(svg=False)
    assert svg.lstrip().startswith("<?xml") and none == ""
    assert png_only == png


def test_chapter_figures_png_only():
    data, study = example_files("amanda-oku-timur-2023")
    _, doc = analyse_file(data, study, svg=False)
    _, full = analyse_file(data, study)
    assert doc.figures() and all(f.svg == "" and f.png[:4] == b"\x89PNG" for f in doc.figures())
    assert [f.png for f in doc.figures()] == [f.png for f in full.figures()]
    assert all(f.svg for f in full.figures())


def test_docx_from_the_command_line_draws_neither_svg_nor_pyplot(tmp_path):
    data, study = example_files("amanda-oku-timur-2023")
    probe = ("import sys, atexit, functools; sys.path.insert(0, sys.argv.pop(1)); "
             "import matplotlib.backends.backend_svg as s; calls = []; "
             "orig = s.FigureCanvasSVG.print_svg; "
             "s.FigureCanvasSVG.print_svg = functools.wraps(orig)("
             "lambda *a, **k: calls.append(1) or orig(*a, **k)); "
             "atexit.register(lambda: print('SVG', len(calls), 'pyplot', "
             "'matplotlib.pyplot' in sys.modules, 'scipy.stats', 'scipy.stats' in sys.modules)); "
             "from laktasi.cli import app; sys.exit(app())")
    for fmt, svg in (("docx", False), ("html", True)):
        out = subprocess.run([sys.executable, "-c", probe, str(ROOT / "src"), "analyze",
                              str(data), "--study", str(study), "--format", fmt, "--out",
                              str(tmp_path / f"x.{fmt}")], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        calls = int(out.stdout.split("SVG ")[1].split()[0])
        assert (calls > 0) == svg, out.stdout  # the tight bounding box calls it too
        assert "pyplot False scipy.stats False" in out.stdout, out.stdout
