"""Renderers of a Document, registered by name: md, html, docx and json are peers.

``RENDERERS`` maps each format to a function ``(document, out_path, options) -> bytes``;
:func:`render` looks one up, checks the options and calls it::

    from laktasi.report.renderers import render
    data = render(doc, "docx", "bab4.docx", template="kampus.dotx")

When ``out_path`` is given the renderer also writes the file there (and any files
that go with it: Markdown writes its figures as PNG files beside it); the same
bytes are returned either way. A new format is one function added to ``RENDERERS``.

Options (keyword arguments of :func:`render`, fields of :class:`RenderOptions`):

=================  ============================  ==================================
option             values (default first)        used by
=================  ============================  ==================================
template           None or a .docx/.dotx path    docx: build inside the user's file
template_body      "keep", "clear"               docx: keep the template's text
                                                 (report appended) or empty it
heading_numbers    "auto", "keep", "strip"       docx: "auto" drops "BAB 4"/"4.1"
                                                 from headings when the template's
                                                 heading styles number themselves
table_rules        "horizontal", "grid"          docx, html: thesis rules or a grid
figure_width_cm    12.0 (1–30)                   docx: width of embedded figures
html_figures       "svg", "png"                  html: inline SVG or base64 PNG
json_figures       "base64", "omit"              json: images included or left out
=================  ============================  ==================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path

from laktasi.errors import InvalidOptionError, LaktasiInputError

from .document import Document
from .render_docx import render_docx
from .render_html import render_html
from .render_json import render_json
from .render_md import render_md

__all__ = ["RENDERERS", "RenderOptions", "Renderer", "cannot_write_error", "render", "write_output"]

_CHOICES: dict[str, tuple[str, ...]] = {
    "template_body": ("keep", "clear"),
    "heading_numbers": ("auto", "keep", "strip"),
    "table_rules": ("horizontal", "grid"),
    "html_figures": ("svg", "png"),
    "json_figures": ("base64", "omit"),
}


@dataclass(frozen=True)
class RenderOptions:
    """Layout options of the renderers; each renderer reads the ones that concern it."""

    template: Path | None = None
    template_body: str = "keep"
    heading_numbers: str = "auto"
    table_rules: str = "horizontal"
    figure_width_cm: float = 12.0
    html_figures: str = "svg"
    json_figures: str = "base64"

    def __post_init__(self) -> None:
        for name, allowed in _CHOICES.items():
            value = getattr(self, name)
            if value not in allowed:
                raise InvalidOptionError(
                    f"{name}={value!r} is not available; choose one of {', '.join(allowed)}.",
                    option=name, value=value, allowed=allowed)
        try:
            width = float(self.figure_width_cm)
        except (TypeError, ValueError):
            width = float("nan")
        if not 1 <= width <= 30:
            raise InvalidOptionError(
                f"figure_width_cm={self.figure_width_cm!r} must be a number of centimetres "
                "from 1 to 30.", option="figure_width_cm", value=self.figure_width_cm)
        object.__setattr__(self, "figure_width_cm", width)
        if self.template is not None:
            object.__setattr__(self, "template", Path(self.template))


Renderer = Callable[[Document, Path | None, RenderOptions], bytes]

RENDERERS: dict[str, Renderer] = {
    "md": render_md,
    "html": render_html,
    "docx": render_docx,
    "json": render_json,
}

def render(document: Document, fmt: str, out_path: str | Path | None = None,
           **options: object) -> bytes:
    """Render ``document`` as ``fmt`` (one of ``RENDERERS``); write ``out_path`` when given.

    Raises
    ------
    InvalidOptionError
        (a :class:`~laktasi.errors.LaktasiInputError`) for an unknown format, an
        unknown option, a value outside an option's choices, or ``template=`` with
        a format other than docx.

    Examples
    --------
    >>> from laktasi.report.document import Document, Heading
    >>> render(Document("Uji", "id", (Heading("BAB 4 HASIL"),)), "md")
    b'# BAB 4 HASIL\\n'
    """
    if fmt not in RENDERERS:
        allowed = tuple(sorted(RENDERERS))
        raise InvalidOptionError(
            f"format={fmt!r} is not available; choose one of {', '.join(allowed)}.",
            option="format", value=fmt, allowed=allowed)
    known = tuple(f.name for f in fields(RenderOptions))
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise InvalidOptionError(
            f"unknown render option(s) {', '.join(unknown)}; the options are {', '.join(known)}.",
            option=unknown[0], value=options[unknown[0]], allowed=known)
    if options.get("template") is not None and fmt != "docx":
        raise InvalidOptionError(f"template= applies to docx only, not {fmt!r}.",
                                 option="template", value=str(options["template"]))
    # None means "the default" for every option (the CLI passes template=None)
    opts = RenderOptions(**{k: v for k, v in options.items() if v is not None})  # type: ignore[arg-type]
    out = Path(out_path) if out_path is not None else None
    try:
        return RENDERERS[fmt](document, out, opts)
    except OSError as exc:
        raise cannot_write_error(out, exc, document.lang) from None


def cannot_write_error(path: Path | None, exc: OSError, lang: str) -> LaktasiInputError:
    from laktasi.i18n.io import check_word

    where = exc.filename or path
    return LaktasiInputError(check_word("cannot_write", lang, path=where,
                                        reason=exc.strerror or type(exc).__name__),
                             path=str(where))


def write_output(path: str | Path, data: bytes, lang: str = "id") -> None:
    """Write an output file; a folder that does not exist or cannot be written gives a
    LaktasiInputError naming the path, in ``lang``."""
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise cannot_write_error(Path(path), exc, lang) from None
