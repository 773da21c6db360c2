from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LudwigsburgIntlConfig(AppConfig):
    name = "ludwigsburg_intl"
    verbose_name = _("Portal: shared content")
