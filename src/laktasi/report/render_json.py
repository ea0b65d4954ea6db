"""JSON renderer: the Document as data (for the web app, other tools, archiving).

Shape (``"format": "laktasi-document"``, ``"version": 1``)::

    {"format": "laktasi-document", "version": 1, "title": ..., "lang": "id",
     "meta": {...},
     "blocks": [
       {"type": "heading", "level": 1, "text": "BAB 4 ..."},
       {"type": "paragraph", "style": "body", "text": "Berdasarkan tabel 4.1 ..."},
       {"type": "table", "number": "4.1", "label": "Tabel 4.1", "caption": ...,
        "header": [...], "rows": [[...], ...], "footnotes": [...]},
       {"type": "figure", "number": "4.1", "label": "Gambar 4.1", "caption": ...,
        "alt": ..., "png_base64": "...", "svg": "<?xml ..."}]}

Cells are the formatted strings the other renderers print. Figures are included
by default (``json_figures="base64"``: the PNG base64-encoded and the SVG text),
so :func:`document_from_json` gives back an equal Document; with
``json_figures="omit"`` only their number, caption and alt text are kept (the
images come back empty). ``label`` is derived and ignored when reading. Values in
``meta`` that JSON has no type for (paths, numpy numbers) are written as their
plain Python value or text.

A Document that carries ``data`` (the audit: its study and findings with their codes, as
the reported-results spec defines them) is written as that data alone, since a program
reads codes and numbers rather than sentences; NaN and infinity, which JSON lacks, become
``null``. :func:`document_to_dict` gives such a document whole, its data under
``"data"``, and :func:`document_from_json` reads that back.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from laktasi.errors import LaktasiInputError
from laktasi.i18n.chapter import w

from .document import Block, Document, Figure, Heading, Paragraph, TableBlock
from .tables import ReportTable

if TYPE_CHECKING:
    from .renderers import RenderOptions

__all__ = ["FORMAT", "VERSION", "document_from_json", "document_to_dict", "render_json"]

FORMAT = "laktasi-document"
VERSION = 1


def _plain(value: Any) -> Any:
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        return value.item()
    if hasattr(value, "tolist") and callable(value.tolist):  # numpy arrays
        return value.tolist()
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return value.to_dict()
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    return str(value)


def _finite(obj: Any) -> Any:
    """``obj`` with NaN and infinity (which JSON lacks) as None."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    if isinstance(obj, Mapping):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def document_to_dict(document: Document, *, figures: str = "base64") -> dict[str, Any]:
    """The JSON-ready dict of a Document (``figures``: "base64" or "omit"), its ``data``
    (if any) under ``"data"``."""
    blocks: list[dict[str, Any]] = []
    for b in document.blocks:
        if isinstance(b, Heading):
            blocks.append({"type": "heading", "level": b.level, "text": b.text})
        elif isinstance(b, Paragraph):
            blocks.append({"type": "paragraph", "style": b.style, "text": b.text})
        elif isinstance(b, TableBlock):
            t = b.table
            blocks.append({"type": "table", "number": b.number,
                           "label": f"{w('table_word', document.lang)} {b.number}",
                           "caption": t.caption, "header": list(t.header),
                           "rows": [list(r) for r in t.rows], "footnotes": list(t.footnotes)})
        elif isinstance(b, Figure):
            item: dict[str, Any] = {"type": "figure", "number": b.number,
                                    "label": f"{w('figure_word', document.lang)} {b.number}",
                                    "caption": b.caption, "alt": b.alt}
            if figures == "base64":
                item["png_base64"] = base64.b64encode(b.png).decode("ascii")
                item["svg"] = b.svg
            blocks.append(item)
    out = {"format": FORMAT, "version": VERSION, "title": document.title,
           "lang": document.lang, "meta": dict(document.meta), "blocks": blocks}
    if document.data:
        out["data"] = _finite(document.data)
    return out


def render_json(document: Document, out_path: Path | None = None,
                options: RenderOptions | None = None) -> bytes:
    """The Document as UTF-8 JSON (indented, non-ASCII kept), or its ``data`` when it has
    any; written to ``out_path`` if given.

    Option used: ``json_figures`` ("base64" | "omit").
    """
    if document.data:
        data = json.dumps(_finite(document.data), ensure_ascii=False, indent=1,
                          default=_plain, allow_nan=False).encode("utf-8")
    else:
        figures = options.json_figures if options is not None else "base64"
        payload = document_to_dict(document, figures=figures)
        data = json.dumps(payload, ensure_ascii=False, indent=1, default=_plain).encode("utf-8")
    if out_path is not None:
        Path(out_path).write_bytes(data)
    return data


def _need(item: Mapping[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in item:
        raise LaktasiInputError(f"{where}: {key!r} is missing.", where=where, key=key)
    value = item[key]
    if not isinstance(value, kind):
        raise LaktasiInputError(f"{where}: {key!r} must be {kind.__name__}, "
                                f"not {type(value).__name__}.", where=where, key=key)
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LaktasiInputError(f"{where} must be a list of strings.", where=where)
    return tuple(value)


def document_from_json(source: bytes | str | Mapping[str, Any]) -> Document:
    """Read back what :func:`render_json` wrote (bytes, text or the parsed dict).

    Raises :class:`~laktasi.errors.LaktasiInputError` naming the block and key at
    fault when the input is not a laktasi document.
    """
    if isinstance(source, bytes | str):
        try:
            data = json.loads(source)
        except json.JSONDecodeError as exc:
            raise LaktasiInputError(f"not JSON: {exc}") from None
    else:
        data = source
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise LaktasiInputError(f"not a laktasi document (expected \"format\": \"{FORMAT}\").")
    if data.get("version") != VERSION:
        raise LaktasiInputError(f"laktasi document version {data.get('version')!r} is not "
                                f"supported (this laktasi reads version {VERSION}).")
    blocks: list[Block] = []
    for i, item in enumerate(_need(data, "blocks", list, "document")):
        where = f"blocks[{i}]"
        if not isinstance(item, Mapping):
            raise LaktasiInputError(f"{where} must be an object.", where=where)
        kind = item.get("type")
        if kind == "heading":
            blocks.append(Heading(_need(item, "text", str, where), _need(item, "level", int, where)))
        elif kind == "paragraph":
            blocks.append(Paragraph(_need(item, "text", str, where),
                                    _need(item, "style", str, where)))
        elif kind == "table":
            rows = _need(item, "rows", list, where)
            table = ReportTable(
                _need(item, "caption", str, where),
                _strings(_need(item, "header", list, where), f"{where}.header"),
                tuple(_strings(r, f"{where}.rows[{j}]") for j, r in enumerate(rows)),
                _strings(item.get("footnotes", []), f"{where}.footnotes"))
            blocks.append(TableBlock(_need(item, "number", str, where), table))
        elif kind == "figure":
            try:
                png = base64.b64decode(item.get("png_base64", ""), validate=True)
            except (binascii.Error, TypeError, ValueError):
                raise LaktasiInputError(f"{where}: 'png_base64' is not base64.",
                                        where=where) from None
            blocks.append(Figure(_need(item, "number", str, where),
                                 _need(item, "caption", str, where), png,
                                 item.get("svg", "") or "", item.get("alt", "") or ""))
        else:
            raise LaktasiInputError(f"{where}: unknown block type {kind!r}; the types are "
                                    "heading, paragraph, table, figure.", where=where)
    extra = data.get("data") or {}
    if not isinstance(extra, Mapping):
        raise LaktasiInputError(f"document: 'data' must be an object, not {type(extra).__name__}.",
                                where="document", key="data")
    return Document(_need(data, "title", str, "document"), _need(data, "lang", str, "document"),
                    tuple(blocks), dict(data.get("meta") or {}), dict(extra))
