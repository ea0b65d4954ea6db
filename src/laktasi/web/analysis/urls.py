from django.urls import path

from . import views

app_name = "analysis"
urlpatterns = [
    path("", views.start, name="start"),
    path("templat/<slug:design>.xlsx", views.template_download, name="template"),
    path("<uuid:pk>/", views.study, name="study"),
    path("<uuid:pk>/hasil/", views.result, name="result"),
    path("<uuid:pk>/study.yaml", views.study_yaml, name="yaml"),
    path("<uuid:pk>/unduh/<slug:fmt>/", views.download, name="download"),
]
