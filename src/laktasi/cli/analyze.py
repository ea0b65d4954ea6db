"""``laktasi analyze``, ``demo`` and ``example``: a study's data to its results chapter.

Thin: io -> design -> stats -> report."""

from __future__ import annotations

from pathlib import Path

import typer

from laktasi.errors import LaktasiError

from ._common import (
    FORCE_HELP,
    LANG_HELP,
    check_lang,
    fail,
    refuse_existing,
    say,
    stderr,
    stdout,
    stop,
    write_files,
)


def analyze(
    data: Path = typer.Argument(None, help="Berkas data (.csv, .xlsx atau .sav), satu baris "
                                "per ibu."),
    study: Path = typer.Option(None, "--study", help="Deskripsi penelitian (.yaml)."),
    example: str = typer.Option(None, "--example", help="Analisis contoh bawaan (lihat: "
                                "laktasi example --list)."),
    design: str = typer.Option(None, "--design", help="Tanpa --study: desainnya (kolom "
                               "NAMA_pre / NAMA_post menjadi variabel hasil)."),
    group: str = typer.Option(None, "--group", help="Dengan --design: kolom kelompok."),
    id_column: str = typer.Option(None, "--id", help="Dengan --design: kolom kode ibu."),
    lang: str = typer.Option("id", "--lang", help=LANG_HELP),
    fmt: str = typer.Option(None, "--format", help="docx, html, md atau json (bawaan: "
                            "layar)."),
    out: Path = typer.Option(None, "--out", help="Tulis laporan ke berkas ini."),
    sheet: str = typer.Option(None, "--sheet", help="Nama lembar Excel (bawaan: yang "
                              "pertama)."),
    template: Path = typer.Option(None, "--template", help="Templat .docx kampus Anda."),
    bundle: Path = typer.Option(None, "--bundle", help="Tulis juga .zip untuk reproduksi "
                                "(data, deskripsi, hasil, versi)."),
    drop_invalid: bool = typer.Option(False, "--drop-invalid", help="Keluarkan baris yang "
                                      "bermasalah (dicatat dalam laporan)."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Analisis penelitian: desain menentukan uji; bab hasil dicetak atau ditulis.

    Deskripsi studi: --study BERKAS; tanpa itu sheet "Deskripsi studi" di buku kerja
    (ditulis oleh laktasi template) atau DATA.study.yaml / DATA.yaml di samping data; atau
    --design (variabel hasil dari nama kolom)."""
    check_lang(lang)
    refuse_existing((out, bundle), lang, force=force)
    from laktasi.pipeline import analyse_file, example_files, write_bundle

    files: dict[Path, bytes] = {}
    try:
        if example:
            data, study = example_files(example)
        if data is not None and study is None and design is not None:
            from laktasi.design.infer import study_from_columns
            from laktasi.io import read_table

            header, cells = read_table(data, sheet=sheet, lang=lang)
            study = study_from_columns(header, cells, design, group=group, id_column=id_column,
                                       title=Path(data).stem, lang=lang)
        if data is not None and study is None:
            from laktasi.io import DataError, find_study, read_data

            study = find_study(data, lang=lang)
            if study is None:
                if not Path(data).exists():  # the reader's located "file not found"
                    try:
                        read_data(data)
                    except DataError as exc:
                        raise DataError(exc.report, lang) from None
                stop(say("no_study", lang, path=data))
        if data is None or study is None:
            stop(say("analyze_needs", lang))
        # the terminal shows no figures (as `meta`): drawing them would only cost time
        to_terminal = fmt is None and out is None
        kind = fmt or (out.suffix.lstrip(".") if out else "md")
        with stdout().status(say("analysing", lang)):
            analysis, doc = analyse_file(data, study, lang=lang, sheet=sheet,
                                         drop_invalid=drop_invalid, figures=not to_terminal,
                                         svg=kind in ("html", "json"))  # docx, md: PNG only
        if bundle:
            import tempfile

            with tempfile.TemporaryDirectory() as tmp:
                zipped = write_bundle(Path(tmp) / "bundle.zip", data, study, analysis,
                                      lang=lang)
                files[bundle] = Path(zipped).read_bytes()
        if to_terminal:
            write_files(files, lang, force=force)
            if bundle:
                stderr().print(str(bundle), highlight=False)
            from laktasi.report.terminal import print_document

            print_document(stdout(), doc)
            return
        from laktasi.report.renderers import render

        payload = render(doc, kind, template=template)
    except LaktasiError as exc:
        fail(exc)
    if out is None:
        try:
            text = payload.decode("utf-8")
        except UnicodeDecodeError:
            stop(say("docx_needs_out", lang))
        write_files(files, lang, force=force)
        if bundle:
            stderr().print(str(bundle), highlight=False)
        stdout().file.write(text)
        return
    write_files({**files, out: payload}, lang, force=force)
    if bundle:
        stderr().print(str(bundle), highlight=False)
    stdout().print(str(out), highlight=False)


def demo(lang: str = typer.Option("id", "--lang", help=LANG_HELP)) -> None:
    """Analisis contoh bawaan (Amanda Oku Timur 2023) dan cetak babnya."""
    analyze(data=None, study=None, example="amanda-oku-timur-2023", lang=lang, fmt=None,
            out=None, sheet=None, template=None, bundle=None, drop_invalid=False, design=None,
            group=None, id_column=None, force=False)


def example(
    name: str = typer.Argument(None, help="Nama contoh (lihat --list)."),
    directory: Path = typer.Argument(Path("."), help="Folder tujuan NAMA.xlsx dan NAMA.yaml."),
    list_: bool = typer.Option(False, "--list", help="Daftar contoh bawaan."),
    lang: str = typer.Option("id", "--lang", help=LANG_HELP),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Tulis contoh penelitian bawaan (data .xlsx, deskripsi .yaml) ke FOLDER; berkas yang
    sudah ada tidak ditimpa tanpa --force. `laktasi analyze FOLDER/NAMA.xlsx` lalu membaca
    NAMA.yaml di sampingnya."""
    check_lang(lang)
    import tempfile

    from laktasi.datasets import example_names
    from laktasi.design import load_study
    from laktasi.io import read_rows, write_rows
    from laktasi.pipeline import example_files

    if list_ or name is None:
        for n in example_names():
            typer.echo(n)
        return
    xlsx, yaml = directory / f"{name}.xlsx", directory / f"{name}.yaml"
    try:
        data, study_path = example_files(name)
        study = load_study(study_path)
        with tempfile.TemporaryDirectory() as tmp:
            made = write_rows(read_rows(data, study), Path(tmp) / f"{name}.xlsx", study)
            files = {xlsx: Path(made).read_bytes(), yaml: Path(study_path).read_bytes()}
    except LaktasiError as exc:
        fail(exc)
    write_files(files, lang, folders=[directory], force=force)
    typer.echo(f"{xlsx}\n{yaml}")


def examples() -> None:
    """Daftar contoh bawaan (sama dengan: example --list)."""
    example(name=None, directory=Path("."), list_=True, lang="id", force=False)


def register(app: typer.Typer) -> None:
    """Add ``analyze``, ``demo``, ``example`` and the hidden ``examples`` to ``app``."""
    app.command()(analyze)
    app.command()(demo)
    app.command()(example)
    app.command(hidden=True)(examples)
