"""End to end in Debian's chromium (Playwright for Python, headless): upload the Amanda
example as Excel, map the columns, read the chapter, download the .docx and compare its
numbers with ``laktasi analyze`` on the same file. Screenshots of each page are saved in the
test's tmp folder (``pytest --basetemp=DIR`` keeps them where you want).

Skips with a reason when chromium or Playwright is absent; fails under CI=true, where
``.ci/run`` installs chromium.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]



def _amanda_xlsx(folder: Path) -> Path:
    """The Amanda example as the Excel file ``laktasi example`` writes."""
    from laktasi.cli import app

    result = CliRunner().invoke(app, ["example", "amanda-oku-timur-2023", str(folder)])
    assert result.exit_code == 0, result.output
    return folder / "amanda-oku-timur-2023.xlsx"


def _docx_text(path: Path) -> tuple[list[list[str]], list[str]]:
    import docx

    d = docx.Document(str(path))
    tables = [[c.text for row in t.rows for c in row.cells] for t in d.tables]
    return tables, [p.text for p in d.paragraphs if p.text.strip()]


def test_upload_map_columns_chapter_and_docx_equal_the_cli(browser, live_server, tmp_path):
    shots = tmp_path / "screenshots"
    shots.mkdir()
    data = _amanda_xlsx(tmp_path)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/analisis/")
    assert page.locator("h1").inner_text().startswith("Analisis")
    page.screenshot(path=shots / "1-unggah.png", full_page=True)

    page.set_input_files("input[name=file]", str(data))
    page.click("#upload-form button[type=submit]")
    page.wait_for_url(re.compile(r"/analisis/[0-9a-f-]+/$"))
    # map the columns: the code column, the characteristics, the two outcomes
    page.select_option("select[name=id_column]", "kode")
    for col in ("umur", "paritas", "pendidikan", "pekerjaan"):
        page.check(f"input[name=characteristics][value={col}]")
    assert page.input_value("select[name=out-0-post]") == "menyusui_post"
    assert page.input_value("select[name=out-0-pre]") == "menyusui_pre"
    assert page.input_value("select[name=out-1-post]") == "bak_post"
    rows_before = page.locator(".outcome-row").count()
    page.click("button[value=add]")  # htmx: one more row, the page is not reloaded
    page.wait_for_function(f"document.querySelectorAll('.outcome-row').length > {rows_before}")
    assert page.input_value("select[name=id_column]") == "kode"
    page.screenshot(path=shots / "2-deskripsi-studi.png", full_page=True)

    page.click("button[value=analyse]")
    page.wait_for_url(re.compile(r"/hasil/$"))
    chapter = page.locator("#chapter")
    assert "Tabel 4.1" in chapter.inner_text()
    assert page.locator("#chapter svg").count() >= 1
    page.screenshot(path=shots / "3-bab-hasil.png", full_page=True)

    with page.expect_download() as info:
        page.click("a[href$='/unduh/docx/']")
    web_docx = tmp_path / "web.docx"
    info.value.save_as(web_docx)
    with page.expect_download() as info:
        page.click("a[href$='/study.yaml']")
    study = tmp_path / "study.yaml"
    info.value.save_as(study)

    from laktasi.cli import app

    cli_docx = tmp_path / "cli.docx"
    result = CliRunner().invoke(app, ["analyze", str(data), "--study", str(study),
                                      "--format", "docx", "--out", str(cli_docx)])
    assert result.exit_code == 0, result.output
    web_tables, web_text = _docx_text(web_docx)
    cli_tables, cli_text = _docx_text(cli_docx)
    assert len(web_tables) >= 5
    assert web_tables == cli_tables
    assert web_text == cli_text
    # the numbers on the page are the ones in the Word file
    def spaces(text: str) -> str:  # the Word file and the page may use different spaces
        return re.sub(r"[\s\u00a0\u2009\u202f]+", " ", text)

    shown = spaces(chapter.inner_text())
    for cell in {spaces(c) for t in web_tables for c in t
                 if re.fullmatch(r"[<>]?[\s\u00a0\u2009\u202f]?[\d.,]+", c)}:
        assert cell in shown, cell

    phone = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone.goto(page.url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    phone.screenshot(path=shots / "4-bab-hasil-ponsel.png", full_page=False)
    phone.click("form.lang button[value=en]")
    phone.wait_for_load_state()
    assert "Table 4.1" in phone.locator("#chapter").inner_text()
    phone.screenshot(path=shots / "5-english-phone.png", full_page=False)
    print(f"screenshots: {shots}")


def test_a_bad_upload_shows_the_message_in_the_browser(browser, live_server, tmp_path):
    junk = tmp_path / "data.xlsx"
    junk.write_bytes(b"this is not excel" * 10)
    page = browser.new_page()
    page.goto(live_server.url + "/analisis/")
    page.set_input_files("input[name=file]", str(junk))
    page.click("#upload-form button[type=submit]")
    alert = page.locator("[role=alert]")
    assert "data.xlsx" in alert.inner_text()
    page.screenshot(path=tmp_path / "unggahan-salah.png", full_page=True)


def test_power_page_updates_in_place(browser, live_server, tmp_path):
    from laktasi.power import wilcoxon_n

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/besar-sampel/")
    page.select_option("select[name=test]", "wilcoxon")
    page.fill("input[name=dz]", "0.5")
    assert not page.is_visible("input[name=p1]")  # only the chosen test's inputs are shown
    page.select_option("select[name=test]", "two-proportions")
    assert page.is_visible("input[name=p1]") and not page.is_visible("input[name=dz]")
    page.select_option("select[name=test]", "wilcoxon")
    page.click("#power-form button[type=submit]")
    page.wait_for_selector("#justification")
    n = wilcoxon_n(0.5).n
    assert str(n) in page.locator("#power-table").inner_text()
    assert page.locator("#power-result svg").count() == 1
    assert "dz=0.5" in page.url  # htmx pushed the query: the result can be bookmarked
    page.screenshot(path=tmp_path / "besar-sampel.png", full_page=True)


def test_audit_page_on_a_seed_paper(browser, live_server, tmp_path):
    text = (Path(__file__).parent / "data" / "amanda-oku-timur-2023.txt").read_text("utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/audit/")
    page.fill("textarea[name=text]", text)
    page.click("button[value=draft]")
    page.wait_for_selector("textarea[name=items]")
    assert "items:" in page.input_value("textarea[name=items]")
    page.screenshot(path=tmp_path / "audit-draf.png", full_page=False)
    page.click("button[value=audit]")
    page.wait_for_selector("#findings")
    assert "Temuan" in page.locator("#findings").inner_text()
    page.locator("#findings").screenshot(path=tmp_path / "audit-temuan.png")


def test_meta_page_example_forest_and_funnel(browser, live_server, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/meta-analisis/?contoh=1")
    assert "SMCR" in page.input_value("textarea[name=table]")
    page.click("button[value=run]")
    page.wait_for_selector("#meta-result")
    assert page.locator("#meta-result svg").count() >= 2
    page.screenshot(path=tmp_path / "meta-analisis.png", full_page=True)
