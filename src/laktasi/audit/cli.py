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
    """Add ``audit FILE.yaml [--format text|json|html] [--lang id|en] [--example NAME]`` and
    ``extract PAPER.txt [--out draft.yaml] [--lang id|en]``."""
    _register_extract(app)

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


def _register_extract(app: typer.Typer) -> None:
    @app.command("extract")
    def extract_command(
        paper: str = typer.Argument(..., help="The paper as plain text (UTF-8)."),
        out: str = typer.Option(None, "--out", help="Write the draft YAML to this file."),
        lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
    ) -> None:
        """Draft the reported-results YAML from a paper's text; every value is a guess to
        confirm (exit code 2 when the text cannot be read)."""
        from pathlib import Path

        from laktasi.audit.extract import extract_text
        from laktasi.report.words_extract import extract_words

        err = Console(stderr=True, soft_wrap=True)
        if lang not in ("id", "en"):
            err.print(extract_words("bad_lang", "en", value=lang), markup=False)
            raise typer.Exit(2)
        path = Path(paper)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            err.print(extract_words("not_found", lang, path=paper), markup=False)
            raise typer.Exit(2) from None
        except IsADirectoryError:
            err.print(extract_words("is_dir", lang, path=paper), markup=False)
            raise typer.Exit(2) from None
        except (UnicodeDecodeError, OSError):
            err.print(extract_words("not_text", lang, path=paper), markup=False)
            raise typer.Exit(2) from None
        draft = extract_text(text, source=path.name)
        yaml_text = draft.to_yaml(lang)
        if out is None:
            typer.echo(yaml_text, nl=False)
            return
        Path(out).write_text(yaml_text, encoding="utf-8")
        err.print(extract_words("written", lang, path=out, guesses=len(draft.guesses),
                                missing=len(draft.missing)), markup=False)
