"""``manage.py prune_uploads --days N``: delete uploaded data files older than N days (the
example studies stay). Uploads hold mothers' data: a server should not keep them forever."""

from django.core.management.base import BaseCommand, CommandParser

from laktasi.web.analysis.services import upload_prune


class Command(BaseCommand):
    help = "Delete uploaded data files older than --days days (default 30)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args: object, days: int = 30, **options: object) -> None:
        self.stdout.write(f"{upload_prune(days=days)} uploads deleted")
