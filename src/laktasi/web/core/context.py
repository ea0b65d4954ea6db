"""Template context shared by every page: the navigation and the version."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from laktasi import __version__

NAV = (
    ("analysis:start", _("Analysis")),
    ("tools:power", _("Sample size")),
    ("tools:audit", _("Audit")),
    ("tools:meta", _("Meta-analysis")),
)


def site(request: HttpRequest) -> dict:
    here = request.path
    items = []
    for name, label in NAV:
        url = reverse(name)
        items.append({"url": url, "label": label, "active": here.startswith(url)})
    return {"nav": items, "laktasi_version": __version__}
