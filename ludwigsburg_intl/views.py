import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import areas, search
from .filters import EventFilter
from .ical import calendar_response
from .models import Event, SitePage
from .pagination import paginate, requested_page
from .publishing import get_visible_or_404
from .querysets import Baked

HOME_LATEST = 3
# The site page with the city's concept for its international relations, linked from the home
# page when it is published (the demo content creates it; editors may rewrite it).
CONCEPT_PAGE_SLUG = "internationale-beziehungen"
EVENTS_PER_PAGE = 50
SEARCH_PER_PAGE = 10


# The home page's queries, built and compiled once (``Baked``).
HOME_EVENTS = Baked(
    lambda now: Event.objects.published().upcoming(now).for_calendar()[:4], now=datetime.datetime
)
CONCEPT_PAGE = Baked(
    lambda: (
        SitePage.objects.published()
        .filter(slug=CONCEPT_PAGE_SLUG)
        .defer("body", "body_de", "body_en")  # the home page links it with title and summary
        .order_by("pk")[:1]
    )
)


@require_safe
def home(request):
    sections = []
    for section in areas.sections():
        latest = section.latest(HOME_LATEST) if section.latest else []
        sections.append({"section": section, "latest": latest})
    upcoming = list(HOME_EVENTS(now=timezone.now()))
    concept_page = next(iter(CONCEPT_PAGE()), None)
    return render(
        request,
        "home.html",
        {"sections": sections, "upcoming_events": upcoming, "concept_page": concept_page},
    )


def _event_list(request, *, past: bool):
    events = Event.objects.published().for_calendar()
    events = events.past() if past else events.upcoming()
    if past:
        events = events.order_by("-starts_at", "-pk")
    event_filter = EventFilter(request.GET or None, queryset=events)
    filtered = event_filter.qs if event_filter.is_bound and event_filter.is_valid() else events
    title = _("Past events") if past else _("Upcoming events")
    pages = paginate(request, filtered, EVENTS_PER_PAGE)
    return render(
        request,
        "calendar/event_list.html",
        {
            **pages,
            "filter": event_filter,
            "events": list(pages["page_obj"].object_list),
            "past": past,
            "title": title,
            "breadcrumbs": [(_("Calendar"), None)]
            if not past
            else [(_("Calendar"), "calendar:upcoming"), (title, None)],
        },
    )


@require_safe
def upcoming_events(request):
    return _event_list(request, past=False)


@require_safe
def past_events(request):
    return _event_list(request, past=True)


@require_safe
def event_detail(request, pk):
    event = get_visible_or_404(
        Event.objects.for_calendar().prefetch_related("sdg_goals"), request, pk=pk
    )
    # What the event concerns, as the areas link it: published objects only, even for staff.
    linked = areas.linked_to_events([event.pk])[event.pk]
    return render(
        request,
        "calendar/event_detail.html",
        {"object": event, "event": event, "linked_objects": linked},
    )


@require_safe
def event_ical(request, pk):
    event = get_visible_or_404(Event.objects.published().for_calendar(), request, pk=pk)
    return calendar_response(request, [event], filename=f"event-{event.pk}.ics")


@require_safe
def calendar_ical(request):
    events = Event.objects.published().for_calendar()
    return calendar_response(request, events, filename="ludwigsburg-international.ics")


@require_safe
def site_page(request, slug):
    page = get_visible_or_404(SitePage.objects.all(), request, slug=slug)
    return render(request, "pages/site_page.html", {"object": page, "page": page})


@require_safe
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(
        f"User-agent: *\nDisallow: /admin/\n\nSitemap: {sitemap}\n", content_type="text/plain"
    )


# Used by the error handlers in urls.py.
page_not_found_title = gettext_lazy("Page not found")


@require_safe
def search_page(request):
    """The site search (see ludwigsburg_intl.search): one query for the page's hits and their
    number; a query without hits also reads the index's vocabulary (cached) for a suggestion."""
    language = get_language()[:2]
    form = search.SearchForm(request.GET or None)
    raw = form.value("q")
    text, shortened = search.clean_query(raw)
    area, kind = form.value("area"), form.value("kind")
    notes = []
    if shortened:
        notes.append(
            _(
                "Your search was longer than %(limit)s characters; only its first "
                "%(limit)s characters were searched."
            )
            % {"limit": search.MAX_QUERY_LENGTH}
        )
    number, page_note = requested_page(request.GET.get("page"))
    if page_note:
        notes.append(page_note)
    options = {"area": area, "kind": kind, "limit": SEARCH_PER_PAGE}
    hits, total = search.search(text, language, offset=(number - 1) * SEARCH_PER_PAGE, **options)
    if number > 1 and not hits:
        # Beyond the last page (the count comes with the rows): show the last one, if any.
        total = search.search(text, language, **options)[1]
        if total:
            number = (total - 1) // SEARCH_PER_PAGE + 1
            notes.append(_("There is no such page. The last page is shown."))
            offset = (number - 1) * SEARCH_PER_PAGE
            hits, total = search.search(text, language, offset=offset, **options)
    if not total:
        number = 1
    page_obj = Paginator(search.Hits(hits, total, number, SEARCH_PER_PAGE), SEARCH_PER_PAGE).page(
        number
    )
    suggestion = search.suggest(text, language) if text and not total else ""
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "query": text,
            "raw_query": raw,
            "notes": notes,
            "hits": hits,
            "page_obj": page_obj,
            "query_without_page": query.urlencode(),
            "suggestion": suggestion,
            "suggestion_query": urlencode({"q": suggestion}) if suggestion else "",
            "breadcrumbs": [(_("Search"), None)],
        },
    )
