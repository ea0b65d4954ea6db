"""Offline collection: the XLSForm of the observation sheet converts with pyxform (its range
limits as constraints), and an ODK Central / KoboToolbox CSV export is previewed with located
errors and saved all at once."""

from __future__ import annotations

import pytest
from django.urls import reverse

from laktasi.web.clinics import odk, services
from laktasi.web.clinics.models import Observation

pytestmark = pytest.mark.django_db


def test_xlsform_converts_with_pyxform_and_carries_the_range_limits(site_a):
    content = odk.xlsform_build(user=site_a.admin, study=site_a.study)
    xform = odk.xlsform_convert(content)
    assert f"laktasi_studi_{site_a.study.pk}" in xform
    # the study's limits: milk volume 0-100 cc, feeds 0-24 (laktasi.io.outcome_range)
    assert 'nodeset="/data/volume"' in xform
    assert ". &gt;= 0 and . &lt;= 100" in xform and ". &gt;= 0 and . &lt;= 24" in xform
    assert "Kode ibu" in xform and "Pengeluaran ASI (cc)" in xform


def test_xlsform_download_page(client, site_a):
    client.force_login(site_a.admin)
    response = client.get(reverse("clinics:xlsform", args=[site_a.study.pk]))
    assert response.status_code == 200 and response.content.startswith(b"PK")


# KoboToolbox writes ";" and group/name headers; ODK Central "," and group-name
KOBO = ("start;end;obs/kode;obs/titik;obs/hari;obs/tanggal;obs/menyusui;obs/bak;obs/volume;"
        "obs/lancar;obs/latch;obs/berat;_uuid\n")


def test_odk_preview_lists_located_problems_and_saves_nothing(client, site_a):
    csv = (KOBO
           + "x;y;R01;day;3;2026-11-03;9;3;14,5;lancar;;;u1\n"
           + "x;y;R77;day;3;2026-11-03;9;3;14;lancar;;;u2\n"
           + "x;y;R01;day;4;2026-11-04;9;3;150;lancar;;;u3\n"
           + "x;y;R01;pre;;2026-11-02;9;3;5;tidak_lancar;;;u4\n").encode()
    before = Observation.objects.count()
    preview = odk.odk_preview(by=site_a.admin, study=site_a.study, content=csv)
    located = [(p["row"], p["column"]) for p in preview.problems]
    assert located == [(3, "kode"), (4, "volume"), (5, "titik")]
    client.force_login(site_a.admin)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("clinics:odk_import", args=[site_a.study.pk]), {
        "file": SimpleUploadedFile("kobo.csv", csv), "action": "preview"})
    assert response.status_code == 400 and 'id="odk-problems"' in response.content.decode()
    assert Observation.objects.count() == before


def test_odk_export_is_saved_after_the_preview(client, site_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = (b"SubmissionDate,obs-kode,obs-titik,obs-hari,obs-tanggal,obs-menyusui,obs-bak,"
           b"obs-volume,obs-lancar,obs-latch,obs-berat\n"
           b"2026-11-04,R01,day,3,2026-11-03,9,3,14.5,lancar,8,3050\n"
           b"2026-11-05,R01,day,4,2026-11-04,11,6,20,lancar,9,3100\n")
    client.force_login(site_a.admin)
    url = reverse("clinics:odk_import", args=[site_a.study.pk])
    response = client.post(url, {"file": SimpleUploadedFile("odk.csv", csv),
                                 "action": "preview"})
    assert response.status_code == 200 and 'id="odk-preview"' in response.content.decode()
    response = client.post(url, {"action": "confirm"})
    assert 'id="odk-saved"' in response.content.decode()
    day3 = Observation.objects.get(mother=site_a.mother, point="day", day=3)
    assert (day3.feeds, day3.urination, float(day3.volume), day3.lancar, day3.latch,
            day3.weight) == (9, 3, 14.5, True, 8, 3050)
    assert day3.history.first().history_user == site_a.admin
    assert services.watch_list(user=site_a.admin, study=site_a.study)  # day 3: 3 wet, ok
