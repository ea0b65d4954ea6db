"""Command-line interface (thin: io -> design -> stats -> report).

One module per command group; each has ``register(app)``:
``analyze`` (analyze, demo, example, examples), ``data`` (template, check),
``audit`` (audit, extract, reconstruct), ``meta`` (meta), ``power`` (power ...).
"""

from __future__ import annotations

import typer

from laktasi import __version__

from ._common import console

app = typer.Typer(
    name="laktasi",
    help="Analisis, laporan dan audit penelitian ASI / pijat oksitosin "
    "(analysis, reports and audit of breast-milk studies).",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def version() -> None:
    """Print the laktasi version."""
    console.print(f"laktasi {__version__}")


def _register_commands() -> None:
    from . import analyze, audit, data, meta, power

    analyze.register(app)
    data.register(app)
    audit.register(app)
    meta.register(app)
    power.register(app)


_register_commands()


def main() -> None:  # pragma: no cover - console entry point
    app()
