from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "laktasi.web.core"
    label = "core"
