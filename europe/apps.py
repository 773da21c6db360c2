from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EuropeConfig(AppConfig):
    name = "europe"
    verbose_name = _("Europe")

    def ready(self):
        from ludwigsburg_intl import areas
        from ludwigsburg_intl.models import Area

        from . import dashboard, feeds, signals, sitemaps
        from .deadlines import deadline_events, hidden_deadline_events
        from .exports import register as register_datasets
        from .teasers import latest, tagged_with_sdg

        signals.connect()
        register_datasets()
        areas.register_dashboard_item("europe-submissions", dashboard.new_submissions)

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
                hidden_events=hidden_deadline_events,
                derived_events=deadline_events,
            )
        )
        from .models import FundingCall

        areas.register_event_link(
            areas.EventLink(
                key="funding_call",
                label=_("Funding call"),
                model=FundingCall,
                relation="deadline_event",
                title_field="title",
                order=30,
            )
        )

        areas.register_sitemaps(sitemaps.sitemaps())
        areas.register_news(Area.EUROPE, feeds.recent)
        areas.register_feed(
            areas.FeedEntry(
                name="funding-calls",
                route=_("funding-calls/"),
                feed=feeds.FundingCallFeed(),
                title=_("EU funding calls (Atom feed)"),
                namespaces=("europe",),
                order=30,
            )
        )

        from .search import register as register_search

        register_search()
