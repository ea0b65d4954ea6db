"""``laktasi audit``, ``extract`` and ``reconstruct``, registered on the main app by
:func:`register`.

Thin: read options, call :func:`laktasi.audit.audit`, render, set the exit code
(0: no error finding; 1: at least one error finding; 2: the input cannot be read).
"""

from __future__ import annotations

from pathlib import Path

import typer

from laktasi.errors import LaktasiError

from ._common import fail, stderr, stdout

__all__ = ["register"]


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

    if (file is None) == (example is None):
        stderr().print("Give FILE.yaml or --example NAME (one of "
                  f"{', '.join(example_names())}).", markup=False)
        raise typer.Exit(2)
    if example is not None and example not in example_names():
        stderr().print(f"--example {example!r}: choose one of {', '.join(example_names())}.",
                  markup=False)
        raise typer.Exit(2)
    if fmt not in RENDERERS:
        stderr().print(f"--format {fmt!r}: choose {', '.join(RENDERERS)}.", markup=False)
        raise typer.Exit(2)
    try:
        report = audit(example or file, lang=lang)
        text = render_audit(report, fmt, lang)
    except LaktasiError as exc:
        stderr().print(f"error: {exc.message}", markup=False)
        raise typer.Exit(2) from None
    stdout().file.write(text + "\n")
    if report.exit_code:  # an error finding, or a file that gave (almost) nothing to check
        raise typer.Exit(1)


def extract_command(
    paper: str = typer.Argument(..., help="The paper: plain text (UTF-8) or PDF."),
    out: str = typer.Option(None, "--out", help="Write the draft YAML to this file."),
    lang: str = typer.Option("id", "--lang", help="id (Indonesian) or en (English)."),
) -> None:
    """Draft the reported-results YAML from a paper's text; every value is a guess to
    confirm (exit code 2 when the text cannot be read)."""
    from laktasi.audit.extract import ExtractInputError, extract_file
    from laktasi.report.words_extract import extract_words

    if lang not in ("id", "en"):
        stderr().print(extract_words("bad_lang", "en", value=lang), markup=False)
        raise typer.Exit(2)
    try:
        draft = extract_file(paper, lang=lang)
    except ExtractInputError as exc:
        stderr().print(exc.message, markup=False)
        raise typer.Exit(2) from None
    yaml_text = draft.to_yaml(lang)
    if out is None:
        typer.echo(yaml_text, nl=False)
        return
    Path(out).write_text(yaml_text, encoding="utf-8")
    stderr().print(extract_words("written", lang, path=out, guesses=len(draft.guesses),
                            missing=len(draft.missing)), markup=False)


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
            stderr().print(f"[red]{say('rc_no_item', item=item, items=', '.join(items))}[/red]")
            raise typer.Exit(2)
        it = items[item]
        kind = it.get("kind")
        if kind == "descriptives":
            res = run(it, max_datasets=max_, seed=seed)
            if res.impossible:
                stdout().print(say("rc_none_exists", reason=say(f"rc_{res.reason}"), step="1"))
                raise typer.Exit(1)
            if not res.datasets:
                stdout().print(say("rc_not_found"))
                raise typer.Exit(1)
            for d in res.datasets:
                stdout().print(" ".join(map(str, d)))
            return
        if kind not in ("wilcoxon", "paired-means"):
            stderr().print(f"[red]{say('rc_kind', item=item, kind=kind)}[/red]")
            raise typer.Exit(2)
        pre, post, used = _paired_parts(it, items)
        if pre is None:
            group = f" ({it['group']})" if it.get("group") else ""
            msg = say("rc_needs_pre_post", item=item, variable=it.get("variable"), group=group)
            stderr().print(f"[red]{msg}[/red]")
            raise typer.Exit(2)
        if step is None:
            step = _default_step(pre, post)
        test = "wilcoxon" if kind == "wilcoxon" else "paired-t"
        res = reconstruct_paired(test, it, pre, post, step=step, floor=floor,
                                 max_datasets=max_, seed=seed)
    except LaktasiError as exc:
        fail(exc)
    stdout().print(say("rc_uses", items=", ".join(used)))
    what = [say("rc_step", step=f"{step:g}")] + ([say("rc_floor", floor=f"{floor:g}")]
                                                if floor is not None else [])
    stdout().print(say("rc_assumed", what="; ".join(what)))
    if res.impossible:
        part, reason = res.reason.split(":")
        stdout().print(say("rc_none_exists", reason=f"{say('rc_' + part)}: {say('rc_' + reason)}",
                          step=f"{step:g}"))
        raise typer.Exit(1)
    if not res.datasets:
        stdout().print(say("rc_not_found"))
        raise typer.Exit(1)
    for i, d in enumerate(res.datasets, 1):
        stdout().print(f"[bold]{say('rc_dataset', i=str(i))}[/bold]")
        stdout().print("  pre : " + " ".join(f"{a:g}" for a, _ in d), highlight=False)
        stdout().print("  post: " + " ".join(f"{b:g}" for _, b in d), highlight=False)
    if csv_out is not None:
        from laktasi.report.renderers import write_output

        lines = ["dataset,ibu,pre,post"] + [f"{i},R{k:02d},{a:g},{b:g}"
                                            for i, d in enumerate(res.datasets, 1)
                                            for k, (a, b) in enumerate(d, 1)]
        try:
            write_output(csv_out, ("\n".join(lines) + "\n").encode("utf-8"), lang)
        except LaktasiError as exc:
            fail(exc)
        stdout().print(str(csv_out))


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
    """Add ``audit FILE.yaml [--format text|json|html] [--lang id|en] [--example NAME]``,
    ``extract PAPER.txt [--out draft.yaml] [--lang id|en]`` and ``reconstruct FILE ITEM``."""
    app.command("reconstruct")(reconstruct)
    app.command("extract")(extract_command)
    app.command("audit")(audit_command)
