"""Audit trail: every model's create, edit and delete lands in its history with who, when and
the values before and after; mothers and observations are soft-deleted (the row stays, the
history records the deletion); the clinic admin's page shows it."""

from __future__ import annotations

import datetime as dt

import pytest
from clinic_sites import make_user
from django.urls import reverse
from django.utils import timezone

from laktasi.web.clinics import services
from laktasi.web.clinics.models import (
    Clinic,
    MassageSession,
    Membership,
    Mother,
    Observation,
    Study,
)

pytestmark = pytest.mark.django_db


def _latest(model, pk):
    return model.history.filter(id=pk).order_by("-history_date", "-history_id").first()


def _check_created(model, obj, who):
    h = model.history.filter(id=obj.pk).order_by("history_date", "history_id").first()
    assert h.history_type == "+"
    assert h.history_user == who
    assert abs((timezone.now() - h.history_date).total_seconds()) < 120


def _check_changed(model, obj, who, field, before, after):
    h = _latest(model, obj.pk)
    assert h.history_type == "~" and h.history_user == who
    delta = h.diff_against(h.prev_record)
    changes = {c.field: (c.old, c.new) for c in delta.changes}
    assert changes[field] == (before, after), changes


def test_audit_trail_clinic_and_membership(site_a):
    admin = site_a.admin
    _check_created(Clinic, site_a.clinic, admin)
    services.clinic_thresholds_set(by=admin, clinic=site_a.clinic, thresholds={"feeds_min": 7})
    _check_changed(Clinic, site_a.clinic, admin, "thresholds", {}, {"feeds_min": 7.0})

    bidan = make_user("bidan-baru")
    m = services.member_add(by=admin, clinic=site_a.clinic, username=bidan.username,
                            role="viewer")
    _check_created(Membership, m, admin)
    services.member_add(by=admin, clinic=site_a.clinic, username=bidan.username, role="bidan")
    _check_changed(Membership, m, admin, "role", "viewer", "bidan")
    pk = m.pk
    services.membership_remove(by=admin, membership=m)
    h = _latest(Membership, pk)
    assert h.history_type == "-" and h.history_user == admin and h.role == "bidan"
    assert not Membership.objects.filter(pk=pk).exists()


def test_audit_trail_study(site_a):
    admin = site_a.admin
    _check_created(Study, site_a.study, admin)
    services.study_update(by=admin, study=site_a.study, title="Judul baru", intervention="",
                          sop="1. langkah")
    _check_changed(Study, site_a.study, admin, "title", "Pijat oksitosin A", "Judul baru")
    pk = site_a.study.pk
    site_a.study._history_user = admin
    site_a.study.delete()  # cascade: a study is removed only as a whole
    assert _latest(Study, pk).history_type == "-"
    assert _latest(Study, pk).history_user == admin


def test_audit_trail_mother_soft_delete(site_a):
    admin, mother = site_a.admin, site_a.mother
    _check_created(Mother, mother, admin)
    services.mother_update(by=admin, mother=mother, parity="multipara")
    _check_changed(Mother, mother, admin, "parity", "primipara", "multipara")
    services.mother_delete(by=admin, mother=mother)
    _check_changed(Mother, mother, admin, "is_deleted", False, True)
    assert Mother.objects.filter(pk=mother.pk).exists()  # soft: the row stays


def test_audit_trail_observation_soft_delete(site_a):
    admin, obs = site_a.admin, site_a.pre
    _check_created(Observation, obs, admin)
    services.observation_update(by=admin, observation=obs, feeds=9)
    _check_changed(Observation, obs, admin, "feeds", 6, 9)
    services.observation_delete(by=admin, observation=obs)
    _check_changed(Observation, obs, admin, "is_deleted", False, True)
    assert Observation.objects.filter(pk=obs.pk).exists()


def test_audit_trail_massage_session(site_a):
    admin = site_a.admin
    _check_created(MassageSession, site_a.session, admin)
    s = services.session_log(by=admin, mother=site_a.mother,
                             at=timezone.make_aware(dt.datetime(2026, 11, 2, 18, 0)),
                             minutes=4, given_by="suami", steps=["posisi"], notes="sore")
    s.minutes = 6  # an edit made through the model keeps its history too
    s._history_user = admin
    s.save()
    _check_changed(MassageSession, s, admin, "minutes", 4, 6)
    pk = s.pk
    services.session_delete(by=admin, session=s)
    h = _latest(MassageSession, pk)
    assert h.history_type == "-" and h.history_user == admin and h.minutes == 6


def test_audit_trail_records_the_user_of_a_web_request(client, site_a):
    client.force_login(site_a.admin)
    response = client.post(reverse("clinics:observation_edit", args=[site_a.post.pk]), {
        "point": "post", "observed": "2026-11-04", "feeds": "11", "urination": "4",
        "volume": "12.0", "lancar": "true"})
    assert response.status_code == 302
    _check_changed(Observation, site_a.post, site_a.admin, "feeds", 10, 11)
    page = client.get(reverse("clinics:history", args=[site_a.clinic.pk])).content.decode()
    assert site_a.admin.username in page and "feeds" in page


def test_audit_trail_every_model_has_history():
    from django.apps import apps

    models = apps.get_app_config("clinics").get_models()
    plain = [m for m in models if not m.__name__.startswith("Historical")]
    assert {m.__name__ for m in plain} == {"Clinic", "Membership", "Study", "Mother",
                                           "MassageSession", "Observation", "DoubleEntry"}
    for m in plain:
        assert hasattr(m, "history"), m
