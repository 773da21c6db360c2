"""Keeps each funding call's deadline in the shared calendar.

Every call has one calendar ``Event`` (area ``europe``) on its deadline day, identified by a
stable uid so calendar apps update it instead of adding a copy. The event is published exactly
when the call is. Called from the signal handlers in ``europe.signals`` and from the admin's
publish actions (which update in bulk and so send no signals).
"""

import datetime

from django.utils import translation
from django.utils.translation import gettext as _

from ludwigsburg_intl.models import Area, Event

from .models import BERLIN, FundingCall


def _title(call: FundingCall, language: str) -> str:
    title = getattr(call, f"title_{language}") or call.title_de
    with translation.override(language):
        if call.is_example:
            return _("Example – deadline: %(title)s") % {"title": title}
        return _("Deadline: %(title)s") % {"title": title}


def _description(call: FundingCall, language: str) -> str:
    programme = getattr(call.programme, f"name_{language}") or call.programme.name_de
    with translation.override(language):
        text = _(
            "Last day to apply for the call “%(title)s” of the programme “%(programme)s”. "
            "Applications are accepted until the end of this day (Berlin time)."
        ) % {"title": getattr(call, f"title_{language}") or call.title_de, "programme": programme}
        if call.is_example:
            text += " " + _("This is an example, not a real call for funding.")
    return text


def sync_call_deadline_event(call: FundingCall) -> Event:
    """Create or update the calendar event for the call's deadline."""
    start = datetime.datetime.combine(call.deadline, datetime.time(0, 0), tzinfo=BERLIN)
    event, _created = Event.objects.update_or_create(
        uid=call.calendar_uid,
        defaults={
            "area": Area.EUROPE,
            "precision": Event.Precision.DAY,
            "starts_at": start,
            "ends_at": None,
            "time_zone": "Europe/Berlin",
            "title_de": _title(call, "de"),
            "title_en": _title(call, "en"),
            "description_de": _description(call, "de"),
            "description_en": _description(call, "en"),
            "url": call.url,
            "status": call.status,
            "publish_from": call.publish_from,
            "publish_until": call.publish_until,
        },
    )
    return event


def remove_call_deadline_event(call: FundingCall) -> None:
    Event.objects.filter(uid=call.calendar_uid).delete()
