"""The meta-analysis report: one document for the terminal, docx, html, md and json, with
the forest and funnel plots, in Indonesian and English."""

import json

import docx
import pytest
from typer.testing import CliRunner

from laktasi.cli import app
from laktasi.meta import example_analysis
from laktasi.report.document import Figure, TableBlock
from laktasi.report.meta_document import meta_document
from laktasi.report.numbers import fmt_number

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
    assert studies.rows[-1][3] == fmt_number(res.model.estimate, 2, lang)
    assert [r[5] for r in studies.rows[:-1]] == [fmt_number(s.weight, 1, lang)
                                                for s in res.studies]
    text = " ".join(b.text for b in doc.blocks if hasattr(b, "text"))
    # I² of the example is about 98 %: the reader is warned, the PI crossing 0 is said
    assert res.model.i2 > 75 and ("sangat besar" if lang == "id" else "very large") in text
    assert res.model.pi.low < 0 and ("mencakup 0" if lang == "id" else "includes 0") in text


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
    assert captions[1].startswith("Gambar 1 Forest plot")
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
