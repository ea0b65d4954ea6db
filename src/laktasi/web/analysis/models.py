"""A data file put in through the Analisis page, with the study description made for it."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class Upload(models.Model):
    """One uploaded data file (kept as bytes; only laktasi's readers ever open it).

    ``study`` is the study description as the CLI reads it from YAML (a mapping), once the
    user has filled in the form; ``demo`` names the shipped example it came from.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    name = models.CharField(_("file name"), max_length=200)
    content = models.BinaryField(_("content"))
    sheet = models.CharField(_("sheet"), max_length=100, blank=True)
    study = models.JSONField(_("study description"), null=True, blank=True)
    demo = models.CharField(_("example study"), max_length=100, blank=True, db_index=True)
    # language -> id of the chapter task (django-tasks); emptied when the study changes
    chapter_tasks = models.JSONField(_("chapter tasks"), default=dict, blank=True)

    class Meta:
        ordering = ("-created",)
        verbose_name = _("uploaded file")

    def __str__(self) -> str:
        return self.name

    @property
    def title(self) -> str:
        study = self.study or {}
        return str((study.get("study") or {}).get("title") or self.name)
