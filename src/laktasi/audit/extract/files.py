"""A paper as a file: plain text (.txt, UTF-8) or PDF (.pdf, its text layer read with
pdfplumber). :func:`extract_file` gives the same :class:`Draft` as :func:`extract_text`; for a
PDF the draft's line numbers are those of the text taken from the PDF (one line per printed
line, a sentence that the page wraps joined back into one line)."""

from __future__ import annotations

import re
from pathlib import Path

from laktasi.errors import LaktasiInputError
from laktasi.i18n.audit import extract_words

from .core import extract_text
from .lines import _CLEAN, _RE_CAPTION, _header_cells, _spaced_cells
from .model import Draft

__all__ = ["ExtractInputError", "extract_file", "pdf_text"]


class ExtractInputError(LaktasiInputError):
    """A paper file that cannot be read (missing, a folder, not UTF-8 text, not a PDF)."""

    code = "extract_input"


def extract_file(path: str | Path, *, lang: str = "id") -> Draft:
    """Draft the reported-results YAML of a paper given as a .txt or .pdf file.

    Raises
    ------
    ExtractInputError
        The file is missing, a folder, not readable UTF-8 text, or a PDF without a text
        layer; the message (in ``lang``) names the file.
    """
    p = Path(path)
    if p.suffix.lower() == ".pdf":
        text = pdf_text(p, lang=lang)
    else:
        text = _read_text(p, lang)
    return extract_text(text, source=p.name)


def _read_text(p: Path, lang: str) -> str:
    try:
        return p.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ExtractInputError(extract_words("not_found", lang, path=str(p))) from None
    except IsADirectoryError:
        raise ExtractInputError(extract_words("is_dir", lang, path=str(p))) from None
    except (UnicodeDecodeError, OSError):
        raise ExtractInputError(extract_words("not_text", lang, path=str(p))) from None


def pdf_text(path: str | Path, *, lang: str = "id") -> str:
    """The text layer of a PDF (pdfplumber), page after page, wrapped sentences joined (see
    :func:`reflow`). benchmarks/extract_corpus.py compares it with pypdf and pdftotext."""
    p = Path(path)
    if p.is_dir():
        raise ExtractInputError(extract_words("is_dir", lang, path=str(p)))
    if not p.exists():
        raise ExtractInputError(extract_words("not_found", lang, path=str(p)))
    try:
        pages = _pdfplumber_pages(p)
    except Exception:
        raise ExtractInputError(extract_words("not_pdf", lang, path=str(p))) from None
    text = "\n".join(pages)
    if not text.strip():
        raise ExtractInputError(extract_words("no_text_layer", lang, path=str(p)))
    return reflow(text)


def _pdfplumber_pages(p: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(p) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def reflow(text: str) -> str:
    """Join a prose line with the next when the page only wrapped the sentence there
    ("... menunjukkan t(14) = 3,402, p =" + "0,004 < α ..."); table rows, headers and
    captions stay lines of their own."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if out and _prose(out[-1]) and _continues(line):
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)


def _prose(line: str) -> bool:
    s = line.translate(_CLEAN).strip()
    return (len(s) >= 30 and not _RE_CAPTION.match(s) and _spaced_cells(s) is None
            and _header_cells(s) is None and not re.search(r"[.!?:]$", s))


def _continues(line: str) -> bool:
    s = line.translate(_CLEAN).strip()
    return (bool(s) and bool(re.match(r"[a-z0-9(<>=≤≥α-]", s)) and not _RE_CAPTION.match(s)
            and _spaced_cells(s) is None)
