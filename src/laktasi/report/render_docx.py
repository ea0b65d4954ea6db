"""Word (.docx) renderer: real, editable Word tables with thesis-style captions.

Captions go above tables ("Tabel 4.1 ...") and below figures ("Gambar 4.1 ..."), headings
use Word's Heading styles, so a campus template's numbering and styles apply. With
``template=`` the report is appended to a copy of the user's own .docx (its styles,
margins and heading numbering kept; its existing text kept before the report).
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .document import Document, Figure, Heading, Paragraph, TableBlock
from .tables import is_numeric_cell
from .words_chapter import w

__all__ = ["render_docx"]


def _border(cell, edge: str, size: int = 8) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tc_pr.append(borders)
    el = OxmlElement(f"w:{edge}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size))
    el.set(qn("w:color"), "000000")
    borders.append(el)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _style(doc, name: str, fallback: str = "Normal") -> str:
    return name if name in [s.name for s in doc.styles] else fallback


def render_docx(document: Document, template: str | Path | None = None) -> bytes:
    doc = WordDocument(str(template)) if template else WordDocument()
    if not template:
        normal = doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(12)
        for section in doc.sections:
            section.left_margin = Cm(4)
            section.right_margin = section.top_margin = section.bottom_margin = Cm(3)
    caption_style = _style(doc, "Caption")
    for block in document.blocks:
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=min(block.level, 9))
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph(block.text)
            if block.style in ("note", "warning"):
                for run in p.runs:
                    run.italic = True
        elif isinstance(block, TableBlock):
            t = block.table
            cap = doc.add_paragraph(f"{w('table_word', document.lang)} {block.number} ",
                                    style=caption_style)
            cap.runs[0].bold = True
            cap.add_run(t.caption)
            has_header = any(h.strip() for h in t.header)
            top = 1 if has_header else 0
            table = doc.add_table(rows=top + len(t.rows), cols=len(t.header))
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            if has_header:
                for j, head in enumerate(t.header):
                    cell = table.rows[0].cells[j]
                    cell.text = head
                    if head:
                        cell.paragraphs[0].runs[0].bold = True
                    _border(cell, "top", 12)
                    _border(cell, "bottom", 6)
                _repeat_header(table.rows[0])
            for i, row in enumerate(t.rows, start=top):
                for j, text in enumerate(row):
                    cell = table.rows[i].cells[j]
                    cell.text = text
                    if j > 0 and is_numeric_cell(text):
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    if i == top and not has_header:
                        _border(cell, "top", 12)
                    if i == top + len(t.rows) - 1:
                        _border(cell, "bottom", 12)
            for note in t.footnotes:
                p = doc.add_paragraph(note)
                for run in p.runs:
                    run.font.size = Pt(10)
        elif isinstance(block, Figure):
            doc.add_picture(io.BytesIO(block.png), width=Cm(11))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            cap = doc.add_paragraph(f"{w('figure_word', document.lang)} {block.number} ",
                                    style=caption_style)
            cap.runs[0].bold = True
            cap.add_run(block.caption)
            cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
