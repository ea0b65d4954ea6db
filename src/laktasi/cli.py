"""Command-line interface (thin: io -> design -> stats -> report)."""

from __future__ import annotations

import typer
from rich.console import Console

from laktasi import __version__
from laktasi.errors import LaktasiError

app = typer.Typer(
    name="laktasi",
    help="Analisis, laporan dan audit penelitian ASI / pijat oksitosin "
    "(analysis, reports and audit of breast-milk studies).",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()


@app.command()
def version() -> None:
    """Print the laktasi version."""
    console.print(f"laktasi {__version__}")


@app.command()
def demo(
    name: str = typer.Argument("amanda-oku-timur-2023", help="Example study name."),
    lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
) -> None:
    """Analyse a shipped example study and print the results to the terminal."""
    from laktasi.demo import example_report
    from laktasi.report.terminal import print_table

    try:
        report = example_report(name, lang)
    except LaktasiError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    console.rule(report.title)
    for table in report.tables:
        print_table(console, table)
    for sentence in report.sentences:
        console.print(sentence)


def main() -> None:  # pragma: no cover - console entry point
    app()
