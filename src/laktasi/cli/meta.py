"""``laktasi meta``: pool studies from a CSV/YAML file (or the seed-paper example), print
the report, and optionally write it as docx/html/md/json and the forest and funnel plots
(PNG and SVG).

Registered on the main app with ``register(app)``; thin: read -> ``meta_analysis`` ->
``report.meta_document`` -> terminal or a renderer. Every file is written whole or not at
all (:func:`laktasi.cli._common.write_files`); bad input exits with code 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from laktasi.errors import LaktasiError

from ._common import (
    FORCE_HELP,
    LANG_HELP,
    check_lang,
    fail,
    refuse_existing,
    say,
    stdout,
    stop,
    write_files,
)

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["meta_command", "plot_files", "register", "render"]


def render(res, lang: str, console: Console) -> None:
    """Print a MetaAnalysis to the terminal: the same document as the files, without plots."""
    from laktasi.report.meta_document import meta_document
    from laktasi.report.terminal import print_document

    print_document(console, meta_document(res, lang, figures=False))


def plot_paths(out: Path) -> tuple[Path, Path, Path, Path]:
    """The four files ``--plot OUT`` writes: OUT.png, OUT.svg, OUT-funnel.png/.svg."""
    stem = out.with_suffix("")
    return (stem.with_suffix(".png"), stem.with_suffix(".svg"), Path(f"{stem}-funnel.png"),
            Path(f"{stem}-funnel.svg"))


def plot_files(plots, out: Path) -> dict[Path, bytes | str]:
    """The files of ``--plot OUT``: the forest plot (``plots`` as from
    ``report.meta_document.meta_plots``) as OUT.png and OUT.svg, the funnel plot as
    OUT-funnel.png and OUT-funnel.svg."""
    (png, svg), (fpng, fsvg) = plots
    return dict(zip(plot_paths(out), (png, svg, fpng, fsvg), strict=True))


def _report_files(doc, fmt: str, out: Path, template: Path | None) -> dict[Path, bytes]:
    """The report rendered as ``fmt`` for ``out``, with every file the renderer writes
    beside it (Markdown puts its figures in ``OUT_files/``), rendered in a temporary folder
    first so that nothing is written when rendering fails."""
    import tempfile

    from laktasi.report.renderers import render as render_document

    with tempfile.TemporaryDirectory() as tmp:
        render_document(doc, fmt, Path(tmp) / out.name, template=template)
        return {out.parent / f.relative_to(tmp): f.read_bytes()
                for f in sorted(Path(tmp).rglob("*")) if f.is_file()}


def meta_command(
    studies: Path = typer.Argument(None, help="Studi (.csv atau .yaml): label, ukuran efek "
                                   "dan ringkasan yang dicetak (lihat docs)."),
    example: bool = typer.Option(False, "--example", help="Gabungkan contoh dari makalah "
                                 "bawaan."),
    method: str = typer.Option("REML", "--method", help="REML, DL, PM atau FE."),
    hksj: bool = typer.Option(False, "--hksj", help="IK Hartung-Knapp-Sidik-Jonkman."),
    r: float = typer.Option(None, "--r", help="Ganti r pre-post setiap studi (SMCR, SMCC, "
                            "MC) untuk analisis sensitivitas."),
    lang: str = typer.Option("id", "--lang", help=LANG_HELP),
    plot: Path = typer.Option(None, "--plot", help="Forest plot: tulis OUT.png dan OUT.svg, "
                              "dan funnel plot OUT-funnel.png/.svg."),
    json_out: Path = typer.Option(None, "--json", help="Tulis hasil lengkap sebagai JSON."),
    fmt: str = typer.Option(None, "--format", help="Tulis juga laporan sebagai docx, html, md "
                            "atau json (dengan forest dan funnel plot) ke --out."),
    out: Path = typer.Option(None, "--out", help="Berkas laporan untuk --format."),
    template: Path = typer.Option(None, "--template", help="Templat .docx kampus Anda."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Meta-analisis studi dari berkas, atau contoh dari makalah bawaan. Berkas keluaran
    yang sudah ada tidak ditimpa tanpa --force."""
    check_lang(lang)
    refuse_existing([*(plot_paths(plot) if plot else ()), json_out, out], lang, force=force)
    import json

    from laktasi.i18n.meta import meta_say
    from laktasi.meta.analysis import meta_analysis
    from laktasi.meta.example import example_analysis
    from laktasi.meta.inputs import read_studies

    if example == (studies is not None):
        stop(say("meta_needs", lang))
    if (fmt is None) != (out is None):
        stop(say("format_out", lang))
    files: dict[Path, bytes | str] = {}
    folders: set[Path] = set()  # --plot's folder is made when missing, as Markdown's OUT_files
    written: list[Path] = []  # what the message names (not Markdown's figure files)
    try:
        method_u = method.upper()
        if example:
            res = example_analysis(method_u, hksj, r)
        else:
            res = meta_analysis(read_studies(studies, r=r), method=method_u, hksj=hksj)
        render(res, lang, stdout())
        from laktasi.report.meta_document import meta_document, meta_plots

        plots = meta_plots(res, lang) if plot or fmt else None
        if plot:
            files.update(plot_files(plots, plot))
            written += list(files)
            folders.add(plot.parent)
        if fmt:
            report = _report_files(meta_document(res, lang, plots=plots), fmt, out, template)
            files.update(report)
            folders.update(p.parent for p in report if p.parent != out.parent)
            written.append(out)
        if json_out:
            files[json_out] = json.dumps(res.to_dict(), ensure_ascii=False, indent=1)
            written.append(json_out)
    except LaktasiError as exc:
        fail(exc)
    if files:
        write_files(files, lang, folders=sorted(folders), force=force)
        stdout().print(meta_say("written", lang, paths=", ".join(str(p) for p in written)))


def register(app: typer.Typer) -> None:
    """Add the ``meta`` command to ``app``."""
    app.command("meta")(meta_command)
