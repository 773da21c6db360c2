"""iCalendar (.ics) export of calendar events, one event or the whole calendar."""

import datetime

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from .templatetags.portal import event_when
from .translation_fallback import translated


def _first_of_next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def build_calendar(request, events) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Stadt Ludwigsburg//Ludwigsburg International//" + get_language().upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Ludwigsburg International")
    for event in events:
        item = icalendar.Event()
        item.add("uid", event.uid)
        item.add("dtstamp", timezone.now())
        item.add("summary", translated(event, "title").text)
        # The description opens with the date as the portal writes it in the page's language:
        # calendar apps show DTSTART in the reader's time zone and a month-only date as a
        # month-long entry, while this line keeps what is known and the place's local time.
        description = translated(event, "description").text
        item.add("description", "\n\n".join(filter(None, [event_when(event), description])))
        place = translated(event, "place").text
        if place:
            item.add("location", place)
        item.add("url", request.build_absolute_uri(event.get_absolute_url()))
        start, end = event.local_start, event.local_end
        if event.precision == event.Precision.TIME:
            item.add("dtstart", start)
            if end:
                item.add("dtend", end)
        elif event.precision == event.Precision.DAY:
            item.add("dtstart", start.date())
            item.add("dtend", (end or start).date() + datetime.timedelta(days=1))
        else:  # only the month is known: the whole month, marked as tentative
            item.add("dtstart", start.date().replace(day=1))
            item.add("dtend", _first_of_next_month((end or start).date()))
            item.add("status", "TENTATIVE")
        cal.add_component(item)
    cal.add_missing_timezones()
    return cal


def calendar_response(request, events, filename: str) -> HttpResponse:
    body = build_calendar(request, events).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
