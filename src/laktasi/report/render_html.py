"""HTML renderer: one self-contained, printable file styled like a thesis chapter.

Everything is in the one file: the CSS is inline in ``<head>``, figures are inline
SVG (``html_figures="svg"``, the default: sharp in print and zoom) or base64 PNG
(``"png"``; also used when a figure has no SVG or its SVG contains anything
scriptable). No external links, scripts or fonts. Every piece of text is
HTML-escaped. ``<html lang>`` is the Document's language.

Tables look like thesis tables: caption above ("Tabel 4.1 ..."), horizontal rules
only (above and below the header, below the last row; ``table_rules="grid"``
draws every line), numbers right-aligned, the header row repeated on every
printed page. Figures carry their caption below ("Gambar 4.1 ...").
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from laktasi.i18n.chapter import w

from .document import Document, Figure, Heading, Paragraph, TableBlock
from .tables import is_numeric_cell

if TYPE_CHECKING:
    from .renderers import RenderOptions

__all__ = ["render_html"]

CSS = """
@page { size: A4; margin: 4cm 3cm 3cm 4cm; }
html { font-family: "Times New Roman", Times, "DejaVu Serif", serif; font-size: 12pt;
  color: #111; background: #fff; }
body { max-width: 16cm; margin: 2em auto; padding: 0 1em; line-height: 1.5; }
h1 { font-size: 1.2em; text-align: center; margin: 1.5em 0 1em; }
h2 { font-size: 1.05em; margin: 1.4em 0 .5em; }
h3, h4, h5, h6 { font-size: 1em; margin: 1.2em 0 .4em; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
p { text-align: justify; margin: .4em 0 .8em; }
p.note { font-style: italic; }
p.warning { font-style: italic; border-left: 4px solid #c88a00; background: #fff4d6;
  padding: .3em .6em; }
.table-block { margin: 1em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; margin: 0 auto; font-size: 10.5pt; line-height: 1.3; }
caption { caption-side: top; text-align: left; padding: 0 0 .35em; font-size: 12pt; }
.label { font-weight: bold; }
th, td { padding: .18em .7em; vertical-align: top; border: 0; }
th { font-weight: bold; text-align: left; }
td { text-align: left; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.rules thead tr:first-child th { border-top: 1.5px solid #000; }
table.rules thead tr:last-child th { border-bottom: .75px solid #000; }
table.rules.headless tbody tr:first-child td { border-top: 1.5px solid #000; }
table.rules tbody tr:last-child td { border-bottom: 1.5px solid #000; }
table.grid th, table.grid td { border: .75px solid #000; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.foot { font-size: 10pt; margin: .25em 0 0; text-align: left; }
figure { margin: 1.2em 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure svg, figure img { max-width: 100%; height: auto; }
figcaption { margin-top: .3em; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
"""

_UNSAFE_SVG = re.compile(r"<script|<foreignObject|\son\w+\s*=|javascript:|<iframe|"
                         r"xlink:href\s*=\s*[\"'](?!#)|\shref\s*=\s*[\"'](?!#)", re.IGNORECASE)
_SVG_START = re.compile(r"<svg\b", re.IGNORECASE)


def _e(text: str) -> str:
    """Escaped text; subscripts (``d_{z}``) as ``<sub>``."""
    return _SUB.sub(r"<sub>\1</sub>", html.escape(text, quote=True))


_SUB = re.compile(r"_\{([^{}<>]*)\}")


def _anchor(word: str, number: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", f"{word} {number}".lower()).strip("-")


def _inline_svg(svg: str, alt: str) -> str | None:
    """The figure's SVG without its XML prologue, labelled for screen readers; None if unsafe."""
    match = _SVG_START.search(svg or "")
    if match is None or _UNSAFE_SVG.search(svg):
        return None
    body = svg[match.start():]
    return body.replace("<svg", f"<svg role='img' aria-label='{_e(alt)}'", 1)


def _table(doc: Document, block: TableBlock, rules: str) -> str:
    t = block.table
    word = w("table_word", doc.lang)
    ncols = max([len(t.header), *(len(r) for r in t.rows)]) if (t.header or t.rows) else 0
    header = tuple(t.header) + ("",) * (ncols - len(t.header))
    has_header = any(h.strip() for h in header)
    classes = "grid" if rules == "grid" else "rules" + ("" if has_header else " headless")
    parts = [f"<div class='table-block' id='{_anchor(word, block.number)}'>",
             f"<table class='{classes}'><caption><span class='label'>{_e(word)} "
             f"{_e(block.number)}</span> {_e(t.caption)}</caption>"]
    numeric = [j > 0 and any(j < len(r) and is_numeric_cell(r[j]) for r in t.rows)
               for j in range(ncols)]
    if has_header:
        parts.append("<thead><tr>" + "".join(
            f"<th scope='col' class='num'>{_e(h)}</th>" if numeric[j]
            else f"<th scope='col'>{_e(h)}</th>"
            for j, h in enumerate(header)) + "</tr></thead>")
    parts.append("<tbody>")
    for row in t.rows:
        cells = tuple(row) + ("",) * (ncols - len(row))
        parts.append("<tr>" + "".join(
            f"<td class='num'>{_e(c)}</td>" if j and is_numeric_cell(c) else f"<td>{_e(c)}</td>"
            for j, c in enumerate(cells)) + "</tr>")
    parts.append("</tbody></table>")
    parts.extend(f"<p class='foot'>{_e(note)}</p>" for note in t.footnotes)
    parts.append("</div>")
    return "".join(parts)


def _figure(doc: Document, block: Figure, kind: str) -> str:
    word = w("figure_word", doc.lang)
    alt = block.alt or block.caption
    image = _inline_svg(block.svg, alt) if kind == "svg" else None
    if image is None and not block.png:  # read back from JSON without images: caption only
        image = ""
    elif image is None:
        data = base64.b64encode(block.png).decode("ascii")
        image = f"<img alt='{_e(alt)}' src='data:image/png;base64,{data}'>"
    return (f"<figure id='{_anchor(word, block.number)}'>{image}<figcaption>"
            f"<span class='label'>{_e(word)} {_e(block.number)}</span> {_e(block.caption)}"
            "</figcaption></figure>")


def render_html(document: Document, out_path: Path | None = None,
                options: RenderOptions | None = None) -> bytes:
    """The Document as one self-contained HTML page (UTF-8 bytes); written to ``out_path`` if given.

    Options used: ``table_rules`` ("horizontal" | "grid"), ``html_figures`` ("svg" | "png").
    """
    if options is None:
        from .renderers import RenderOptions

        options = RenderOptions()
    parts = ["<!DOCTYPE html>\n",
             f"<html lang='{_e(document.lang)}'>\n<head>\n<meta charset='utf-8'>\n",
             "<meta name='viewport' content='width=device-width, initial-scale=1'>\n",
             "<meta name='generator' content='laktasi'>\n",
             f"<title>{_e(document.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"]
    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 6)
            parts.append(f"<h{level}>{_e(block.text)}</h{level}>")
        elif isinstance(block, Paragraph):
            style = block.style if block.style in ("body", "note", "warning") else "body"
            role = " role='note'" if style != "body" else ""
            parts.append(f"<p class='{style}'{role}>{_e(block.text)}</p>")
        elif isinstance(block, TableBlock):
            parts.append(_table(document, block, options.table_rules))
        elif isinstance(block, Figure):
            parts.append(_figure(document, block, options.html_figures))
        parts.append("\n")
    parts.append("</main>\n</body>\n</html>\n")
    data = "".join(parts).encode("utf-8")
    if out_path is not None:
        Path(out_path).write_bytes(data)
    return data
