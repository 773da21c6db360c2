from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import JSONObject
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ludwigsburg_intl.models import Area, ContactPerson, Event, SDGGoal
from ludwigsburg_intl.publishing import get_visible_or_404

from . import structured_data
from .filters import ActivityFilter
from .map import build_panels
from .models import Activity, AnnualProgramme, Award, CityImage, CityLink, PartnerCity

EVENTS_PER_LIST = 10


def _published_contacts():
    return Prefetch(
        "contact_persons",
        queryset=ContactPerson.objects.published().select_related("office"),
    )


def _rows(model, **lookup):
    """The rows of ``model`` that match ``lookup`` (with an ``OuterRef``), in the model's order,
    as one array column of the outer query: a short list of plain values (numbers, texts, file
    names) that comes with its object instead of costing a query of its own."""
    names = [field.attname for field in model._meta.concrete_fields]
    return ArraySubquery(
        model.objects.filter(**lookup).values_list(JSONObject(**{name: name for name in names}))
    )


def _instances(model, rows, using):
    names = [field.attname for field in model._meta.concrete_fields]
    return [model.from_db(using, names, [row[name] for name in names]) for row in rows]


def _timeline(cities, awards):
    """Partnership starts and awards in the order of their years; unknown years stay apart."""
    entries = [
        {"year": city.partnership_since, "kind": "start", "city": city}
        for city in cities
        if city.partnership_since
    ]
    entries += [
        {"year": award.year, "kind": "award", "city": award.city, "award": award}
        for award in awards
        if award.year
    ]
    entries.sort(key=lambda e: (e["year"], e["kind"] != "start"))
    return entries


@require_safe
def index(request):
    cities = list(PartnerCity.objects.published().in_order_of_partnership())
    awards = list(
        Award.objects.filter(city__in=PartnerCity.objects.published()).select_related("city")
    )
    general_activities = list(Activity.objects.published().filter(city__isnull=True).for_listing())
    return render(
        request,
        "partnerships/index.html",
        {
            "cities": cities,
            "map_panels": build_panels(cities, home_label="Ludwigsburg"),
            "timeline": _timeline(cities, awards),
            "cities_without_year": [c for c in cities if not c.partnership_since],
            "programme": AnnualProgramme.objects.current(),
            "current_year": timezone.localdate().year,
            "general_activities": general_activities,
            "contacts": list(
                ContactPerson.objects.for_area(Area.PARTNERSHIPS).select_related("office")
            ),
            "breadcrumbs": [(_("Partner cities"), None)],
        },
    )


@require_safe
def city_detail(request, slug):
    # Whether the city is a published focus city of this year's programme comes with the city
    # (a subquery), not the whole programme with its cities and planned activities.
    focus = (
        AnnualProgramme.objects.published()
        .for_year(timezone.localdate().year)
        .filter(focus_cities=OuterRef("pk"))
    )
    city = get_visible_or_404(
        PartnerCity.objects.prefetch_related(_published_contacts()).annotate(
            focus_year=Subquery(focus.values("year")[:1]),
            award_rows=_rows(Award, city=OuterRef("pk")),
            image_rows=_rows(CityImage, city=OuterRef("pk")),
            link_rows=_rows(CityLink, city=OuterRef("pk")),
            goal_rows=_rows(SDGGoal, partner_cities=OuterRef("pk")),
        ),
        request,
        slug=slug,
    )
    focus_year = city.focus_year if city.is_live else None  # a draft is nobody's focus city
    activities = Activity.objects.published().for_city(city)
    if request.GET:
        listing = None
        years = list(activities.years())
    else:
        # Unfiltered, the listing holds every activity: the year filter's choices come from it.
        listing = list(activities.for_listing())
        years = sorted({a.year for a in listing if a.year is not None}, reverse=True)
    activity_filter = ActivityFilter(
        request.GET or None, queryset=activities.for_listing(), years=years
    )
    if activity_filter.is_bound and activity_filter.is_valid():
        shown = activity_filter.qs
    else:
        shown = listing if listing is not None else activities.for_listing()
    events = Event.objects.published().filter(partner_city=city).for_calendar()
    return render(
        request,
        "partnerships/city_detail.html",
        {
            "object": city,
            "city": city,
            "structured_data": structured_data.city(city, request),
            "filter": activity_filter,
            "activities": list(shown),
            "filter_active": activity_filter.is_bound,
            "upcoming_events": list(events.upcoming()[:EVENTS_PER_LIST]),
            "past_events": list(events.past().order_by("-starts_at", "-pk")[:EVENTS_PER_LIST]),
            "focus_year": focus_year,
            "awards": _instances(Award, city.award_rows, city._state.db),
            "images": _instances(CityImage, city.image_rows, city._state.db),
            "links": _instances(CityLink, city.link_rows, city._state.db),
            "goals": _instances(SDGGoal, city.goal_rows, city._state.db),
            # The climate partnerships this city carries together with Ludwigsburg (Kongoussi).
            "climate_partnerships": list(city.climate_partnerships.published()),
            "breadcrumbs": [(_("Partner cities"), "partnerships:index"), (city.name, None)],
        },
    )
