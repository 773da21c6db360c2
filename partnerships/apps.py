from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partner cities")

    def ready(self):
        from ludwigsburg_intl import areas
        from ludwigsburg_intl.models import Area

        from . import exports, feeds, sitemaps
        from .teasers import latest, tagged_with_sdg

        exports.register()
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
        from .models import PartnerCity

        areas.register_event_link(
            areas.EventLink(
                key="partner_city",
                label=_("Partner city"),
                model=PartnerCity,
                relation="events",
                order=10,
            )
        )

        areas.register_sitemaps(sitemaps.sitemaps())
        areas.register_news(Area.PARTNERSHIPS, feeds.recent)

        from .search import register as register_search

        register_search()
