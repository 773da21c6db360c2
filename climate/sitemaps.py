"""The climate area's sections of the sitemap (registered in apps.py)."""

from ludwigsburg_intl.sitemaps import NamedPagesSitemap, ObjectSitemap

from .models import ClimatePartnership, CommitteeMeeting, Project


def sitemaps():
    return {
        "climate": NamedPagesSitemap(
            ["climate:index", "climate:status-overview", "climate:meeting-list"]
        ),
        "climate-partnerships": ObjectSitemap(ClimatePartnership.objects.all()),
        "climate-projects": ObjectSitemap(Project.objects.all()),
        "committee-briefings": ObjectSitemap(CommitteeMeeting.objects.all()),
    }
