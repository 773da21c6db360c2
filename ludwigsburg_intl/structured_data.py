"""schema.org descriptions (JSON-LD) of what a page shows, built as Python dicts.

A template writes them with ``{% json_ld data %}`` (``templatetags/structured_data.py``) as a
data block, ``<script type="application/ld+json">``, which browsers never execute: the CSP's
``script-src`` does not apply to it, and it needs no ``unsafe-inline``.

Only published objects are described, and only with what is known: a date as precise as it is
recorded, no invented value for an unknown one.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import get_language

from .opendata import PUBLISHER_HOMEPAGE, PUBLISHER_NAME
from .opendata_views import event_when
from .translation_fallback import translated

# The escapes of django.utils.html.json_script: no "</script>" or "<!--" can end the block early.
# And "@" as well: the site gives e-mail addresses only encoded (see the ``email_link`` filter),
# so none may stand in the page as plain text here either. JSON readers decode all of them.
JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
    ord("@"): "\\u0040",
}

SCHEMA = "https://schema.org"


def to_json(data) -> str:
    """``data`` as JSON safe to place between ``<script>`` tags."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return text.translate(JSON_SCRIPT_ESCAPES)


def _language():
    return (get_language() or "de")[:2]


def event(event, request) -> dict | None:
    """An ``Event``: start and end only as precise as known (``2024-05`` for a month)."""
    if not event.is_live:
        return None
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": translated(event, "title").text,
        "startDate": event_when(event, event.starts_at),
        # Published events are held as planned; the calendar records no cancellations.
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "inLanguage": _language(),
    }
    if event.ends_at:
        data["endDate"] = event_when(event, event.ends_at)
    place = translated(event, "place").text
    if place:
        data["location"] = {"@type": "Place", "name": place}
    description = translated(event, "description").text
    if description:
        data["description"] = description
    return data


def city_office(contacts) -> dict:
    """The City of Ludwigsburg as ``GovernmentOrganization``: its offices as departments with
    address, and the contact persons as ``ContactPoint`` (from the footer's published list)."""
    departments = {}
    loose = []
    for person in contacts:
        point = {"@type": "ContactPoint", "name": person.name}
        role = translated(person, "role").text
        if role:
            point["contactType"] = role
        if person.phone:
            point["telephone"] = person.phone
        if person.fax:
            point["faxNumber"] = person.fax
        if person.email:
            point["email"] = person.email
        if person.office is None:
            loose.append(point)
            continue
        office = person.office
        if office.pk not in departments:
            department = {
                "@type": "GovernmentOrganization",
                "name": translated(office, "name").text,
            }
            address = {"@type": "PostalAddress", "addressLocality": office.city}
            if office.street:
                address["streetAddress"] = office.street
            if office.postcode:
                address["postalCode"] = office.postcode
            department["address"] = address
            for prop, value in (
                ("telephone", office.phone),
                ("faxNumber", office.fax),
                ("email", office.email),
            ):
                if value:
                    department[prop] = value
            department["contactPoint"] = []
            departments[office.pk] = department
        departments[office.pk]["contactPoint"].append(point)
    data = {
        "@context": SCHEMA,
        "@type": "GovernmentOrganization",
        "name": PUBLISHER_NAME,
        "url": PUBLISHER_HOMEPAGE,
    }
    if departments:
        data["department"] = list(departments.values())
    if loose:
        data["contactPoint"] = loose
    return data
