"""The ``audit`` command, registered on the main Typer app by :func:`register`.

Thin: read options, call :func:`laktasi.audit.audit`, render, set the exit code
(0: no error finding; 1: at least one error finding; 2: the input cannot be read).
"""

from __future__ import annotations

import typer
from rich.console import Console

from laktasi.errors import LaktasiError

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add ``audit FILE.yaml [--format text|json|html] [--lang id|en] [--example NAME]``."""

    @app.command("audit")
    def audit_command(
        file: str = typer.Argument(None, help="Reported-results YAML file."),
        example: str = typer.Option(None, "--example",
                                    help="Audit a shipped seed paper instead of a file."),
        fmt: str = typer.Option("text", "--format", help="text, json or html."),
        lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
    ) -> None:
        """Check a paper's printed numbers: recompute, cross-check, explain what cannot be
        right. Exit code 1 when there is an error finding."""
        from laktasi.audit import audit, example_names, render_audit
        from laktasi.audit.render import RENDERERS

        out, err = Console(soft_wrap=True), Console(stderr=True, soft_wrap=True)
        if (file is None) == (example is None):
            err.print("Give FILE.yaml or --example NAME (one of "
                      f"{', '.join(example_names())}).", markup=False)
            raise typer.Exit(2)
        if example is not None and example not in example_names():
            err.print(f"--example {example!r}: choose one of {', '.join(example_names())}.",
                      markup=False)
            raise typer.Exit(2)
        if fmt not in RENDERERS:
            err.print(f"--format {fmt!r}: choose {', '.join(RENDERERS)}.", markup=False)
            raise typer.Exit(2)
        try:
            report = audit(example or file, lang=lang)
            text = render_audit(report, fmt, lang)
        except LaktasiError as exc:
            err.print(f"error: {exc.message}", markup=False)
            raise typer.Exit(2) from None
        out.file.write(text + "\n")
        if report.count("error"):
            raise typer.Exit(1)
