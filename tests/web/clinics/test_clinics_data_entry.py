"""Data entry: range limits from the study description, the watch-list with its rules and
sources, the live analysis equal to laktasi's pipeline on the exported file, exports that
read back, and the Excel import with a preview and located errors before anything is saved."""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path

import pytest
from clinic_sites import DELIVERED
from django.urls import reverse

from laktasi.web.clinics import services
from laktasi.web.clinics.models import Mother, Observation

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- range limits


def test_range_limits_come_from_the_study_description(site_a):
    limits = services.observation_limits(site_a.study)
    # laktasi's default study: milk volume 0-100 cc, feeds 0-24, urinations 0-30 per day
    assert limits["volume"] == (0, 100) and limits["feeds"] == (0, 24)
    assert limits["urination"] == (0, 30)
    with pytest.raises(services.ClinicInputError) as exc:
        services.observation_record(by=site_a.admin, mother=site_a.mother, point="day", day=2,
                                    observed=DELIVERED + dt.timedelta(1), volume=150, feeds=30)
    assert set(exc.value.errors) == {"volume", "feeds"}
    assert "150" in exc.value.errors["volume"][0] and "100" in exc.value.errors["volume"][0]
    services.study_update(by=site_a.admin, study=site_a.study, title="t", intervention="",
                          sop="", limits={"volume": (0, 200)})
    site_a.study.refresh_from_db()
    obs = services.observation_record(by=site_a.admin, mother=site_a.mother, point="day",
                                      day=2, observed=DELIVERED + dt.timedelta(1), volume=150)
    assert obs.volume == 150


def test_range_limit_message_on_the_sheet_page(client, site_a):
    client.force_login(site_a.admin)
    response = client.post(reverse("clinics:observation_new", args=[site_a.mother.pk]), {
        "point": "day", "day": "3", "observed": "2026-11-03", "volume": "250"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "250" in body and "100" in body  # the value and the limit, on the field
    assert not Observation.objects.filter(volume=250).exists()


def test_a_second_before_column_is_refused(site_a):
    with pytest.raises(services.ClinicInputError) as exc:
        services.observation_record(by=site_a.admin, mother=site_a.mother, point="pre",
                                    observed=DELIVERED + dt.timedelta(1), feeds=8)
    assert "point" in exc.value.errors


def test_observation_before_delivery_is_refused(site_a):
    with pytest.raises(services.ClinicInputError) as exc:
        services.observation_record(by=site_a.admin, mother=site_a.mother, point="day", day=1,
                                    observed=DELIVERED - dt.timedelta(2), feeds=8)
    assert "observed" in exc.value.errors


# ---------------------------------------------------------------- watch-list


def test_watch_list_flags_low_feeds_and_wet_diapers_with_rule_and_source(site_a):
    [(mother, flags)] = services.watch_list(user=site_a.admin, study=site_a.study)
    assert mother == site_a.mother
    signs = sorted(f.sign for f in flags)
    # pre: 6 feeds (< 8), day 2 with 1 wet diaper (< 2); post: day 4 with 4 (< 6)
    assert signs == ["feeds", "wet", "wet"]
    for f in flags:
        assert f.source and f.rule and f.prompt
        assert "AAP 2012" in f.source or "WHO 2009" in f.source
    assert any("hari ke-4" in f.rule for f in flags if f.sign == "wet")


def test_watch_list_weight_loss_levels_and_clinic_thresholds(site_a):
    obs = services.observation_record(by=site_a.admin, mother=site_a.mother, point="day", day=3,
                                      observed=DELIVERED + dt.timedelta(2), weight=2950)
    flags = [f for _, fs in services.watch_list(user=site_a.admin, study=site_a.study)
             for f in fs if f.sign == "weight"]
    assert [f.level for f in flags] == ["check"]  # 7.8 % > 7 %
    services.observation_update(by=site_a.admin, observation=obs, weight=2850)  # 10.9 %
    flags = [f for _, fs in services.watch_list(user=site_a.admin, study=site_a.study)
             for f in fs if f.sign == "weight"]
    assert [f.level for f in flags] == ["red"]
    assert "10,9%" in flags[0].prompt  # (3200 - 2850) / 3200, with a decimal comma
    # the clinic's own threshold: 6 feeds are no longer flagged when the minimum is 6
    services.clinic_thresholds_set(by=site_a.admin, clinic=site_a.clinic,
                                   thresholds={"feeds_min": 6})
    site_a.study.clinic.refresh_from_db()
    study = type(site_a.study).objects.get(pk=site_a.study.pk)
    signs = [f.sign for _, fs in services.watch_list(user=site_a.admin, study=study) for f in fs]
    assert "feeds" not in signs


def test_watch_list_flag_on_the_mother_page_is_a_prompt(client, site_a):
    client.force_login(site_a.admin)
    body = client.get(reverse("clinics:mother", args=[site_a.mother.pk])).content.decode()
    assert 'id="flags"' in body and "Mohon periksa" in body and "AAP 2012" in body


# ---------------------------------------------------------------- analysis and export


def _fill(site, n: int = 12, seed: int = 7) -> None:
    rng = random.Random(seed)
    for i in range(2, n + 2):
        m = services.mother_register(
            by=site.admin, study=site.study, code=f"R{i:02d}", age=rng.randint(18, 40),
            education=rng.choice(["SD", "SMP", "SMA", "PT"]), occupation="IRT",
            parity=rng.choice(["primipara", "multipara"]), enrolled=DELIVERED,
            delivered=DELIVERED)
        for point, day in (("pre", 1), ("post", 3)):
            services.observation_record(
                by=site.admin, mother=m, point=point, observed=DELIVERED + dt.timedelta(day - 1),
                feeds=rng.randint(5, 9) + (3 if point == "post" else 0),
                urination=rng.randint(2, 5) + (2 if point == "post" else 0),
                volume=round(rng.uniform(2, 10) + (8 if point == "post" else 0), 1),
                lancar=rng.random() < (0.8 if point == "post" else 0.3))


def test_live_analysis_equals_the_pipeline_on_the_exported_file(site_a, tmp_path):
    from laktasi.pipeline import analyse_file
    from laktasi.report.renderers import render

    _fill(site_a)
    analysis, doc, left_out = services.analysis_build(user=site_a.admin, study=site_a.study)
    assert left_out == []
    data, name, _ = services.export_file(user=site_a.admin, study=site_a.study, fmt="csv")
    path = tmp_path / name
    path.write_bytes(data)
    cli_analysis, cli_doc = analyse_file(path, services.study_object(site_a.study), lang="id")
    assert render(doc, "md") == render(cli_doc, "md")
    assert analysis.to_dict() == cli_analysis.to_dict()


def test_analysis_leaves_out_incomplete_sheets_and_says_so(client, site_a):
    _fill(site_a, n=6)
    services.mother_register(by=site_a.admin, study=site_a.study, code="R50",
                             enrolled=DELIVERED, delivered=DELIVERED)
    client.force_login(site_a.admin)
    body = client.get(reverse("clinics:analysis", args=[site_a.study.pk])).content.decode()
    assert 'id="chapter"' in body and "R50" in body
    docx = client.get(reverse("clinics:download", args=[site_a.study.pk, "docx"]))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")


def test_analysis_without_complete_sheets_is_a_message(client, site_a):
    services.observation_delete(by=site_a.admin, observation=site_a.post)
    client.force_login(site_a.admin)
    response = client.get(reverse("clinics:analysis", args=[site_a.study.pk]))
    assert response.status_code == 200
    assert "message error" in response.content.decode()


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "sav"])
def test_export_reads_back_with_laktasi_and_holds_no_names(site_a, tmp_path, fmt):
    from laktasi.io import load_data

    _fill(site_a, n=3)
    data, name, _ = services.export_file(user=site_a.admin, study=site_a.study, fmt=fmt)
    assert b"Ibu Rahasia" not in data
    path = tmp_path / name
    path.write_bytes(data)
    frame, _ = load_data(path, services.study_object(site_a.study))
    assert sorted(frame["kode"]) == ["R01", "R02", "R03", "R04"]
    assert list(frame.loc[frame["kode"] == "R01", "volume_post"]) == [12.0]


def test_deleted_mother_leaves_lists_analysis_and_export(site_a):
    _fill(site_a, n=4)
    services.mother_delete(by=site_a.admin, mother=Mother.objects.get(code="R02"))
    rows, _ = services.analysis_rows(user=site_a.admin, study=site_a.study)
    assert "R02" not in [r["kode"] for r in rows] and len(rows) == 4
    data, _, _ = services.export_file(user=site_a.admin, study=site_a.study, fmt="csv")
    assert b"R02" not in data


# ---------------------------------------------------------------- import


def _template_bytes(site, rows: list[dict]) -> bytes:
    import openpyxl

    from laktasi.io import make_template

    tmp = Path(__import__("tempfile").mkdtemp())
    path = make_template(services.study_object(site.study), tmp / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    for i, r in enumerate(rows, start=2):
        for j, h in enumerate(header, start=1):
            ws.cell(row=i, column=j, value=r.get(h))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


ROW = {"umur": 24, "pendidikan": "SMA", "pekerjaan": "IRT", "paritas": "primipara",
       "volume_pre": 3.5, "volume_post": 11.0, "menyusui_pre": 6, "menyusui_post": 10,
       "bak_pre": 3, "bak_post": 7, "kelancaran_pre": "tidak lancar",
       "kelancaran_post": "lancar"}


def test_import_preview_lists_located_errors_and_saves_nothing(client, site_a):
    content = _template_bytes(site_a, [{**ROW, "kode": "X1"},
                                       {**ROW, "kode": "X2", "volume_post": 500},
                                       {**ROW, "kode": "R01"}])
    client.force_login(site_a.admin)
    response = client.post(reverse("clinics:import", args=[site_a.study.pk]), {
        "file": _upload("isi.xlsx", content), "enrolled": "2026-11-02",
        "delivered": "2026-11-01", "action": "preview"})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="import-problems"' in body and "volume_post" in body and "500" in body
    preview = services.import_preview(by=site_a.admin, study=site_a.study, name="isi.xlsx",
                                      content=content)
    assert [(p["row"], p["column"]) for p in preview.problems] == [(3, "volume_post")]
    assert not Mother.objects.filter(code__in=["X1", "X2"]).exists()
    # once the file reads, a code already in the study is a located problem too
    fixed = _template_bytes(site_a, [{**ROW, "kode": "X1"}, {**ROW, "kode": "R01"}])
    preview = services.import_preview(by=site_a.admin, study=site_a.study, name="isi.xlsx",
                                      content=fixed)
    assert [(p["row"], p["column"]) for p in preview.problems] == [(3, "kode")]


def _upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_import_preview_then_confirm_saves_every_row(client, site_a):
    content = _template_bytes(site_a, [{**ROW, "kode": "X1"}, {**ROW, "kode": "X2"}])
    client.force_login(site_a.admin)
    url = reverse("clinics:import", args=[site_a.study.pk])
    response = client.post(url, {"file": _upload("isi.xlsx", content),
                                 "enrolled": "2026-11-02", "delivered": "2026-11-01",
                                 "action": "preview"})
    assert response.status_code == 200 and 'id="import-preview"' in response.content.decode()
    assert not Mother.objects.filter(code="X1").exists()  # the preview saves nothing
    response = client.post(url, {"action": "confirm"})
    assert 'id="import-saved"' in response.content.decode()
    x1 = Mother.objects.get(code="X1", study=site_a.study)
    pre = x1.observations.get(point="pre")
    post = x1.observations.get(point="post")
    assert (float(pre.volume), pre.feeds, pre.urination, pre.lancar) == (3.5, 6, 3, False)
    assert (float(post.volume), post.feeds, post.urination, post.lancar) == (11.0, 10, 7, True)
    assert x1.age == 24 and x1.parity == "primipara"
