"""End to end in Debian's chromium (Playwright, headless; the pattern of
tests/web/test_e2e_browser.py): a midwife logs in, registers a mother, logs a massage session
with the SOP checklist, enters the before and after columns of the observation sheet, sees the
watch-list flag, opens the live analysis and downloads the .docx. Screenshots are kept in the
test's tmp folder (``pytest --basetemp=DIR`` keeps them where you want)."""

from __future__ import annotations

import datetime as dt
import random

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "sandi-bidan-2026"


def _clinic_with_a_midwife():
    """A clinic whose study already has 10 complete sheets, and a midwife's account."""
    from clinic_sites import make_user

    from laktasi.web.clinics import services
    from laktasi.web.clinics.models import Membership

    admin = make_user("admin-klinik")
    clinic = services.clinic_create(name="PMB Melati", kind="pmb", district="Kota Contoh",
                                    admin=admin)
    study = services.study_create(by=admin, clinic=clinic, title="Pijat oksitosin PMB Melati",
                                  design="one-group-pretest-posttest", year=2026)
    bidan = make_user("bidan-sari")
    bidan.set_password(PASSWORD)
    bidan.save()
    Membership.objects.create(user=bidan, clinic=clinic, role="bidan")
    rng = random.Random(3)
    day0 = dt.date(2026, 11, 20)
    for i in range(1, 11):
        m = services.mother_register(by=admin, study=study, code=f"R{i:02d}",
                                     age=rng.randint(19, 38), education="SMA",
                                     occupation="IRT", parity="multipara", enrolled=day0,
                                     delivered=day0)
        for point, day in (("pre", 0), ("post", 2)):
            services.observation_record(
                by=admin, mother=m, point=point, observed=day0 + dt.timedelta(day),
                feeds=rng.randint(6, 9) + (3 if point == "post" else 0),
                urination=rng.randint(3, 6) + (3 if point == "post" else 0),
                volume=round(rng.uniform(2, 9) + (7 if point == "post" else 0), 1),
                lancar=point == "post" or rng.random() < 0.3)
    return study


def test_midwife_registers_logs_observes_sees_flag_and_downloads_docx(browser, live_server,
                                                                      tmp_path):
    study = _clinic_with_a_midwife()
    shots = tmp_path / "screenshots"
    shots.mkdir()
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    page.goto(live_server.url + "/klinik/")
    assert page.locator("h1").inner_text() == "Masuk"
    page.fill("input[name=username]", "bidan-sari")
    page.fill("input[name=password]", PASSWORD)
    page.screenshot(path=shots / "1-masuk.png", full_page=True)
    page.click("#login-form button[type=submit]")
    page.click("text=PMB Melati")
    page.click(f"text={study.title}")
    page.screenshot(path=shots / "2-penelitian.png", full_page=True)

    page.click("#new-mother")
    page.fill("input[name=code]", "R11")
    page.fill("input[name=age]", "27")
    page.select_option("select[name=parity]", "primipara")
    page.fill("input[name=enrolled]", "2026-11-21")
    page.fill("input[name=delivered]", "2026-11-20")
    page.fill("input[name=birth_weight]", "3100")
    page.screenshot(path=shots / "3-daftar-ibu.png", full_page=True)
    page.click("#mother-form button[type=submit]")
    assert "R11" in page.locator("h1").inner_text()

    page.click("#new-session")
    page.fill("input[name=at]", "2026-11-21T08:00")
    page.fill("input[name=minutes]", "5")
    for step in ("posisi", "minyak", "mulai", "kepalan", "turun"):
        page.check(f"input[name=steps][value={step}]")
    page.screenshot(path=shots / "4-sesi-pijat.png", full_page=True)
    page.click("#session-form button[type=submit]")
    assert "1 langkah tidak dilakukan" in page.locator("#sessions").inner_text()

    page.click("#obs-pre")
    page.fill("input[name=observed]", "2026-11-21")
    page.fill("input[name=feeds]", "5")
    page.fill("input[name=urination]", "2")
    page.fill("input[name=volume]", "3,5".replace(",", "."))
    page.select_option("select[name=lancar]", "false")
    page.click("#observation-form button[type=submit]")
    page.click("#obs-post")
    page.fill("input[name=observed]", "2026-11-23")
    page.fill("input[name=feeds]", "9")
    page.fill("input[name=urination]", "7")
    page.fill("input[name=volume]", "10.5")
    page.fill("input[name=weight]", "2850")
    page.select_option("select[name=lancar]", "true")
    page.click("#observation-form button[type=submit]")
    sheet = page.locator("#sheet").inner_text()
    assert "Sebelum" in sheet and "Sesudah" in sheet and "10.5" in sheet.replace(",", ".")
    flags = page.locator("#flags").inner_text()
    # 5 feeds (< 8, AAP 2012) and 2850 g of 3100 g (8.1 % > 7 %)
    assert "Mohon periksa" in flags and "AAP 2012" in flags
    assert page.locator("#flags [data-sign=feeds]").count() == 1
    assert page.locator("#flags [data-sign=weight]").count() == 1
    page.screenshot(path=shots / "5-lembar-observasi.png", full_page=True)

    page.click("text=Pijat oksitosin PMB Melati")
    page.click("text=Daftar pantau")
    assert "R11" in page.locator("main").inner_text()
    page.screenshot(path=shots / "6-daftar-pantau.png", full_page=True)

    page.go_back()
    page.click("text=Analisis langsung")
    chapter = page.locator("#chapter").inner_text()
    # the characteristics table and the pre/post test's conclusion (the test itself, Wilcoxon
    # or paired t, is the pipeline's choice from the differences)
    assert "Tabel 4.1" in chapter and "pengaruh pijat oksitosin" in chapter
    page.set_viewport_size({"width": 1280, "height": 900})
    page.screenshot(path=shots / "7-analisis.png", full_page=True)
    with page.expect_download() as info:
        page.click("#download-docx")
    docx_path = tmp_path / "bab4.docx"
    info.value.save_as(docx_path)

    import docx

    d = docx.Document(str(docx_path))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "BAB 4" in text
    first_table = [c.text for row in d.tables[0].rows for c in row.cells]
    assert "11" in first_table  # the 10 mothers already there and R11
    assert len(list(shots.glob("*.png"))) == 7
