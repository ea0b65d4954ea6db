"""Typer's own words (usage line, section headings, the ``--help`` option, usage errors) in
the user's language.

Typer 0.29 carries its own copy of click whose words are English f-strings, out of reach of
gettext. The command line therefore words them itself, at the two places where they reach
the user: the help formatter (a :class:`HelpFormatter` that every command's context uses)
and the usage error (re-raised as :class:`WordedUsageError`, whose ``show`` writes the
located message in the user's language from the error's fields: the option, the
parameter, the possibilities).

The language is read from the command line itself (``--lang en`` anywhere in it), because
help and usage errors are written before the options are parsed; Indonesian otherwise. It
is made the active language (:func:`laktasi.i18n.use_language`) for the whole run, and the
help texts, written in Indonesian in the code, are translated from the catalogue's section
``cli-help``. The words of this module are the catalogue's section ``click``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

import typer
from typer import _click
from typer._click import exceptions as _exc
from typer._click._compat import get_text_stderr
from typer.core import TyperGroup


def word(key: str, **values: object) -> str:
    """``key`` of the catalogue's section ``click`` in the active language."""
    from laktasi.i18n import text

    return text("click", key, **values)


def language_of(args: Sequence[str]) -> str:
    """The language a command line asks for: ``en`` when it carries ``--lang en`` (or
    ``--lang=en``), else Indonesian. Help and usage errors are written before the options
    are parsed, so they read it here.

    >>> language_of(["analyze", "--help", "--lang", "en"]), language_of(["--help"])
    ('en', 'id')
    """
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args) and args[i + 1] == "en":
            return "en"
        if arg == "--lang=en":
            return "en"
    return "id"


# -- help -----------------------------------------------------------------------------------

class HelpFormatter(_click.HelpFormatter):
    """Click's help layout with its headings, usage line and marks in the user's language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for token in ("COMMAND [ARGS]...", "[OPTIONS]"):
            args = args.replace(token, word(token))
        super().write_usage(prog, args, word("usage") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        from laktasi.i18n import text_or

        super().write_heading(text_or("click", heading, heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        super().write_dl([(term, _help_text(text)) for term, text in rows], col_max,
                         col_spacing)


def _help_text(text: str) -> str:
    from laktasi.i18n import message

    if text == message("click", "help_option", "en"):
        return word("help_option")
    # the marks Typer writes inside an option's help text (through gettext, in English)
    return (text.replace("[default: ", f"[{word('default')}: ")
            .replace("[required]", f"[{word('required')}]"))


class Context(typer.Context):
    formatter_class = HelpFormatter


# -- usage errors -------------------------------------------------------------------------

# The fixed English sentences of Typer's click (parser.py, core.py) that carry no fields
_REQUIRES = re.compile(r"^Option '(?P<option>.+)' requires (?:an argument|(?P<n>\d+) "
                       r"arguments)\.$")
_NO_VALUE = re.compile(r"^Option '(?P<option>.+)' does not take a value\.$")
_NO_COMMAND = re.compile(r"^No such command (?P<name>'.*')\.$")
_EXTRA = re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$")
# Typer's path checks (_param_types.py): "file 'x' does not exist." and the like
_PATH = re.compile(r"^(?P<label>file|dir|directory|path) (?P<path>'.*') "
                   r"(?P<what>does not exist|is a file|is a directory|is not readable|"
                   r"is not writable)\.$")
_PATH_WORDS = {"is a file": "is_file", "is a directory": "is_folder",
               "is not readable": "not_readable", "is not writable": "not_writable"}


def _reason(message: str) -> str:
    """A parameter's conversion error (pydantic's or Typer's words) in the user's
    language; a message of laktasi's own (already worded) is kept."""
    if message.startswith("Input should be a valid number") or "valid float" in message:
        return word("number")
    if message.startswith("Input should be a valid integer") or "valid integer" in message:
        return word("integer")
    if message.startswith("Input should be a valid boolean"):
        return word("boolean")
    match = _PATH.match(message)
    if match:
        what, path = match["what"], match["path"]
        if what == "does not exist":
            key = {"file": "no_file", "dir": "no_folder",
                   "directory": "no_folder"}.get(match["label"], "no_path")
            return word(key, path=path)
        return word(_PATH_WORDS[what], path=path)
    return message


def _param_name(exc: _exc.BadParameter) -> str | None:
    hint: Any = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint()
    if hint is None:
        return None
    if not isinstance(hint, str):
        hint = " / ".join(repr(x) for x in hint)
    return hint


def worded(exc: _exc.UsageError) -> str:
    """The message of a usage error in the user's language, without "Error:"."""
    if isinstance(exc, _exc.NoSuchOption):
        text = word("no_such_option", option=exc.option_name)
        if exc.possibilities:
            text += " " + word("possible", options=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, _exc.MissingParameter):
        name = _param_name(exc) or ""
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "")
        key = {"argument": "missing_argument", "option": "missing_option"}.get(
            kind, "missing_parameter")
        return word(key, name=name)
    if isinstance(exc, _exc.BadParameter):
        name = _param_name(exc)
        reason = _reason(exc.message)
        return (word("bad_value", name=name, reason=reason) if name
                else word("bad_value_plain", reason=reason))
    message = exc.message
    for pattern, key in ((_REQUIRES, None), (_NO_VALUE, "takes_no_value"),
                         (_NO_COMMAND, "no_such_command"), (_EXTRA, "extra_arguments")):
        match = pattern.match(message)
        if not match:
            continue
        if pattern is _REQUIRES:
            if match["n"]:
                return word("needs_values", option=match["option"], n=match["n"])
            return word("needs_value", option=match["option"])
        return word(key, **match.groupdict())
    if message == "Missing command.":
        return word("missing_command")
    return message


class WordedUsageError(_exc.UsageError):
    """A usage error of Typer's click, shown in the user's language (same exit code 2)."""

    def __init__(self, original: _exc.UsageError) -> None:
        super().__init__(worded(original), original.ctx)
        self.original = original

    def show(self, file: IO[Any] | None = None) -> None:
        if file is None:
            file = get_text_stderr()
        color = None
        if self.ctx is not None:
            color = self.ctx.color
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = word("try", command=self.ctx.command_path,
                            option=self.ctx.help_option_names[0]) + "\n"
            _click.echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
        _click.echo(f"{word('error')}: {self.format_message()}", file=file, color=color)


class Group(TyperGroup):
    """The root command: every command's context words its help in the user's language,
    and usage errors are re-raised as :class:`WordedUsageError`."""

    context_class = Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _use_context(self)

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        from laktasi.i18n import use_language

        argv = list(sys.argv[1:] if args is None else args)
        lang = language_of(argv)
        if lang != "id":
            _translate_help(self, lang)
            argv = _help_language(self, argv)
        with use_language(lang):
            return super().main(argv, *rest, **kwargs)

    def make_context(self, *args: Any, **kwargs: Any) -> _click.Context:
        with _worded_errors():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: _click.Context) -> Any:
        with _worded_errors():
            return super().invoke(ctx)


def _help_language(root: _click.Command, argv: list[str]) -> list[str]:
    """``argv`` without its ``--lang en`` when it asks for the help of a command that has
    no ``--lang`` of its own (the groups, ``version``, ``serve``: ``laktasi --help --lang
    en``, ``laktasi power --help --lang en``): its help is written in the language the
    command line asks for.

    >>> from typer.main import get_command
    >>> from laktasi.cli import app
    >>> root = get_command(app)
    >>> _help_language(root, ["power", "--help", "--lang", "en"])
    ['power', '--help']
    >>> _help_language(root, ["power", "simulate", "--help", "--lang", "en"])
    ['power', 'simulate', '--help', '--lang', 'en']
    """
    command, i = root, 0
    while i < len(argv) and not argv[i].startswith("-"):
        sub = getattr(command, "commands", {}).get(argv[i])
        if sub is None:
            break
        command, i = sub, i + 1
    if "--help" not in argv[i:] or any("--lang" in p.opts for p in command.params):
        return argv
    out, j = argv[:i], i
    while j < len(argv):
        if argv[j] == "--lang" and j + 1 < len(argv) and argv[j + 1] == "en":
            j += 2
            continue
        if argv[j] != "--lang=en":
            out.append(argv[j])
        j += 1
    return out


def _translate_help(command: _click.Command, lang: str) -> None:
    """Every help text of ``command`` and its subcommands in ``lang``: the texts are written
    in Indonesian in the code and translated in the catalogue's section ``cli-help`` (the
    Indonesian text is the key). Typer builds the command objects anew for each run, so
    this changes only the run at hand."""
    from laktasi.i18n import text_or

    def translated(help_text: str | None) -> str | None:
        return text_or("cli-help", help_text, help_text, lang) if help_text else help_text

    command.help = translated(command.help)
    command.short_help = translated(command.short_help)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = translated(param.help)  # type: ignore[attr-defined]
    for sub in getattr(command, "commands", {}).values():
        _translate_help(sub, lang)


def _use_context(command: _click.Command) -> None:
    command.context_class = Context
    for sub in getattr(command, "commands", {}).values():
        _use_context(sub)


@contextmanager
def _worded_errors() -> Iterator[None]:
    try:
        yield
    except _exc.NoArgsIsHelpError:
        raise
    except WordedUsageError:
        raise
    except _exc.UsageError as exc:
        raise WordedUsageError(exc) from exc
