"""The climate area's sections of the sitemap (registered in apps.py)."""

from django.db.models import Max, Q
from django.db.models.functions import Greatest

from ludwigsburg_intl.sitemaps import NamedPagesSitemap, ObjectSitemap

from .models import ClimatePartnership, CommitteeMeeting, Project, StatusReport


def sitemaps():
    return {
        "climate": NamedPagesSitemap(
            ["climate:index", "climate:status-overview", "climate:meeting-list"]
        ),
        "climate-partnerships": ObjectSitemap(ClimatePartnership.objects.all()),
        # A project's page shows its published status reports: a new one changes the page.
        "climate-projects": ObjectSitemap(
            Project.objects.all(),
            lastmod=Greatest(
                "updated_at",
                Max(
                    "reports__updated_at",
                    filter=Q(reports__in=StatusReport.objects.published().values("pk")),
                ),
            ),
        ),
        "committee-briefings": ObjectSitemap(CommitteeMeeting.objects.all()),
    }
