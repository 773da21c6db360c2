"""The open-data page, the DCAT-AP.de catalogue, and the calendar's own dataset."""

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from . import areas
from .models import ContactPerson, Event
from .opendata import (
    FORMATS,
    LICENCES,
    PUBLISHER_HOMEPAGE,
    PUBLISHER_NAME,
    Column,
    latest_change,
    table_response,
)
from .translation_fallback import translated

# --- the calendar's dataset ----------------------------------------------------------------------


def event_when(event, moment):
    """A moment of an event in ISO 8601, only as precise as it is known (``2024-05`` for a
    month, a date for whole days, the local time with its offset otherwise)."""
    if moment is None:
        return None
    from django.utils import timezone

    local = timezone.localtime(moment, event.tzinfo)
    if event.precision == Event.Precision.MONTH:
        return local.strftime("%Y-%m")
    if event.precision == Event.Precision.DAY:
        return local.date().isoformat()
    return local.isoformat()


def event_columns():
    """The dataset's columns; what an event concerns has one column per relation the areas
    register (``areas.event_links``): a list of names, as several objects may be linked."""
    return [
        Column("title", gettext_lazy("Title")),
        Column("start", gettext_lazy("Start")),
        Column("end", gettext_lazy("End")),
        Column("date_precision", gettext_lazy("Date precision")),
        Column("time_zone", gettext_lazy("Time zone")),
        Column("place", gettext_lazy("Place")),
        Column("area", gettext_lazy("Area")),
        *(Column(link.key, link.column_label or link.label) for link in areas.event_links()),
        Column("sdg_goals", gettext_lazy("SDG goals")),
        Column("description", gettext_lazy("Description")),
        Column("further_information", gettext_lazy("Further information")),
        Column("page", gettext_lazy("Page on this portal")),
    ]


def event_records(request):
    events = list(
        Event.objects.published().order_by("starts_at", "pk").prefetch_related("sdg_goals")
    )
    # Only published objects are named: a link to a draft does not show in the export.
    linked = areas.linked_to_events(event.pk for event in events)
    records = []
    for event in events:
        record = {
            "title": translated(event, "title").text,
            "start": event_when(event, event.starts_at),
            "end": event_when(event, event.ends_at),
            "date_precision": event.precision,
            "time_zone": event.time_zone,
            "place": translated(event, "place").text or None,
            "area": event.get_area_display(),
            "sdg_goals": [goal.number for goal in event.sdg_goals.all()],
            "description": translated(event, "description").text or None,
            "further_information": event.url or None,
            "page": request.build_absolute_uri(event.get_absolute_url()),
        }
        for link in areas.event_links():
            record[link.key] = []
        for item in linked[event.pk]:
            record[item.link.key].append(translated(item.object, item.title_field).text)
        records.append(record)
    return records


@require_safe
def event_data(request, fmt):
    return table_response(
        request, fmt, event_columns(), event_records(request), title=_("Events calendar")
    )


def register_event_dataset():
    areas.register_dataset(
        areas.Dataset(
            key="events",
            title=gettext_lazy("Events calendar"),
            description=gettext_lazy(
                "All published events of the portal's calendar, past and upcoming, with date, "
                "place, area and the content of the portal they concern."
            ),
            distributions={"csv": "calendar:data-csv", "json": "calendar:data-json"},
            modified=lambda: latest_change(Event),
            order=50,
        )
    )


# --- the page and the catalogue ------------------------------------------------------------------


def _catalogue_entries():
    entries = []
    for dataset in areas.datasets():
        entries.append(
            {
                "dataset": dataset,
                "licence": LICENCES[dataset.licence],
                "modified": dataset.modified(),
                "downloads": [
                    {"format": FORMATS[fmt], "url": reverse(url_name)}
                    for fmt, url_name in dataset.distributions.items()
                ],
            }
        )
    return entries


@require_safe
def open_data(request):
    return render(
        request,
        "opendata/index.html",
        {
            "entries": _catalogue_entries(),
            "licence": LICENCES["dl-by-de/2.0"],
            "breadcrumbs": [(_("Open data"), None)],
        },
    )


DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}


def _contact_points():
    """Per area, whom to ask about its data: the office (or else the person) named as the
    area's published contact, with an e-mail address. One query for all areas."""
    points = {}
    people = ContactPerson.objects.published().select_related("office")
    for person in people.order_by("sort_order", "pk"):
        office = person.office
        email = (office.email if office and office.email else "") or person.email
        if not email:
            continue
        name = translated(office, "name").text if office and office.email else person.name
        for area in person.areas or []:
            points.setdefault(
                area,
                {
                    "@type": "vcard:Organization"
                    if office and office.email
                    else "vcard:Individual",
                    "vcard:fn": name,
                    "vcard:hasEmail": {"@id": f"mailto:{email}"},
                },
            )
    return points


@require_safe
def catalogue(request):
    """The datasets as a DCAT-AP.de catalogue in JSON-LD, in the language of the URL."""
    language = (get_language() or "de")[:2]
    page = request.build_absolute_uri(reverse("opendata:index"))
    publisher = {
        "@id": PUBLISHER_HOMEPAGE,
        "@type": "foaf:Organization",
        "foaf:name": PUBLISHER_NAME,
        "foaf:homepage": {"@id": PUBLISHER_HOMEPAGE},
    }

    def text(value):
        return {"@value": str(value), "@language": language}

    contact_points = _contact_points()
    datasets = []
    for entry in _catalogue_entries():
        dataset, licence = entry["dataset"], entry["licence"]
        distributions = []
        for download in entry["downloads"]:
            url = request.build_absolute_uri(download["url"])
            fmt = download["format"]
            distributions.append(
                {
                    "@id": url,
                    "@type": "dcat:Distribution",
                    "dct:title": text(f"{dataset.title} ({fmt.label})"),
                    "dcat:accessURL": {"@id": url},
                    "dcat:downloadURL": {"@id": url},
                    "dcat:mediaType": {"@id": fmt.media_type_uri},
                    "dct:format": {"@id": fmt.file_type_uri},
                    "dct:license": {"@id": licence.uri},
                    "dcatde:licenseAttributionByText": text(PUBLISHER_NAME),
                }
            )
        item = {
            "@id": f"{page}#{dataset.key}",
            "@type": "dcat:Dataset",
            "dct:identifier": dataset.key,
            "dct:title": text(dataset.title),
            "dct:description": text(dataset.description),
            "dct:publisher": {"@id": PUBLISHER_HOMEPAGE},
            "dcat:landingPage": {"@id": page},
            "dcat:distribution": distributions,
        }
        if dataset.area in contact_points:
            item["dcat:contactPoint"] = contact_points[dataset.area]
        if entry["modified"] is not None:
            item["dct:modified"] = {
                "@value": entry["modified"].isoformat(),
                "@type": "xsd:dateTime",
            }
        datasets.append(item)
    document = {
        "@context": DCAT_CONTEXT,
        "@graph": [
            publisher,
            {
                "@id": request.build_absolute_uri(reverse("opendata:catalogue")),
                "@type": "dcat:Catalog",
                "dct:title": text(_("Open data of Ludwigsburg International")),
                "dct:description": text(
                    _(
                        "The lists of the City of Ludwigsburg's portal for its international "
                        "relations as open data."
                    )
                ),
                "dct:publisher": {"@id": PUBLISHER_HOMEPAGE},
                "dct:language": {
                    "@id": "http://publications.europa.eu/resource/authority/language/"
                    + ("DEU" if language == "de" else "ENG")
                },
                "foaf:homepage": {"@id": page},
                "dcat:dataset": datasets,
            },
        ],
    }
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1),
        content_type="application/ld+json; charset=utf-8",
    )
