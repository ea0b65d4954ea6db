"""Word (.docx) renderer: real, editable Word tables with thesis-style captions.

Layout (Indonesian thesis conventions; the words come from the Document):

- headings use Word's own ``Heading 1..3`` styles, so the navigation pane, a table
  of contents and a campus template's heading look apply;
- every table is a real Word table (editable text, never a picture) with its
  caption *above* it ("Tabel 4.1 ..." / "Table 4.1 ..."), in Word's ``Caption``
  style (so "Insert Table of Figures" finds it) and kept on the same page as the
  table; the header row is bold and repeats on every page the table runs onto;
  numbers are right-aligned; rules are horizontal only (top, under the header,
  bottom), or a full grid with ``table_rules="grid"``; footnotes follow in small type;
- every figure is embedded (PNG, with its alt text) with its caption *below* it
  ("Gambar 4.1 ..." / "Figure 4.1 ...");
- paragraphs of style ``note`` are italic; ``warning`` paragraphs are shaded with
  a bar at the left.

Without a template the page is A4 with the usual Indonesian thesis margins
(left 4 cm, top 4 cm, right 3 cm, bottom 3 cm), Times New Roman 12 pt, 1.5 line
spacing, black headings, and the text marked as Indonesian (or English) for
Word's spelling checker.

With ``template=`` the report is built inside the user's own ``.docx`` (or
``.dotx``): its styles, page size, margins, headers and footers are kept and
nothing of ours overrides them. ``template_body="keep"`` (default) keeps the
template's existing text and appends the report after it; ``"clear"`` empties
the body first (the section settings — margins, headers, footers — stay). When
the template's heading styles number themselves (e.g. "BAB IV", "4.1"),
``heading_numbers="auto"`` (default) removes the numbers written in our heading
texts so they are not printed twice; ``"keep"`` / ``"strip"`` force either way.
Styles the template lacks (e.g. ``Heading 3`` or ``Caption`` in a document saved
by Word that never used them) are added, based on its ``Normal`` style.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from laktasi.errors import LaktasiInputError
from laktasi.i18n.chapter import w

from .document import Document, Figure, Heading, Paragraph, TableBlock, inline_runs, plain_text
from .tables import is_numeric_cell

if TYPE_CHECKING:
    from .renderers import RenderOptions

__all__ = ["render_docx"]

_FONT = "Times New Roman"
_KEEP_TOGETHER_ROWS = 20  # tables up to this many rows are kept on one page
_TABLE_TEXT = "Table Text"  # paragraph style of table cells and notes; a template may define it
_LANG_TAGS = {"id": "id-ID", "en": "en-US"}
_TEMPLATE_CONTENT_TYPES = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCUMENT_CONTENT_TYPE = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
_HEADING_NUMBER = re.compile(
    r"^\s*(?:(?:BAB|Bab|CHAPTER|Chapter)\s+[0-9IVXLC]+\b[.:]?\s*|\d+(?:\.\d+)*\.?\s+)")


# --- template ---------------------------------------------------------------------------------

def _open_template(template: str | Path) -> WordDocument:
    """The user's .docx or .dotx as a python-docx document, with a located error otherwise."""
    path = Path(template)
    if not path.is_file():
        raise LaktasiInputError(f"template {str(path)!r} does not exist (give a .docx or .dotx "
                                "file).", option="template", value=str(path))
    try:
        with zipfile.ZipFile(path) as z:
            parts = {name: z.read(name) for name in z.namelist()}
    except zipfile.BadZipFile:
        raise LaktasiInputError(f"template {str(path)!r} is not a Word .docx/.dotx file (old "
                                ".doc files: open in Word and save as .docx).",
                                option="template", value=str(path)) from None
    types = parts.get("[Content_Types].xml", b"")
    if any(t in types for t in _TEMPLATE_CONTENT_TYPES):  # .dotx / .dotm: open as a document
        for t in _TEMPLATE_CONTENT_TYPES:
            types = types.replace(t, _DOCUMENT_CONTENT_TYPE)
        parts["[Content_Types].xml"] = types
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        buf.seek(0)
        source: io.BytesIO | str = buf
    else:
        source = str(path)
    try:
        return WordDocument(source)
    except (PackageNotFoundError, ValueError, KeyError) as exc:
        raise LaktasiInputError(f"template {str(path)!r} cannot be read as a Word document: "
                                f"{exc}", option="template", value=str(path)) from None


def _clear_body(doc: WordDocument) -> None:
    """Remove the body's paragraphs and tables, keeping the final section settings."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _style_numbered(style) -> bool:
    """True when a paragraph style (or one it is based on) carries list numbering."""
    seen = 0
    while style is not None and seen < 10:
        p_pr = style.element.find(qn("w:pPr"))
        if p_pr is not None and p_pr.find(qn("w:numPr")) is not None:
            return True
        style = style.base_style
        seen += 1
    return False


def _ensure_styles(doc: WordDocument, levels: set[int]) -> None:
    """Add the Heading N and Caption styles a template lacks (Word omits unused ones)."""
    names = {s.name for s in doc.styles}
    for level in sorted(levels):
        name = f"Heading {level}"
        if name in names:
            continue
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.bold = True
        style.paragraph_format.keep_with_next = True
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        p_pr = style.element.get_or_add_pPr()
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level - 1))
        p_pr.append(outline)
    if _TABLE_TEXT not in names:
        style = doc.styles.add_style(_TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.size = Pt(10)
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(1)
        fmt.line_spacing = 1.0
        fmt.first_line_indent = Cm(0)
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if "Caption" not in names:
        style = doc.styles.add_style("Caption", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.font.bold = True


def _thesis_defaults(doc: WordDocument, lang: str) -> None:
    """A4, 4-4-3-3 cm margins, Times New Roman 12 pt, 1.5 spacing, black headings."""
    for section in doc.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.top_margin = Cm(4)
        section.right_margin = section.bottom_margin = Cm(3)
    normal = doc.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = Pt(12)
    r_pr = normal.element.get_or_add_rPr()
    fonts = r_pr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), _FONT)
    for old in r_pr.findall(qn("w:lang")):
        r_pr.remove(old)
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), _LANG_TAGS.get(lang, "id-ID"))
    r_pr.append(lang_el)
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.space_after = Pt(6)
    for level in (1, 2, 3):
        style = doc.styles[f"Heading {level}"]
        style.font.name = _FONT
        style.font.size = Pt(12)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        h_fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
        if h_fonts is not None:
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                h_fonts.attrib.pop(qn(attr), None)
            for attr in ("w:ascii", "w:hAnsi", "w:cs"):
                h_fonts.set(qn(attr), _FONT)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
    doc.styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = doc.styles["Caption"]
    caption.font.name = _FONT
    caption.font.size = Pt(12)
    caption.font.bold = False
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.paragraph_format.line_spacing = 1.0
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(3)


# --- blocks -----------------------------------------------------------------------------------

def _border_el(tag: str, size: int, val: str = "single") -> OxmlElement:
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:val"), val)
    el.set(qn("w:sz"), str(size))
    el.set(qn("w:space"), "0")
    el.set(qn("w:color"), "000000" if val != "nil" else "auto")
    return el


def _cell_border(cell, edge: str, size: int) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        tc_pr.append(borders)
    old = borders.find(qn(f"w:{edge}"))
    if old is not None:
        borders.remove(old)
    borders.append(_border_el(edge, size))


def _table_borders(table, rules: str) -> None:
    """Table-level borders: none (horizontal rules then come per cell) or a full grid."""
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border_el(edge, 4, "single") if rules == "grid"
                       else _border_el(edge, 0, "nil"))
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                 "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _row_flags(row, *, header: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    tr_pr.append(cant)
    if header:
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def _usable_width(doc: WordDocument) -> int:
    s = doc.sections[-1]
    try:
        width = int(s.page_width - s.left_margin - s.right_margin)
    except TypeError:  # a template without page size or margins
        width = int(Cm(14))
    return max(width, int(Cm(8)))


# Times (metric-compatible with Times New Roman, the thesis font): glyph widths in 1/1000 em
# from the Adobe font metrics that matplotlib ships; text widths are measured, not guessed.
_AFM_NAMES = {"−": "minus", "–": "endash", "—": "emdash", "²": "twosuperior", "×": "multiply",
              "±": "plusminus", "°": "degree", "·": "periodcentered", "…": "ellipsis",
              "’": "quoteright", "‘": "quoteleft", "\u00a0": "space"}
_WIDE_GLYPH = 600  # symbols Times lacks (≥, χ, η, φ, √): drawn from a fallback font
_TABLE_PT = (10.0, 9.0, 8.0)  # table font sizes tried, largest first
_CELL_PAD = int(Cm(0.19)) * 2 + int(Cm(0.12))  # Word's default cell margins and a little air


@functools.cache
def _afm(bold: bool) -> tuple[dict[int, int], dict[str, int]]:
    import matplotlib

    name = "ptmb8a.afm" if bold else "ptmr8a.afm"
    path = Path(matplotlib.get_data_path()) / "fonts" / "afm" / name
    by_code: dict[int, int] = {}
    by_name: dict[str, int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith("C "):
            continue
        fields = dict(part.strip().split(" ", 1) for part in line.split(";")
                      if " " in part.strip())
        width = int(float(fields.get("WX", "500")))
        code = int(fields["C"])
        if code >= 0:
            by_code[code] = width
        by_name[fields.get("N", "")] = width
    return by_code, by_name


def _text_width(text: str, size_pt: float, *, bold: bool = False) -> int:
    """Width of ``text`` (EMU) in Times at ``size_pt``; subscripts count at their size."""
    by_code, by_name = _afm(bold)
    total = 0.0
    for part, sub in inline_runs(text):
        units = 0
        for ch in part:
            code = ord(ch)
            if code < 128 and code in by_code:
                units += by_code[code]
            elif ch in _AFM_NAMES and _AFM_NAMES[ch] in by_name:
                units += by_name[_AFM_NAMES[ch]]
            else:
                units += _WIDE_GLYPH
        total += units * (0.66 if sub else 1.0)
    return int(Pt(size_pt * total / 1000))


def _unbreakable(text: str, numeric: bool) -> list[str]:
    """The pieces of a cell that must not wrap: a numeric cell is one piece (its spaces are
    printed as no-break spaces), other text breaks at spaces only (hyphens do not break)."""
    return [text] if numeric else text.split()


def _column_widths(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], total: int
                   ) -> tuple[list[int], float]:
    """Column widths (EMU, summing to ``total``) and the table's font size (pt).

    Each column is at least as wide as its widest unbreakable piece (a number, ``n (x%)``, a
    confidence interval, a word; the header in bold) plus the cell padding, so no cell
    wraps inside a number or a word; the room left goes first to body cells that would
    otherwise wrap, then to headers (smallest shortfalls first), then to all in proportion.
    The table is set at 10 pt, or at 9 pt when that keeps every body cell on one line, or at
    9 or 8 pt when that is needed to keep every number and word whole.
    """
    n = len(header)
    cols = [[r[j] for r in rows if j < len(r)] for j in range(n)]

    def measure(size: float) -> tuple[list[int], list[int], list[int]]:
        need, body, head = [], [], []
        for j in range(n):
            pieces = [(p, True) for p in header[j].split()]
            full = []
            for cell in cols[j]:
                numeric = j > 0 and is_numeric_cell(cell)
                pieces += [(p, False) for p in _unbreakable(cell, numeric)]
                full.append(_text_width(cell, size))
            least = max((_text_width(p, size, bold=b) for p, b in pieces), default=0)
            need.append(least + _CELL_PAD)
            body.append(max(max(full, default=0) + _CELL_PAD, need[-1]))
            head.append(max(_text_width(header[j], size, bold=True) + _CELL_PAD, body[-1]))
        return need, body, head

    sizes = {size: measure(size) for size in _TABLE_PT}
    # the largest size down to 9 pt at which every body cell fits on one line; else the
    # largest at which every number and word fits; else the smallest
    size = next((z for z in _TABLE_PT[:2] if sum(sizes[z][1]) <= total),
                next((z for z in _TABLE_PT if sum(sizes[z][0]) <= total), _TABLE_PT[-1]))
    need, body, head = sizes[size]
    if sum(head) <= total:  # everything on one line: share the rest in proportion
        widths = [int(h + (total - sum(head)) * h / sum(head)) for h in head]
    elif sum(need) <= total:
        # body cells first (a wrapped row costs more than a two-line header), then the
        # headers; within each, the smallest shortfalls are met in full first
        widths = list(need)
        for target in (body, head):
            spare = total - sum(widths)
            for j in sorted(range(n), key=lambda j: target[j] - widths[j]):
                gap = max(target[j] - widths[j], 0)
                if gap > spare:
                    widths[j] += spare
                    spare = 0
                    break
                widths[j] += gap
                spare -= gap
    else:  # even 8 pt does not fit: share the width in proportion (the text will wrap)
        widths = [int(total * v / sum(need)) for v in need]
    widths[-1] += total - sum(widths)
    return widths, size


def _add_runs(paragraph, text: str, *, bold: bool = False, italic: bool = False,
              size: float | None = None, no_break_hyphen: bool = False) -> None:
    """Add ``text`` as runs; ``_{...}`` markup becomes a subscript run (d with subscript z).
    With ``no_break_hyphen`` hyphens are Word's non-breaking hyphens (a table cell never
    wraps inside "Mann-Whitney" or "2-tailed")."""
    for part, sub in inline_runs(text):
        if not part:
            continue
        pieces = part.split("-") if no_break_hyphen else [part]
        run = paragraph.add_run(pieces[0])
        for piece in pieces[1:]:
            run._r.append(OxmlElement("w:noBreakHyphen"))
            if piece:
                t = OxmlElement("w:t")
                t.text = piece
                t.set(qn("xml:space"), "preserve")
                run._r.append(t)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if sub:
            run.font.subscript = True
        if size is not None:
            run.font.size = Pt(size)


def _set_style(para, name: str) -> None:
    """``para.style = name`` with the style id looked up once per document: python-docx
    scans every style of the document at each assignment by name (half the render time of
    a chapter's 150 table cells, issue 14)."""
    part = para.part
    ids = part.__dict__.setdefault("_laktasi_style_ids", {})
    if name not in ids:
        ids[name] = part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
    para._p.style = ids[name]


def _styled_paragraph(doc: WordDocument, name: str, text: str = ""):
    """``doc.add_paragraph(text, style=name)``, the style looked up once (:func:`_set_style`)."""
    para = doc.add_paragraph(text)
    _set_style(para, name)
    return para


def _set_cell(cell, text: str, *, bold: bool = False, align=None, size: float = 10.0,
              numeric: bool = False) -> None:
    para = cell.paragraphs[0]
    _set_style(para, _TABLE_TEXT)
    if numeric:  # "18 (64,3%)", "< 0,001": one piece that never wraps
        text = text.replace(" ", "\u00a0")
    _add_runs(para, text, bold=bold, size=None if size == _TABLE_PT[0] else size,
              no_break_hyphen=True)
    if align is not None:
        para.alignment = align


def _add_table(doc: WordDocument, document: Document, block: TableBlock, caption_style: str,
               rules: str) -> None:
    t = block.table
    cap = _styled_paragraph(doc, caption_style)
    cap.add_run(f"{w('table_word', document.lang)} {block.number} ").bold = True
    _add_runs(cap, t.caption)
    cap.paragraph_format.keep_with_next = True
    cap.paragraph_format.first_line_indent = Cm(0)
    ncols = max([len(t.header), *(len(r) for r in t.rows)]) if (t.header or t.rows) else 1
    header = tuple(t.header) + ("",) * (ncols - len(t.header))
    rows = tuple(tuple(r) + ("",) * (ncols - len(r)) for r in t.rows)
    has_header = any(h.strip() for h in header)
    top = 1 if has_header else 0
    table = doc.add_table(rows=top + len(rows), cols=ncols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_borders(table, rules)
    widths, size = _column_widths(header, rows, _usable_width(doc))
    numeric_col = [j > 0 and any(is_numeric_cell(r[j]) for r in rows) for j in range(ncols)]
    grid = [row.cells for row in table.rows]  # python-docx rebuilds a row's cells per access
    if has_header:
        for j, head in enumerate(header):
            cell = grid[0][j]
            _set_cell(cell, head, bold=True, size=size,
                      align=WD_ALIGN_PARAGRAPH.RIGHT if numeric_col[j] else WD_ALIGN_PARAGRAPH.LEFT)
            if rules != "grid":
                _cell_border(cell, "top", 12)
                _cell_border(cell, "bottom", 6)
        _row_flags(table.rows[0], header=True)
        for cell in grid[0]:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    for i, row in enumerate(rows, start=top):
        for j, text in enumerate(row):
            cell = grid[i][j]
            right = j > 0 and (is_numeric_cell(text) or (numeric_col[j] and not text.strip()))
            _set_cell(cell, text, align=WD_ALIGN_PARAGRAPH.RIGHT if right else None, size=size,
                      numeric=j > 0 and is_numeric_cell(text))
            if rules != "grid":
                if i == top and not has_header:
                    _cell_border(cell, "top", 12)
                if i == top + len(rows) - 1:
                    _cell_border(cell, "bottom", 12)
        _row_flags(table.rows[i], header=False)
        if len(rows) <= _KEEP_TOGETHER_ROWS and i < top + len(rows) - 1:
            for cell in grid[i]:
                cell.paragraphs[0].paragraph_format.keep_with_next = True
    for j, width in enumerate(widths):
        table.columns[j].width = Emu(width)
        for cells in grid:
            cells[j].width = Emu(width)
    for k, note in enumerate(t.footnotes, start=1):
        foot = _styled_paragraph(doc, _TABLE_TEXT)
        _add_runs(foot, note)
        fmt = foot.paragraph_format
        fmt.space_before = Pt(2)
        if k == len(t.footnotes):  # air between the notes and the text that discusses the table
            fmt.space_after = Pt(12)
    if not t.footnotes:  # a little air between the table and the text that discusses it
        doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _add_figure(doc: WordDocument, document: Document, block: Figure, caption_style: str,
                width_cm: float) -> None:
    if block.png:  # a figure read back from JSON without images keeps only its caption
        width = min(Cm(width_cm), Emu(_usable_width(doc)))
        doc.add_picture(io.BytesIO(block.png), width=width)
        pic = doc.paragraphs[-1]
        pic.alignment = WD_ALIGN_PARAGRAPH.CENTER
        pic.paragraph_format.keep_with_next = True
        pic.paragraph_format.first_line_indent = Cm(0)
        doc_pr = doc.inline_shapes[-1]._inline.docPr
        doc_pr.set("descr", plain_text(block.alt or block.caption))
        doc_pr.set("name", f"{w('figure_word', document.lang)} {block.number}")
    cap = _styled_paragraph(doc, caption_style)
    cap.add_run(f"{w('figure_word', document.lang)} {block.number} ").bold = True
    _add_runs(cap, block.caption)
    cap.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap.paragraph_format.first_line_indent = Cm(0)
    cap.paragraph_format.space_after = Pt(12)


def _shade(paragraph, fill: str, bar: str) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = _border_el("left", 24)
    left.set(qn("w:color"), bar)
    left.set(qn("w:space"), "6")
    borders.append(left)
    p_pr.append(borders)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    p_pr.append(shd)


def _add_paragraph(doc: WordDocument, block: Paragraph, justify: bool) -> None:
    p = doc.add_paragraph()
    if block.style == "warning":  # border and shading first: python-docx keeps later pPr in order
        _shade(p, "FFF4D6", "C88A00")
    _add_runs(p, block.text, italic=block.style in ("note", "warning"))
    if justify:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


# --- the renderer -----------------------------------------------------------------------------

def render_docx(document: Document, out_path: Path | None = None,
                options: RenderOptions | None = None) -> bytes:
    """The Document as a Word file (bytes); also written to ``out_path`` when given.

    Options used (see :class:`~laktasi.report.renderers.RenderOptions`): ``template``,
    ``template_body``, ``heading_numbers``, ``table_rules``, ``figure_width_cm``.
    """
    if options is None:
        from .renderers import RenderOptions

        options = RenderOptions()
    template = options.template
    if template is not None:
        doc = _open_template(template)
        if options.template_body == "clear":
            _clear_body(doc)
    else:
        doc = WordDocument()
    levels = {min(max(b.level, 1), 9) for b in document.blocks if isinstance(b, Heading)}
    _ensure_styles(doc, levels)
    if template is None:
        _thesis_defaults(doc, document.lang)
    caption_style = "Caption"
    doc.core_properties.title = document.title
    doc.core_properties.language = _LANG_TAGS.get(document.lang, document.lang)
    for block in document.blocks:
        if isinstance(block, Heading):
            level = min(max(block.level, 1), 9)
            strip = options.heading_numbers == "strip" or (
                options.heading_numbers == "auto" and template is not None
                and _style_numbered(doc.styles[f"Heading {level}"]))
            text = _HEADING_NUMBER.sub("", block.text, count=1) if strip else block.text
            _styled_paragraph(doc, f"Heading {level}", text or block.text)
        elif isinstance(block, Paragraph):
            _add_paragraph(doc, block, justify=template is None)
        elif isinstance(block, TableBlock):
            _add_table(doc, document, block, caption_style, options.table_rules)
        elif isinstance(block, Figure):
            _add_figure(doc, document, block, caption_style, options.figure_width_cm)
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    if out_path is not None:
        Path(out_path).write_bytes(data)
    return data
