"""The Word file opens and prints in LibreOffice: convert to PDF, then to page images.

Needs ``libreoffice`` (or ``soffice``) and poppler's ``pdftoppm``/``pdftotext``;
on Debian/Ubuntu: ``apt-get install libreoffice-writer poppler-utils``.
"""

import os
import shutil
import subprocess

import pytest

from laktasi.report.document import Document, Figure, Heading, Paragraph, TableBlock
from laktasi.report.plots import binary_prepost_bar
from laktasi.report.renderers import render
from laktasi.report.tables import ReportTable

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
POPPLER = shutil.which("pdftoppm") and shutil.which("pdftotext")



@pytest.fixture(autouse=True)
def _office():
    """Skip without LibreOffice and poppler, except in CI (env CI set), where .ci/run
    installs them: there a missing program is a failure, as for the peer tests."""
    if OFFICE is None or not POPPLER:
        if os.environ.get("CI"):
            pytest.fail("libreoffice or poppler is missing in CI; .ci/run must install "
                        "libreoffice-writer poppler-utils")
        pytest.skip("libreoffice not installed: apt-get install libreoffice-writer "
                    "poppler-utils")


def test_docx_converts_to_pdf_pages_with_tables_and_figure(tmp_path):
    png, svg = binary_prepost_bar([12, 3], [2, 13], levels=("tidak lancar", "lancar"),
                                  labels=("Sebelum", "Sesudah"), ylabel="Jumlah responden (n)")
    doc = Document("Uji LibreOffice", "id", (
        Heading("BAB 4 HASIL DAN PEMBAHASAN", 1),
        TableBlock("4.1", ReportTable(
            "Kelancaran ASI Sebelum dan Sesudah Pijat Oksitosin",
            ("", "tidak lancar", "lancar", "Total"),
            (("Sebelum", "12 (80,0%)", "3 (20,0%)", "15"),
             ("Sesudah", "2 (13,3%)", "13 (86,7%)", "15")),
            ("Uji McNemar (exact): p = 0,002",))),
        Paragraph("Berdasarkan tabel 4.1, sebagian kecil responden lancar sebelum intervensi."),
        Figure("4.1", "Kelancaran ASI Sebelum dan Sesudah", png, svg),
    ))
    path = tmp_path / "bab4.docx"
    render(doc, "docx", path)
    # a private profile directory, so a running LibreOffice or a read-only home does not interfere
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([OFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "bab4.pdf"
    assert pdf.exists() and pdf.stat().st_size > 0
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, timeout=60).stdout.decode("utf-8")
    for expected in ("Tabel 4.1", "12 (80,0%)", "13 (86,7%)", "Gambar 4.1", "p = 0,002"):
        assert expected in text, expected
    assert text.index("Tabel 4.1") < text.index("12 (80,0%)")  # caption above the table
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")],
                   check=True, timeout=120)
    pages = sorted(tmp_path.glob("page*.png"))
    assert pages and all(p.read_bytes().startswith(b"\x89PNG") for p in pages)
