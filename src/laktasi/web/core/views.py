"""The home page: what each tool does, and the example studies when the demo is loaded."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from laktasi.web.analysis.selectors import demo_list


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {"demos": demo_list()})
