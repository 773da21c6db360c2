from datetime import datetime

from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ludwigsburg_intl.models import Area, ContactPerson, Event, SDGGoal
from ludwigsburg_intl.publishing import get_visible_or_404, may_preview, one_or_404
from ludwigsburg_intl.querysets import Baked

from . import structured_data
from .filters import ActivityFilter
from .map import build_panels
from .models import (
    Activity,
    AnnualProgramme,
    Award,
    CityImage,
    CityLink,
    PartnerCity,
    short_list,
    short_list_objects,
    with_short_lists,
)

EVENTS_PER_LIST = 10


def _published_contacts():
    return Prefetch(
        "contact_persons",
        queryset=ContactPerson.objects.published().select_related("office"),
    )


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


# The overview's queries, built and compiled once (``Baked``).
CITIES = Baked(lambda: PartnerCity.objects.published().in_order_of_partnership())
AWARDS = Baked(
    lambda: Award.objects.filter(city__in=PartnerCity.objects.published()).select_related("city")
)
GENERAL_ACTIVITIES = Baked(
    lambda: Activity.objects.published().filter(city__isnull=True).for_listing()
)
PROGRAMME = Baked(
    lambda year: AnnualProgramme.objects.published().for_year(year).order_by("pk")[:1], year=int
)
FOCUS_CITIES = Baked(
    lambda programme: AnnualProgramme(pk=programme).focus_cities.published().order_by("name"),
    programme=int,
)
PLANNED_ACTIVITIES = Baked(
    lambda programme: (
        AnnualProgramme(pk=programme).planned_activities.published().select_related("city")
    ),
    programme=int,
)
PARTNERSHIP_CONTACTS = Baked(
    lambda: ContactPerson.objects.for_area(Area.PARTNERSHIPS).select_related("office")
)


@require_safe
def index(request):
    cities = list(CITIES())
    awards = list(AWARDS())
    general_activities = with_short_lists(list(GENERAL_ACTIVITIES()))
    year = timezone.localdate().year
    programme = next(iter(PROGRAMME(year=year)), None)
    return render(
        request,
        "partnerships/index.html",
        {
            "cities": cities,
            "map_panels": build_panels(cities, home_label="Ludwigsburg"),
            "timeline": _timeline(cities, awards),
            "cities_without_year": [c for c in cities if not c.partnership_since],
            # The year's published programme, its published focus cities and planned activities.
            "programme": programme,
            "focus_cities": list(FOCUS_CITIES(programme=programme.pk)) if programme else [],
            "planned_activities": (
                list(PLANNED_ACTIVITIES(programme=programme.pk)) if programme else []
            ),
            "current_year": year,
            "general_activities": general_activities,
            "contacts": list(PARTNERSHIP_CONTACTS()),
            "breadcrumbs": [(_("Partner cities"), None)],
        },
    )


def _city_with_lists(year):
    # Whether the city is a published focus city of this year's programme comes with the city
    # (a subquery), not the whole programme with its cities and planned activities.
    focus = AnnualProgramme.objects.published().for_year(year).filter(focus_cities=OuterRef("pk"))
    return PartnerCity.objects.annotate(
        focus_year=Subquery(focus.values("year")[:1]),
        award_rows=short_list(Award.objects.filter(city=OuterRef("pk"))),
        image_rows=short_list(CityImage.objects.filter(city=OuterRef("pk"))),
        link_rows=short_list(CityLink.objects.filter(city=OuterRef("pk"))),
        goal_rows=short_list(SDGGoal.objects.filter(partner_cities=OuterRef("pk"))),
    )


# What everyone but a previewer sees: built and compiled once (``Baked``).
PUBLISHED_CITY = Baked(
    lambda slug, year: _city_with_lists(year).published().filter(slug=slug), slug=str, year=int
)
CITY_EVENTS = Baked(
    lambda city, now: (
        Event.objects.published()
        .filter(partner_cities=city)
        .for_calendar()
        .upcoming(now)[:EVENTS_PER_LIST]
    ),
    city=int,
    now=datetime,
)
CITY_PAST_EVENTS = Baked(
    lambda city, now: (
        Event.objects.published()
        .filter(partner_cities=city)
        .past(now)
        .order_by("-starts_at", "-pk")[:EVENTS_PER_LIST]
    ),
    city=int,
    now=datetime,
)


CITY_ACTIVITIES = Baked(
    lambda city: Activity.objects.published().for_city(city).for_listing(), city=int
)
CITY_CONTACTS = Baked(
    lambda city: PartnerCity(pk=city).contact_persons.published().select_related("office"),
    city=int,
)
# The climate partnerships this city carries together with Ludwigsburg (Kongoussi).
CITY_CLIMATE_PARTNERSHIPS = Baked(
    lambda city: PartnerCity(pk=city).climate_partnerships.published(), city=int
)


@require_safe
def city_detail(request, slug):
    year = timezone.localdate().year
    if may_preview(request.user, PartnerCity):
        city = get_visible_or_404(
            _city_with_lists(year).prefetch_related(_published_contacts()), request, slug=slug
        )
        contacts = city.contact_persons.all()
    else:
        city = one_or_404(PUBLISHED_CITY(slug=slug, year=year))
        contacts = CITY_CONTACTS(city=city.pk)
    focus_year = city.focus_year if city.is_live else None  # a draft is nobody's focus city
    if request.GET:
        activities = Activity.objects.published().for_city(city)
        listing = activities.for_listing()
        years = list(activities.years())
    else:
        listing = CITY_ACTIVITIES(city=city.pk)
        # Unfiltered, the listing holds every activity: the year filter's choices come from it.
        years = sorted({a.year for a in listing if a.year is not None}, reverse=True)
    activity_filter = ActivityFilter(request.GET or None, queryset=listing, years=years)
    if activity_filter.is_bound and activity_filter.is_valid():
        shown = activity_filter.qs
    else:
        shown = listing
    now = timezone.now()
    return render(
        request,
        "partnerships/city_detail.html",
        {
            "object": city,
            "city": city,
            "structured_data": structured_data.city(city, request),
            "filter": activity_filter,
            "activities": with_short_lists(list(shown)),
            "filter_active": activity_filter.is_bound,
            "upcoming_events": list(CITY_EVENTS(city=city.pk, now=now)),
            "past_events": list(CITY_PAST_EVENTS(city=city.pk, now=now)),
            "focus_year": focus_year,
            "awards": short_list_objects(Award, city.award_rows, city._state.db),
            "images": short_list_objects(CityImage, city.image_rows, city._state.db),
            "links": short_list_objects(CityLink, city.link_rows, city._state.db),
            "goals": short_list_objects(SDGGoal, city.goal_rows, city._state.db),
            "climate_partnerships": list(CITY_CLIMATE_PARTNERSHIPS(city=city.pk)),
            "contacts": list(contacts),
            "breadcrumbs": [(_("Partner cities"), "partnerships:index"), (city.name, None)],
        },
    )
