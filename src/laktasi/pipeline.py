"""io -> design -> stats -> report: the one path the CLI (and later the web app) use."""

from __future__ import annotations

from pathlib import Path

from laktasi.design import Study, load_study
from laktasi.design.plan import Analysis, analyse
from laktasi.io import read_rows
from laktasi.report.chapter import build_chapter
from laktasi.report.document import Document
from laktasi.report.figures import figure_maker

__all__ = ["analyse_file", "example_files"]


def example_files(name: str) -> tuple[Path, Path]:
    from laktasi.datasets import example_path

    return example_path(name, ".csv"), example_path(name, ".yaml")


def analyse_file(data: str | Path, study: str | Path | Study, *, lang: str = "id",
                 sheet: str | None = None, figures: bool = True) -> tuple[Analysis, Document]:
    """Read and check the data against the study, run the plan, build the chapter."""
    st = study if isinstance(study, Study) else load_study(study)
    rows = read_rows(data, st, sheet=sheet, lang=lang)
    analysis = analyse(st, rows)
    maker = figure_maker(st, rows) if figures else None
    return analysis, build_chapter(analysis, lang, figure_maker=maker)
