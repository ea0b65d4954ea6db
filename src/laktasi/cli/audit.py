"""``laktasi audit``, ``extract`` and ``reconstruct``, registered on the main app by
:func:`register`.

Thin: read options, call :func:`laktasi.audit.audit`, lay the report out as a document
(:func:`laktasi.report.audit_document.audit_document`), print it or render it with the
report's renderers (md, html, json, docx) and set the exit code (0: no error finding;
1: at least one error finding; 2: the input cannot be read or the output cannot be
written).
"""

from __future__ import annotations

from pathlib import Path

import typer

from laktasi.errors import LaktasiError

from ._common import (
    FORCE_HELP,
    FOUND,
    LANG_HELP,
    check_lang,
    fail,
    refuse_existing,
    say,
    stderr,
    stdout,
    stop,
    write_file,
)

__all__ = ["register"]


_SUFFIXES = {".txt": "text", ".md": "md", ".html": "html", ".htm": "html", ".json": "json",
             ".docx": "docx"}


def audit_command(
    file: str = typer.Argument(None, help="Berkas YAML hasil yang dilaporkan."),
    example: str = typer.Option(None, "--example", help="Audit makalah contoh bawaan, bukan "
                                "berkas."),
    fmt: str = typer.Option(None, "--format", help="text (layar, bawaan), md, html, json "
                            "atau docx; tanpa --format, dari akhiran --out."),
    out: Path = typer.Option(None, "--out", help="Tulis laporan ke berkas ini (docx "
                             "memerlukannya)."),
    template: Path = typer.Option(None, "--template", help="Templat .docx kampus Anda."),
    lang: str = typer.Option("id", "--lang", help=LANG_HELP),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Periksa angka yang dicetak makalah: hitung ulang, periksa silang, jelaskan yang tidak
    mungkin benar (kode keluar 1 bila ada temuan galat). Berkas --out yang sudah ada tidak
    ditimpa tanpa --force."""
    check_lang(lang)
    from laktasi.audit import audit, example_names
    from laktasi.report.renderers import RENDERERS

    formats = ("text", *sorted(RENDERERS))
    names = ", ".join(example_names())
    if (file is None) == (example is None):
        stop(say("audit_needs", lang, names=names))
    if example is not None and example not in example_names():
        stop(say("bad_example", lang, value=example, names=names))
    suffix = out.suffix.lower() if out is not None else ""
    kind = fmt or (_SUFFIXES.get(suffix, suffix[1:]) if suffix else "text")  # .pdf: refused
    if kind not in formats:
        stop(say("bad_format", lang, value=kind, allowed=", ".join(formats)))
    if kind == "docx" and out is None:
        stop(say("docx_needs_out", lang))
    refuse_existing([out], lang, force=force)
    from laktasi.report.audit_document import audit_document

    try:
        report = audit(example or file, lang=lang)
        doc = audit_document(report)
        if kind == "text" and out is None:
            from laktasi.report.terminal import print_document

            print_document(stdout(), doc)
        elif kind == "text":
            from laktasi.report.terminal import document_text

            write_file(out, document_text(doc), lang, force=force)
        else:
            from laktasi.report.renderers import render

            payload = render(doc, kind, template=template)
            if out is None:
                text = payload.decode("utf-8")
                stdout().file.write(text if text.endswith("\n") else text + "\n")
            else:
                write_file(out, payload, lang, force=force)
    except LaktasiError as exc:
        fail(exc)
    if out is not None:
        stdout().print(str(out), highlight=False)
    if report.exit_code:  # an error finding, or a file that gave (almost) nothing to check
        raise typer.Exit(FOUND)


def extract_command(
    paper: str = typer.Argument(..., help="Makalah: teks biasa (UTF-8) atau PDF."),
    out: Path = typer.Option(None, "--out", help="Tulis draf YAML ke berkas ini."),
    lang: str = typer.Option("id", "--lang", help=LANG_HELP),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Draf YAML hasil yang dilaporkan dari teks makalah (.txt atau .pdf); setiap nilai adalah
    tebakan yang perlu dikonfirmasi."""
    from laktasi.audit.extract import ExtractInputError, extract_file
    from laktasi.i18n.audit import draft_written

    check_lang(lang)
    refuse_existing([out], lang, force=force)
    try:
        draft = extract_file(paper, lang=lang)
    except ExtractInputError as exc:
        fail(exc)
    yaml_text = draft.to_yaml(lang)
    if out is None:
        typer.echo(yaml_text, nl=False)
        return
    write_file(out, yaml_text, lang, force=force)
    stderr().print(draft_written(out, len(draft.guesses), len(draft.missing), lang),
                   markup=False)


def reconstruct(
    file: str = typer.Argument(..., help="Berkas YAML hasil yang dilaporkan (atau nama "
                              "contoh)."),
    item: str = typer.Argument(..., help="id butir descriptives, wilcoxon atau "
                               "paired-means."),
    max_: int = typer.Option(10, "--max", help="Jumlah dataset yang ditampilkan."),
    seed: int = typer.Option(0, "--seed", help="Benih acak pencarian."),
    step: float = typer.Option(None, "--step", help="Langkah ukur data berpasangan (1 untuk "
                               "hitungan, 0.1 untuk 0,1 cc); bawaan 1 untuk bilangan bulat, "
                               "selain itu satu desimal lebih sedikit dari rerata tercetak."),
    floor: float = typer.Option(0.0, "--floor", help="Nilai terendah yang mungkin bila "
                                "minimum tidak dicetak (butir berpasangan)."),
    csv_out: Path = typer.Option(None, "--csv", help="Tulis dataset berpasangan sebagai CSV "
                                 "(dataset, ibu, pre, post)."),
    lang: str = typer.Option("id", "--lang", help=LANG_HELP),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Dataset yang cocok dengan angka tercetak (bilangan bulat untuk n, rerata, SD, min,
    maks; pasangan pre/post untuk butir Wilcoxon atau uji t berpasangan), atau bukti bahwa
    tidak ada (kode keluar 1)."""
    check_lang(lang)
    refuse_existing([csv_out], lang, force=force)
    from laktasi.audit import load_file
    from laktasi.audit.reconstruct import reconstruct as run
    from laktasi.audit.reconstruct import reconstruct_paired
    from laktasi.audit.schema import validate
    from laktasi.i18n.audit import audit_text

    def rc(key: str, **values: object) -> str:
        return audit_text(key, lang, **values)

    try:
        data, name = load_file(file)
        validate(data, name)  # a located message for a file that does not follow the spec
        items = {str(i.get("id")): i for i in data.get("items", []) if isinstance(i, dict)}
        if item not in items:
            stop(rc("rc_no_item", item=item, items=", ".join(items)))
        it = items[item]
        kind = it.get("kind")
        if kind == "descriptives":
            res = run(it, max_datasets=max_, seed=seed)
            if res.impossible:
                stdout().print(rc("rc_none_exists", reason=rc(f"rc_{res.reason}"), step="1"))
                raise typer.Exit(FOUND)
            if not res.datasets:
                stdout().print(rc("rc_not_found"))
                raise typer.Exit(FOUND)
            for d in res.datasets:
                stdout().print(" ".join(map(str, d)))
            return
        if kind not in ("wilcoxon", "paired-means"):
            stop(rc("rc_kind", item=item, kind=kind))
        pre, post, used = _paired_parts(it, items)
        if pre is None:
            group = f" ({it['group']})" if it.get("group") else ""
            msg = rc("rc_needs_pre_post", item=item, variable=it.get("variable"), group=group)
            stop(msg)
        if step is None:
            step = _default_step(pre, post)
        test = "wilcoxon" if kind == "wilcoxon" else "paired-t"
        res = reconstruct_paired(test, it, pre, post, step=step, floor=floor,
                                 max_datasets=max_, seed=seed)
    except LaktasiError as exc:
        fail(exc)
    stdout().print(rc("rc_uses", items=", ".join(used)))
    what = [rc("rc_step", step=f"{step:g}")] + ([rc("rc_floor", floor=f"{floor:g}")]
                                                if floor is not None else [])
    stdout().print(rc("rc_assumed", what="; ".join(what)))
    if res.impossible:
        part, reason = res.reason.split(":")
        stdout().print(rc("rc_none_exists", reason=f"{rc('rc_' + part)}: {rc('rc_' + reason)}",
                          step=f"{step:g}"))
        raise typer.Exit(FOUND)
    if not res.datasets:
        stdout().print(rc("rc_not_found"))
        raise typer.Exit(FOUND)
    for i, d in enumerate(res.datasets, 1):
        stdout().print(f"[bold]{rc('rc_dataset', i=str(i))}[/bold]")
        stdout().print("  pre : " + " ".join(f"{a:g}" for a, _ in d), highlight=False)
        stdout().print("  post: " + " ".join(f"{b:g}" for _, b in d), highlight=False)
    if csv_out is not None:
        lines = ["dataset,ibu,pre,post"] + [f"{i},R{k:02d},{a:g},{b:g}"
                                            for i, d in enumerate(res.datasets, 1)
                                            for k, (a, b) in enumerate(d, 1)]
        write_file(csv_out, "\n".join(lines) + "\n", lang, force=force)
        stdout().print(str(csv_out), highlight=False)


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


def register(app: typer.Typer) -> None:
    """Add ``audit FILE.yaml [--format text|md|html|json|docx] [--out FILE] [--lang id|en]
    [--example NAME]``,
    ``extract PAPER.txt [--out draft.yaml] [--lang id|en]`` and ``reconstruct FILE ITEM``."""
    app.command("reconstruct")(reconstruct)
    app.command("extract")(extract_command)
    app.command("audit")(audit_command)
