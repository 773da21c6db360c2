"""The climate area on shared pages: the home page's latest items and the SDG pages."""

from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ludwigsburg_intl.areas import Teaser
from ludwigsburg_intl.publishing import published_q

from .models import ClimatePartnership, Project


def latest(limit: int) -> list[Teaser]:
    """Projects with the newest status reports first (one query), for the home page."""
    # Only published reports count, within their publication window.
    report_is_public = published_q(timezone.now(), prefix="reports__")
    projects = (
        Project.objects.published()
        .only("slug", "title")  # what a teaser shows
        .annotate(last_report=Max("reports__reported_on", filter=report_is_public))
        .order_by(F("last_report").desc(nulls_last=True), "-pk")[:limit]
    )
    return [Teaser.of(project, _("Climate project")) for project in projects]


def tagged_with_sdg(goal) -> list[Teaser]:
    """Published climate partnerships and projects tagged with ``goal``: two queries."""
    # Only what a teaser shows, not the long texts in every language.
    partnerships = ClimatePartnership.objects.published().filter(sdg_goals=goal)
    projects = Project.objects.published().filter(sdg_goals=goal)
    partnerships, projects = partnerships.only("slug", "name"), projects.only("slug", "title")
    return [Teaser.of(p, _("Climate partnership"), title="name") for p in partnerships] + [
        Teaser.of(p, _("Climate project")) for p in projects
    ]
