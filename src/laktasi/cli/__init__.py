"""Command-line interface (thin: io -> design -> stats -> report).

One module per command group, each with ``register(app)``: ``analyze`` (analyze, demo,
example), ``data`` (template, check), ``audit`` (audit, extract, reconstruct), ``meta``,
``power``, ``serve`` (the web app). Nothing heavy is imported before a command runs: the
command modules import typer and the standard library only, and each command imports what
it needs.

Exit codes, for every command: 0 ok; 1 the command ran and found problems (check, audit,
reconstruct); 2 the command cannot run (bad option or file, a file that cannot be written).
"""

from __future__ import annotations

import gc
import os
import sys

import typer

from laktasi import __version__

from ._click import Group

HELP = """Analisis, laporan dan audit penelitian ASI / pijat oksitosin.

\b
Kode keluar (semua perintah):
  0  selesai, tidak ada masalah
  1  selesai, ada temuan atau masalah (check, audit, reconstruct)
  2  tidak dapat berjalan (perintah atau opsi salah; berkas tidak dapat dibaca,
     dianalisis atau ditulis)

Bahasa Indonesia bawaan; --lang en untuk bahasa Inggris."""


class _App(typer.Typer):
    def __call__(self, *args, **kwargs):
        # `laktasi version` as the console script runs it answers before Typer parses the
        # command line (Typer 0.29 imports pydantic to parse even a command without options).
        if not args and not kwargs and sys.argv[1:] == ["version"]:
            sys.stdout.write(f"laktasi {__version__}\n")
            return 0
        if not args and not kwargs and sys.argv[1:2] != ["serve"]:
            # A command is a short process whose imports make hundreds of thousands of
            # objects that live to the end: with the default thresholds the cyclic garbage
            # collector runs ~290 times during `analyze` (~10% of its CPU time, issue 14).
            gc.set_threshold(50_000, 20, 100)
            # numpy and scipy each start an OpenBLAS thread pool whose threads spin on the
            # other cores (~0.2 s of CPU per command); no command multiplies matrices
            # large enough to gain from them. A user's own setting wins.
            os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        return super().__call__(*args, **kwargs)


app = _App(
    name="laktasi",
    help=HELP,
    no_args_is_help=True,
    add_completion=False,
    cls=Group,  # Typer's own words (usage, headings, usage errors) in the user's language
    rich_markup_mode=None,  # plain help: the Rich help imports Markdown, Pygments, ... (90 ms)
)


@app.command()
def version() -> None:
    """Cetak versi laktasi."""
    typer.echo(f"laktasi {__version__}")


def _register_commands() -> None:
    from . import analyze, audit, data, meta, power, serve

    analyze.register(app)
    data.register(app)
    audit.register(app)
    meta.register(app)
    power.register(app)
    serve.register(app)


_register_commands()


def main() -> None:  # pragma: no cover - console entry point
    app()
