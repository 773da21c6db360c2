"""The site-wide events calendar: lists, filters, bad input, iCalendar export, query counts."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.db import connection, models
from django.db.models.lookups import GreaterThanOrEqual
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from ludwigsburg_intl.models import Area, Event
from ludwigsburg_intl.querysets import forget_prebuilt
from tests.factories import DRAFT, EventFactory, in_days

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
Y = timezone.now().year + 5  # a year whose events are upcoming whenever the tests run


def url_in(language, name, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def listed(response):
    return list(response.context["events"])


# --- Upcoming and past ------------------------------------------------------------------------


def test_upcoming_and_past_are_split_at_now(client):
    now = timezone.now()
    future = EventFactory(title_de="Zukunft")
    running = EventFactory(
        title_de="Läuft gerade",
        starts_at=now - datetime.timedelta(days=1),
        ends_at=now + datetime.timedelta(days=1),
    )
    finished = EventFactory(
        title_de="Vorbei",
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=2),
    )
    long_ago = EventFactory(
        title_de="Lange her", starts_at=now - datetime.timedelta(days=400), ends_at=None
    )

    upcoming = client.get(url_in("de", "calendar:upcoming"))
    past = client.get(url_in("de", "calendar:past"))
    assert listed(upcoming) == [running, future]
    assert listed(past) == [finished, long_ago]  # newest first
    assert "Zukunft" in upcoming.content.decode() and "Zukunft" not in past.content.decode()

    assert list(Event.objects.upcoming()) == [running, future]
    assert set(Event.objects.past()) == {finished, long_ago}


GUAYAQUIL = zoneinfo.ZoneInfo("America/Guayaquil")


def at(*args, tz=BERLIN):
    return datetime.datetime(*args, tzinfo=tz)


@pytest.mark.parametrize(
    ("event", "still_upcoming", "already_past"),
    [
        # A whole day without an end: upcoming all through that day.
        (
            {"precision": "day", "starts_at": at(2031, 10, 23), "ends_at": None},
            at(2031, 10, 23, 23, 30),
            at(2031, 10, 24, 0, 30),
        ),
        # Whole days with an end: through the last day.
        (
            {"precision": "day", "starts_at": at(2031, 10, 23), "ends_at": at(2031, 10, 29)},
            at(2031, 10, 29, 22, 0),
            at(2031, 10, 30, 0, 30),
        ),
        # Only the month is known: through the month, December into January.
        (
            {"precision": "month", "starts_at": at(2031, 9, 1), "ends_at": None},
            at(2031, 9, 30, 23, 30),
            at(2031, 10, 1, 0, 30),
        ),
        (
            {"precision": "month", "starts_at": at(2031, 12, 1), "ends_at": None},
            at(2031, 12, 31, 23, 0),
            at(2032, 1, 1, 0, 30),
        ),
        # A whole day in Ecuador ends at midnight there, 06:00 in Berlin.
        (
            {
                "precision": "day",
                "time_zone": "America/Guayaquil",
                "starts_at": at(2031, 2, 10, tz=GUAYAQUIL),
                "ends_at": None,
            },
            at(2031, 2, 11, 5, 30),
            at(2031, 2, 11, 6, 30),
        ),
        # An exact time without an end is over when it starts; with an end, when it ends.
        (
            {"precision": "time", "starts_at": at(2031, 5, 5, 18), "ends_at": None},
            at(2031, 5, 5, 17, 59),
            at(2031, 5, 5, 18, 1),
        ),
        (
            {"precision": "time", "starts_at": at(2031, 5, 5, 18), "ends_at": at(2031, 5, 5, 21)},
            at(2031, 5, 5, 20, 59),
            at(2031, 5, 5, 21, 1),
        ),
    ],
)
def test_an_event_is_upcoming_until_it_is_over(event, still_upcoming, already_past):
    event = EventFactory(**event)
    assert event in Event.objects.upcoming(now=still_upcoming)
    assert event not in Event.objects.past(now=still_upcoming)
    assert event not in Event.objects.upcoming(now=already_past)
    assert event in Event.objects.past(now=already_past)
    # The Python twin used by templates agrees with the database.
    assert still_upcoming < event.over_at <= already_past


def test_event_of_today_and_of_this_month_are_upcoming(client):
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    today_event = EventFactory(precision=Event.Precision.DAY, starts_at=today, ends_at=None)
    this_month = EventFactory(
        precision=Event.Precision.MONTH, starts_at=today.replace(day=1), ends_at=None
    )
    assert set(listed(client.get(url_in("de", "calendar:upcoming")))) == {today_event, this_month}
    assert not today_event.is_past and not this_month.is_past


def test_home_page_lists_upcoming_events(client):
    event = EventFactory(title_de="Partnerschaftsfest", title_en="Twinning festival")
    EventFactory(title_de="Vergangenes Fest", starts_at=in_days(-5), ends_at=in_days(-5, 20))
    html = client.get(url_in("de", "home")).content.decode()
    assert "Partnerschaftsfest" in html and "Vergangenes Fest" not in html
    assert f'href="{url_in("de", "calendar:event-detail", pk=event.pk)}"' in html


def test_event_detail_shows_facts_and_calendar_link(client):
    event = EventFactory(
        title_de="Delegation aus Kongoussi",
        title_en="Delegation from Kongoussi",
        precision=Event.Precision.DAY,
        starts_at=datetime.datetime(2030, 10, 23, tzinfo=BERLIN),
        ends_at=datetime.datetime(2030, 10, 29, tzinfo=BERLIN),
        area=Area.CLIMATE,
    )
    html = client.get(url_in("de", "calendar:event-detail", pk=event.pk)).content.decode()
    assert "<h1>Delegation aus Kongoussi</h1>" in html
    assert "23. Oktober 2030 – 29. Oktober 2030" in html
    assert '<time datetime="2030-10-23">' in html
    assert f'href="{url_in("de", "calendar:event-ical", pk=event.pk)}"' in html
    html_en = client.get(url_in("en", "calendar:event-detail", pk=event.pk)).content.decode()
    assert "<h1>Delegation from Kongoussi</h1>" in html_en
    assert "23 October 2030 – 29 October 2030" in html_en


def test_unknown_event_is_404(client):
    assert client.get(url_in("de", "calendar:event-detail", pk=999999)).status_code == 404
    assert client.get(url_in("en", "calendar:event-ical", pk=999999)).status_code == 404


# --- Filters ----------------------------------------------------------------------------------


def test_month_filter(client):
    october = EventFactory(
        title_de="Oktober",
        starts_at=datetime.datetime(Y, 10, 5, 18, tzinfo=BERLIN),
        ends_at=None,
    )
    spanning = EventFactory(
        title_de="Spannt",
        starts_at=datetime.datetime(Y, 9, 28, 10, tzinfo=BERLIN),
        ends_at=datetime.datetime(Y, 10, 2, 10, tzinfo=BERLIN),
    )
    november = EventFactory(
        title_de="November",
        starts_at=datetime.datetime(Y, 11, 1, 0, 30, tzinfo=BERLIN),
        ends_at=None,
    )
    last_minute = EventFactory(
        title_de="Letzte Minute",
        starts_at=datetime.datetime(Y, 10, 31, 23, 30, tzinfo=BERLIN),
        ends_at=None,
    )

    response = client.get(url_in("de", "calendar:upcoming"), {"month": f"{Y}-10"})
    assert response.status_code == 200
    assert listed(response) == [spanning, october, last_minute]
    assert november not in listed(response)
    assert listed(client.get(url_in("en", "calendar:upcoming"), {"month": f"{Y}-11"})) == [november]


def test_area_filter_and_combination(client):
    climate = EventFactory(
        area=Area.CLIMATE, starts_at=datetime.datetime(Y, 3, 3, 9, tzinfo=BERLIN)
    )
    europe = EventFactory(area=Area.EUROPE, starts_at=datetime.datetime(Y, 3, 4, 9, tzinfo=BERLIN))
    climate_may = EventFactory(
        area=Area.CLIMATE, starts_at=datetime.datetime(Y, 5, 4, 9, tzinfo=BERLIN)
    )

    url = url_in("de", "calendar:upcoming")
    assert listed(client.get(url, {"area": "climate"})) == [climate, climate_may]
    assert listed(client.get(url, {"area": "europe"})) == [europe]
    assert listed(client.get(url, {"area": "climate", "month": f"{Y}-05"})) == [climate_may]
    assert listed(client.get(url, {"area": "", "month": ""})) == [climate, europe, climate_may]


def test_filters_apply_to_the_archive(client):
    old_climate = EventFactory(area=Area.CLIMATE, starts_at=in_days(-40), ends_at=None)
    EventFactory(area=Area.EUROPE, starts_at=in_days(-41), ends_at=None)
    assert listed(client.get(url_in("en", "calendar:past"), {"area": "climate"})) == [old_climate]


@pytest.mark.parametrize(
    "query",
    [
        {"month": "abc"},
        {"month": "2023-13"},
        {"month": "2023-00"},
        {"month": "99999-01"},
        {"month": "2023-1-1"},
        {"month": "-"},
        {"month": "x" * 5000},
        {"area": "zzz"},
        {"area": "<script>alert(1)</script>"},
        {"month": '"><script>alert(1)</script>', "area": "climate"},
    ],
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_nonsense_filter_values_give_the_page_with_a_message(client, language, query):
    event = EventFactory()
    response = client.get(url_in(language, "calendar:upcoming"), query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html
    assert 'role="alert"' in html
    with override(language):
        assert gettext("Some filter values could not be used:") in html
    if "area" in query and "script" in query["area"]:
        assert "&lt;script&gt;" in html
    # The list falls back to unfiltered, so the reader still sees the calendar.
    assert listed(response) == [event]


def test_valid_filter_shows_no_error(client):
    EventFactory()
    html = client.get(url_in("de", "calendar:upcoming"), {"month": "2031-01"}).content.decode()
    assert 'role="alert"' not in html


def test_filter_form_is_labelled(client):
    html = client.get(url_in("de", "calendar:upcoming")).content.decode()
    for field in ("month", "area"):
        assert f'<label for="id_{field}">' in html
        assert f'id="id_{field}"' in html


# --- iCalendar --------------------------------------------------------------------------------


def parse_ics(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.ics"')
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_event_ical_with_exact_time_and_time_zone(client):
    event = EventFactory(
        title_de="Empfang im Rathaus",
        title_en="Reception at the town hall",
        place_de="Rathaus",
        place_en="Town hall",
        starts_at=datetime.datetime(2031, 7, 1, 18, 30, tzinfo=BERLIN),
        ends_at=datetime.datetime(2031, 7, 1, 21, 0, tzinfo=BERLIN),
    )
    calendar = parse_ics(client.get(url_in("de", "calendar:event-ical", pk=event.pk)))
    (item,) = calendar.walk("VEVENT")
    assert str(item["summary"]) == "Empfang im Rathaus"
    assert str(item["location"]) == "Rathaus"
    assert str(item["uid"]) == event.uid
    start, end = item.decoded("dtstart"), item.decoded("dtend")
    assert start == datetime.datetime(2031, 7, 1, 18, 30, tzinfo=BERLIN)
    assert end == datetime.datetime(2031, 7, 1, 21, 0, tzinfo=BERLIN)
    assert item["dtstart"].params.get("TZID") == "Europe/Berlin"
    assert "Europe/Berlin" in {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}
    assert str(item["url"]).endswith(url_in("de", "calendar:event-detail", pk=event.pk))
    assert str(item["url"]).startswith("http")

    english = parse_ics(client.get(url_in("en", "calendar:event-ical", pk=event.pk)))
    (item_en,) = english.walk("VEVENT")
    assert str(item_en["summary"]) == "Reception at the town hall"
    assert str(item_en["location"]) == "Town hall"


def test_event_ical_in_another_time_zone(client):
    guayaquil = zoneinfo.ZoneInfo("America/Guayaquil")
    event = EventFactory(
        time_zone="America/Guayaquil",
        starts_at=datetime.datetime(2031, 2, 10, 9, 0, tzinfo=guayaquil),
        ends_at=None,
    )
    calendar = parse_ics(client.get(url_in("en", "calendar:event-ical", pk=event.pk)))
    (item,) = calendar.walk("VEVENT")
    assert item["dtstart"].params.get("TZID") == "America/Guayaquil"
    assert item.decoded("dtstart") == datetime.datetime(2031, 2, 10, 9, 0, tzinfo=guayaquil)
    assert "dtend" not in item
    assert "America/Guayaquil" in {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")}


def test_event_ical_whole_days(client):
    event = EventFactory(
        precision=Event.Precision.DAY,
        starts_at=datetime.datetime(2031, 10, 23, tzinfo=BERLIN),
        ends_at=datetime.datetime(2031, 10, 29, tzinfo=BERLIN),
    )
    (item,) = parse_ics(client.get(url_in("de", "calendar:event-ical", pk=event.pk))).walk("VEVENT")
    assert item.decoded("dtstart") == datetime.date(2031, 10, 23)
    assert not isinstance(item.decoded("dtstart"), datetime.datetime)
    # DTEND of an all-day event is exclusive: the day after the last day.
    assert item.decoded("dtend") == datetime.date(2031, 10, 30)


def test_event_ical_single_day(client):
    event = EventFactory(
        precision=Event.Precision.DAY,
        starts_at=datetime.datetime(2031, 6, 14, tzinfo=BERLIN),
        ends_at=None,
    )
    (item,) = parse_ics(client.get(url_in("de", "calendar:event-ical", pk=event.pk))).walk("VEVENT")
    assert item.decoded("dtstart") == datetime.date(2031, 6, 14)
    assert item.decoded("dtend") == datetime.date(2031, 6, 15)


@pytest.mark.parametrize(
    ("start_month", "end_month", "expected_end"),
    [
        ((2031, 9), None, datetime.date(2031, 10, 1)),
        ((2031, 12), None, datetime.date(2032, 1, 1)),
        ((2031, 11), (2032, 1), datetime.date(2032, 2, 1)),
    ],
)
def test_event_ical_month_precision(client, start_month, end_month, expected_end):
    start = datetime.datetime(*start_month, 1, tzinfo=BERLIN)
    end = datetime.datetime(*end_month, 1, tzinfo=BERLIN) if end_month else None
    event = EventFactory(precision=Event.Precision.MONTH, starts_at=start, ends_at=end)
    (item,) = parse_ics(client.get(url_in("de", "calendar:event-ical", pk=event.pk))).walk("VEVENT")
    assert item.decoded("dtstart") == datetime.date(*start_month, 1)
    assert item.decoded("dtend") == expected_end
    assert str(item["status"]) == "TENTATIVE"


def test_whole_calendar_ical(client):
    shown = [
        EventFactory(title_de="Kommend"),
        EventFactory(title_de="Vergangen", starts_at=in_days(-20), ends_at=None),
        EventFactory(
            title_de="Monat",
            precision=Event.Precision.MONTH,
            starts_at=datetime.datetime(2031, 9, 1, tzinfo=BERLIN),
            ends_at=None,
        ),
    ]
    hidden = [
        EventFactory(title_de="Entwurf", status=DRAFT),
        EventFactory(title_de="Später", publish_from=timezone.now() + datetime.timedelta(days=1)),
        EventFactory(
            title_de="Abgelaufen", publish_until=timezone.now() - datetime.timedelta(days=1)
        ),
    ]
    for language in ("de", "en"):
        calendar = parse_ics(client.get(url_in(language, "calendar:ical")))
        items = vevents(calendar)
        assert set(items) == {e.uid for e in shown}
        assert not {e.uid for e in hidden} & set(items)
        assert str(calendar["version"]) == "2.0"
        assert "prodid" in calendar
    assert (
        str(vevents(parse_ics(client.get(url_in("de", "calendar:ical"))))[shown[0].uid]["summary"])
        == "Kommend"
    )


def test_ical_uses_the_german_text_where_english_is_missing(client):
    event = EventFactory(title_de="Nur deutsch", title_en="")
    (item,) = parse_ics(client.get(url_in("en", "calendar:event-ical", pk=event.pk))).walk("VEVENT")
    assert str(item["summary"]) == "Nur deutsch"


def test_ical_escapes_special_characters(client):
    event = EventFactory(title_de="Treffen; Teil 1, mit Gästen\nund mehr")
    body = client.get(url_in("de", "calendar:event-ical", pk=event.pk)).content
    (item,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert str(item["summary"]) == "Treffen; Teil 1, mit Gästen\nund mehr"


# --- Query counts -----------------------------------------------------------------------------


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", ["calendar:upcoming", "calendar:past", "calendar:ical", "home"])
def test_query_count_does_not_grow_with_events(client, name):
    def make(n):
        for i in range(n):
            EventFactory(starts_at=in_days(5 + i))
            EventFactory(starts_at=in_days(-5 - i), ends_at=None)

    make(1)
    url = url_in("de", name)
    client.get(url)  # warm up caches (content types, translations)
    few = _count_queries(client, url)
    make(49)
    many = _count_queries(client, url)
    assert few == many, f"{url}: {few} queries with 1 event, {many} with 50"
    assert many <= 12


def test_calendar_list_shows_all_fifty_events(client):
    events = [EventFactory(starts_at=in_days(3 + i)) for i in range(50)]
    response = client.get(url_in("en", "calendar:upcoming"))
    assert listed(response) == events
    assert re.search(r"50 events", response.content.decode())


def test_long_calendar_is_paginated_and_keeps_the_filter(client):
    events = [EventFactory(area=Area.CLIMATE, starts_at=in_days(3 + i)) for i in range(120)]
    EventFactory(area=Area.EUROPE)
    url = url_in("en", "calendar:upcoming")

    first = client.get(url, {"area": "climate"})
    assert listed(first) == events[:50]
    html = first.content.decode()
    assert "120 events" in html
    assert "Page 1 of 3" in html
    assert 'href="?area=climate&amp;page=2" rel="next"' in html

    third = client.get(url, {"area": "climate", "page": "3"})
    assert listed(third) == events[100:]
    assert 'href="?area=climate&amp;page=2" rel="prev"' in third.content.decode()

    # Nonsense page numbers show the nearest real page with a message, never an error.
    for page, shown, message in [
        ("abc", events[:50], "The page number was not understood. The first page is shown."),
        ("999", events[100:], "There is no such page. The last page is shown."),
        ("-1", events[:50], "There is no such page. The first page is shown."),
    ]:
        response = client.get(url, {"area": "climate", "page": page})
        assert listed(response) == shown
        assert message in response.content.decode()
    assert "There is no such page" not in third.content.decode()


@pytest.mark.parametrize("query", [{}, {"month": "abc", "area": "zzz"}])
def test_filter_form_descriptions_point_to_real_elements(client, query):
    from tests.core.crawl import parse_html

    html = client.get(url_in("de", "calendar:upcoming"), query).content.decode()
    parsed = parse_html(html)
    assert not parsed.id_problems()
    refs = {ref for what, ref in parsed.idrefs if "aria-describedby" in what}
    assert "id_month_helptext" in refs
    if query:
        assert {"id_month_error", "id_area_error"} <= refs
        assert 'id="id_month_error"' in html


def test_an_area_hides_its_derived_events_through_the_registry(client, monkeypatch, request):
    """The shared calendar knows no area: whatever an area names as derived from an object
    that is not public is left out of every list, page and feed, at the moment asked for."""
    from ludwigsburg_intl import areas

    derived = EventFactory(title_de="Abgeleiteter Termin", title_en="Derived event")
    other = EventFactory(title_de="Eigener Termin", title_en="Own event")
    hidden_from = timezone.now()
    section = areas.AreaSection(
        key="test-area",
        title="Test",
        description="",
        index_url_name="home",
        # ``at`` is a moment, or the database's clock (``Now()``) for "now".
        hidden_events=lambda at: models.Q(
            GreaterThanOrEqual(
                at if hasattr(at, "resolve_expression") else models.Value(at),
                models.Value(hidden_from),
            ),
            pk=derived.pk,
        ),
    )
    monkeypatch.setitem(areas._sections, "test-area", section)
    # ``Event.objects.published()`` is built once per process from the registry.
    forget_prebuilt()
    request.addfinalizer(forget_prebuilt)

    assert list(Event.objects.published()) == [other]
    assert set(Event.objects.published(at=hidden_from - datetime.timedelta(hours=1))) == {
        derived,
        other,
    }
    assert not derived.is_live and other.is_live
    assert client.get(derived.get_absolute_url()).status_code == 404
    for url in (reverse("calendar:upcoming"), reverse("calendar:ical"), reverse("home")):
        body = client.get(url).content.decode()
        assert "Eigener Termin" in body and "Abgeleiteter Termin" not in body, url
