"""The climate area on shared pages: the home page's latest items and the SDG pages."""

from django.db.models import F, Max
from django.db.models.functions import Now
from django.utils.translation import gettext as _

from ludwigsburg_intl.areas import Teaser
from ludwigsburg_intl.publishing import published_q
from ludwigsburg_intl.querysets import Baked

from .models import ClimatePartnership, Project

# Built and compiled once per limit (``Baked``). Only published reports count, within their
# publication window (the database's clock, as for ``published()``).
LATEST_PROJECTS = Baked(
    lambda limit: (
        Project.objects.published()
        .only("slug", "title")  # what a teaser shows
        .annotate(
            last_report=Max("reports__reported_on", filter=published_q(Now(), prefix="reports__"))
        )
        .order_by(F("last_report").desc(nulls_last=True), "-pk")[:limit]
    )
)


def latest(limit: int) -> list[Teaser]:
    """Projects with the newest status reports first (one query), for the home page."""
    return [Teaser.of(project, _("Climate project")) for project in LATEST_PROJECTS(shape=(limit,))]


# Built and compiled once (``Baked``); only what a teaser shows, not the long texts in every
# language.
PARTNERSHIPS_TAGGED = Baked(
    lambda goal: ClimatePartnership.objects.published().filter(sdg_goals=goal).only("slug", "name"),
    goal=int,
)
PROJECTS_TAGGED = Baked(
    lambda goal: Project.objects.published().filter(sdg_goals=goal).only("slug", "title"),
    goal=int,
)


def tagged_with_sdg(goal) -> list[Teaser]:
    """Published climate partnerships and projects tagged with ``goal``: two queries."""
    partnerships = PARTNERSHIPS_TAGGED(goal=goal.pk)
    projects = PROJECTS_TAGGED(goal=goal.pk)
    return [Teaser.of(p, _("Climate partnership"), title="name") for p in partnerships] + [
        Teaser.of(p, _("Climate project")) for p in projects
    ]
