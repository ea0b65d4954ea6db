"""The Besar sampel and Meta-analisis pages show the errors of power and meta in the page's
language: Indonesian by default, English after switching (issue 9, item 8)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

POWER = {"test": "wilcoxon", "dz": "0.5", "power": "0.8", "alpha": "0.05",
         "alternative": "two-sided", "dropout": "0", "parent": "normal",
         "mcnemar_method": "exact", "prop_method": "normal"}
TABLE = "label,measure,m1,sd1,n1,m2,sd2,n2\nA,SMD,5,0,20,4,1,20\nB,SMD,5,1,20,4,1,20\n"


def _english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "p1 dan p2 sama (0,5): tidak ada perbedaan yang dapat dideteksi."),
    ("en", "p1 and p2 are equal (0.5): there is no difference to detect."),
])
def test_power_page_words_the_error_in_its_language(client, lang, expected):
    if lang == "en":
        _english(client)
    r = client.get(reverse("tools:power"), {**POWER, "test": "two-proportions", "p1": "0.5",
                                            "p2": "0.5"})
    assert r.status_code == 400
    assert r.context["errors"] == [expected]
    assert expected.replace("'", "&#x27;") in r.content.decode()


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", "studi ke-1: sd1 = 0: simpangan baku (SD) harus > 0."),
    ("en", "study 1: sd1 = 0: a standard deviation must be > 0."),
])
def test_meta_page_words_the_error_in_its_language(client, lang, expected):
    if lang == "en":
        _english(client)
    r = client.post(reverse("tools:meta"), {"table": TABLE, "method": "REML", "action": "run"})
    assert r.status_code == 400
    (said,) = r.context["errors"]
    assert said.endswith(expected), said
    if lang == "id":
        assert "study" not in said and "must" not in said, said
