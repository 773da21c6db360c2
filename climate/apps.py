from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClimateConfig(AppConfig):
    name = "climate"
    verbose_name = _("Climate partnerships")

    def ready(self):
        from ludwigsburg_intl import areas
        from ludwigsburg_intl.models import Area

        areas.register(
            areas.AreaSection(
                key=Area.CLIMATE,
                title=_("Climate partnerships"),
                description=_("The climate partnerships with Kongoussi and Ambato, their projects and the state of each project."),
                index_url_name="climate:index",
                order=20,
            )
        )
