"""Renderers read one Document: docx structure, html, md, json, plots."""

import io
import json
import shutil
import subprocess

import docx
import pytest

from laktasi.errors import InvalidOptionError
from laktasi.pipeline import analyse_file, example_files
from laktasi.report.plots import group_plot
from laktasi.report.renderers import RENDERERS, render


@pytest.fixture(scope="module")
def chapter():
    data, study = example_files("amanda-oku-timur-2023")
    return analyse_file(data, study, lang="id")[1]


def test_docx_has_real_tables_with_captions_above_and_figures(chapter):
    word = docx.Document(io.BytesIO(render(chapter, "docx")))
    assert len(word.tables) == len(chapter.tables())
    texts = [p.text for p in word.paragraphs]
    for block in chapter.tables():
        assert f"Tabel {block.number} {block.caption}" in texts
    first = word.tables[0]
    assert [c.text for c in first.rows[0].cells] == list(chapter.tables()[0].table.header)
    assert first.rows[1].cells[1].text == "<20 tahun"
    assert len(word.inline_shapes) == len(chapter.figures()) == 2
    assert any(t.startswith("Gambar 4.1 ") for t in texts)
    assert word.paragraphs[0].style.name == "Heading 1"


def test_docx_inside_a_campus_template(tmp_path, chapter):
    template = tmp_path / "kampus.docx"
    base = docx.Document()
    base.add_paragraph("HALAMAN JUDUL SKRIPSI")
    base.sections[0].left_margin = docx.shared.Cm(4.5)
    base.save(template)
    word = docx.Document(io.BytesIO(render(chapter, "docx", template=template)))
    assert word.paragraphs[0].text == "HALAMAN JUDUL SKRIPSI"
    assert word.sections[0].left_margin == docx.Document(template).sections[0].left_margin
    assert len(word.tables) == len(chapter.tables())


def test_html_is_one_file_with_every_cell(chapter):
    page = render(chapter, "html").decode("utf-8")
    assert page.count("<table>") == len(chapter.tables())
    assert "src='data:image/png;base64," in page and "<link" not in page
    for block in chapter.tables():
        for row in block.table.rows:
            for cell in row:
                assert cell.replace("<", "&lt;").replace(">", "&gt;") in page


def test_md_and_json(chapter):
    md = render(chapter, "md").decode("utf-8")
    assert "**Tabel 4.1 " in md and "| Umur | <20 tahun | 2 | 13,3 |" in md
    doc = json.loads(render(chapter, "json"))
    assert [b["number"] for b in doc["blocks"] if b["type"] == "table"] == [
        b.number for b in chapter.tables()]


def test_unknown_format_names_the_allowed_ones(chapter):
    with pytest.raises(InvalidOptionError, match="docx, html, json, md"):
        render(chapter, "pdf")
    assert set(RENDERERS) == {"docx", "html", "json", "md"}


def test_group_plot_png_and_svg():
    png, svg = group_plot({"kontrol": [1.0, 2.0, 2.5], "eksperimen": [2.0, 3.5, 4.0]},
                          ylabel="cc")
    assert png.startswith(b"\x89PNG") and svg.lstrip().startswith("<?xml")


def test_docx_renders_in_libreoffice(tmp_path, chapter):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None or shutil.which("pdftoppm") is None:
        pytest.skip("libreoffice/pdftoppm not installed: apt-get install libreoffice-writer "
                    "poppler-utils")
    path = tmp_path / "bab4.docx"
    path.write_bytes(render(chapter, "docx"))
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "bab4.pdf"
    assert pdf.exists()
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) >= 3
