"""Command-line interface (thin: io -> design -> stats -> report)."""

from __future__ import annotations

from pathlib import Path

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
err = Console(stderr=True, soft_wrap=True)


@app.command()
def version() -> None:
    """Print the laktasi version."""
    console.print(f"laktasi {__version__}")


def _fail(exc: LaktasiError) -> None:
    err.print(f"[red]{exc}[/red]", highlight=False)
    raise typer.Exit(2)


@app.command()
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
            err.print("[red]Give DATA and --study STUDY.yaml (or --design DESIGN), or "
                      "--example NAME.[/red]")
            raise typer.Exit(2)
        with console.status("Menganalisis…" if lang == "id" else "Analysing…"):
            analysis, doc = analyse_file(data, study, lang=lang, sheet=sheet,
                                         drop_invalid=drop_invalid)
        if bundle:
            from laktasi.report.renderers import cannot_write_error

            try:
                write_bundle(bundle, data, study, analysis, lang=lang)
            except OSError as exc:
                raise cannot_write_error(bundle, exc, lang) from None
            err.print(f"{bundle}")
        if fmt is None and out is None:
            print_document(console, doc)
            return
        payload = render(doc, fmt or (out.suffix.lstrip(".") if out else "md"),
                         template=template)
    except LaktasiError as exc:
        _fail(exc)
    if out:
        from laktasi.report.renderers import write_output

        try:
            write_output(out, payload, lang)
        except LaktasiError as exc:
            _fail(exc)
        console.print(f"{out}")
    else:
        try:
            console.file.write(payload.decode("utf-8"))
        except UnicodeDecodeError:
            err.print("[red]--format docx needs --out FILE.docx[/red]")
            raise typer.Exit(2) from None


@app.command()
def demo(
    lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
) -> None:
    """Analyse the shipped example study (Amanda Oku Timur 2023) and print the chapter."""
    analyze(data=None, study=None, example="amanda-oku-timur-2023", lang=lang, fmt=None,
            out=None, sheet=None, template=None, bundle=None, drop_invalid=False, design=None,
            group=None, id_column=None)


@app.command()
def reconstruct(
    file: str = typer.Argument(..., help="Reported-results YAML (or an example name)."),
    item: str = typer.Argument(..., help="The id of a descriptives, wilcoxon or paired-means "
                               "item."),
    max_: int = typer.Option(10, "--max", help="How many datasets to show."),
    seed: int = typer.Option(0, "--seed"),
    step: float = typer.Option(None, "--step", help="Measurement step of paired data (1 for "
                               "counts, 0.1 for 0.1 cc); default 1 for whole-number data, else "
                               "one decimal fewer than the printed mean."),
    floor: float = typer.Option(0.0, "--floor", help="Lowest possible value where no minimum "
                                "is printed (paired items)."),
    csv_out: Path = typer.Option(None, "--csv", help="Write the paired datasets as CSV "
                                 "(dataset, mother, pre, post)."),
    lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
) -> None:
    """Datasets consistent with the printed numbers — whole numbers for n, mean, SD, min,
    max; pre/post pairs for a Wilcoxon or paired-t item — or proof that none exists."""
    from laktasi.audit import _load
    from laktasi.audit.reconstruct import reconstruct as run
    from laktasi.audit.reconstruct import reconstruct_paired
    from laktasi.audit.schema import validate
    from laktasi.report.numbers import check_lang
    from laktasi.report.words_audit import audit_text

    def say(key: str, **values: object) -> str:
        return audit_text(key, lang, **values)

    try:
        check_lang(lang)
        data, name = _load(file)
        validate(data, name)  # a located message for a file that does not follow the spec
        items = {str(i.get("id")): i for i in data.get("items", []) if isinstance(i, dict)}
        if item not in items:
            err.print(f"[red]{say('rc_no_item', item=item, items=', '.join(items))}[/red]")
            raise typer.Exit(2)
        it = items[item]
        kind = it.get("kind")
        if kind == "descriptives":
            res = run(it, max_datasets=max_, seed=seed)
            if res.impossible:
                console.print(say("rc_none_exists", reason=say(f"rc_{res.reason}"), step="1"))
                raise typer.Exit(1)
            if not res.datasets:
                console.print(say("rc_not_found"))
                raise typer.Exit(1)
            for d in res.datasets:
                console.print(" ".join(map(str, d)))
            return
        if kind not in ("wilcoxon", "paired-means"):
            err.print(f"[red]{say('rc_kind', item=item, kind=kind)}[/red]")
            raise typer.Exit(2)
        pre, post, used = _paired_parts(it, items)
        if pre is None:
            group = f" ({it['group']})" if it.get("group") else ""
            msg = say("rc_needs_pre_post", item=item, variable=it.get("variable"), group=group)
            err.print(f"[red]{msg}[/red]")
            raise typer.Exit(2)
        if step is None:
            step = _default_step(pre, post)
        test = "wilcoxon" if kind == "wilcoxon" else "paired-t"
        res = reconstruct_paired(test, it, pre, post, step=step, floor=floor,
                                 max_datasets=max_, seed=seed)
    except LaktasiError as exc:
        _fail(exc)
    console.print(say("rc_uses", items=", ".join(used)))
    what = [say("rc_step", step=f"{step:g}")] + ([say("rc_floor", floor=f"{floor:g}")]
                                                if floor is not None else [])
    console.print(say("rc_assumed", what="; ".join(what)))
    if res.impossible:
        part, reason = res.reason.split(":")
        console.print(say("rc_none_exists", reason=f"{say('rc_' + part)}: {say('rc_' + reason)}",
                          step=f"{step:g}"))
        raise typer.Exit(1)
    if not res.datasets:
        console.print(say("rc_not_found"))
        raise typer.Exit(1)
    for i, d in enumerate(res.datasets, 1):
        console.print(f"[bold]{say('rc_dataset', i=str(i))}[/bold]")
        console.print("  pre : " + " ".join(f"{a:g}" for a, _ in d), highlight=False)
        console.print("  post: " + " ".join(f"{b:g}" for _, b in d), highlight=False)
    if csv_out is not None:
        from laktasi.report.renderers import write_output

        lines = ["dataset,ibu,pre,post"] + [f"{i},R{k:02d},{a:g},{b:g}"
                                            for i, d in enumerate(res.datasets, 1)
                                            for k, (a, b) in enumerate(d, 1)]
        try:
            write_output(csv_out, ("\n".join(lines) + "\n").encode("utf-8"), lang)
        except LaktasiError as exc:
            _fail(exc)
        console.print(str(csv_out))


def _paired_parts(it: dict, items: dict) -> tuple[dict | None, dict | None, list[str]]:
    """The pre and post summaries of a paired item: its own (paired-means) or the
    descriptives items of the same variable and group (wilcoxon)."""
    if it.get("kind") == "paired-means":
        n = it.get("n")
        pre = dict(it.get("pre") or {}, n=n)
        post = dict(it.get("post") or {}, n=n)
        return pre, post, [str(it["id"])]
    found: dict[str, dict] = {}
    for key, other in items.items():
        if (other.get("kind") == "descriptives" and other.get("variable") == it.get("variable")
                and other.get("group") == it.get("group") and other.get("time") in ("pre", "post")):
            found.setdefault(other["time"], dict(other, _id=key))
    if set(found) != {"pre", "post"}:
        return None, None, []
    return found["pre"], found["post"], [str(it["id"]), found["pre"]["_id"], found["post"]["_id"]]


def _default_step(pre: dict, post: dict) -> float:
    """1 for whole-number data; otherwise one decimal fewer than the printed means."""
    from laktasi.audit.printed import parse_printed

    if pre.get("integer") or post.get("integer"):
        return 1.0
    decimals = max(parse_printed(part["mean"], "mean").decimals for part in (pre, post))
    return 10.0 ** -max(0, decimals - 1)


@app.command()
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
            console.print(n)
        return
    try:
        data, study_path = example_files(name)
        study = load_study(study_path)
        directory.mkdir(parents=True, exist_ok=True)
        write_rows(read_rows(data, study), directory / f"{name}.xlsx", study)
        shutil.copyfile(study_path, directory / f"{name}.yaml")
    except LaktasiError as exc:
        _fail(exc)
    console.print(f"{directory / (name + '.xlsx')}\n{directory / (name + '.yaml')}")


@app.command(hidden=True)
def examples() -> None:
    """List the shipped example studies (same as: example --list)."""
    example(name=None, directory=Path("."), list_=True)


def _register_feature_commands() -> None:
    from laktasi.audit.cli import register as register_audit
    from laktasi.io.cli import register as register_io
    from laktasi.meta.cli import register as register_meta
    from laktasi.power.cli import register as register_power

    register_io(app)
    register_audit(app)
    register_meta(app)
    register_power(app)


_register_feature_commands()


def main() -> None:  # pragma: no cover - console entry point
    app()
