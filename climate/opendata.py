"""The climate partnerships' projects with their funding as open data (CSV and JSON)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ludwigsburg_intl import areas
from ludwigsburg_intl.models import Area
from ludwigsburg_intl.opendata import Column, latest_change, table_response
from ludwigsburg_intl.translation_fallback import translated

from .models import ClimatePartnership, Funder, Project

COLUMNS = [
    Column("title", gettext_lazy("Title")),
    Column("climate_partnership", gettext_lazy("Climate partnership")),
    Column("project_status", gettext_lazy("Project status")),
    Column("first_year", gettext_lazy("First year")),
    Column("last_year", gettext_lazy("Last year")),
    Column("funder", gettext_lazy("Funder")),
    Column("funding_programme", gettext_lazy("Funding programme")),
    # The currency is part of the field name: both amounts are in euros.
    Column("grant_amount_eur", gettext_lazy("Granted or requested amount (EUR)"), places=2),
    Column("own_share_eur", gettext_lazy("Own share (EUR)"), places=2),
    Column("sdg_goals", gettext_lazy("SDG goals")),
    Column("summary", gettext_lazy("Summary")),
    Column("page", gettext_lazy("Page on this portal")),
]


def records(request):
    projects = (
        Project.objects.published()
        .by_partnership()
        .select_related("partnership", "funder")
        .prefetch_related("sdg_goals")
    )
    return [
        {
            "title": translated(project, "title").text,
            "climate_partnership": translated(project.partnership, "name").text,
            "project_status": project.get_project_status_display() or None,
            "first_year": project.start_year,
            "last_year": project.end_year,
            "funder": translated(project.funder, "name").text if project.funder else None,
            "funding_programme": translated(project, "funding_programme").text or None,
            "grant_amount_eur": project.grant_amount,
            "own_share_eur": project.own_share,
            "sdg_goals": [goal.number for goal in project.sdg_goals.all()],
            "summary": translated(project, "summary").text or None,
            "page": request.build_absolute_uri(project.get_absolute_url()),
        }
        for project in projects
    ]


@require_safe
def project_data(request, fmt):
    return table_response(
        request,
        fmt,
        COLUMNS,
        records(request),
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
