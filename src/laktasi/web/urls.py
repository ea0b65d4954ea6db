"""URLs: the home page, the four tools, the language switch."""

from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("laktasi.web.core.urls")),
    path("analisis/", include("laktasi.web.analysis.urls")),
    path("", include("laktasi.web.tools.urls")),
    path("klinik/", include("laktasi.web.clinics.urls")),
    path("bahasa/", set_language, name="set_language"),
]
