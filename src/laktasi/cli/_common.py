"""What every command module shares: the two consoles and the exit for a LaktasiError.

Rich is imported when something is printed, not when the command line starts, so that
``laktasi --help`` and ``laktasi version`` start fast.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from laktasi.errors import LaktasiError


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


def fail(exc: LaktasiError) -> NoReturn:
    """Print a LaktasiError's located message and exit with code 2 (cannot run)."""
    stderr().print(f"[red]{exc}[/red]", highlight=False)
    raise typer.Exit(2)
