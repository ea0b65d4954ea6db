"""Double data entry: a second person re-keys a sheet without seeing the first entry; the
differences are listed for resolution and resolving them is in the audit trail."""

from __future__ import annotations

import pytest
from clinic_sites import make_user
from django.urls import reverse

from laktasi.web.clinics import services
from laktasi.web.clinics.models import DoubleEntry, Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def second(site_a):
    user = make_user("bidan-kedua")
    Membership.objects.create(user=user, clinic=site_a.clinic, role="bidan")
    return user


def test_double_entry_needs_a_second_person(site_a):
    with pytest.raises(services.ClinicInputError):
        services.double_entry_record(by=site_a.admin, observation=site_a.pre, feeds=6)


def test_double_entry_that_agrees_is_resolved_at_once(site_a, second):
    # the first entry: feeds 6, urination 1, volume 4.5, not lancar
    entry = services.double_entry_record(by=second, observation=site_a.pre, feeds=6,
                                         urination=1, volume=4.5, lancar=False)
    assert services.double_entry_mismatches(entry) == [] and entry.resolved


def test_double_entry_mismatch_listed_and_resolved_with_the_second_value(client, site_a,
                                                                         second):
    client.force_login(second)
    response = client.post(reverse("clinics:double_entry_new", args=[site_a.pre.pk]), {
        "feeds": "8", "urination": "1", "volume": "4.5", "lancar": "false"})
    assert 'id="double-entry-mismatch"' in response.content.decode()
    entry = DoubleEntry.objects.get()
    assert services.double_entry_mismatches(entry) == [("feeds", 6, 8)]
    page = client.get(reverse("clinics:double_entries", args=[site_a.study.pk]))
    assert "feeds" in page.content.decode()
    client.force_login(site_a.admin)
    client.post(reverse("clinics:double_entry_resolve", args=[entry.pk]), {"keep": "second"})
    site_a.pre.refresh_from_db()
    entry.refresh_from_db()
    assert site_a.pre.feeds == 8 and entry.resolved
    last = site_a.pre.history.order_by("-history_date", "-history_id").first()
    assert last.history_user == site_a.admin
    assert [(c.field, c.old, c.new) for c in last.diff_against(last.prev_record).changes] == [
        ("feeds", 6, 8)]
    assert "feeds" not in client.get(reverse("clinics:double_entries",
                                             args=[site_a.study.pk])).content.decode()


def test_double_entry_form_does_not_show_the_first_entry(client, site_a, second):
    client.force_login(second)
    body = client.get(reverse("clinics:double_entry_new", args=[site_a.pre.pk])).content
    assert b'value="4.5"' not in body and b'value="6"' not in body


def test_audit_trail_double_entry(site_a, second):
    entry = services.double_entry_record(by=second, observation=site_a.pre, feeds=9)
    first = entry.history.order_by("history_date").first()
    assert first.history_type == "+" and first.history_user == second
    services.double_entry_resolve(by=site_a.admin, entry=entry, keep="first")
    last = entry.history.order_by("-history_date", "-history_id").first()
    assert last.history_user == site_a.admin and last.resolved
