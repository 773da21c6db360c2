"""Keeps each funding call's deadline in the shared calendar.

Every call has one calendar ``Event`` (area ``europe``) on its deadline day, linked as
``FundingCall.deadline_event``; its calendar UID stays the same when the call changes, so
calendar apps update it instead of adding a copy. The event is public exactly while the call
is, with the call's programme and publication windows: ``hidden_deadline_events`` tells the
shared ``Event.objects.published()`` which deadline events to leave out. Its own status and
window are copied from the call as well, so that the admin's list of events shows them.
Called from the signal handlers in ``europe.signals``.
"""

import datetime

from django.db.models import Q

from ludwigsburg_intl.models import Area, Event
from ludwigsburg_intl.querysets import CompiledSubquery
from ludwigsburg_intl.translation_fallback import translated

from .models import BERLIN, FundingCall

# Stored content in both languages, written out here rather than taken from gettext, so the
# event's German and English texts do not depend on the locale files being compiled.
TEXTS = {
    "de": {
        "title": "Einreichfrist: {title}",
        "example_title": "Beispiel – Einreichfrist: {title}",
        "description": (
            "Letzter Tag, um sich auf den Aufruf „{title}“ des Programms „{programme}“ zu "
            "bewerben. Anträge werden bis zum Ende dieses Tages (Berliner Zeit) angenommen."
        ),
        "example": "Dies ist ein Beispiel, kein echter Förderaufruf.",
    },
    "en": {
        "title": "Deadline: {title}",
        "example_title": "Example – deadline: {title}",
        "description": (
            "Last day to apply for the call “{title}” of the programme “{programme}”. "
            "Applications are accepted until the end of this day (Berlin time)."
        ),
        "example": "This is an example, not a real call for funding.",
    },
}


def _field(obj, name: str, language: str) -> str:
    return translated(obj, name, language).text


def _title(call: FundingCall, language: str) -> str:
    key = "example_title" if call.is_example else "title"
    return TEXTS[language][key].format(title=_field(call, "title", language))


def _description(call: FundingCall, language: str) -> str:
    text = TEXTS[language]["description"].format(
        title=_field(call, "title", language),
        programme=_field(call.programme, "name", language),
    )
    if call.is_example:
        text += " " + TEXTS[language]["example"]
    return text


def sync_call_deadline_event(call: FundingCall) -> Event:
    """Create or update the calendar event for the call's deadline."""
    start = datetime.datetime.combine(call.deadline, datetime.time(0, 0), tzinfo=BERLIN)
    end = datetime.datetime.combine(call.deadline, datetime.time(23, 59, 59), tzinfo=BERLIN)
    values = {
        "area": Area.EUROPE,
        "precision": Event.Precision.DAY,
        "starts_at": start,
        # The end of the deadline day, so the event stays "upcoming" through that day.
        "ends_at": end,
        "time_zone": "Europe/Berlin",
        "title_de": _title(call, "de"),
        "title_en": _title(call, "en"),
        "description_de": _description(call, "de"),
        "description_en": _description(call, "en"),
        "url": call.url,
        "status": call.status,
        "publish_from": call.publish_from,
        "publish_until": call.publish_until,
    }
    event = Event.objects.filter(pk=call.deadline_event_id).first()
    if event is None:
        event = Event.objects.create(**values)
        # update(), not save(): this runs in the call's post_save handler.
        FundingCall.objects.filter(pk=call.pk).update(deadline_event=event)
    else:
        for name, value in values.items():
            setattr(event, name, value)
        event.save()
    call.deadline_event = event
    return event


def remove_call_deadline_event(call: FundingCall) -> None:
    if call.deadline_event_id:
        Event.objects.filter(pk=call.deadline_event_id).delete()


def deadline_events() -> Q:
    """Every call's deadline event: kept in step with its call, edited only there."""
    return Q(
        pk__in=FundingCall.objects.filter(deadline_event__isnull=False).values("deadline_event")
    )


def hidden_deadline_events(at) -> Q:
    """The deadline events of calls that are not public at ``at``: a draft call, a call
    outside its publication window, or a call whose programme is not public."""
    public_calls = FundingCall.objects.published(at).values("pk")
    # Compiled once: this condition is part of every published event list's query.
    return Q(
        pk__in=CompiledSubquery(
            FundingCall.objects.exclude(pk__in=public_calls)
            .filter(deadline_event__isnull=False)
            .values("deadline_event")
        )
    )
