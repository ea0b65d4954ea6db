"""io -> design -> stats -> report: the one path the CLI (and later the web app) use."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from laktasi.design import Study, load_study
from laktasi.design.plan import Analysis, analyse
from laktasi.i18n import current_language, use_language
from laktasi.i18n.chapter import say
from laktasi.io import read_rows_checked, skip_empty_columns, skipped_note
from laktasi.report.chapter import build_chapter
from laktasi.report.document import Document, Paragraph

__all__ = ["analyse_file", "example_files", "write_bundle"]


def example_files(name: str) -> tuple[Path, Path]:
    from laktasi.datasets import example_path

    return example_path(name, ".csv"), example_path(name, ".yaml")


def analyse_file(data: str | Path, study: str | Path | Study, *, lang: str | None = None,
                 sheet: str | None = None, figures: bool = True, drop_invalid: bool = False,
                 svg: bool = True) -> tuple[Analysis, Document]:
    """Read and check the data against the study, run the plan, build the chapter.

    Outcomes and characteristics whose columns are empty in every row are left out (the
    chapter says which). With ``drop_invalid`` rows with problems are left out and the
    chapter says which. With ``svg=False`` the figures are drawn as PNG only (enough for
    docx and md; html and json show the SVG). ``lang`` None: the active language.
    """
    with use_language(lang):
        return _analyse(data, study, sheet, figures, drop_invalid, svg)


def _analyse(data: str | Path, study: str | Path | Study, sheet: str | None, figures: bool,
             drop_invalid: bool, svg: bool) -> tuple[Analysis, Document]:
    # the io layer's functions take the language explicitly (their default is Indonesian)
    speak = current_language()
    st = study if isinstance(study, Study) else load_study(study)
    st, skipped = skip_empty_columns(data, st, sheet=sheet)
    rows, dropped = read_rows_checked(data, st, sheet=sheet, lang=speak,
                                      drop_invalid=drop_invalid)
    analysis = analyse(st, rows)
    maker = None
    if figures:  # matplotlib is imported only when figures are drawn
        from laktasi.report.figures import figure_maker

        maker = figure_maker(st, rows, draw_svg=svg)
    doc = build_chapter(analysis, figure_maker=maker)
    note = [Paragraph(skipped_note(item, speak), "note") for item in skipped]
    if dropped:
        note += [Paragraph(say("dropped_rows", n=len({p.row for p in dropped})), "warning"),
                 *(Paragraph(p.text(speak), "note") for p in dropped)]
    if note:
        doc = replace(doc, blocks=(doc.blocks[0], *note, *doc.blocks[1:]))
    return analysis, doc


def write_bundle(out: str | Path, data: str | Path, study: str | Path | Study,
                 analysis: Analysis, *, lang: str) -> Path:
    """A reproducibility bundle: the data, the study description, the results (JSON), the
    settings and the versions of laktasi and the libraries that computed them."""
    import json
    import platform
    import zipfile
    from importlib.metadata import PackageNotFoundError, version

    from laktasi import __version__
    from laktasi.stats.serialise import to_plain

    def ver(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:  # pragma: no cover
            return "not installed"

    settings = {
        "laktasi": __version__, "lang": lang, "python": platform.python_version(),
        "libraries": {n: ver(n) for n in ("numpy", "scipy", "pandas", "openpyxl",
                                          "python-docx", "matplotlib")},
        "command": f"laktasi analyze {Path(data).name} --lang {lang}",
    }
    out = Path(out)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(data, f"data/{Path(data).name}")
        if isinstance(study, Study):
            z.writestr("study/study.json", json.dumps(to_plain(study), ensure_ascii=False,
                                                      indent=1))
        else:
            z.write(study, f"study/{Path(study).name}")
        z.writestr("results.json", json.dumps(analysis.to_dict(), ensure_ascii=False, indent=1))
        z.writestr("settings.json", json.dumps(settings, indent=1))
    return out
