"""The partner cities as open data (CSV and JSON), registered for the open-data page."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ludwigsburg_intl import areas
from ludwigsburg_intl.models import Area
from ludwigsburg_intl.opendata import Column, latest_change, table_response
from ludwigsburg_intl.translation_fallback import translated

from .models import PartnerCity

COLUMNS = [
    Column("name", gettext_lazy("Name")),
    Column("country", gettext_lazy("Country")),
    Column("region", gettext_lazy("Region")),
    Column("partnership_since", gettext_lazy("Partner city since (year)")),
    Column("partnership_status", gettext_lazy("State of the partnership")),
    Column("summary", gettext_lazy("Summary")),
    Column("latitude", gettext_lazy("Latitude")),
    Column("longitude", gettext_lazy("Longitude")),
    Column("sdg_goals", gettext_lazy("SDG goals")),
    Column("page", gettext_lazy("Page on this portal")),
]


def records(request):
    cities = PartnerCity.objects.published().in_order_of_partnership()
    return [
        {
            "name": translated(city, "name").text,
            "country": translated(city, "country").text,
            "region": translated(city, "region").text or None,
            "partnership_since": city.partnership_since,
            "partnership_status": city.get_partnership_status_display(),
            "summary": translated(city, "summary").text or None,
            "latitude": city.latitude,
            "longitude": city.longitude,
            "sdg_goals": [goal.number for goal in city.sdg_goals.all()],
            "page": request.build_absolute_uri(city.get_absolute_url()),
        }
        for city in cities.prefetch_related("sdg_goals")
    ]


@require_safe
def city_data(request, fmt):
    return table_response(request, fmt, COLUMNS, records(request), title=_("Partner cities"))


def register():
    areas.register_dataset(
        areas.Dataset(
            key="partner-cities",
            title=gettext_lazy("Partner cities"),
            description=gettext_lazy(
                "Ludwigsburg's partner cities with country, region, the year the partnership "
                "began (where known), its state and the position on the map."
            ),
            distributions={"csv": "partnerships:data-csv", "json": "partnerships:data-json"},
            modified=lambda: latest_change(PartnerCity),
            area=Area.PARTNERSHIPS,
            order=10,
        )
    )
