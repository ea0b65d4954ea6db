"""Markdown renderer (GitHub-flavoured): headings, paragraphs, pipe tables, figures.

- Tables are GFM pipe tables preceded by their bold caption ("**Tabel 4.1** ...");
  numeric columns are right-aligned (``---:``); footnotes follow in italics. A
  table without header text (label/value tables) gets an empty header row, as GFM
  requires one.
- Figures: **without** ``out_path`` the PNG is embedded as a base64 ``data:`` URI, so
  the one file is complete (most editors and pandoc show it; GitHub's web view
  does not display data URIs). **With** ``out_path`` each figure is written as a
  PNG file into a folder beside it, ``<name>_files/figure-4-1.png``, and the
  Markdown links to it by that relative path. The caption ("*Gambar 4.1 ...*")
  follows the image.
- Notes and warnings are block quotes (warnings in bold-italic emphasis).
- Text is escaped so that characters such as ``*``, ``_``, ``<``, ``[`` or ``|``
  print as themselves.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import TYPE_CHECKING

from laktasi.i18n.chapter import w

from .document import Document, Figure, Heading, Paragraph, TableBlock, inline_runs
from .tables import is_numeric_cell

if TYPE_CHECKING:
    from .renderers import RenderOptions

__all__ = ["figure_filename", "render_md"]

_SPECIAL = re.compile(r"([\\`*_\[\]|~]|<(?=[A-Za-z/!?]))")  # "<20", "< 0,001" stay readable
_LINE_START = re.compile(r"^(\s*)(>|[#+=-](?=\s|$)|\d+[.)](?=\s|$))")


def _esc(text: str, *, line_start: bool = True) -> str:
    """Markdown-escape inline text (one line); ``line_start``: it may begin a line.
    Subscripts (``d_{z}``) become ``d<sub>z</sub>``."""
    runs = inline_runs(text)
    if len(runs) == 1 and not runs[0][1]:
        return _esc_plain(text, line_start=line_start)
    return "".join(f"<sub>{_esc_plain(t, line_start=False)}</sub>" if sub
                   else _esc_plain(t, line_start=line_start and i == 0)
                   for i, (t, sub) in enumerate(runs))


def _esc_plain(text: str, *, line_start: bool = True) -> str:
    text = " ".join(text.split("\n"))
    text = _SPECIAL.sub(r"\\\1", text)
    if not line_start:
        return text
    def escape(m: re.Match[str]) -> str:
        mark = m.group(2)
        if mark[0].isdigit():  # "1. " -> "1\. " (an ordered list otherwise)
            return m.group(1) + mark[:-1] + "\\" + mark[-1]
        return m.group(1) + "\\" + mark

    return _LINE_START.sub(escape, text)


def _cell(text: str) -> str:
    return _esc(text, line_start=False).strip() or " "


def figure_filename(number: str) -> str:
    """The file name of figure ``number`` when figures are written beside the Markdown."""
    return "figure-" + re.sub(r"[^0-9A-Za-z]+", "-", number).strip("-") + ".png"


def _table(doc: Document, block: TableBlock) -> list[str]:
    t = block.table
    ncols = max([len(t.header), *(len(r) for r in t.rows)]) if (t.header or t.rows) else 1
    header = tuple(t.header) + ("",) * (ncols - len(t.header))
    rows = [tuple(r) + ("",) * (ncols - len(r)) for r in t.rows]
    right = [j > 0 and any(is_numeric_cell(r[j]) for r in rows) and
             all(is_numeric_cell(r[j]) or not r[j].strip() for r in rows) for j in range(ncols)]
    out = [f"**{_esc(w('table_word', doc.lang))} {_esc(block.number)}** {_esc(t.caption)}", ""]
    out.append("| " + " | ".join(_cell(h) for h in header) + " |")
    out.append("|" + "|".join("---:" if r else "---" for r in right) + "|")
    out.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    for note in t.footnotes:
        out.extend(["", f"*{_esc(note)}*"])
    return out


def _figure(doc: Document, block: Figure, files_dir: Path | None) -> list[str]:
    word = _esc(w("figure_word", doc.lang))
    caption = f"*{word} {_esc(block.number)} {_esc(block.caption)}*"
    if not block.png:  # read back from JSON without images: caption only
        return [caption]
    alt = _esc(block.alt or block.caption)
    if files_dir is not None:
        files_dir.mkdir(parents=True, exist_ok=True)
        name = figure_filename(block.number)
        (files_dir / name).write_bytes(block.png)
        target = f"{files_dir.name}/{name}"
    else:
        target = "data:image/png;base64," + base64.b64encode(block.png).decode("ascii")
    return [f"![{alt}]({target})", "", caption]


def render_md(document: Document, out_path: Path | None = None,
              options: RenderOptions | None = None) -> bytes:
    """The Document as GitHub-flavoured Markdown (UTF-8 bytes).

    With ``out_path`` the Markdown is written there and its figures into
    ``<stem>_files/`` beside it (linked relatively); without it figures are
    embedded as base64 data URIs. No option changes the Markdown.
    """
    files_dir = None
    if out_path is not None:
        out_path = Path(out_path)
        files_dir = out_path.parent / f"{out_path.stem}_files"
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            out.append("#" * min(max(block.level, 1), 6) + " " + _esc(block.text))
        elif isinstance(block, Paragraph):
            if block.style == "warning":
                out.append(f"> ***{_esc(block.text)}***")
            elif block.style == "note":
                out.append(f"> *{_esc(block.text)}*")
            else:
                out.append(_esc(block.text))
        elif isinstance(block, TableBlock):
            out.extend(_table(document, block))
        elif isinstance(block, Figure):
            out.extend(_figure(document, block, files_dir))
        out.append("")
    data = "\n".join(out).rstrip("\n").encode("utf-8") + b"\n"
    if out_path is not None:
        out_path.write_bytes(data)
    return data
