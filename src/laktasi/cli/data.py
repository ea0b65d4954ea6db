"""Commands for data files: ``laktasi template`` and ``laktasi check``.

Thin: the work is in :mod:`laktasi.io`, the words in :mod:`laktasi.i18n.io`.
Register them on the main app with :func:`register`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from laktasi.errors import LaktasiError

from ._common import (
    CANNOT_RUN,
    FORCE_HELP,
    FOUND,
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
    from rich.table import Table

    from laktasi.io import ValidationReport

__all__ = ["register"]

# A data file that cannot be read at all: nothing was checked, so `check` cannot run (2).
UNREADABLE = frozenset({"no_file", "unreadable", "encoding", "wrong_content", "not_text",
                        "xls_old", "too_large", "no_sheet"})


def template(
    design: str = typer.Argument(..., help="one-group-pretest-posttest, two-group-posttest, "
                                 "nonequivalent-control-pretest-posttest, atau berkas "
                                 "deskripsi penelitian .yaml."),
    out: Path = typer.Option(..., "--out", help="Berkas .xlsx yang ditulis."),
    lang: str = typer.Option("id", "--lang", help=LANG_HELP),
    rows: int = typer.Option(60, "--rows", help="Jumlah baris data yang diberi pilihan dan "
                             "pemeriksaan."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP + " Data yang sudah diisi "
                               "di berkas itu hilang."),
) -> None:
    """Tulis templat isian data Excel (pilihan, pemeriksaan angka, lembar petunjuk, dan
    deskripsi studi di lembar "Deskripsi studi", sehingga check dan analyze tidak
    memerlukan berkas lain). Berkas yang sudah ada tidak ditimpa tanpa --force."""
    check_lang(lang)
    import tempfile

    from laktasi.design import load_study
    from laktasi.io import make_template

    out = Path(out)
    refuse_existing([out], lang, force=force)
    try:
        target = load_study(design, lang) if design.lower().endswith((".yaml", ".yml")) else design
        with tempfile.TemporaryDirectory() as tmp:
            make_template(target, Path(tmp) / out.name, lang=lang, rows=rows)
            # every file the template consists of, written beside --out under its own name
            files = {out.with_name(f.name): f.read_bytes() for f in sorted(Path(tmp).iterdir())}
    except LaktasiError as exc:
        fail(exc)
    write_files(files, lang, force=force)
    typer.echo(str(out))


def check(
    data: Path = typer.Argument(..., help="Berkas data (.xlsx, .csv atau .sav)."),
    study: Path = typer.Option(None, "--study", help="Deskripsi penelitian (.yaml); bawaan: "
                               "lembar 'Deskripsi studi' di buku kerja, atau DATA.study.yaml "
                               "/ DATA.yaml di samping data."),
    sheet: str = typer.Option(None, "--sheet", help="Nama atau nomor lembar Excel (1 = "
                              "pertama); bawaan: lembar yang memuat kolom penelitian."),
    lang: str = typer.Option("id", "--lang", help=LANG_HELP),
) -> None:
    """Periksa berkas data terhadap deskripsi penelitian; daftar semua masalah (kode keluar
    1 bila ada galat dalam data, 2 bila berkasnya tidak dapat dibaca)."""
    check_lang(lang)
    from laktasi.design import load_study
    from laktasi.i18n.io import check_summary
    from laktasi.io import (
        DataError,
        find_study,
        load_data,
        read_data,
        skip_empty_columns,
        skipped_note,
    )

    try:
        st = load_study(study, lang) if study is not None else find_study(data, lang=lang)
    except LaktasiError as exc:
        fail(exc)
    if st is None and Path(data).exists():
        stop(say("no_study", lang, path=data))
    if st is not None:  # checked against the whole description; what analyze skips, first
        for item in skip_empty_columns(data, st, sheet=sheet)[1]:
            stdout().print(skipped_note(item, lang), style="yellow", highlight=False)
    try:
        try:
            if st is None:
                read_data(data)  # the reader's located "file not found"
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
    except LaktasiError as exc:
        fail(exc)
    console = stdout()
    if report.problems:
        console.print(_table(report, lang))
    n = report.rows_read
    if failed:
        if any(p.row is None and p.code in UNREADABLE for p in report.errors):
            raise typer.Exit(CANNOT_RUN)  # the table says why; no rows to correct or drop
        console.print(check_summary(n, len(report.errors), len(report.warnings), failed=True,
                                    lang=lang))
        raise typer.Exit(FOUND)
    console.print(check_summary(n, 0, len(report.warnings), failed=False, lang=lang))


def _table(report: ValidationReport, lang: str) -> Table:
    from rich.table import Table

    from laktasi.i18n.io import check_word, problem_body, shown_value

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
