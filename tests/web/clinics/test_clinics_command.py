"""The clinic_create management command registers a clinic with its first admin."""

from __future__ import annotations

import io

import pytest
from clinic_sites import make_user
from django.core.management import CommandError, call_command

from laktasi.web.clinics.models import Clinic, Membership

pytestmark = pytest.mark.django_db


def test_clinic_create_command_makes_the_admin_member():
    user = make_user("koordinator")
    out = io.StringIO()
    call_command("clinic_create", "--name", "PMB Mawar", "--kind", "pmb", "--district",
                 "Kota Uji", "--admin", "koordinator", stdout=out)
    clinic = Clinic.objects.get(name="PMB Mawar")
    assert Membership.objects.get(clinic=clinic, user=user).role == "admin"
    assert "PMB Mawar" in out.getvalue()


def test_clinic_create_command_refuses_an_unknown_account():
    with pytest.raises(CommandError, match="createsuperuser"):
        call_command("clinic_create", "--name", "X", "--kind", "pmb", "--district", "D",
                     "--admin", "nobody")
