from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Development policy network")

    def ready(self):
        from ludwigsburg_intl import areas
        from ludwigsburg_intl.models import Area

        from . import exports, feeds, sitemaps
        from .teasers import latest, tagged_with_sdg

        exports.register()

        areas.register(
            areas.AreaSection(
                key=Area.NETWORK,
                title=_("Development policy network"),
                description=_(
                    "Global denken – lokal handeln: local stakeholders, the coordination office "
                    "and the SDGs."
                ),
                index_url_name="network:index",
                order=40,
                latest=latest,
                tagged_with_sdg=tagged_with_sdg,
            )
        )
        from .models import Actor, Programme

        areas.register_event_link(
            areas.EventLink(
                key="actor",
                label=_("Group"),
                column_label=_("Group or actor"),
                model=Actor,
                relation="events",
                order=40,
            )
        )
        areas.register_event_link(
            areas.EventLink(
                key="programme",
                label=_("Network programme"),
                model=Programme,
                relation="events",
                order=41,
            )
        )

        areas.register_sitemaps(sitemaps.sitemaps())
        areas.register_news(Area.NETWORK, feeds.recent)

        from .search import register as register_search

        register_search()
