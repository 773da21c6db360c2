from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ludwigsburg_intl import areas
from ludwigsburg_intl.ical import calendar_response
from ludwigsburg_intl.models import Area, ContactPerson, Event, SDGGoal
from ludwigsburg_intl.pagination import paginate
from ludwigsburg_intl.publishing import get_visible_or_404, one_or_404
from ludwigsburg_intl.querysets import Baked
from ludwigsburg_intl.translation_fallback import translated

from . import charts
from .filters import ActorFilter
from .models import (
    Actor,
    CoordinationItem,
    Indicator,
    Membership,
    Programme,
    StatePartner,
)

ACTORS_PER_PAGE = 20


# --- helpers -------------------------------------------------------------------------------------


def _network_crumb():
    return (_("Development policy network"), "network:index")


def _bound_filter(request, filter_class, queryset):
    """Bind the filter only when a filter value was given (a bare ?page=2 is no filter)."""
    names = set(filter_class.base_filters)
    data = request.GET if names.intersection(request.GET) else None
    actor_filter = filter_class(data, queryset=queryset, request=request)
    if actor_filter.is_bound and actor_filter.is_valid():
        return actor_filter, actor_filter.qs
    return actor_filter, queryset


# --- overview ------------------------------------------------------------------------------------


@require_safe
def index(request):
    programmes = list(Programme.objects.published())
    actors = list(Actor.objects.published().order_by("-created_at", "-pk")[:6])
    contacts = list(ContactPerson.objects.for_area(Area.NETWORK).select_related("office"))
    events = list(Event.objects.published().upcoming().filter(area=Area.NETWORK).for_calendar()[:5])
    return render(
        request,
        "network/index.html",
        {
            "upcoming_events": events,
            "programmes": programmes,
            "recent_actors": actors,
            "actor_count": Actor.objects.published().count(),
            "contacts": contacts,
            "breadcrumbs": [(_("Development policy network"), None)],
        },
    )


# --- actors --------------------------------------------------------------------------------------


def _filtered_actors(request):
    actors = Actor.objects.published().for_directory()
    return _bound_filter(request, ActorFilter, actors)


@require_safe
def actor_list(request):
    actor_filter, actors = _filtered_actors(request)
    pages = paginate(request, actors, ACTORS_PER_PAGE)
    return render(
        request,
        "network/actor_list.html",
        {
            **pages,
            "filter": actor_filter,
            "filter_invalid": actor_filter.is_bound and not actor_filter.is_valid(),
            "actors": pages["page_obj"].object_list,
            "breadcrumbs": [_network_crumb(), (_("Stakeholders"), None)],
        },
    )


def _actor_for_request(request, slug):
    from climate.models import ClimatePartnership, Project
    from partnerships.models import Activity, PartnerCity

    queryset = Actor.objects.prefetch_related(
        "topics",
        "sdg_goals",
        Prefetch("partner_cities", queryset=PartnerCity.objects.published()),
        Prefetch("climate_partnerships", queryset=ClimatePartnership.objects.published()),
        Prefetch("projects", queryset=Project.objects.published()),
        Prefetch("programmes", queryset=Programme.objects.published()),
        # Activities in the partner cities this actor organised (the partnerships area links them).
        Prefetch(
            "partnership_activities",
            queryset=Activity.objects.published().select_related("city").order_by("-year", "title"),
        ),
    )
    return get_visible_or_404(queryset, request, slug=slug)


@require_safe
def actor_detail(request, slug):
    actor = _actor_for_request(request, slug)
    events = list(actor.events.published().for_calendar())
    return render(
        request,
        "network/actor_detail.html",
        {
            "object": actor,
            "actor": actor,
            "contact": actor.public_contact,
            "upcoming_events": [e for e in events if not e.is_past],
            "past_events": [e for e in events if e.is_past][::-1],
            "breadcrumbs": [
                _network_crumb(),
                (_("Stakeholders"), "network:actor-list"),
                (translated(actor, "name").text, None),
            ],
        },
    )


@require_safe
def actor_ical(request, slug):
    actor = get_visible_or_404(Actor.objects.all(), request, slug=slug)
    events = actor.events.published().for_calendar()
    return calendar_response(request, events, filename=f"{actor.slug}.ics")


# --- programmes ----------------------------------------------------------------------------------


@require_safe
def programme_detail(request, slug):
    queryset = Programme.objects.prefetch_related(
        "sdg_goals", Prefetch("actors", queryset=Actor.objects.published())
    )
    programme = get_visible_or_404(queryset, request, slug=slug)
    events = list(programme.events.published().for_calendar())
    return render(
        request,
        "network/programme_detail.html",
        {
            "object": programme,
            "programme": programme,
            "upcoming_events": [e for e in events if not e.is_past],
            "past_events": [e for e in events if e.is_past][::-1],
            "breadcrumbs": [_network_crumb(), (translated(programme, "name").text, None)],
        },
    )


@require_safe
def programme_ical(request, slug):
    programme = get_visible_or_404(Programme.objects.all(), request, slug=slug)
    events = programme.events.published().for_calendar()
    return calendar_response(request, events, filename=f"{programme.slug}.ics")


# --- coordination office, state and federal level ------------------------------------------------


@require_safe
def coordination(request):
    items = list(CoordinationItem.objects.published().prefetch_related("sdg_goals"))
    return render(
        request,
        "network/coordination.html",
        {
            "tasks": [i for i in items if i.kind == CoordinationItem.Kind.TASK],
            "cooperation": [i for i in items if i.kind == CoordinationItem.Kind.COOPERATION],
            "outlook": [i for i in items if i.kind == CoordinationItem.Kind.OUTLOOK],
            "contacts": list(ContactPerson.objects.for_area(Area.NETWORK).select_related("office")),
            "breadcrumbs": [_network_crumb(), (_("Coordination office"), None)],
        },
    )


@require_safe
def state_and_federal(request):
    return render(
        request,
        "network/state_and_federal.html",
        {
            "memberships": list(Membership.objects.published()),
            "partners": list(StatePartner.objects.published()),
            "breadcrumbs": [_network_crumb(), (_("State and federal level"), None)],
        },
    )


@require_safe
def state_partner_detail(request, slug):
    partner = get_visible_or_404(StatePartner.objects.all(), request, slug=slug)
    return render(
        request,
        "network/state_partner_detail.html",
        {
            "object": partner,
            "partner": partner,
            "breadcrumbs": [
                _network_crumb(),
                (_("State and federal level"), "network:state-and-federal"),
                (translated(partner, "name").text, None),
            ],
        },
    )


# --- SDGs and indicators -------------------------------------------------------------------------


@require_safe
def sdg_index(request):
    return render(
        request,
        "network/sdg_index.html",
        {
            "goals": list(SDGGoal.objects.all()),
            "breadcrumbs": [_network_crumb(), (_("Sustainable Development Goals"), None)],
        },
    )


SDG_GOAL = Baked(lambda number: SDGGoal.objects.filter(number=number), number=int)
EVENTS_TAGGED = Baked(
    lambda goal: Event.objects.published().filter(sdg_goals=goal).for_calendar(), goal=int
)


def _tagged_with_goal(goal):
    """Everything published in all areas tagged with ``goal``: one query per area at most."""
    groups = []
    for section in areas.sections():
        if section.tagged_with_sdg is None:
            continue
        items = list(section.tagged_with_sdg(goal) or [])
        if items:
            groups.append({"section": section, "items": items})
    return groups, list(EVENTS_TAGGED(goal=goal.pk))


@require_safe
def sdg_detail(request, number):
    if not 1 <= number <= 17:
        raise Http404
    goal = one_or_404(SDG_GOAL(number=number))
    groups, events = _tagged_with_goal(goal)
    return render(
        request,
        "network/sdg_detail.html",
        {
            "goal": goal,
            "groups": groups,
            "events": events,
            "previous_goal": number - 1 if number > 1 else None,
            "next_goal": number + 1 if number < 17 else None,
            "breadcrumbs": [
                _network_crumb(),
                (_("Sustainable Development Goals"), "network:sdg-index"),
                (_("Goal %(number)s") % {"number": goal.number}, None),
            ],
        },
    )


@require_safe
def indicator_list(request):
    indicators = list(Indicator.objects.published().with_values())
    for indicator in indicators:
        indicator.chart = charts.bar_chart(indicator.values.all())
    return render(
        request,
        "network/indicator_list.html",
        {
            "indicators": indicators,
            "breadcrumbs": [
                _network_crumb(),
                (_("Sustainable Development Goals"), "network:sdg-index"),
                (_("Municipal indicators"), None),
            ],
        },
    )


@require_safe
def indicator_detail(request, slug):
    indicator = get_visible_or_404(Indicator.objects.with_values(), request, slug=slug)
    return render(
        request,
        "network/indicator_detail.html",
        {
            "object": indicator,
            "indicator": indicator,
            "chart": charts.bar_chart(indicator.values.all()),
            "breadcrumbs": [
                _network_crumb(),
                (_("Sustainable Development Goals"), "network:sdg-index"),
                (_("Municipal indicators"), "network:indicator-list"),
                (translated(indicator, "name").text, None),
            ],
        },
    )
