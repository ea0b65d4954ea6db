"""``laktasi analyze``, ``demo`` and ``example``: a study's data to its results chapter.

Thin: io -> design -> stats -> report."""

from __future__ import annotations

from pathlib import Path

import typer

from laktasi.errors import LaktasiError

from ._common import fail, stderr, stdout


def analyze(
    data: Path = typer.Argument(None, help="Data file (.csv or .xlsx), one row per mother."),
    study: Path = typer.Option(None, "--study", help="Study description (YAML)."),
    example: str = typer.Option(None, "--example", help="Analyse a shipped example study."),
    design: str = typer.Option(None, "--design", help="Without --study: the design "
                               "(columns NAME_pre / NAME_post are the outcomes)."),
    group: str = typer.Option(None, "--group", help="With --design: the group column."),
    id_column: str = typer.Option(None, "--id", help="With --design: the mothers' code column."),
    lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
    fmt: str = typer.Option(None, "--format", help="docx, html, md or json (default: terminal)."),
    out: Path = typer.Option(None, "--out", help="Write the report to this file."),
    sheet: str = typer.Option(None, "--sheet", help="Excel sheet name (default: first)."),
    template: Path = typer.Option(None, "--template", help="Your campus .docx template."),
    bundle: Path = typer.Option(None, "--bundle", help="Also write a reproducibility .zip."),
    drop_invalid: bool = typer.Option(False, "--drop-invalid",
                                      help="Leave out rows with problems (listed in the report)."),
) -> None:
    """Analyse a study: the design picks the tests; prints or writes the results chapter."""
    from laktasi.pipeline import analyse_file, example_files, write_bundle
    from laktasi.report.renderers import render
    from laktasi.report.terminal import print_document

    try:
        if example:
            data, study = example_files(example)
        if data is not None and study is None and design is not None:
            from laktasi.design.infer import study_from_columns
            from laktasi.io import read_table

            header, cells = read_table(data, sheet=sheet, lang=lang)
            study = study_from_columns(header, cells, design, group=group, id_column=id_column,
                                       title=Path(data).stem)
        if data is None or study is None:
            stderr().print("[red]Give DATA and --study STUDY.yaml (or --design DESIGN), or "
                      "--example NAME.[/red]")
            raise typer.Exit(2)
        with stdout().status("Menganalisis…" if lang == "id" else "Analysing…"):
            analysis, doc = analyse_file(data, study, lang=lang, sheet=sheet,
                                         drop_invalid=drop_invalid)
        if bundle:
            from laktasi.report.renderers import cannot_write_error

            try:
                write_bundle(bundle, data, study, analysis, lang=lang)
            except OSError as exc:
                raise cannot_write_error(bundle, exc, lang) from None
            stderr().print(f"{bundle}")
        if fmt is None and out is None:
            print_document(stdout(), doc)
            return
        payload = render(doc, fmt or (out.suffix.lstrip(".") if out else "md"),
                         template=template)
    except LaktasiError as exc:
        fail(exc)
    if out:
        from laktasi.report.renderers import write_output

        try:
            write_output(out, payload, lang)
        except LaktasiError as exc:
            fail(exc)
        stdout().print(f"{out}")
    else:
        try:
            stdout().file.write(payload.decode("utf-8"))
        except UnicodeDecodeError:
            stderr().print("[red]--format docx needs --out FILE.docx[/red]")
            raise typer.Exit(2) from None


def demo(
    lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
) -> None:
    """Analyse the shipped example study (Amanda Oku Timur 2023) and print the chapter."""
    analyze(data=None, study=None, example="amanda-oku-timur-2023", lang=lang, fmt=None,
            out=None, sheet=None, template=None, bundle=None, drop_invalid=False, design=None,
            group=None, id_column=None)


def example(
    name: str = typer.Argument(None, help="Example study name (see --list)."),
    directory: Path = typer.Argument(Path("."), help="Where to write NAME.xlsx and NAME.yaml."),
    list_: bool = typer.Option(False, "--list", help="List the shipped example studies."),
) -> None:
    """Write a shipped example study (data as .xlsx, description as .yaml) into DIR."""
    import shutil

    from laktasi.datasets import example_names
    from laktasi.design import load_study
    from laktasi.io import read_rows, write_rows
    from laktasi.pipeline import example_files

    if list_ or name is None:
        for n in example_names():
            stdout().print(n)
        return
    try:
        data, study_path = example_files(name)
        study = load_study(study_path)
        directory.mkdir(parents=True, exist_ok=True)
        write_rows(read_rows(data, study), directory / f"{name}.xlsx", study)
        shutil.copyfile(study_path, directory / f"{name}.yaml")
    except LaktasiError as exc:
        fail(exc)
    stdout().print(f"{directory / (name + '.xlsx')}\n{directory / (name + '.yaml')}")


def examples() -> None:
    """List the shipped example studies (same as: example --list)."""
    example(name=None, directory=Path("."), list_=True)


def register(app: typer.Typer) -> None:
    """Add ``analyze``, ``demo``, ``example`` and the hidden ``examples`` to ``app``."""
    app.command()(analyze)
    app.command()(demo)
    app.command()(example)
    app.command(hidden=True)(examples)
