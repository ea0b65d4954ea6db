"""The chapter as a long job (django-tasks, database backend): the page says it is being
made, keeps the same job when the user leaves and comes back, and shows the chapter once the
worker has made it; a new study description makes a new job."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from laktasi.web.analysis import services
from laktasi.web.analysis.models import Upload

# the worker closes connections that are inside a transaction (close_old_connections), as a
# test's transaction would be: these tests commit for real and flush afterwards
pytestmark = pytest.mark.django_db(transaction=True)

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _work() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)


@override_settings(TASKS=DB_TASKS)
def test_the_chapter_is_made_by_the_worker_and_can_be_come_back_to(client):
    from django_tasks_db.models import DBTaskResult

    services.demo_load()
    upload = Upload.objects.get(demo="amanda-oku-timur-2023")
    url = reverse("analysis:result", args=[upload.pk])
    first = client.get(url)
    assert first.status_code == 202
    page = first.content.decode()
    assert 'role="status"' in page and "hx-trigger" in page and "Tabel 4.1" not in page
    job = Upload.objects.get(pk=upload.pk).chapter_tasks["id"]
    again = client.get(url)  # the user left and came back: the same job, not a new one
    assert again.status_code == 202
    assert Upload.objects.get(pk=upload.pk).chapter_tasks["id"] == job
    assert DBTaskResult.objects.count() == 1
    _work()
    done = client.get(url)
    assert done.status_code == 200
    assert "Tabel 4.1" in done.content.decode()
    assert DBTaskResult.objects.get(id=job).status == "SUCCESSFUL"


@override_settings(TASKS=DB_TASKS)
def test_each_language_and_each_new_description_has_its_own_job(client):
    services.demo_load()
    upload = Upload.objects.get(demo="amanda-oku-timur-2023")
    url = reverse("analysis:result", args=[upload.pk])
    client.get(url)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.get(url)
    jobs = Upload.objects.get(pk=upload.pk).chapter_tasks
    assert set(jobs) == {"id", "en"} and jobs["id"] != jobs["en"]
    _work()
    assert "Table 4.1" in client.get(url).content.decode()
    services.study_save(upload=upload, spec=upload.study)
    assert Upload.objects.get(pk=upload.pk).chapter_tasks == {}
    assert client.get(url).status_code == 202


@override_settings(TASKS=DB_TASKS)
def test_the_page_polls_in_place_with_htmx(client):
    services.demo_load()
    upload = Upload.objects.get(demo="blooto-mojokerto-2021")
    url = reverse("analysis:result", args=[upload.pk])
    r = client.get(url, HTTP_HX_REQUEST="true")
    assert r.status_code == 202 and f'hx-get="{url}"' in r.content.decode()
    _work()
    r = client.get(url, HTTP_HX_REQUEST="true")
    assert r.status_code == 200 and "Tabel 4.1" in r.content.decode()
