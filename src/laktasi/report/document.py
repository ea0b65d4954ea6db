"""The report as a document model that every renderer (md, html, docx, terminal) reads.

A :class:`Document` is a sequence of blocks — headings, paragraphs, numbered
tables (:class:`~laktasi.report.tables.ReportTable`) and figures — already in
the reader's language. Renderers only lay them out; they add no words.

Inline markup: text may carry a subscript written ``_{...}`` (``d_{z}``, ``g_{av}``);
Word prints it as a subscript run, HTML and Markdown as ``<sub>``, the terminal as
``d_z``. JSON keeps the markup as it is. :func:`inline_runs` splits a text into its
plain and subscript parts; :func:`plain_text` drops the markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .tables import ReportTable

__all__ = ["Document", "Figure", "Heading", "Paragraph", "TableBlock", "inline_runs",
           "plain_text"]

_SUB = re.compile(r"_\{([^{}]*)\}")


def inline_runs(text: str) -> list[tuple[str, bool]]:
    """``(text, is_subscript)`` parts of a text with ``_{...}`` subscripts.

    >>> inline_runs("d_{z} = 0,88")
    [('d', False), ('z', True), (' = 0,88', False)]
    """
    runs: list[tuple[str, bool]] = []
    pos = 0
    for m in _SUB.finditer(text):
        if m.start() > pos:
            runs.append((text[pos:m.start()], False))
        runs.append((m.group(1), True))
        pos = m.end()
    if pos < len(text) or not runs:
        runs.append((text[pos:], False))
    return runs


def plain_text(text: str, sub: str = "") -> str:
    """The text without markup: ``d_{z}`` -> ``dz`` (or ``d_z`` with ``sub="_"``)."""
    return _SUB.sub(lambda m: sub + m.group(1), text)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1 = chapter ("BAB 4 ..."), 2 = section, 3 = subsection


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body | note | warning


@dataclass(frozen=True)
class TableBlock:
    number: str  # "4.1"
    table: ReportTable

    @property
    def caption(self) -> str:
        return self.table.caption


@dataclass(frozen=True)
class Figure:
    number: str  # "4.1"
    caption: str
    png: bytes  # rendered image (PNG, 150 dpi)
    svg: str = ""
    alt: str = ""


Block = Heading | Paragraph | TableBlock | Figure


@dataclass(frozen=True)
class Document:
    """A report in the reader's language: ``blocks`` to lay out, ``meta`` about it (kind,
    study, counts) and, for a document that words machine-readable results, ``data``: those
    results as JSON-ready values with their codes (the audit's findings as the
    reported-results spec defines them). The JSON renderer writes ``data`` when there is
    any, since a program reads codes and numbers rather than sentences, and the blocks
    otherwise; every other renderer lays out the blocks."""

    title: str
    lang: str
    blocks: tuple[Block, ...]
    meta: dict[str, Any] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks if isinstance(b, Figure)]
