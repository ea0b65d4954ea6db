"""Reads of uploaded files (the web app has no accounts yet: an upload is reached by its
unguessable id; the clinic issue adds users, and the scoping lands here)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from .models import Upload

__all__ = ["demo_list", "upload_get"]


def upload_get(*, pk: object) -> Upload:
    """The upload with this id, or 404."""
    return get_object_or_404(Upload, pk=pk)


def demo_list() -> list[Upload]:
    """The shipped example studies loaded by ``laktasi serve --demo``, by name."""
    return list(Upload.objects.exclude(demo="").order_by("demo").defer("content"))
