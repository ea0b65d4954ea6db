"""Helpers of the clinic tests: a clinic (a "site") with its admin, a study, a mother, her
before/after observations and a massage session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

DELIVERED = dt.date(2026, 11, 1)


@dataclass
class Site:
    clinic: Any
    admin: Any
    study: Any
    mother: Any
    pre: Any
    post: Any
    session: Any


def make_user(username: str) -> Any:
    from django.contrib.auth import get_user_model

    user = get_user_model()(username=username)
    user.set_password("sandi-rahasia-123")
    user.save()
    return user


def make_site(name: str, district: str = "Kab. Contoh") -> Site:
    from laktasi.web.clinics import services

    admin = make_user(f"admin-{name}")
    clinic = services.clinic_create(name=f"Puskesmas {name}", kind="puskesmas",
                                    district=district, admin=admin)
    study = services.study_create(by=admin, clinic=clinic, title=f"Pijat oksitosin {name}",
                                  design="one-group-pretest-posttest", year=2026)
    mother = services.mother_register(by=admin, study=study, code="R01", name="Ibu Rahasia",
                                      age=25, education="SMA", occupation="IRT",
                                      parity="primipara", enrolled=DELIVERED + dt.timedelta(1),
                                      delivered=DELIVERED, birth_weight=3200)
    pre = services.observation_record(by=admin, mother=mother, point="pre",
                                      observed=DELIVERED + dt.timedelta(1), feeds=6,
                                      urination=1, volume=4.5, lancar=False)
    post = services.observation_record(by=admin, mother=mother, point="post",
                                       observed=DELIVERED + dt.timedelta(3), feeds=10,
                                       urination=4, volume=12.0, lancar=True)
    session = services.session_log(by=admin, mother=mother,
                                   at=timezone.make_aware(dt.datetime(2026, 11, 2, 8, 0)),
                                   minutes=5, given_by="bidan", steps=["posisi", "minyak"])
    return Site(clinic, admin, study, mother, pre, post, session)


