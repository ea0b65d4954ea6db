"""``manage.py load_demo``: load the shipped example studies (what ``laktasi serve --demo``
does)."""

from django.core.management.base import BaseCommand

from laktasi.web.analysis.services import demo_load


class Command(BaseCommand):
    help = "Load the shipped example studies into the Analysis page."

    def handle(self, *args: object, **options: object) -> None:
        for upload in demo_load():
            self.stdout.write(f"{upload.demo}: {upload.title}")
