"""The report as a document model that every renderer (md, html, docx, terminal) reads.

A :class:`Document` is a sequence of blocks — headings, paragraphs, numbered
tables (:class:`~laktasi.report.tables.ReportTable`) and figures — already in
the reader's language. Renderers only lay them out; they add no words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .tables import ReportTable

__all__ = ["Document", "Figure", "Heading", "Paragraph", "TableBlock"]


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
    title: str
    lang: str
    blocks: tuple[Block, ...]
    meta: dict[str, Any] = field(default_factory=dict)

    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks if isinstance(b, Figure)]
