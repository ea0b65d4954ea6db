"""The family guide: a phone page with the SOP steps and a timer, and a one-page PDF leaflet
with the same steps in Indonesian."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_family_guide_page_has_every_sop_step_and_a_timer(client, site_a):
    from laktasi.web.clinics.sop import SOP_STEPS

    client.force_login(site_a.admin)
    body = client.get(reverse("clinics:guide", args=[site_a.study.pk])).content.decode()
    for key, _label in SOP_STEPS:
        assert f'id="step-{key}"' in body
    assert 'id="timer-start"' in body and "Pijat oksitosin di rumah" in body


def test_family_leaflet_is_one_page_pdf_in_indonesian(client, site_a):
    import pdfplumber

    client.force_login(site_a.admin)
    response = client.get(reverse("clinics:leaflet", args=[site_a.study.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        assert len(pdf.pages) == 1
        text = pdf.pages[0].extract_text()
    assert "Pijat oksitosin di rumah" in text and "C7" in text and "Hentikan" in text
