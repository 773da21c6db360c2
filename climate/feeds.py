"""The climate area's feeds: new status reports of the projects, and its part of "what is new"."""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ludwigsburg_intl.areas import NewsItem
from ludwigsburg_intl.feeds import (
    FEED_ITEMS,
    PortalFeed,
    changed_most_recently,
    start_of_day,
    summary_text,
)
from ludwigsburg_intl.translation_fallback import translated

from .models import Project, StatusReport


def _reports():
    """Published reports (of published projects of published partnerships: the reports'
    ``publication_requires``), newest first."""
    return (
        StatusReport.objects.published().select_related("project").order_by("-reported_on", "-pk")
    )


def _report_title(report):
    return _("%(project)s: status report of %(date)s") % {
        "project": translated(report.project, "title").text,
        "date": formats.date_format(report.reported_on),
    }


def _report_url(report):
    return f"{report.project.get_absolute_url()}#report-{report.pk}"


class StatusReportFeed(PortalFeed):
    title = gettext_lazy("Ludwigsburg International: status reports of the climate projects")
    description = gettext_lazy(
        "New status reports of the projects of the climate partnerships with Kongoussi and "
        "Ambato, newest first."
    )

    def link(self):
        return reverse("climate:index")

    def items(self):
        return _reports()[:FEED_ITEMS]

    def item_title(self, item):
        return _report_title(item)

    def item_link(self, item):
        return _report_url(item)

    def item_summary(self, item):
        return summary_text(translated(item, "text").text)

    def item_pubdate(self, item):
        return start_of_day(item.reported_on)

    def item_updateddate(self, item):
        return item.updated_at


def recent(limit: int) -> list[NewsItem]:
    """The status reports and projects added or changed most recently (two queries)."""
    reports = [
        NewsItem(
            title=_report_title(report),
            url=_report_url(report),
            date=report.updated_at,
            summary=summary_text(translated(report, "text").text),
        )
        for report in _reports().order_by("-updated_at", "-pk")[:limit]
    ]
    return reports + changed_most_recently(Project.objects.all(), limit)
