"""``laktasi meta``: pool studies from a CSV/YAML file (or the seed-paper example), print
the report, and optionally write it as docx/html/md/json and the forest and funnel plots
(PNG and SVG).

Registered on the main app with ``register(app)``; thin: read -> ``meta_analysis`` ->
``report.meta_document`` -> terminal or a renderer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from laktasi.errors import LaktasiError

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["register", "render"]


def render(res, lang: str, console: Console) -> None:
    """Print a MetaAnalysis to the terminal: the same document as the files, without plots."""
    from laktasi.report.meta_document import meta_document
    from laktasi.report.terminal import print_document

    print_document(console, meta_document(res, lang, figures=False))


def write_plots(plots, out: Path) -> list[Path]:
    """Forest plot (``plots`` as from ``report.meta_document.meta_plots``) to OUT (.png or
    .svg) and its twin in the other format, funnel plot to OUT-funnel.png/.svg; returns the
    paths written."""
    (png, svg), (fpng, fsvg) = plots
    stem = out.with_suffix("")
    written = []
    for path, content in ((stem.with_suffix(".png"), png), (stem.with_suffix(".svg"), svg),
                          (Path(f"{stem}-funnel.png"), fpng), (Path(f"{stem}-funnel.svg"), fsvg)):
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        written.append(path)
    return written


def register(app: typer.Typer) -> None:
    """Add the ``meta`` command to ``app``."""

    @app.command("meta")
    def meta_command(
        studies: Path = typer.Argument(None, help="Studies (.csv or .yaml): label, measure and "
                                       "the printed summaries (see laktasi.meta.MEASURES)."),
        example: bool = typer.Option(False, "--example",
                                     help="Pool the example built from the seed papers."),
        method: str = typer.Option("REML", "--method", help="REML, DL, PM or FE."),
        hksj: bool = typer.Option(False, "--hksj", help="Hartung-Knapp-Sidik-Jonkman CI."),
        r: float = typer.Option(None, "--r", help="Replace every study's pre-post r (SMCR, "
                                "SMCC, MC) for a sensitivity analysis."),
        lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
        plot: Path = typer.Option(None, "--plot", help="Forest plot: writes OUT.png and "
                                  "OUT.svg, and the funnel plot OUT-funnel.png/.svg."),
        json_out: Path = typer.Option(None, "--json", help="Write the full result as JSON."),
        fmt: str = typer.Option(None, "--format", help="Also write the report as docx, html, "
                                "md or json (with the forest and funnel plots) to --out."),
        out: Path = typer.Option(None, "--out", help="The report file for --format."),
        template: Path = typer.Option(None, "--template", help="Your campus .docx template."),
    ) -> None:
        """Meta-analysis of studies from a file, or of the example from the seed papers."""
        import json

        from rich.console import Console

        from laktasi.meta.analysis import meta_analysis
        from laktasi.meta.example import example_analysis
        from laktasi.meta.inputs import read_studies
        from laktasi.report.numbers import check_lang
        from laktasi.report.words_meta import meta_say

        console = Console()
        err = Console(stderr=True)
        if example == (studies is not None):
            err.print("[red]Give STUDIES.csv|yaml or --example (one of them).[/red]")
            raise typer.Exit(2)
        if (fmt is None) != (out is None):
            err.print("[red]--format and --out go together (e.g. --format docx --out "
                      "meta.docx).[/red]")
            raise typer.Exit(2)
        try:
            check_lang(lang)
            method_u = method.upper()
            if example:
                res = example_analysis(method_u, hksj, r)
            else:
                res = meta_analysis(read_studies(studies, r=r), method=method_u, hksj=hksj)
            render(res, lang, console)
            from laktasi.report.meta_document import meta_document, meta_plots

            plots = meta_plots(res, lang) if plot or fmt else None
            written = write_plots(plots, plot) if plot else []
            if fmt:
                from laktasi.report.renderers import render as render_document

                render_document(meta_document(res, lang, plots=plots), fmt, out,
                                template=template)
                written.append(out)
            if json_out:
                json_out.write_text(json.dumps(res.to_dict(), ensure_ascii=False, indent=1),
                                    encoding="utf-8")
                written.append(json_out)
        except LaktasiError as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from None
        if written:
            console.print(meta_say("written", lang, paths=", ".join(str(p) for p in written)))
