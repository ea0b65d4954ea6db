from django.urls import path

from . import views

app_name = "tools"
urlpatterns = [
    path("besar-sampel/", views.power, name="power"),
    path("audit/", views.audit, name="audit"),
    path("meta-analisis/", views.meta, name="meta"),
]
