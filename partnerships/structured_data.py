"""schema.org description of a partner city (see ``ludwigsburg_intl.structured_data``).

A partner city is a ``City``. schema.org has no property for a town twinning, so the year the
partnership began is an ``additionalProperty`` (``PropertyValue``) named for what it is, not a
``foundingDate`` (which would claim the city was founded then). An unknown year is left out.
"""

from django.utils.translation import gettext as _

from ludwigsburg_intl.structured_data import SCHEMA
from ludwigsburg_intl.translation_fallback import translated


def city(city, request) -> dict | None:
    if not city.is_live:
        return None
    data = {
        "@context": SCHEMA,
        "@type": "City",
        "name": translated(city, "name").text,
        "url": request.build_absolute_uri(city.get_absolute_url()),
        "containedInPlace": {"@type": "Country", "name": translated(city, "country").text},
    }
    summary = translated(city, "summary").text
    if summary:
        data["description"] = summary
    if city.latitude is not None and city.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(city.latitude),
            "longitude": float(city.longitude),
        }
    if city.partnership_since:
        data["additionalProperty"] = {
            "@type": "PropertyValue",
            "name": _("Partner city of Ludwigsburg since"),
            "value": city.partnership_since,
        }
    return data
