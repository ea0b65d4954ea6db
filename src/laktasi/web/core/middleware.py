"""The page language: Indonesian unless the user chose English with the switch.

Django's LocaleMiddleware would follow the browser's Accept-Language, and most laptops in
Indonesia run an English browser; laktasi is Indonesian first, so only the switch's cookie
changes the language. The same language is laktasi's active language
(:func:`laktasi.i18n.use_language`) while the page is made, so the chapter, the data check
and every message of the engine speak it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from laktasi.i18n import spoken, use_language


class LanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        lang = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if lang not in self.available:
            lang = settings.LANGUAGE_CODE
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
        with use_language(spoken(lang.split("-")[0])):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", lang)
        patch_vary_headers(response, ("Cookie",))
        return response
