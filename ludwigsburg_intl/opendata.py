"""Open data: every list of the portal as CSV and JSON, and a DCAT-AP.de catalogue of them.

The areas register their datasets through ``areas.register_dataset`` and write their downloads
with ``table_response``; this module names no area model. One list of records feeds both formats,
so the CSV and the JSON of a dataset never disagree:

- JSON: numbers as numbers, dates ISO 8601 (as precise as they are known), money as numbers
  with the currency named in the field (``…_eur``), lists as lists, unknown values as null;
- CSV: through the shared writer (``csv_export``) with its formula guard and Excel dialect.

Texts come in the language of the URL, with the German text where the English one is missing
(the portal's fallback everywhere else).
"""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Max, Q
from django.db.models.functions import Cast
from django.http import Http404, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .csv_export import csv_number, csv_response


@dataclass(frozen=True)
class Licence:
    name: str  # the licence's own (German) name
    url: str  # the licence text, for people
    uri: str  # the DCAT-AP.de licence vocabulary entry, for machines


LICENCES = {
    "dl-by-de/2.0": Licence(
        name="Datenlizenz Deutschland – Namensnennung – Version 2.0",
        url="https://www.govdata.de/dl-de/by-2-0",
        uri="http://dcat-ap.de/def/licenses/dl-by-de/2.0",
    ),
}


@dataclass(frozen=True)
class Format:
    label: str
    media_type: str
    media_type_uri: str  # IANA media type
    file_type_uri: str  # EU Publications Office file-type authority table


FORMATS = {
    "csv": Format(
        "CSV",
        "text/csv",
        "https://www.iana.org/assignments/media-types/text/csv",
        "http://publications.europa.eu/resource/authority/file-type/CSV",
    ),
    "json": Format(
        "JSON",
        "application/json",
        "https://www.iana.org/assignments/media-types/application/json",
        "http://publications.europa.eu/resource/authority/file-type/JSON",
    ),
}

# Who publishes the data, as the licence's attribution and the catalogue's publisher name it.
PUBLISHER_NAME = "Stadt Ludwigsburg"
PUBLISHER_HOMEPAGE = "https://www.ludwigsburg.de/"


@dataclass(frozen=True)
class Column:
    key: str  # the JSON field name
    label: object  # the CSV header (translated)
    places: int | None = None  # fixed decimals in the CSV (money: 2)
    # How the CSV writes a structured value (a list of dicts in the JSON) into one cell.
    csv: Callable | None = None


def _json_value(value):
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, Decimal):
        # Money and measurements have at most 14 digits: a float keeps them exactly as written.
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    return value if isinstance(value, int | float) else str(value)


def _csv_value(value, places):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal | int | float):
        return csv_number(value, places)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return " | ".join(str(item) for item in value)
    return value


def table_response(request, fmt: str, columns, records, title="", filename=None) -> HttpResponse:
    """``records`` (dicts keyed by ``Column.key``) as a CSV or JSON download, saved as
    ``filename`` (without extension) or else under the last part of its (translated) address."""
    if filename:
        filename = f"{filename}.{fmt}"
    else:
        filename = request.path.rstrip("/").rsplit("/", 1)[-1]
    if fmt == "csv":
        rows = [
            [c.csv(r.get(c.key)) if c.csv else _csv_value(r.get(c.key), c.places) for c in columns]
            for r in records
        ]
        return csv_response(filename, [c.label for c in columns], rows)
    if fmt != "json":
        raise Http404
    licence = LICENCES["dl-by-de/2.0"]
    document = {
        "title": str(title),
        "language": (get_language() or settings.LANGUAGE_CODE)[:2],
        "publisher": PUBLISHER_NAME,
        "licence": {"name": licence.name, "url": licence.url},
        "items": [{c.key: _json_value(r.get(c.key)) for c in columns} for r in records],
    }
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def latest_change(*models):
    """When the public content of ``models`` last changed: the newest entry of the admin log
    (every addition, change and deletion in the admin is logged, the admin actions' too) about a
    published object or a deletion, or a later ``updated_at`` of a published object. Work on
    drafts does not show. ``None`` when no change is recorded."""
    from .publishing import Publishable

    moments = []
    for model in models:
        log = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(model))
        rows = model._default_manager.all()
        if issubclass(model, Publishable):
            rows = model.objects.published()
            public = rows.annotate(key=Cast("pk", CharField())).values("key")
            log = log.filter(Q(object_id__in=public) | Q(action_flag=DELETION))
        moments.append(log.aggregate(last=Max("action_time"))["last"])
        if any(field.name == "updated_at" for field in model._meta.fields):
            moments.append(rows.aggregate(last=Max("updated_at"))["last"])
    moments = [moment for moment in moments if moment is not None]
    return max(moments) if moments else None
