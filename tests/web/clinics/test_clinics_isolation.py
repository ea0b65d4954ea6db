"""Clinic isolation: a user of clinic A walks EVERY clinics URL against clinic B's objects
(GET and POST) and gets 404 or 403, never B's data; roles limit writes inside a clinic."""

from __future__ import annotations

import pytest
from clinic_sites import make_site, make_user
from django.urls import reverse

from laktasi.web.clinics import urls as clinic_urls

pytestmark = pytest.mark.django_db

# the URLs that name no clinic object (they show the user's own clinics or the log-in)
UNSCOPED = {"home", "login", "logout"}


def _b_args(name: str, b, membership_pk: int) -> list:
    """The URL arguments of ``name`` that point at clinic B's objects."""
    clinic, study, mother = b.clinic.pk, b.study.pk, b.mother.pk
    table = {
        "clinic": [clinic], "members": [clinic], "member_remove": [clinic, membership_pk],
        "thresholds": [clinic], "history": [clinic], "study_new": [clinic],
        "study": [study], "study_edit": [study], "study_yaml": [study], "watch": [study],
        "analysis": [study], "download": [study, "docx"], "export": [study, "xlsx"],
        "template": [study], "import": [study], "guide": [study], "mother_new": [study],
        "xlsform": [study], "odk_import": [study], "double_entries": [study],
        "double_entry_new": [b.pre.pk], "double_entry_resolve": [getattr(b, "double_entry", b.pre).pk],
        "mother": [mother], "mother_edit": [mother], "mother_delete": [mother],
        "observation_new": [mother], "session_new": [mother],
        "observation_edit": [b.pre.pk], "observation_delete": [b.post.pk],
        "session_delete": [b.session.pk], "district": [b.clinic.district],
    }
    return table[name]


def test_isolation_every_clinics_url_against_another_clinic(client):
    a = make_site("A", district="Kab. Satu")
    b = make_site("B", district="Kab. Dua")
    from laktasi.web.clinics.models import MassageSession, Membership, Mother, Observation

    membership = Membership.objects.get(clinic=b.clinic)
    from laktasi.web.clinics import services

    second = make_user("bidan-kedua-b")
    Membership.objects.create(user=second, clinic=b.clinic, role="bidan")
    b.double_entry = services.double_entry_record(by=second, observation=b.pre, feeds=7)
    client.force_login(a.admin)  # the most powerful role of clinic A
    names = [p.name for p in clinic_urls.urlpatterns]
    walked = 0
    for name in names:
        if name in UNSCOPED:
            continue
        url = reverse(f"clinics:{name}", args=_b_args(name, b, membership.pk))
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code in (403, 404, 405), (name, method, response.status_code)
            if response.status_code == 405:  # the view takes only the other method
                continue
            body = response.content.decode()
            assert "Ibu Rahasia" not in body and b.study.title not in body, (name, method)
            walked += 1
    assert walked >= len(names) - len(UNSCOPED)
    # nothing of clinic B changed
    assert Mother.objects.get(pk=b.mother.pk).is_deleted is False
    assert Observation.objects.filter(mother=b.mother, is_deleted=False).count() == 2
    assert MassageSession.objects.filter(mother=b.mother).count() == 1
    assert Membership.objects.filter(pk=membership.pk).exists()
    # and the same URLs for clinic A's own objects open (the walk tests isolation, not 404s)
    a_membership = Membership.objects.get(clinic=a.clinic)
    for name in ("clinic", "study", "mother", "history", "watch", "export", "observation_edit"):
        url = reverse(f"clinics:{name}", args=_b_args(name, a, a_membership.pk))
        assert client.get(url).status_code == 200, name


def test_isolation_lists_show_only_own_clinics(client):
    a = make_site("A", district="Kab. Satu")
    make_site("B", district="Kab. Satu")
    client.force_login(a.admin)
    home = client.get(reverse("clinics:home")).content.decode()
    assert "Puskesmas A" in home and "Puskesmas B" not in home
    district = client.get(reverse("clinics:district", args=["Kab. Satu"])).content.decode()
    assert "Puskesmas A" in district and "Puskesmas B" not in district


def test_isolation_anonymous_user_is_sent_to_log_in(client, site_a):
    for name, args in (("home", []), ("clinic", [site_a.clinic.pk]),
                       ("mother", [site_a.mother.pk]), ("export", [site_a.study.pk, "csv"])):
        response = client.get(reverse(f"clinics:{name}", args=args))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("clinics:login"))


def test_isolation_coordinator_sees_member_clinics_pooled_and_never_names(client):
    from laktasi.web.clinics.models import Membership

    a = make_site("A", district="Kab. Satu")
    b = make_site("B", district="Kab. Satu")
    c = make_site("C", district="Kab. Satu")
    coordinator = make_user("koordinator")
    for site in (a, b):
        Membership.objects.create(user=coordinator, clinic=site.clinic, role="viewer")
    client.force_login(coordinator)
    page = client.get(reverse("clinics:district", args=["Kab. Satu"]),
                      {"design": "one-group-pretest-posttest", "analyse": "1"})
    body = page.content.decode()
    assert page.status_code == 200
    assert "Puskesmas A" in body and "Puskesmas B" in body and "Puskesmas C" not in body
    assert "Ibu Rahasia" not in body
    # the pooled chapter counts the two member clinics' mothers only (n = 2), not clinic C's
    assert 'id="chapter"' in body
    assert c.study.title not in body


@pytest.mark.parametrize("role, allowed", [("viewer", False), ("peneliti", False),
                                           ("bidan", True), ("admin", True)])
def test_isolation_roles_limit_data_entry(client, member, site_a, role, allowed):
    from laktasi.web.clinics.models import Mother

    client.force_login(member(role))
    response = client.post(reverse("clinics:mother_new", args=[site_a.study.pk]), {
        "code": "R99", "enrolled": "2026-11-02", "delivered": "2026-11-01"})
    assert response.status_code == (302 if allowed else 403)
    assert Mother.objects.filter(code="R99").exists() is allowed


@pytest.mark.parametrize("role, allowed", [("viewer", False), ("bidan", False),
                                           ("peneliti", True), ("admin", True)])
def test_isolation_roles_limit_exports(client, member, site_a, role, allowed):
    client.force_login(member(role))
    response = client.get(reverse("clinics:export", args=[site_a.study.pk, "csv"]))
    assert response.status_code == (200 if allowed else 403)
    if allowed:
        text = response.content.decode("utf-8-sig")
        assert "R01" in text and "Ibu Rahasia" not in text


def test_isolation_audit_trail_is_for_clinic_admins_only(client, member, site_a):
    for role in ("viewer", "bidan", "peneliti"):
        client.force_login(member(role))
        assert client.get(reverse("clinics:history", args=[site_a.clinic.pk])).status_code == 403
    client.force_login(site_a.admin)
    assert client.get(reverse("clinics:history", args=[site_a.clinic.pk])).status_code == 200


def test_login_is_throttled_after_five_failures(client, site_a):
    url = reverse("clinics:login")
    for attempt in range(1, 6):
        response = client.post(url, {"username": site_a.admin.username, "password": "salah"})
        # the form again with its message, until the fifth failure locks the account
        assert response.status_code == (200 if attempt < 5 else 429), attempt
    locked = client.post(url, {"username": site_a.admin.username,
                               "password": "sandi-rahasia-123"})
    assert locked.status_code == 429
    assert "1 jam" in locked.content.decode() or "one hour" in locked.content.decode()


def test_login_with_the_right_password_opens_the_clinics(client, site_a):
    response = client.post(reverse("clinics:login"), {"username": site_a.admin.username,
                                                      "password": "sandi-rahasia-123"})
    assert response.status_code == 302
    assert "Puskesmas A" in client.get(reverse("clinics:home")).content.decode()
