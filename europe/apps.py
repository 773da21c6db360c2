from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def new_submissions(request):
    """For the admin index: expressions of interest not answered yet, only for those who may
    see this personal data."""
    from django.urls import reverse

    from ludwigsburg_intl.areas import DashboardItem

    from .models import InterestSubmission

    if not request.user.has_perm("europe.view_interestsubmission"):
        return None
    return DashboardItem(
        title=_("New expressions of interest from the form"),
        count=InterestSubmission.objects.new().count(),
        url=reverse("admin:europe_interestsubmission_changelist") + "?state__exact=new",
    )


class EuropeConfig(AppConfig):
    name = "europe"
    verbose_name = _("Europe")

    def ready(self):
        from ludwigsburg_intl import areas
        from ludwigsburg_intl.models import Area

        from . import (
            feeds,
            signals,  # noqa: F401  (connects the calendar sync of call deadlines)
            sitemaps,
        )
        from .deadlines import deadline_events, hidden_deadline_events
        from .opendata import register as register_datasets
        from .teasers import latest, tagged_with_sdg

        register_datasets()
        areas.register_dashboard_item("europe-submissions", new_submissions)

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
