"""``extract_file`` and ``laktasi extract paper.pdf``: a PDF's text layer (made here with
matplotlib, fonts embedded as text) gives the same draft as its text."""

import matplotlib
import pytest
import yaml
from typer.testing import CliRunner

from laktasi.audit.extract import ExtractInputError, extract_file, extract_text
from laktasi.audit.extract.files import reflow
from laktasi.cli import app

matplotlib.use("Agg")
import matplotlib.pyplot as plt

LINES = ["Desain one group pretest posttest.", "Tabel 1 Paritas responden", "Paritas f %",
         "Primipara 16 47,1 %", "Multipara 18 52,9 %", "Total 34 100", "",
         "Hasil uji Wilcoxon pada produksi ASI menunjukkan Z = -3,41 dan p =",
         "0,001 sehingga H0 ditolak."]
runner = CliRunner()


def _pdf(path, lines=LINES):
    with plt.rc_context({"pdf.fonttype": 42}):
        fig = plt.figure(figsize=(8.27, 11.69))
        for k, line in enumerate(lines):
            fig.text(0.08, 0.95 - 0.02 * k, line, fontsize=10)
        fig.savefig(path)
        plt.close(fig)
    return path


def test_a_pdf_gives_the_items_of_its_text(tmp_path):
    d = extract_file(_pdf(tmp_path / "paper.pdf"))
    items = [{k: v for k, v in i.items() if k not in ("id", "source")} for i in d.data["items"]]
    assert items == [
        {"kind": "frequency",
         "rows": [{"label": "Primipara", "n": 16, "pct": "47,1%"},
                  {"label": "Multipara", "n": 18, "pct": "52,9%"}],
         "total": {"n": 34, "pct": "100"}},
        # the sentence the page wrapped after "p =" is joined back
        {"kind": "wilcoxon", "claimed_test": "wilcoxon", "z": "-3,41", "p": "0,001"}]
    assert d.data["study"]["design"] == "one-group-pretest-posttest"
    assert d.source == "paper.pdf"


def test_a_text_file_reads_as_extract_text(tmp_path):
    path = tmp_path / "paper.txt"
    path.write_text("\n".join(LINES), encoding="utf-8")
    assert extract_file(path).data == extract_text("\n".join(LINES), source="paper.txt").data


def test_reflow_joins_wrapped_sentences_but_not_rows():
    text = "Hasil uji Wilcoxon menunjukkan Z = -3,41 dan p =\n0,001 sehingga H0 ditolak.\n" \
           "Primipara 16 47,1 %\nmultipara 18 52,9 %\n"
    assert reflow(text).splitlines() == [
        "Hasil uji Wilcoxon menunjukkan Z = -3,41 dan p = 0,001 sehingga H0 ditolak.",
        "Primipara 16 47,1 %", "multipara 18 52,9 %"]


@pytest.mark.parametrize(("name", "content", "key_id", "key_en"), [
    ("nope.pdf", None, "tidak ditemukan", "not found"),
    ("bad.pdf", b"%PDF-1.4 not really", "bukan berkas PDF", "not a readable PDF"),
    ("bad.txt", b"\xff\xfe\x00\xc3\x28", "bukan berkas teks UTF-8", "not a readable UTF-8"),
])
def test_unreadable_files_give_a_located_message(tmp_path, name, content, key_id, key_en):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    for lang, words in (("id", key_id), ("en", key_en)):
        with pytest.raises(ExtractInputError) as info:
            extract_file(path, lang=lang)
        assert words in info.value.message and name in info.value.message


def test_a_pdf_without_text_says_so(tmp_path):
    path = _pdf(tmp_path / "scan.pdf", lines=[])
    with pytest.raises(ExtractInputError, match="lapisan teks"):
        extract_file(path)


def test_cli_extract_reads_a_pdf(tmp_path):
    pdf = _pdf(tmp_path / "paper.pdf")
    res = runner.invoke(app, ["extract", str(pdf), "--lang", "en"])
    assert res.exit_code == 0, res.output
    assert yaml.safe_load(res.stdout) == extract_file(pdf).data
    out = tmp_path / "draft.yaml"
    assert runner.invoke(app, ["extract", str(pdf), "--out", str(out)]).exit_code == 0
    assert runner.invoke(app, ["audit", str(out)]).exit_code == 0
    res = runner.invoke(app, ["extract", str(tmp_path / "scan.pdf")])
    assert res.exit_code == 2 and "tidak ditemukan" in res.output and "Traceback" not in res.output


def test_cli_audit_exits_1_on_an_empty_draft(tmp_path):
    out = tmp_path / "empty.yaml"
    out.write_text("study: {design: one-group-pretest-posttest}\nitems: []\n", encoding="utf-8")
    res = runner.invoke(app, ["audit", str(out)])
    assert res.exit_code == 1 and "PERINGATAN" in res.output
