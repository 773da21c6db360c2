from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EuropeConfig(AppConfig):
    name = "europe"
    verbose_name = _("Europe")

    def ready(self):
        from ludwigsburg_intl import areas
        from ludwigsburg_intl.models import Area

        from . import signals  # noqa: F401  (connects the calendar sync of call deadlines)
        from .opendata import register as register_datasets
        from .teasers import latest, tagged_with_sdg

        register_datasets()

        areas.register(
            areas.AreaSection(
                key=Area.EUROPE,
                title=_("Europe"),
                description=_(
                    "How Ludwigsburg works with and in the European Union: funding, networks, "
                    "participation."
                ),
                index_url_name="europe:index",
                order=30,
                latest=latest,
                tagged_with_sdg=tagged_with_sdg,
            )
        )
