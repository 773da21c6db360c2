from django.apps import AppConfig
from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _


def latest_projects(limit):
    """Projects with the newest status reports first (one query), for the home page."""
    from django.db.models import F, Max
    from django.utils import timezone

    from ludwigsburg_intl.publishing import published_q

    from .models import Project

    # Only published reports count, within their publication window.
    report_is_public = published_q(timezone.now(), prefix="reports__")
    projects = (
        Project.objects.published()
        .only("slug", "title")  # what a teaser shows
        .annotate(last_report=Max("reports__reported_on", filter=report_is_public))
        .order_by(F("last_report").desc(nulls_last=True), "-pk")[:limit]
    )
    return [_teaser(project, _("Climate project")) for project in projects]


def projects_tagged_with(goal):
    from .models import ClimatePartnership, Project

    # Only what a teaser shows, not the long texts in every language.
    partnerships = ClimatePartnership.objects.published().filter(sdg_goals=goal)
    projects = Project.objects.published().filter(sdg_goals=goal)
    partnerships, projects = partnerships.only("slug", "name"), projects.only("slug", "title")
    return [_teaser(p, _("Climate partnership"), "name") for p in partnerships] + [
        _teaser(p, _("Climate project")) for p in projects
    ]


def _teaser(obj, kind, field="title"):
    from ludwigsburg_intl.areas import Teaser
    from ludwigsburg_intl.translation_fallback import translated

    text = translated(obj, field)
    return Teaser(
        title=text.text,
        url=obj.get_absolute_url(),
        kind=kind,
        lang=text.lang if text.is_fallback else None,
    )


def projects_without_report(request):
    """For the admin index: projects without a status report in the reporting interval."""
    from django.urls import reverse

    from ludwigsburg_intl.areas import DashboardItem

    from .admin import REPORT_INTERVAL_DAYS
    from .models import Project

    if not request.user.has_perm("climate.view_project"):
        return None
    count = Project.objects.needing_report(REPORT_INTERVAL_DAYS).count()
    return DashboardItem(
        title=_("Climate projects without a status report in the last %(days)s days")
        % {"days": REPORT_INTERVAL_DAYS},
        count=count,
        url=reverse("admin:climate_project_changelist") + "?needs_report=yes",
    )


class ClimateConfig(AppConfig):
    name = "climate"
    verbose_name = _("Climate partnerships")

    def ready(self):
        from ludwigsburg_intl import areas
        from ludwigsburg_intl.models import Area

        from . import feeds, history, sitemaps
        from .models import Milestone, Project

        pre_save.connect(
            history.remember_stored_project, sender=Project, dispatch_uid="climate_remember_project"
        )
        post_save.connect(
            history.record_project_changes, sender=Project, dispatch_uid="climate_record_project"
        )
        pre_save.connect(
            history.remember_stored_milestone, sender=Milestone, dispatch_uid="climate_remember_ms"
        )
        post_save.connect(
            history.record_milestone_changes, sender=Milestone, dispatch_uid="climate_record_ms"
        )

        from . import opendata

        opendata.register()
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
                latest=latest_projects,
                tagged_with_sdg=projects_tagged_with,
            )
        )

        areas.register_dashboard_item("climate-reports", projects_without_report)
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
