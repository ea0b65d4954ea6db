"""Fixtures of the clinic tests (the sites are built by :mod:`clinic_sites`)."""

from __future__ import annotations

from typing import Any

import pytest
from clinic_sites import Site, make_site, make_user


@pytest.fixture
def site_a(db) -> Site:
    return make_site("A")


@pytest.fixture
def site_b(db) -> Site:
    return make_site("B")


@pytest.fixture
def member(site_a):
    """member(role) -> a new user with that role in clinic A."""
    from laktasi.web.clinics.models import Membership

    def make(role: str) -> Any:
        user = make_user(f"{role}-a")
        Membership.objects.create(user=user, clinic=site_a.clinic, role=role)
        return user

    return make
