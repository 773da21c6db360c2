from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partner cities")

    def ready(self):
        from ludwigsburg_intl import areas
        from ludwigsburg_intl.models import Area

        from . import feeds, opendata, sitemaps
        from .teasers import latest, tagged_with_sdg

        opendata.register()
        areas.register(
            areas.AreaSection(
                key=Area.PARTNERSHIPS,
                title=_("Partner cities"),
                description=_(
                    "Ludwigsburg's six twin towns: history, current exchange and how to join in."
                ),
                index_url_name="partnerships:index",
                order=10,
                latest=latest,
                tagged_with_sdg=tagged_with_sdg,
            )
        )

        areas.register_sitemaps(sitemaps.sitemaps())
        areas.register_news(Area.PARTNERSHIPS, feeds.recent)

        from .search import register as register_search

        register_search()
