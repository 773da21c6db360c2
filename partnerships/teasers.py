"""How the partner cities appear on shared pages (home, SDG pages): see ludwigsburg_intl.areas."""

from django.db.models import F
from django.utils.translation import gettext as _

from ludwigsburg_intl.areas import Teaser
from ludwigsburg_intl.querysets import Baked

from .models import Activity, PartnerCity

# The columns a teaser shows (its address needs the city's slug), not the long texts.
ACTIVITY_TEASER = ("title", "description", "pillar", "city__slug")


def _activity_teaser(activity):
    return Teaser.of(activity, activity.get_pillar_display(), summary="description")


def _city_teaser(city):
    return Teaser.of(city, _("Partner city"), title="name", summary="summary")


# Built and compiled once per limit (``Baked``).
LATEST_ACTIVITIES = Baked(
    lambda limit: (
        Activity.objects.published()
        .select_related("city")
        .only(*ACTIVITY_TEASER)
        .order_by("-updated_at", "-pk")[:limit]
    )
)


def latest(limit):
    """The activities entered or changed most recently: one query."""
    return [_activity_teaser(a) for a in LATEST_ACTIVITIES(shape=(limit,))]


# Built and compiled once (``Baked``).
CITIES_TAGGED = Baked(
    lambda goal: (
        PartnerCity.objects.published()
        .filter(sdg_goals=goal)
        .only("slug", "name", "summary")
        .order_by("name")
    ),
    goal=int,
)
ACTIVITIES_TAGGED = Baked(
    lambda goal: (
        Activity.objects.published()
        .filter(sdg_goals=goal)
        .select_related("city")
        .only(*ACTIVITY_TEASER)
        .order_by(F("year").desc(nulls_last=True), "title")
    ),
    goal=int,
)


def tagged_with_sdg(goal):
    """Partner cities and activities tagged with ``goal``: two queries."""
    cities = CITIES_TAGGED(goal=goal.pk)
    activities = ACTIVITIES_TAGGED(goal=goal.pk)
    return [_city_teaser(c) for c in cities] + [_activity_teaser(a) for a in activities]
