"""Word pages that need no fixing (issue 9, item 10): column widths from the content, symbols
as symbols, the software named as software, the heading true to the content."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

from laktasi.pipeline import analyse_file, example_files
from laktasi.report.document import Paragraph, inline_runs, plain_text
from laktasi.report.render_docx import _CELL_PAD, _column_widths, _text_width, _unbreakable
from laktasi.report.renderers import render
from laktasi.report.tables import is_numeric_cell

STUDIES = Path(__file__).resolve().parent.parent / "data" / "studies"
TWO_GROUP = (STUDIES / "two-group-posttest.csv", STUDIES / "two-group-posttest.yaml")
OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
POPPLER = shutil.which("pdftotext")


def _times_metrics() -> bool:
    """True when LibreOffice can set Times New Roman with its metrics (the font itself or the
    metric-compatible Liberation Serif: apt-get install fonts-liberation)."""
    if shutil.which("fc-match") is None:
        return False
    found = subprocess.run(["fc-match", "Times New Roman"], capture_output=True, text=True,
                           check=False).stdout
    return "Liberation Serif" in found or "Times" in found


def _chapters(lang):
    for files in (TWO_GROUP, example_files("kota-bengkulu-2018"),
                  example_files("amanda-oku-timur-2023")):
        yield analyse_file(*files, lang=lang, figures=False)[1]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_column_holds_its_widest_number_or_word(lang):
    total = 14 * 360000  # A4 less the 4 cm and 3 cm margins
    for doc in _chapters(lang):
        for block in doc.tables():
            t = block.table
            widths, size = _column_widths(t.header, t.rows, total)
            assert sum(widths) == total and size >= 8
            for j, width in enumerate(widths):
                pieces = [(p, True) for p in t.header[j].split()]
                for row in t.rows:
                    pieces += [(p, False) for p in _unbreakable(row[j], j > 0 and
                                                                 is_numeric_cell(row[j]))]
                widest = max(_text_width(p, size, bold=b) for p, b in pieces)
                assert width >= widest + _CELL_PAD, (block.number, t.header[j])


def test_numeric_cells_and_hyphens_never_break_in_word():
    doc = next(_chapters("id"))
    word = WordDocument(io.BytesIO(render(doc, "docx")))
    texts = []
    for table in word.tables:
        for cell in table._cells:
            texts.append("".join(t.text or "" for t in cell._tc.iter(qn("w:t"))))
            assert not any("-" in (t.text or "") for t in cell._tc.iter(qn("w:t")))
    assert "20\u00a0(100,0%)" in texts  # "n (%)" held together by a no-break space
    assert any(c._tc.findall(".//" + qn("w:noBreakHyphen")) for t in word.tables
               for c in t._cells)  # "Mann-Whitney", "2-sided" keep their hyphen unbroken


@pytest.mark.parametrize("lang", ["id", "en"])
def test_d_z_prints_as_d_with_subscript_z(lang):
    _, doc = analyse_file(*example_files("kota-bengkulu-2018"), lang=lang, figures=False)
    assert any("d_{z}" in p.text for p in doc.blocks if isinstance(p, Paragraph))
    word = WordDocument(io.BytesIO(render(doc, "docx")))
    subs = [r.text for p in word.paragraphs for r in p.runs if r.font.subscript]
    assert "z" in subs and "av" in subs
    assert not any("d_z" in p.text or "d_{z}" in p.text for p in word.paragraphs)
    md = render(doc, "md").decode()
    assert "d<sub>z</sub>" in md and "d\\_z" not in md
    html = render(doc, "html").decode()
    assert "d<sub>z</sub>" in html
    assert inline_runs("g_{av}")[1] == ("av", True) and plain_text("d_{z}", "_") == "d_z"


@pytest.mark.parametrize("lang,software,heading", [
    ("id", "perangkat lunak laktasi versi", "BAB 4 HASIL PENELITIAN"),
    ("en", "laktasi software, version", "Chapter 4 Results")])
def test_software_named_once_as_software_and_heading_matches(lang, software, heading):
    for doc in _chapters(lang):
        texts = [b.text for b in doc.blocks if hasattr(b, "text")]
        texts += [c for tb in doc.tables() for row in tb.table.rows for c in row]
        with_name = [t for t in texts if "laktasi" in t]
        assert len(with_name) == 2, with_name  # the methods sentence and the reference
        assert software in with_name[0]
        assert doc.blocks[0].text == heading
        assert not any("PEMBAHASAN" in t or "Discussion" in t for t in texts)


@pytest.mark.skipif(OFFICE is None or POPPLER is None or not _times_metrics(),
                    reason="needs LibreOffice, poppler-utils and fonts-liberation")
@pytest.mark.parametrize("lang", ["id", "en"])
def test_libreoffice_pages_keep_numbers_and_words_whole(tmp_path, lang):
    """The two-group chapter as LibreOffice prints it: every number cell and every word of
    every table is on one line of the PDF (no wrap inside a number or a word)."""
    _, doc = analyse_file(*TWO_GROUP, lang=lang)
    path = tmp_path / "bab4.docx"
    render(doc, "docx", path)
    subprocess.run([OFFICE, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "bab4.pdf"), "-"],
                          check=True, capture_output=True, timeout=60).stdout.decode()
    words = set(text.replace("\u00a0", " ").split())
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines()]
    for block in doc.tables():
        for row in block.table.rows:
            for j, cell in enumerate(row):
                if j > 0 and is_numeric_cell(cell):
                    assert any(cell in line for line in lines), (block.number, cell)
                else:
                    for token in plain_text(cell).split():
                        assert token in words, (block.number, token)
