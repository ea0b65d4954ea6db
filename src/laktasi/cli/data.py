"""Commands for data files: ``laktasi template`` and ``laktasi check``.

Thin: the work is in :mod:`laktasi.io`, the words in :mod:`laktasi.report.words_io`.
Register them on the main app with :func:`register`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from laktasi.io import ValidationReport

__all__ = ["register"]


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def template(
    design: str = typer.Argument(..., help="one-group-pretest-posttest, two-group-posttest, "
                                 "nonequivalent-control-pretest-posttest, or a study .yaml file."),
    out: Path = typer.Option(..., "--out", help="The .xlsx to write."),
    lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
    rows: int = typer.Option(60, "--rows", help="How many data rows get dropdowns and checks."),
) -> None:
    """Write an Excel data-entry template (dropdowns, number checks, instruction sheet)."""
    from laktasi.design import load_study
    from laktasi.errors import LaktasiError
    from laktasi.io import make_template

    try:
        target = load_study(design) if design.lower().endswith((".yaml", ".yml")) else design
        make_template(target, out, lang=lang, rows=rows)
    except LaktasiError as exc:
        _console(stderr=True).print(f"[red]{exc}[/red]", markup=True)
        raise typer.Exit(2) from None
    _console().print(str(out))


def check(
    data: Path = typer.Argument(..., help="The data file (.xlsx, .csv or .sav)."),
    study: Path = typer.Option(..., "--study", help="The study description (.yaml)."),
    sheet: str = typer.Option(None, "--sheet", help="Excel sheet name or number (1 = first); "
                              "default: the sheet with the study's columns."),
    lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
) -> None:
    """Check a data file against the study description; list every problem (exit code 1
    when there are errors)."""
    from laktasi.design import load_study
    from laktasi.errors import LaktasiError
    from laktasi.io import DataError, load_data
    from laktasi.report.numbers import check_lang
    from laktasi.report.words_io import check_word

    try:
        check_lang(lang)
        st = load_study(study)
    except LaktasiError as exc:
        _console(stderr=True).print(f"[red]{exc}[/red]", markup=True)
        raise typer.Exit(2) from None
    try:
        try:
            _, report = load_data(data, st, sheet=sheet, lang=lang)
        except DataError as exc:
            numbered = sheet is not None and sheet.isdigit() and any(
                p.code == "no_sheet" for p in exc.report.problems)
            if not numbered:
                raise
            _, report = load_data(data, st, sheet=int(sheet) - 1, lang=lang)
        failed = False
    except DataError as exc:
        report, failed = exc.report, True
    console = _console()
    if report.problems:
        console.print(_table(report, lang))
    n = report.rows_read
    if failed:
        console.print(check_word("summary", lang, e=len(report.errors), w=len(report.warnings)))
        raise typer.Exit(1)
    key = "ok_warnings" if report.warnings else "ok"
    console.print(check_word(key, lang, n=n, w=len(report.warnings)))


def _table(report: ValidationReport, lang: str) -> Table:
    from rich.table import Table

    from laktasi.report.words_io import check_word, problem_body, shown_value

    where = report.file + (f" [{report.sheet}]" if report.sheet else "")
    caption = (check_word("header", lang, row=report.header_row)
               if report.header_row is not None else None)
    table = Table(title=check_word("title", lang, file=where), caption=caption,
                  show_lines=False)
    for key in ("severity", "row", "column", "value", "problem"):
        table.add_column(check_word(key, lang), overflow="fold",
                         justify="right" if key == "row" else "left")
    for p in report.problems:
        style = "red" if p.severity == "error" else "yellow"
        table.add_row(check_word(p.severity, lang), "" if p.row is None else str(p.row),
                      p.column, shown_value(p.value), problem_body(p, lang), style=style)
    return table


def register(app: typer.Typer) -> None:
    """Add ``template`` and ``check`` to the main ``laktasi`` app."""
    app.command("template")(template)
    app.command("check")(check)
