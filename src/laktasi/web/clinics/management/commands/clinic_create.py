"""``python -m laktasi.web.manage clinic_create --name N --kind puskesmas --district D
--admin USER``: register a clinic with its first admin (an existing account, e.g. made by
``createsuperuser``), for a server where nobody has logged in yet."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from laktasi.web.clinics import services
from laktasi.web.clinics.models import Clinic


class Command(BaseCommand):
    help = "Register a clinic with its first clinic admin."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--name", required=True)
        parser.add_argument("--kind", required=True, choices=Clinic.Kind.values)
        parser.add_argument("--district", required=True)
        parser.add_argument("--admin", required=True, help="user name of an existing account")

    def handle(self, *args, **opts) -> None:
        user = get_user_model().objects.filter(username=opts["admin"]).first()
        if user is None:
            raise CommandError(f"No account named {opts['admin']!r}; make it first "
                               "(python -m laktasi.web.manage createsuperuser).")
        clinic = services.clinic_create(name=opts["name"], kind=opts["kind"],
                                        district=opts["district"], admin=user)
        self.stdout.write(f"{clinic.name} (#{clinic.pk}), admin {user.username}")
