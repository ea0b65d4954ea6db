"""What every command module shares: the consoles, the words of the command line (section
``cli`` of :mod:`laktasi.i18n`; the root command makes ``--lang`` the active language for
the whole run, see :mod:`laktasi.cli._click`), the exit codes and the one way to write a
file (whole or not at all, never over an existing file without ``--force``).

Exit codes, for every command: ``OK`` 0; ``FOUND`` 1 (the command ran and found problems:
``check``, ``audit``, ``reconstruct``); ``CANNOT_RUN`` 2 (a bad option, an input that cannot
be read or analysed, a file that cannot be written; Typer's own usage errors are 2 too).

Rich is imported when something is printed, not when the command line starts, so that
``laktasi --help`` and ``laktasi version`` start fast.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from laktasi.errors import LaktasiError

OK, FOUND, CANNOT_RUN = 0, 1, 2

LANG_HELP = "Bahasa: id (Indonesia) atau en (Inggris)."
FORCE_HELP = "Timpa berkas keluaran yang sudah ada (tanpa --force tidak ditimpa)."

_REASONS = {errno.ENOENT: "no_folder", errno.EACCES: "denied", errno.EPERM: "denied",
            errno.EISDIR: "is_dir", errno.ENOTDIR: "not_dir", errno.ENOSPC: "no_space",
            errno.EROFS: "read_only", errno.ENAMETOOLONG: "too_long",
            errno.EEXIST: "exists"}


def say(key: str, lang: str | None = None, **values: object) -> str:
    """A message of the command line (section ``cli`` of the catalogue) in ``lang`` (None:
    the active language; Indonesian for an unknown language)."""
    from laktasi.i18n import spoken, text

    return text("cli", key, spoken(lang), **values)


@cache
def stdout() -> Console:
    """The console for results (standard output)."""
    from rich.console import Console

    return Console()


@cache
def stderr() -> Console:
    """The console for messages (standard error)."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


def stop(message: str, code: int = CANNOT_RUN) -> NoReturn:
    """Print ``message`` (plain text, red) on standard error and exit with ``code``."""
    from rich.text import Text

    stderr().print(Text(message, style="red"), highlight=False)
    raise typer.Exit(code)


def fail(exc: LaktasiError, lang: str | None = None) -> NoReturn:
    """Print a LaktasiError's located message in ``lang`` and exit with code 2 (cannot run).

    ``lang`` None: the running command's ``--lang`` (Typer's context), else the active
    language. Errors the raiser already worded (data, study description) print as they
    are; see :func:`laktasi.i18n.errors.error_text`."""
    from laktasi.i18n.errors import error_text

    stop(error_text(exc, lang if lang is not None else _command_lang()))


def _command_lang() -> str | None:
    """The ``--lang`` of the command being run, when it has a valid one."""
    try:  # Typer 0.29 runs the commands with its own copy of click
        from typer._click.globals import get_current_context
    except ImportError:  # pragma: no cover - another Typer: the active language
        return None
    ctx = get_current_context(silent=True)
    while ctx is not None:
        lang = ctx.params.get("lang")
        if lang in ("id", "en"):
            return str(lang)
        ctx = ctx.parent
    return None


def check_lang(lang: str) -> str:
    """``lang`` when it is id or en; otherwise stop with exit code 2."""
    if lang not in ("id", "en"):
        stop(say("bad_lang", "id", value=lang))
    return lang


def cannot_write(path: str | Path, exc: OSError, lang: str) -> str:
    """The located message for a file that cannot be written, in ``lang``."""
    reason = _REASONS.get(exc.errno) if exc.errno is not None else None
    text = say(reason, lang) if reason else (exc.strerror or type(exc).__name__)
    return say("cannot_write", lang, path=path, reason=text)


def refuse_existing(paths: Iterable[str | Path | None], lang: str, *, force: bool) -> None:
    """Stop with exit code 2 and a located message in ``lang`` when one of ``paths`` exists
    (a file the user may have filled in, yesterday's chapter), unless ``force``. Commands
    call it before the work, so that nothing is computed for a file that will not be
    written; :func:`write_files` checks again."""
    if force:
        return
    for path in paths:
        # a folder of that name cannot be written, with or without --force: write_files says so
        if path is not None and Path(path).exists() and not Path(path).is_dir():
            stop(say("refused", lang, path=path))


def write_file(path: str | Path, data: bytes | str, lang: str, *, force: bool = False
               ) -> None:
    """Write one file whole or not at all; see :func:`write_files`."""
    write_files({Path(path): data}, lang, force=force)


def write_files(files: dict[Path, bytes | str], lang: str, *,
                folders: Iterable[Path] = (), force: bool = False) -> None:
    """Write every file whole or none: each into a temporary file beside it, then all
    renamed over their targets. A target that exists stops the command (exit code 2, a
    located message in ``lang``) before anything is written, unless ``force``. A file that
    cannot be written stops the command with a located message in ``lang`` and exit code
    2, and nothing is left behind (no partial file, no folder made for it). ``folders`` are
    created first where missing (other missing folders are an error)."""
    refuse_existing(files, lang, force=force)
    made: list[Path] = []
    done: list[Path] = []
    current: Path | None = None
    try:
        for path in files:
            current = path
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        for folder in folders:
            current = folder
            missing = [f for f in (folder, *folder.parents) if not f.exists()]
            folder.mkdir(parents=True, exist_ok=True)
            made += missing
        for path, data in files.items():
            current = path
            tmp = _tmp(path)
            done.append(tmp)
            with open(tmp, "wb") as fh:
                fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        for path in files:
            current = path
            os.replace(_tmp(path), path)
    except OSError as exc:
        for leftover in done:
            try:
                leftover.unlink(missing_ok=True)
            except OSError:
                pass
        for folder in made:  # deepest first
            try:
                folder.rmdir()
            except OSError:
                pass
        temporary = exc.filename is None or str(exc.filename).endswith(".tmp")
        stop(cannot_write(current if temporary else exc.filename, exc, lang))


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")
