"""Renderers of a Document, registered by name (peers: md, html, json, docx).

``render(doc, "html")`` returns bytes; ``RENDERERS`` maps each format to its function.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Callable
from pathlib import Path

from laktasi.errors import InvalidOptionError

from .document import Document, Figure, Heading, Paragraph, TableBlock
from .tables import is_numeric_cell
from .words_chapter import w

__all__ = ["RENDERERS", "render"]


def _caption(doc: Document, block: TableBlock) -> str:
    return f"{w('table_word', doc.lang)} {block.number} {block.caption}"


def render_md(doc: Document) -> bytes:
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, Heading):
            out.append("#" * b.level + " " + b.text)
        elif isinstance(b, Paragraph):
            out.append(f"> {b.text}" if b.style in ("warning", "note") else b.text)
        elif isinstance(b, TableBlock):
            t = b.table
            out.append(f"**{_caption(doc, b)}**\n")
            out.append("| " + " | ".join(h or " " for h in t.header) + " |")
            out.append("|" + "|".join("---" for _ in t.header) + "|")
            out.extend("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |"
                       for row in t.rows)
            out.extend(f"\n_{note}_" for note in t.footnotes)
        elif isinstance(b, Figure):
            data = base64.b64encode(b.png).decode()
            out.append(f"![{b.alt or b.caption}](data:image/png;base64,{data})\n\n"
                       f"*{w('figure_word', doc.lang)} {b.number} {b.caption}*")
        out.append("")
    return "\n".join(out).encode("utf-8")


_CSS = """body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:60em;margin:2em auto;
line-height:1.5;color:#111}table{border-collapse:collapse;margin:.5em 0 1.5em}
caption{text-align:left;font-weight:bold;padding:.3em 0}th,td{padding:.2em .8em}
thead tr{border-top:2px solid #000;border-bottom:1px solid #000}
tbody tr:last-child{border-bottom:2px solid #000}td.num{text-align:right}
table:not(:has(thead)) tbody tr:first-child{border-top:2px solid #000}.note{font-style:italic}
.warning{border-left:4px solid #c80;padding-left:.6em;background:#fff8e6}
.foot{font-size:.9em;color:#333}figure{margin:1em 0}"""


def render_html(doc: Document) -> bytes:
    e = html.escape
    parts = [f"<!DOCTYPE html><html lang='{doc.lang}'><head><meta charset='utf-8'>"
             f"<title>{e(doc.title)}</title><style>{_CSS}</style></head><body>"]
    for b in doc.blocks:
        if isinstance(b, Heading):
            parts.append(f"<h{b.level}>{e(b.text)}</h{b.level}>")
        elif isinstance(b, Paragraph):
            parts.append(f"<p class='{e(b.style)}'>{e(b.text)}</p>")
        elif isinstance(b, TableBlock):
            t = b.table
            head = "".join(f"<th>{e(h)}</th>" for h in t.header)
            thead = f"<thead><tr>{head}</tr></thead>" if any(h.strip() for h in t.header) else ""
            body = "".join("<tr>" + "".join(
                f"<td class='num'>{e(c)}</td>" if j and is_numeric_cell(c) else f"<td>{e(c)}</td>"
                for j, c in enumerate(row)) + "</tr>" for row in t.rows)
            parts.append(f"<table><caption>{e(_caption(doc, b))}</caption>{thead}"
                         f"<tbody>{body}</tbody></table>")
            parts.extend(f"<p class='foot'>{e(n)}</p>" for n in t.footnotes)
        elif isinstance(b, Figure):
            data = base64.b64encode(b.png).decode()
            parts.append(f"<figure><img alt='{e(b.alt or b.caption)}' "
                         f"src='data:image/png;base64,{data}'><figcaption>"
                         f"{e(w('figure_word', doc.lang))} {e(b.number)} {e(b.caption)}"
                         "</figcaption></figure>")
    parts.append("</body></html>")
    return "".join(parts).encode("utf-8")


def render_json(doc: Document) -> bytes:
    """The document as JSON; figures are listed by number and caption (images omitted)."""
    blocks = []
    for b in doc.blocks:
        if isinstance(b, Heading):
            blocks.append({"type": "heading", "level": b.level, "text": b.text})
        elif isinstance(b, Paragraph):
            blocks.append({"type": "paragraph", "style": b.style, "text": b.text})
        elif isinstance(b, TableBlock):
            blocks.append({"type": "table", "number": b.number, "caption": b.caption,
                           "header": list(b.table.header),
                           "rows": [list(r) for r in b.table.rows],
                           "footnotes": list(b.table.footnotes)})
        elif isinstance(b, Figure):
            blocks.append({"type": "figure", "number": b.number, "caption": b.caption})
    payload = {"title": doc.title, "lang": doc.lang, "meta": doc.meta, "blocks": blocks}
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")


def render_docx(doc: Document, template: str | Path | None = None) -> bytes:
    from .render_docx import render_docx as _render

    return _render(doc, template)


RENDERERS: dict[str, Callable[..., bytes]] = {
    "md": render_md,
    "html": render_html,
    "json": render_json,
    "docx": render_docx,
}


def render(doc: Document, fmt: str, *, template: str | Path | None = None) -> bytes:
    if fmt not in RENDERERS:
        raise InvalidOptionError(
            f"format={fmt!r} is not available; choose one of {', '.join(sorted(RENDERERS))}.",
            option="format", value=fmt, allowed=tuple(sorted(RENDERERS)))
    if template is not None:
        if fmt != "docx":
            raise InvalidOptionError(f"template= applies to docx only, not {fmt!r}.",
                                     option="template", value=str(template))
        return RENDERERS[fmt](doc, template)
    return RENDERERS[fmt](doc)
