"""The meta-analysis report: one document for the terminal, docx, html, md and json, with
the forest and funnel plots, in Indonesian and English."""

import json
import re
import struct

import docx
import pytest
from typer.testing import CliRunner

from laktasi.cli import app
from laktasi.i18n import use_language
from laktasi.i18n.numbers import fmt_number
from laktasi.meta import example_analysis
from laktasi.report.document import Figure, Heading, Paragraph, TableBlock
from laktasi.report.meta_document import meta_document
from laktasi.report.meta_plots import FONT_PT
from laktasi.report.plots import decimal_comma
from laktasi.report.renderers import render

runner = CliRunner()


@pytest.fixture(scope="module")
def res():
    return example_analysis("REML", False, None)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_document_blocks(res, lang):
    doc = meta_document(res, lang)
    tables = [b for b in doc.blocks if isinstance(b, TableBlock)]
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert [t.number for t in tables] == ["1", "2", "3", "4"]
    assert [f.number for f in figures] == ["1", "2"]
    assert all(f.png.startswith(b"\x89PNG") and "<svg" in f.svg for f in figures)
    studies = tables[0].table
    # one row per study and the pooled row, with the model's weights and estimate
    assert len(studies.rows) == res.model.k + 1
    assert studies.rows[-1][2] == fmt_number(res.model.estimate, 2, lang)
    assert [r[4] for r in studies.rows[:-1]] == [fmt_number(s.weight, 1, lang)
                                                for s in res.studies]
    text = " ".join(b.text for b in doc.blocks if hasattr(b, "text"))
    # I² of the example is about 98 %: the reader is warned, the PI crossing 0 is said
    assert res.model.i2 > 75 and ("sangat besar" if lang == "id" else "very large") in text
    assert res.model.pi.low < 0 and ("mencakup 0" if lang == "id" else "includes 0") in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_renderer_serves_the_meta_document(res, lang, tmp_path):
    from laktasi.report.render_json import document_from_json
    from laktasi.report.renderers import RENDERERS
    from laktasi.report.terminal import document_text

    doc = meta_document(res, lang)
    pooled = fmt_number(res.model.estimate, 2, lang)
    assert set(RENDERERS) == {"md", "html", "json", "docx"}
    md = tmp_path / "meta.md"
    text = render(doc, "md", md).decode("utf-8")
    assert pooled in text and text.count("](meta_files/figure-") == 2
    assert sorted(p.name for p in (tmp_path / "meta_files").iterdir()) == [
        "figure-1.png", "figure-2.png"]
    page = render(doc, "html").decode("utf-8")
    assert pooled in page and page.count("<svg") == 2 and page.count("<table") == 4
    assert document_from_json(render(doc, "json")) == doc  # the whole document, plots too
    word = docx.Document(_docx(doc, tmp_path))
    assert len(word.tables) == 4 and len(word.inline_shapes) == 2
    assert any(pooled in p.text for p in word.paragraphs)
    terminal = document_text(meta_document(res, lang, figures=False), width=200)
    assert pooled in terminal and doc.title in terminal


def test_terminal_has_no_figures(res):
    doc = meta_document(res, "id", figures=False)
    assert not any(isinstance(b, Figure) for b in doc.blocks)


def test_cli_docx_and_html(tmp_path):
    out = tmp_path / "meta.docx"
    r = runner.invoke(app, ["meta", "--example", "--format", "docx", "--out", str(out)])
    assert r.exit_code == 0, r.output
    d = docx.Document(str(out))
    assert len(d.tables) == 4 and len(d.inline_shapes) == 2
    captions = [p.text for p in d.paragraphs if p.text.startswith(("Gambar", "Tabel"))]
    assert captions[1].startswith("Gambar 1 Diagram hutan (forest plot)")
    html = tmp_path / "meta.html"
    r = runner.invoke(app, ["meta", "--example", "--format", "html", "--out", str(html),
                            "--lang", "en"])
    assert r.exit_code == 0, r.output
    page = html.read_text(encoding="utf-8")
    assert page.count("<svg") == 2 and "Forest plot" in page and "Funnel plot" in page
    js = tmp_path / "meta.json"
    r = runner.invoke(app, ["meta", "--example", "--format", "json", "--out", str(js)])
    assert r.exit_code == 0 and json.loads(js.read_text())["title"].startswith("Meta-analisis")


def test_cli_format_needs_out(tmp_path):
    r = runner.invoke(app, ["meta", "--example", "--format", "docx"])
    assert r.exit_code == 2 and "--out" in r.output
    r = runner.invoke(app, ["meta", "--example", "--format", "pdf", "--out",
                            str(tmp_path / "x.pdf")])
    assert r.exit_code == 2 and "choose one of" in r.output


# English words and code that must not appear in the Indonesian report's own words (the
# study labels and assumption notes are the user's data and are left as written)
ENGLISH = ["95% CI", "Leave-one-out", "inverse variance", "odds ratio", "risk ratio",
           "Hedges' g", "one-group", "nonequivalent", "Funnel plot", "Forest plot",
           "Pooled", "Weight", "prediction"]
CODE = re.compile(r"sqrt|\^|qt\(|\b(?:yi|vi|d_z|m_post|m_pre|sd_pre|sd_d)\b")


def _words(doc):
    return [b.text for b in doc.blocks if isinstance(b, (Heading, Paragraph))] + [
        cell for b in doc.blocks if isinstance(b, TableBlock)
        for cell in (b.table.caption, *b.table.header, *b.table.footnotes,
                     *(c for row in b.table.rows for c in row[1:]))] + [
        b.caption for b in doc.blocks if isinstance(b, Figure)]


def test_indonesian_report_has_no_english_words_and_formulas_are_formulas(res):
    text = " ".join(_words(meta_document(res, "id")))
    assert [w for w in ENGLISH if w in text] == []
    assert "IK 95%" in text and "satu kelompok" in text and "kontrol tak setara" in text
    for lang in ("id", "en"):
        doc = meta_document(res, lang)
        formulas = [b.text for b in doc.blocks if isinstance(b, Paragraph)][-res.model.k:]
        assert all(CODE.search(f) is None for f in formulas), formulas
        assert all("yᵢ = J(n − 1)(Mₚₒₛₜ − Mₚᵣₑ)/SDₚᵣₑ" in f for f in formulas)


def _png_width_px(png: bytes) -> int:
    return struct.unpack(">I", png[16:20])[0]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_forest_plot_text_prints_at_8_pt_or_more(res, lang, tmp_path):
    doc = meta_document(res, lang)
    forest = next(b for b in doc.blocks if isinstance(b, Figure))
    placed = docx.Document(_docx(doc, tmp_path)).inline_shapes[0]
    placed_in = placed.width / 914400  # EMU per inch
    drawn_in = _png_width_px(forest.png) / 150  # save_figure writes 150 dpi
    assert FONT_PT * placed_in / drawn_in >= 8.0


def _docx(doc, tmp_path):
    path = tmp_path / f"meta_{doc.lang}.docx"
    path.write_bytes(render(doc, "docx"))
    return str(path)


def test_tick_labels_use_a_decimal_comma_in_indonesian():
    import matplotlib.pyplot as plt

    for lang, sep in (("id", ","), ("en", ".")):
        fig, ax = plt.subplots()
        ax.plot([0, 1.5], [0.25, 0.75])
        with use_language(lang):  # the report's plot helpers read the active language
            decimal_comma(ax)
        fig.canvas.draw()
        labels = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        plt.close(fig)
        decimals = [t for t in labels if any(ch in t for ch in ".,")]
        assert decimals and all(sep in t for t in decimals), labels
