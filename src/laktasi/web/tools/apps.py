from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolsConfig(AppConfig):
    name = "laktasi.web.tools"
    label = "tools"
    verbose_name = _("Sample size, audit and meta-analysis")
