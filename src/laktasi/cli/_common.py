"""What every command module shares: the two consoles and the exit for a LaktasiError."""

from __future__ import annotations

import typer
from rich.console import Console

from laktasi.errors import LaktasiError

console = Console()
err = Console(stderr=True, soft_wrap=True)


def _fail(exc: LaktasiError) -> None:
    err.print(f"[red]{exc}[/red]", highlight=False)
    raise typer.Exit(2)
