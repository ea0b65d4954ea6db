"""Renderers read one Document: docx structure, templates, html, md, json, the registry.

The documents are built by hand here (the chapter builder has its own tests); one
smoke test renders the shipped example end to end.
"""

import base64
import dataclasses
import io
import json
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from laktasi.errors import InvalidOptionError, LaktasiInputError
from laktasi.report.document import Document, Figure, Heading, Paragraph, TableBlock
from laktasi.report.plots import paired_plot
from laktasi.report.render_json import document_from_json
from laktasi.report.renderers import RENDERERS, RenderOptions, render
from laktasi.report.tables import ReportTable

FREQ = ReportTable(
    "Distribusi Frekuensi Karakteristik Responden di Klinik Amanda Tahun 2023",
    ("Variabel", "Kategori", "Frekuensi (n)", "Persentase (%)"),
    (("Umur", "<20 tahun", "2", "13,3"), ("", "20-35 tahun", "12", "80,0"),
     ("", ">35 tahun", "1", "6,7"), ("Paritas", "primipara | baru", "6", "40,0")),
)
TEST = ReportTable(
    "Hasil Uji Wilcoxon Signed Rank — Frekuensi menyusui",
    ("", ""),
    (("Z", "−3,434"), ("Asymp. Sig. (2-tailed)", "< 0,001"), ("Rank-biserial r", "1,00")),
    ("r = |Z|/√N (N = 15 pasang)",),
)


@pytest.fixture(scope="module")
def figure():
    png, svg = paired_plot([4, 5, 5, 6], [8, 9, 9, 12], labels=("Sebelum", "Sesudah"),
                           ylabel="Frekuensi menyusui (kali/hari)")
    return Figure("4.1", "Nilai Frekuensi Menyusui Sebelum dan Sesudah", png, svg,
                  alt="Garis per responden dari sebelum ke sesudah")


@pytest.fixture(scope="module")
def doc(figure):
    return Document("Pengaruh Pijat Oksitosin", "id", (
        Heading("BAB 4 HASIL DAN PEMBAHASAN", 1),
        Heading("4.1 Data Umum", 2),
        TableBlock("4.1", FREQ),
        Paragraph("Berdasarkan tabel 4.1 sebagian besar responden berusia 20–35 tahun "
                  "<script>alert('x')</script> & *bukan tebal* [tautan](x)."),
        Heading("4.2 Data Khusus", 2),
        Heading("Frekuensi menyusui (kali/hari)", 3),
        TableBlock("4.2", TEST),
        Paragraph("Tanpa kelompok kontrol, kenaikan tidak dapat dianggap seluruhnya efek pijat.",
                  "note"),
        Paragraph("Uji chi-square untuk data berpasangan tidak tepat.", "warning"),
        figure,
    ), {"study": "amanda", "n": 15})


@pytest.fixture(scope="module")
def doc_en(doc):
    return dataclasses.replace(doc, lang="en")


def _word(data: bytes):
    return docx.Document(io.BytesIO(data))


def _body_items(word):
    """Body children in order: ('p', paragraph text, element) or ('tbl', None, element)."""
    items = []
    for el in word.element.body.iterchildren():
        if el.tag == qn("w:p"):
            items.append(("p", "".join(t.text or "" for t in el.iter(qn("w:t"))), el))
        elif el.tag == qn("w:tbl"):
            items.append(("tbl", None, el))
    return items


# --- docx ----------------------------------------------------------------------------------------

def test_docx_tables_are_word_tables_with_the_caption_just_above(doc):
    word = _word(render(doc, "docx"))
    assert len(word.tables) == len(doc.tables()) == 2
    items = _body_items(word)
    tables_at = [i for i, item in enumerate(items) if item[0] == "tbl"]
    for block, i in zip(doc.tables(), tables_at, strict=True):
        kind, text, el = items[i - 1]
        assert kind == "p" and text == f"Tabel {block.number} {block.caption}"
        assert el.find(qn("w:pPr")).find(qn("w:pStyle")).get(qn("w:val")) == "Caption"
    first = word.tables[0]
    assert [c.text for c in first.rows[0].cells] == list(FREQ.header)
    assert [c.text for c in first.rows[2].cells] == list(FREQ.rows[1])
    assert first.rows[4].cells[1].text == "primipara | baru"


def test_docx_header_bold_repeated_numbers_right_aligned(doc):
    table = _word(render(doc, "docx")).tables[0]
    head = table.rows[0]
    assert head._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for cell in head.cells for run in cell.paragraphs[0].runs)
    body = table.rows[1]
    assert body._tr.trPr.find(qn("w:tblHeader")) is None
    assert [c.paragraphs[0].alignment for c in body.cells][2:] == [2, 2]  # RIGHT
    assert body.cells[1].paragraphs[0].alignment is None  # text stays left
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:insideV")).get(qn("w:val")) == "nil"  # horizontal rules only


def test_docx_grid_rules(doc):
    table = _word(render(doc, "docx", table_rules="grid")).tables[0]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:insideV")).get(qn("w:val")) == "single"


def test_docx_figure_embedded_with_caption_below_and_alt_text(doc, figure):
    word = _word(render(doc, "docx"))
    assert len(word.inline_shapes) == len(doc.figures()) == 1
    shape = word.inline_shapes[0]
    assert shape.width <= Cm(12)
    assert shape._inline.docPr.get("descr") == figure.alt
    items = _body_items(word)
    pic = next(i for i, (k, _, el) in enumerate(items)
               if k == "p" and el.find(".//" + qn("w:drawing")) is not None)
    assert items[pic + 1][1] == f"Gambar 4.1 {figure.caption}"


def test_docx_headings_paragraph_styles_and_page(doc):
    word = _word(render(doc, "docx"))
    styles = {p.text: p.style.name for p in word.paragraphs}
    assert styles["BAB 4 HASIL DAN PEMBAHASAN"] == "Heading 1"
    assert styles["4.1 Data Umum"] == "Heading 2"
    assert styles["Frekuensi menyusui (kali/hari)"] == "Heading 3"
    note = next(p for p in word.paragraphs if p.text.startswith("Tanpa kelompok"))
    assert all(r.italic for r in note.runs)
    warning = next(p for p in word.paragraphs if p.text.startswith("Uji chi-square"))
    assert warning._p.pPr.find(qn("w:shd")).get(qn("w:fill")) == "FFF4D6"
    assert any("<script>" in p.text for p in word.paragraphs)  # text kept as text
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.left_margin.cm, 1)) == (21.0, 4.0)
    assert word.core_properties.title == doc.title


def test_docx_english_words(doc_en):
    texts = [p.text for p in _word(render(doc_en, "docx")).paragraphs]
    assert any(t.startswith("Table 4.1 ") for t in texts)
    assert any(t.startswith("Figure 4.1 ") for t in texts)
    assert not any(t.startswith(("Tabel", "Gambar")) for t in texts)


def _campus_template(path, *, numbered: bool = False, drop=()):
    base = docx.Document()
    base.add_paragraph("HALAMAN JUDUL SKRIPSI")
    base.sections[0].left_margin = Cm(4.5)
    base.sections[0].top_margin = Cm(3.5)
    if numbered:  # heading styles that number themselves, as many campus templates do
        for name in ("Heading 1", "Heading 2"):
            p_pr = base.styles[name].element.get_or_add_pPr()
            num_pr = p_pr.makeelement(qn("w:numPr"), {})
            num_id = num_pr.makeelement(qn("w:numId"), {qn("w:val"): "1"})
            num_pr.append(num_id)
            p_pr.insert(0, num_pr)
    for name in drop:
        base.styles.element.remove(base.styles[name].element)
    base.save(path)
    return path


def test_docx_template_keep_appends_after_its_text_and_keeps_margins(tmp_path, doc):
    template = _campus_template(tmp_path / "kampus.docx")
    word = _word(render(doc, "docx", template=template))
    assert word.paragraphs[0].text == "HALAMAN JUDUL SKRIPSI"
    assert round(word.sections[0].left_margin.cm, 2) == 4.5
    assert round(word.sections[0].top_margin.cm, 2) == 3.5
    assert len(word.tables) == 2 and len(word.inline_shapes) == 1


def test_docx_template_clear_empties_the_body_but_keeps_the_section(tmp_path, doc):
    template = _campus_template(tmp_path / "kampus.docx")
    word = _word(render(doc, "docx", template=template, template_body="clear"))
    assert word.paragraphs[0].text == "BAB 4 HASIL DAN PEMBAHASAN"
    assert "HALAMAN JUDUL SKRIPSI" not in [p.text for p in word.paragraphs]
    assert round(word.sections[0].left_margin.cm, 2) == 4.5


def test_docx_template_with_numbered_headings_gets_no_second_number(tmp_path, doc):
    template = _campus_template(tmp_path / "kampus.docx", numbered=True)
    texts = [p.text for p in _word(render(doc, "docx", template=template)).paragraphs]
    assert "HASIL DAN PEMBAHASAN" in texts and "Data Umum" in texts
    assert "BAB 4 HASIL DAN PEMBAHASAN" not in texts
    assert "Frekuensi menyusui (kali/hari)" in texts  # Heading 3 is not numbered: unchanged
    kept = [p.text for p in _word(render(doc, "docx", template=template,
                                         heading_numbers="keep")).paragraphs]
    assert "4.1 Data Umum" in kept


def test_docx_template_missing_styles_are_added(tmp_path, doc):
    template = _campus_template(tmp_path / "kampus.docx", drop=("Heading 3", "Caption"))
    word = _word(render(doc, "docx", template=template))
    styles = {p.text: p.style.name for p in word.paragraphs}
    assert styles["Frekuensi menyusui (kali/hari)"] == "Heading 3"
    assert styles[f"Tabel 4.1 {FREQ.caption}"] == "Caption"


def test_docx_template_dotx_is_accepted(tmp_path, doc):
    source = _campus_template(tmp_path / "kampus.docx")
    dotx = tmp_path / "kampus.dotx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(name, data)
    word = _word(render(doc, "docx", template=dotx))
    assert word.paragraphs[0].text == "HALAMAN JUDUL SKRIPSI"


def test_docx_template_errors_are_located(tmp_path, doc):
    with pytest.raises(LaktasiInputError, match="does not exist"):
        render(doc, "docx", template=tmp_path / "tidak-ada.docx")
    bad = tmp_path / "lama.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0 not a zip")
    with pytest.raises(LaktasiInputError, match=r"not a Word \.docx"):
        render(doc, "docx", template=bad)


# --- html ----------------------------------------------------------------------------------------

def test_html_is_one_file_with_every_cell_escaped(doc):
    page = render(doc, "html").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<html lang='id'>" in page
    assert not re.search(r"<link|<script|src=['\"]http|@import", page)
    assert page.count("<table") == 2 and page.count("<svg") == 1
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    for block in doc.tables():
        assert f"<span class='label'>Tabel {block.number}</span>" in page
        for row in block.table.rows:
            for cell in row:
                assert f">{cell.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}<" \
                    in page
    assert "<th scope='col' class='num'>Frekuensi (n)</th>" in page
    assert "<td class='num'>80,0</td>" in page
    assert "Gambar 4.1</span> Nilai Frekuensi" in page
    assert "<p class='warning' role='note'>" in page


def test_html_png_figures_and_english(doc_en):
    page = render(doc_en, "html", html_figures="png").decode("utf-8")
    assert "<html lang='en'>" in page and "<svg" not in page
    data = re.search(r"src='data:image/png;base64,([A-Za-z0-9+/=]+)'", page).group(1)
    assert base64.b64decode(data).startswith(b"\x89PNG")
    assert "Table 4.1</span>" in page and "Figure 4.1</span>" in page


def test_html_unsafe_svg_falls_back_to_png(doc, figure):
    evil = dataclasses.replace(figure, svg="<svg onload='alert(1)'></svg>")
    page = render(dataclasses.replace(doc, blocks=(evil,)), "html").decode("utf-8")
    assert "onload" not in page and "data:image/png;base64," in page


# --- markdown ------------------------------------------------------------------------------------

def test_md_pipe_tables_captions_and_embedded_figure(doc):
    md = render(doc, "md").decode("utf-8")
    lines = md.splitlines()
    assert lines[0] == "# BAB 4 HASIL DAN PEMBAHASAN"
    start = lines.index(f"**Tabel 4.1** {FREQ.caption}")
    assert lines[start + 2] == "| Variabel | Kategori | Frekuensi (n) | Persentase (%) |"
    assert lines[start + 3] == "|---|---|---:|---:|"
    assert lines[start + 4] == "| Umur | <20 tahun | 2 | 13,3 |"
    assert "|   | >35 tahun | 1 | 6,7 |" in lines
    assert "\\<script>alert('x')\\</script>" in md
    assert "| Paritas | primipara \\| baru | 6 | 40,0 |" in lines
    assert "|   |   |" in lines and "| Z | −3,434 |" in lines  # header-less table
    assert "*r = \\|Z\\|/√N (N = 15 pasang)*" in lines
    assert "\\*bukan tebal\\* \\[tautan\\](x)" in md
    assert "> *Tanpa kelompok kontrol" in md
    assert "](data:image/png;base64," in md and "*Gambar 4.1 Nilai Frekuensi" in md


def test_md_with_out_path_writes_figures_beside_it(tmp_path, doc, figure):
    out = tmp_path / "bab4.md"
    data = render(doc, "md", out)
    assert out.read_bytes() == data
    assert (tmp_path / "bab4_files" / "figure-4-1.png").read_bytes() == figure.png
    assert "](bab4_files/figure-4-1.png)" in data.decode("utf-8")
    assert b"base64" not in data


# --- json ----------------------------------------------------------------------------------------

def test_json_round_trip(doc):
    data = render(doc, "json")
    payload = json.loads(data)
    assert payload["format"] == "laktasi-document" and payload["lang"] == "id"
    tables = [b for b in payload["blocks"] if b["type"] == "table"]
    assert [t["label"] for t in tables] == ["Tabel 4.1", "Tabel 4.2"]
    assert tables[0]["rows"][0] == list(FREQ.rows[0])
    assert document_from_json(data) == doc


def test_json_figures_omitted(doc):
    payload = json.loads(render(doc, "json", json_figures="omit"))
    fig = next(b for b in payload["blocks"] if b["type"] == "figure")
    assert "png_base64" not in fig and fig["caption"].startswith("Nilai")
    back = document_from_json(payload)
    assert back.figures()[0].png == b""
    assert "*Gambar 4.1 Nilai" in render(back, "md").decode("utf-8")  # caption kept, no image
    page = render(back, "html", html_figures="png").decode("utf-8")
    assert "<img" not in page and "Gambar 4.1</span> Nilai" in page
    word = _word(render(back, "docx"))
    assert len(word.inline_shapes) == 0
    assert any(p.text.startswith("Gambar 4.1 Nilai") for p in word.paragraphs)


def test_json_reader_names_what_is_wrong():
    with pytest.raises(LaktasiInputError, match="not a laktasi document"):
        document_from_json(b'{"title": "x"}')
    bad = {"format": "laktasi-document", "version": 1, "title": "x", "lang": "id",
           "blocks": [{"type": "table", "number": "4.1", "caption": "c", "header": ["a"],
                       "rows": [[1]]}]}
    with pytest.raises(LaktasiInputError, match=r"blocks\[0\]\.rows\[0\]"):
        document_from_json(bad)


# --- the registry --------------------------------------------------------------------------------

def test_registry_and_unknown_format(doc):
    assert set(RENDERERS) == {"docx", "html", "json", "md"}
    with pytest.raises(LaktasiInputError, match="docx, html, json, md"):
        render(doc, "pdf")


def test_options_are_checked(doc):
    with pytest.raises(InvalidOptionError, match="choose one of horizontal, grid"):
        render(doc, "docx", table_rules="dotted")
    with pytest.raises(InvalidOptionError, match="unknown render option"):
        render(doc, "html", colour="red")
    with pytest.raises(InvalidOptionError, match="docx only"):
        render(doc, "html", template="kampus.docx")
    with pytest.raises(InvalidOptionError, match="figure_width_cm"):
        RenderOptions(figure_width_cm=100)
    assert render(doc, "md", template=None) == render(doc, "md")  # the CLI passes None


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_renderer_writes_out_path(tmp_path, doc, fmt):
    out = tmp_path / f"bab4.{fmt}"
    assert render(doc, fmt, out) == out.read_bytes()


def test_shipped_example_renders_in_every_format():
    from laktasi.pipeline import analyse_file, example_files

    chapter = analyse_file(*example_files("amanda-oku-timur-2023"), lang="id")[1]
    word = _word(render(chapter, "docx"))
    assert len(word.tables) == len(chapter.tables())
    assert len(word.inline_shapes) == len(chapter.figures())
    assert render(chapter, "html").decode("utf-8").count("<table") == len(chapter.tables())
    assert document_from_json(render(chapter, "json")) == chapter
