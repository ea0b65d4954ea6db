"""Render report tables to the terminal with Rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .tables import ReportTable

__all__ = ["print_table"]


def print_table(console: Console, table: ReportTable) -> None:
    rich_table = Table(title=table.caption, title_justify="left", show_lines=False)
    for i, head in enumerate(table.header):
        rich_table.add_column(head, justify="left" if i == 0 else "right")
    for row in table.rows:
        rich_table.add_row(*row)
    console.print(rich_table)
    for note in table.footnotes:
        console.print(f"  [dim]{note}[/dim]")
