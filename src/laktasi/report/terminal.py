"""Render report tables and whole documents to the terminal with Rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from laktasi.i18n.chapter import w

from .document import Document, Figure, Heading, Paragraph, TableBlock, plain_text
from .tables import ReportTable

__all__ = ["document_text", "print_document", "print_table"]


def print_table(console: Console, table: ReportTable, number: str = "", lang: str = "id") -> None:
    title = f"{w('table_word', lang)} {number} {table.caption}" if number else table.caption
    rich_table = Table(title=_t(title), title_justify="left", show_lines=False)
    for i, head in enumerate(table.header):
        rich_table.add_column(_t(head), justify="left" if i == 0 else "right")
    for row in table.rows:
        rich_table.add_row(*(_t(c) for c in row))
    console.print(rich_table)
    for note in table.footnotes:
        console.print(f"  [dim]{_t(note)}[/dim]")


def _t(text: str) -> str:
    """Terminal text: 'd_z' for a subscript, Rich markup escaped."""
    from rich.markup import escape

    return escape(plain_text(text, "_"))


def print_document(console: Console, doc: Document) -> None:
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                console.rule(f"[bold]{_t(block.text)}")
            else:
                console.print(f"\n[bold]{_t(block.text)}[/bold]", highlight=False)
        elif isinstance(block, TableBlock):
            print_table(console, block.table, block.number, doc.lang)
        elif isinstance(block, Paragraph):
            style = {"warning": "yellow", "note": "italic"}.get(block.style, "")
            console.print(f"[{style}]{_t(block.text)}[/{style}]" if style else _t(block.text),
                          highlight=False)
        elif isinstance(block, Figure):
            console.print(f"[dim]({w('figure_word', doc.lang)} {block.number} "
                          f"{_t(block.caption)})[/dim]")
        console.print()


def document_text(doc: Document, width: int = 100) -> str:
    """The terminal's rendering of ``doc`` as plain text (no colours), ``width`` characters
    wide: what ``--format text --out FILE`` writes and the web app's text download."""
    from io import StringIO

    buffer = StringIO()
    print_document(Console(file=buffer, width=width, color_system=None, force_terminal=False,
                           force_jupyter=False, emoji=False), doc)
    return buffer.getvalue()
