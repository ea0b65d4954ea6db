"""The Analisis page through Django's test client: upload -> study form -> problems or
chapter -> downloads. Runs on SQLite, and on PostgreSQL when LAKTASI_TEST_POSTGRES is set."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
import yaml
from django.urls import reverse
from web_helpers import AMANDA, example_bytes, form_answers

from laktasi.design import load_study
from laktasi.web.analysis import services
from laktasi.web.analysis.models import Upload

pytestmark = pytest.mark.django_db


def _upload(client, name: str, content: bytes, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("analysis:start"),
                       {"file": SimpleUploadedFile(name, content), "sheet": ""}, **extra)


def _uploaded(client, name=None, content=None):
    if name is None:
        name, content = example_bytes()
    response = _upload(client, name, content)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Upload.objects.get(name=name)


def test_home_is_indonesian_and_lists_the_demo_studies(client):
    services.demo_load()
    page = client.get("/").content.decode()
    assert '<html lang="id">' in page
    assert "Analisis" in page
    for name in ("amanda-oku-timur-2023", "blooto-mojokerto-2021", "kota-bengkulu-2018"):
        assert name in page


def test_english_switch_changes_the_pages_and_the_chapter(client):
    services.demo_load()
    upload = Upload.objects.get(demo=AMANDA)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get(reverse("analysis:result", args=[upload.pk])).content.decode()
    assert '<html lang="en">' in page
    assert "Table 4.1" in page and "Tabel 4.1" not in page
    client.post(reverse("set_language"), {"language": "id", "next": "/"})
    assert "Tabel 4.1" in client.get(reverse("analysis:result", args=[upload.pk])).content.decode()


def test_upload_prefills_the_study_form_from_the_columns(client):
    upload = _uploaded(client)
    response = client.get(reverse("analysis:study", args=[upload.pk]))
    assert response.status_code == 200
    form, outcomes = response.context["form"], response.context["outcomes"]
    assert form["design"].value() == "one-group-pretest-posttest"
    assert form["id_column"].value() == "kode"
    assert set(form["characteristics"].value()) == {"umur", "paritas", "pendidikan", "pekerjaan"}
    rows = [(f["pre"].value(), f["post"].value(), f["type"].value()) for f in outcomes.forms]
    assert rows[:2] == [("menyusui_pre", "menyusui_post", "count"),
                        ("bak_pre", "bak_post", "count")]
    assert rows[2][:2] in (("", ""), (None, None))  # one empty row to add an outcome


def test_form_to_chapter_and_every_download(client):
    upload = _uploaded(client)
    form_page = client.get(reverse("analysis:study", args=[upload.pk]))
    response = client.post(reverse("analysis:study", args=[upload.pk]), form_answers(form_page))
    assert response.status_code == 302
    assert response["Location"] == reverse("analysis:result", args=[upload.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Tabel 4.1" in page and "<svg" in page
    for fmt, magic in (("docx", b"PK"), ("html", b"<!DOCTYPE html>"), ("md", b"#"),
                       ("json", b"{"), ("zip", b"PK")):
        r = client.get(reverse("analysis:download", args=[upload.pk, fmt]))
        assert r.status_code == 200, fmt
        assert r.content.startswith(magic), fmt
        assert "attachment" in r["Content-Disposition"]
    bundle = zipfile.ZipFile(io.BytesIO(client.get(
        reverse("analysis:download", args=[upload.pk, "zip"])).content))
    assert {"results.json", "settings.json", "study/study.yaml",
            f"data/{upload.name}"} <= set(bundle.namelist())


def test_the_yaml_download_is_the_study_the_cli_reads(client, tmp_path):
    upload = _uploaded(client)
    form_page = client.get(reverse("analysis:study", args=[upload.pk]))
    client.post(reverse("analysis:study", args=[upload.pk]), form_answers(form_page))
    text = client.get(reverse("analysis:yaml", args=[upload.pk])).content.decode()
    (tmp_path / "study.yaml").write_text(text, encoding="utf-8")
    study = load_study(tmp_path / "study.yaml")
    assert [o.name for o in study.outcomes] == ["menyusui", "bak"]
    assert study.id_column == "kode"
    assert yaml.safe_load(text) == Upload.objects.get(pk=upload.pk).study


def test_every_data_problem_is_listed_with_row_column_and_value(client):
    _, content = example_bytes()
    lines = content.decode().splitlines()
    cells = lines[4].split(",")  # spreadsheet row 5
    cells[6] = "lima"  # menyusui_post
    lines[4] = ",".join(cells)
    cells = lines[6].split(",")  # row 7
    cells[7] = ""  # bak_pre empty, bak_post filled
    lines[6] = ",".join(cells)
    upload = _uploaded(client, "amanda-salah.csv", ("\n".join(lines) + "\n").encode())
    form_page = client.get(reverse("analysis:study", args=[upload.pk]))
    client.post(reverse("analysis:study", args=[upload.pk]), form_answers(form_page))
    response = client.get(reverse("analysis:result", args=[upload.pk]))
    assert response.status_code == 200
    problems = {(p.row, p.column, p.value) for p in response.context["problems"]
                if p.severity == "error"}
    assert (5, "menyusui_post", "lima") in problems
    assert any(row == 7 and col == "bak_pre" for row, col, _ in problems)
    page = response.content.decode()
    assert "Tabel 4.1" not in page  # nothing analysed
    assert "bukan angka" in page  # the report layer's Indonesian words


def test_two_group_design_without_a_group_column_is_refused_on_the_page(client):
    upload = _uploaded(client)
    form_page = client.get(reverse("analysis:study", args=[upload.pk]))
    response = client.post(reverse("analysis:study", args=[upload.pk]),
                           form_answers(form_page, design="two-group-posttest"))
    assert response.status_code == 400
    assert "kolom" in response.context["errors"][0].lower()
    assert Upload.objects.get(pk=upload.pk).study is None


def test_add_outcome_row_in_place_with_htmx(client):
    upload = _uploaded(client)
    form_page = client.get(reverse("analysis:study", args=[upload.pk]))
    data = form_answers(form_page, action="add", title="Judul baru")
    response = client.post(reverse("analysis:study", args=[upload.pk]), data,
                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert len(response.context["outcomes"].forms) == len(form_page.context["outcomes"].forms) + 1
    assert response.context["form"]["title"].value() == "Judul baru"
    assert b"errorlist" not in response.content


def _sav_with_odd_labels(path):
    import pandas as pd
    import pyreadstat

    df = pd.DataFrame({"kode": ["A1", "A2", "A3", "A4", "A5", "A6"],
                       "paritas": [1.0, 2.0, 1.0, 2.0, 1.0, 9.0],
                       "menyusui_pre": [4.0, 5.0, 4.0, 6.0, 5.0, 4.0],
                       "menyusui_post": [8.0, 9.0, 7.0, 10.0, 9.0, 8.0]})
    pyreadstat.write_sav(df, str(path),
                         column_labels=["Kode ibu", "Paritas (ibu) — «label» 😀", "", "sesudah"],
                         variable_value_labels={"paritas": {1.0: "primipara", 2.0: "multipara",
                                                            3.0: "", 9.0: "tidak tahu / ?"}})
    return path.read_bytes()


def _formula_only_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "=1+1"
    ws["B2"] = "=SUM(A1:A3)"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name,content,expected", [
    ("kosong.xlsx", b"", "kosong"),
    ("sampah.xlsx", b"\x00\x01junk" * 200, ".xlsx"),
    ("sampah.csv", b"\x00\x01\x02junk\x00" * 50, "CSV"),
    ("program.exe", b"MZ\x90\x00", ".exe"),
    ("data.xls", b"\xd0\xcf\x11\xe0", ".xls"),
    ("rumus.xlsx", None, "kosong"),
])
def test_bad_uploads_give_a_located_message_not_a_500(client, name, content, expected):
    if content is None:
        content = _formula_only_xlsx()
    response = _upload(client, name, content)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    message = " ".join(response.context["errors"])
    assert name in message and expected in message
    assert not Upload.objects.exists()


def test_a_200_mb_upload_is_refused_before_it_is_read(client):
    response = _upload(client, "besar.xlsx", b"PK\x03\x04" + b"\x00" * 1000,
                       CONTENT_LENGTH=str(200 * 1024 * 1024))
    assert response.status_code == 413
    assert "200.0 MB" in " ".join(response.context["errors"]).replace(",", ".")
    assert not Upload.objects.exists()


def test_a_file_over_the_limit_is_refused_by_the_form_check(client, settings):
    settings.LAKTASI_MAX_UPLOAD_BYTES = 1000
    response = _upload(client, "besar.csv", b"a,b\n" + b"1,2\n" * 400)
    assert response.status_code == 400
    assert "besar.csv" in response.context["errors"][0]


def test_a_sav_with_odd_labels_is_analysed_or_explained(client, tmp_path):
    upload = _uploaded(client, "odd.sav", _sav_with_odd_labels(tmp_path / "odd.sav"))
    form_page = client.get(reverse("analysis:study", args=[upload.pk]))
    assert form_page.status_code == 200
    data = form_answers(form_page, characteristics=["paritas"])
    response = client.post(reverse("analysis:study", args=[upload.pk]), data)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Tabel 4.1" in page
    assert "tidak tahu / ?" in page  # the value labels are the categories, shown escaped


def test_campus_template_upload_and_a_bad_one(client, tmp_path):
    import docx

    services.demo_load()
    upload = Upload.objects.get(demo=AMANDA)
    template = tmp_path / "kampus.docx"
    d = docx.Document()
    d.add_paragraph("KOP KAMPUS UJI")
    d.save(template)
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("analysis:download", args=[upload.pk, "docx"])
    r = client.post(url, {"template": SimpleUploadedFile("kampus.docx", template.read_bytes())})
    assert r.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "KOP KAMPUS UJI" in text and "BAB" in text.upper()
    r = client.post(url, {"template": SimpleUploadedFile("kampus.docx", b"not a word file")})
    assert r.status_code == 400 and "kampus.docx" in r.content.decode()


@pytest.mark.parametrize("design", ["one-group-pretest-posttest", "two-group-posttest",
                                    "nonequivalent-control-pretest-posttest"])
def test_excel_templates_download(client, design):
    import openpyxl

    r = client.get(reverse("analysis:template", args=[design]))
    assert r.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    assert len(wb.sheetnames) >= 1


def test_unknown_ids_and_formats_are_404(client):
    services.demo_load()
    upload = Upload.objects.get(demo=AMANDA)
    assert client.get(reverse("analysis:study", args=["0" * 8 + "-0000-0000-0000-" + "0" * 12])
                      ).status_code == 404
    assert client.get(f"/analisis/{upload.pk}/unduh/exe/").status_code == 404
    assert client.get("/analisis/templat/tiga-kelompok.xlsx").status_code == 404


def test_demo_studies_have_their_chapter(client):
    services.demo_load()
    for upload in Upload.objects.exclude(demo=""):
        r = client.get(reverse("analysis:result", args=[upload.pk]))
        assert r.status_code == 200, upload.demo
        assert "Tabel 4.1" in r.content.decode(), upload.demo


def test_json_download_is_parseable(client):
    services.demo_load()
    upload = Upload.objects.get(demo=AMANDA)
    r = client.get(reverse("analysis:download", args=[upload.pk, "json"]))
    assert json.loads(r.content)["lang"] == "id"


def test_an_english_browser_still_gets_indonesian_until_the_switch(client):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in page and "Beranda" in page


def test_markup_in_the_data_is_shown_as_text_never_run(client):
    _, content = example_bytes()
    text = content.decode().replace("primipara", "<script>alert(1)</script>")
    upload = _uploaded(client, "skrip.csv", text.encode())
    form_page = client.get(reverse("analysis:study", args=[upload.pk]))
    response = client.post(reverse("analysis:study", args=[upload.pk]),
                           form_answers(form_page, characteristics=["paritas"]))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Tabel 4.1" in page
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_prune_uploads_deletes_old_user_files_and_keeps_the_examples(client):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    services.demo_load()
    old = _uploaded(client, "lama.csv", example_bytes()[1])
    new = _uploaded(client, "baru.csv", example_bytes()[1])
    Upload.objects.filter(pk=old.pk).update(created=timezone.now() - timedelta(days=31))
    Upload.objects.exclude(demo="").update(created=timezone.now() - timedelta(days=400))
    out = StringIO()
    call_command("prune_uploads", "--days", "30", stdout=out)
    assert out.getvalue().startswith("1 ")
    assert set(Upload.objects.values_list("pk", flat=True)) == {
        new.pk, *Upload.objects.exclude(demo="").values_list("pk", flat=True)}
    assert Upload.objects.exclude(demo="").count() == 3
