from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ClimateConfig(AppConfig):
    name = "climate"
    verbose_name = _("Climate partnerships")

    def ready(self):
        from ludwigsburg_intl import areas
        from ludwigsburg_intl.models import Area

        from . import dashboard, exports, feeds, sitemaps
        from .teasers import latest, tagged_with_sdg

        exports.register()
        areas.register(
            areas.AreaSection(
                key=Area.CLIMATE,
                title=_("Climate partnerships"),
                description=_(
                    "The climate partnerships with Kongoussi and Ambato, their projects and the "
                    "state of each project."
                ),
                index_url_name="climate:index",
                order=20,
                latest=latest,
                tagged_with_sdg=tagged_with_sdg,
            )
        )
        from .models import ClimatePartnership, Project

        areas.register_event_link(
            areas.EventLink(
                key="climate_partnership",
                label=_("Climate partnership"),
                model=ClimatePartnership,
                relation="events",
                order=20,
            )
        )
        areas.register_event_link(
            areas.EventLink(
                key="project",
                label=_("Project"),
                model=Project,
                relation="events",
                title_field="title",
                order=21,
            )
        )

        areas.register_dashboard_item("climate-reports", dashboard.projects_without_report)
        areas.register_sitemaps(sitemaps.sitemaps())
        areas.register_news(Area.CLIMATE, feeds.recent)
        areas.register_feed(
            areas.FeedEntry(
                name="status-reports",
                route=_("status-reports/"),
                feed=feeds.StatusReportFeed(),
                title=_("Status reports of the climate projects (Atom feed)"),
                namespaces=("climate",),
                order=20,
            )
        )

        from .search import register as register_search

        register_search()
