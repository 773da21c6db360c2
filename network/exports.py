"""The actor directory and the SDG indicators as open data (CSV and JSON).

Actors' contact details appear only where the actor's consent is recorded (``public_contact``).
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ludwigsburg_intl import areas
from ludwigsburg_intl.models import Area, SDGGoal
from ludwigsburg_intl.opendata import Column, latest_change, table_response
from ludwigsburg_intl.translation_fallback import translated

from .models import Actor, Indicator, IndicatorValue, Topic
from .views import _filtered_actors, _tagged_with_goal

ACTOR_COLUMNS = [
    Column("name", gettext_lazy("Name")),
    Column("type", gettext_lazy("Type")),
    Column("topics", gettext_lazy("Topics")),
    Column("sdg_goals", gettext_lazy("SDG goals")),
    Column("partner_cities", gettext_lazy("Partner cities")),
    Column("website", gettext_lazy("Website")),
    Column("contact_person", gettext_lazy("Contact person")),
    Column("contact_email", gettext_lazy("E-mail")),
    Column("contact_phone", gettext_lazy("Phone")),
    Column("page", gettext_lazy("Page on this portal")),
]


def _text(obj, field):
    return translated(obj, field).text


def actor_records(request, actors):
    records = []
    for actor in actors:
        contact = actor.public_contact or {}
        records.append(
            {
                "name": _text(actor, "name"),
                "type": actor.get_kind_display(),
                "topics": [_text(t, "name") for t in actor.topics.all()],
                "sdg_goals": [g.number for g in actor.sdg_goals.all()],
                # Prefetched with published() only (ActorQuerySet.for_directory).
                "partner_cities": [_text(c, "name") for c in actor.partner_cities.all()],
                "website": actor.website or None,
                "contact_person": contact.get("name") or None,
                "contact_email": contact.get("email") or None,
                "contact_phone": contact.get("phone") or None,
                "page": request.build_absolute_uri(actor.get_absolute_url()),
            }
        )
    return records


@require_safe
def actor_data(request, fmt):
    """The directory, with the same filters as the page; contact data only with consent."""
    _filter, actors = _filtered_actors(request)
    return table_response(
        request, fmt, ACTOR_COLUMNS, actor_records(request, actors), title=_("Stakeholders")
    )


INDICATOR_COLUMNS = [
    Column("indicator", gettext_lazy("Indicator")),
    Column("unit", gettext_lazy("Unit")),
    Column("source", gettext_lazy("Source")),
    Column("sdg_goals", gettext_lazy("SDG goals")),
    Column("year", gettext_lazy("Year")),
    Column("value", gettext_lazy("Value")),
    Column("example_value", gettext_lazy("Example value")),
    Column("note", gettext_lazy("Note")),
]


@require_safe
def indicator_data(request, fmt, slug=None):
    """All yearly values of the published indicators (or of one), one row per value."""
    values = (
        IndicatorValue.objects.filter(indicator__in=Indicator.objects.published())
        .select_related("indicator")
        .prefetch_related("indicator__sdg_goals")
        .order_by("indicator__sort_order", "indicator__slug", "year")
    )
    if slug is not None:
        indicator = get_object_or_404(Indicator.objects.published(), slug=slug)
        values = values.filter(indicator=indicator)
    records = [
        {
            "indicator": _text(v.indicator, "name"),
            "unit": _text(v.indicator, "unit"),
            "source": _text(v.indicator, "source") or None,
            "sdg_goals": [g.number for g in v.indicator.sdg_goals.all()],
            "year": v.year,
            "value": v.value,
            "example_value": v.is_example,
            "note": _text(v, "note") or None,
        }
        for v in values
    ]
    return table_response(request, fmt, INDICATOR_COLUMNS, records, title=_("Municipal indicators"))


SDG_COLUMNS = [
    Column("sdg_goal", gettext_lazy("SDG goal")),
    Column("area", gettext_lazy("Area")),
    Column("kind", gettext_lazy("Kind")),
    Column("title", gettext_lazy("Title")),
    Column("address", gettext_lazy("Address")),
]


@require_safe
def sdg_data(request, number, fmt):
    """Everything published that is tagged with a goal, as CSV or JSON."""
    goal = get_object_or_404(SDGGoal, number=number)
    groups, events = _tagged_with_goal(goal)
    records = [
        {
            "sdg_goal": goal.number,
            "area": str(group["section"].title),
            "kind": str(item.kind),
            "title": str(item.title),
            "address": request.build_absolute_uri(item.url),
        }
        for group in groups
        for item in group["items"]
    ]
    records += [
        {
            "sdg_goal": goal.number,
            "area": _("Calendar"),
            "kind": _("Event"),
            "title": _text(event, "title"),
            "address": request.build_absolute_uri(event.get_absolute_url()),
        }
        for event in events
    ]
    filename = (_("sdg-%(number)s.csv") % {"number": goal.number}).removesuffix(".csv")
    title = f"{goal.number}. {_text(goal, 'name')}"
    return table_response(request, fmt, SDG_COLUMNS, records, title=title, filename=filename)


def register():
    areas.register_dataset(
        areas.Dataset(
            key="actors",
            title=gettext_lazy("Stakeholders of the development-policy network"),
            description=gettext_lazy(
                "Groups, associations, initiatives and schools in Ludwigsburg that work on "
                "development policy, with topics, SDG goals and partner cities; contact details "
                "only where the group has agreed to their publication."
            ),
            distributions={"csv": "network:actor-csv", "json": "network:actor-json"},
            modified=lambda: latest_change(Actor, Topic),
            area=Area.NETWORK,
            order=40,
        )
    )
    areas.register_dataset(
        areas.Dataset(
            key="sdg-indicators",
            title=gettext_lazy("Municipal SDG indicators"),
            description=gettext_lazy(
                "The municipal indicators for the Sustainable Development Goals with their "
                "yearly values, unit and source; illustrative values are marked as examples."
            ),
            distributions={"csv": "network:indicators-csv", "json": "network:indicators-json"},
            modified=lambda: latest_change(Indicator, IndicatorValue),
            area=Area.NETWORK,
            order=45,
        )
    )
