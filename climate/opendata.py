"""The climate partnerships' projects with their funding as open data (CSV and JSON)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ludwigsburg_intl import areas
from ludwigsburg_intl.models import Area
from ludwigsburg_intl.opendata import latest_change, table_response

from . import exports
from .models import ClimatePartnership, Funder, Project


@require_safe
def project_data(request, fmt):
    return table_response(
        request,
        fmt,
        exports.PROJECT_COLUMNS,
        exports.project_records(request),
        title=_("Projects of the climate partnerships"),
    )


def register():
    areas.register_dataset(
        areas.Dataset(
            key="climate-projects",
            title=gettext_lazy("Projects of the climate partnerships"),
            description=gettext_lazy(
                "The projects of the climate partnerships with Kongoussi and Ambato: status, "
                "period, funder, funding programme and the amounts in euros where known."
            ),
            distributions={"csv": "climate:data-csv", "json": "climate:data-json"},
            modified=lambda: latest_change(Project, ClimatePartnership, Funder),
            area=Area.CLIMATE,
            order=20,
        )
    )
