"""The long job of the Analisis page: the chapter (analysis, figures, HTML) as a task of
Django's task framework (django-tasks), so the page can show progress and the user can leave
and come back. ``laktasi serve`` and production run the database backend's worker
(``manage.py db_worker``); the tests run tasks immediately."""

from __future__ import annotations

from django.utils import translation
from django_tasks import task

from laktasi.errors import LaktasiError


@task()
def build_chapter(upload_id: str, lang: str) -> dict[str, str]:
    """The chapter of an upload in ``lang`` as the page shows it: ``{"html": ...}``, or
    ``{"error": message}`` for a problem laktasi words (a located message, not a crash)."""
    from . import services
    from .models import Upload

    with translation.override(lang):
        upload = Upload.objects.get(pk=upload_id)
        try:
            _, document = services.chapter_build(upload=upload)
        except LaktasiError as exc:
            from laktasi.i18n.errors import error_text

            return {"error": error_text(exc, lang)}
        return {"html": services.chapter_html(document)}
