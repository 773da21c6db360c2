"""The climate area's tables as CSV and JSON: one list of records feeds both formats
(``ludwigsburg_intl.opendata.table_response`` writes them with the shared CSV writer).

- ``project_records``: the projects with their funding (the open-data dataset, ``project_data``,
  registered for the open-data page by ``register()``);
- ``briefing_records``: a committee briefing, one record per project.
"""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from ludwigsburg_intl import areas
from ludwigsburg_intl.models import Area
from ludwigsburg_intl.opendata import Column, latest_change, table_response
from ludwigsburg_intl.translation_fallback import translated

from .models import ClimatePartnership, Funder, Project

PROJECT_COLUMNS = [
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


def project_records(request):
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


def _short_date(value) -> str:
    """A date in the CSV as the page's language writes it (14.06.2023, 14/06/2023)."""
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def _reports_cell(reports):
    return " | ".join(f"{_short_date(r['date'])}: {r['text']}" for r in reports)


def _changes_cell(changes):
    return "; ".join(
        f"{_short_date(c['date'])} {c['kind']}: "
        + (f"{c['milestone']} " if c["milestone"] else "")
        + f"{c['before']} → {c['after']}"
        for c in changes
    )


def _milestones_cell(milestones):
    return "; ".join(f"{_short_date(m['due_date'])} {m['title']}" for m in milestones)


BRIEFING_COLUMNS = [
    Column("climate_partnership", gettext_lazy("Climate partnership")),
    Column("project", gettext_lazy("Project")),
    Column("project_status", gettext_lazy("Project status")),
    Column("traffic_light", gettext_lazy("Traffic light")),
    Column("reason", gettext_lazy("Reason")),
    Column("funder", gettext_lazy("Funder")),
    Column("funding_programme", gettext_lazy("Funding programme")),
    Column("grant_eur", gettext_lazy("Grant (EUR)"), places=2),
    Column("own_share_eur", gettext_lazy("Own share (EUR)"), places=2),
    Column("period", gettext_lazy("Period")),
    Column(
        "new_reports", gettext_lazy("New reports since the previous meeting"), csv=_reports_cell
    ),
    Column("changes", gettext_lazy("Changes since the previous meeting"), csv=_changes_cell),
    Column(
        "due_milestones",
        gettext_lazy("Milestones due before the next meeting"),
        csv=_milestones_cell,
    ),
    Column("address", gettext_lazy("Address")),
]


def briefing_records(request, briefing):
    """One record per row of ``briefing`` (``climate.briefing.build_briefing``), in its order."""
    records = []
    for row in briefing.rows:
        project = row.project
        records.append(
            {
                "climate_partnership": translated(project.partnership, "name").text,
                "project": translated(project, "title").text,
                "project_status": row.status_label,
                "traffic_light": row.traffic_light_label,
                "reason": translated(row.state, "traffic_light_reason").text,
                "funder": str(project.funder or ""),
                "funding_programme": translated(project, "funding_programme").text,
                "grant_eur": row.grant_amount,
                "own_share_eur": row.state.own_share,
                "period": row.period,
                "new_reports": [
                    {"date": line.report.reported_on, "text": translated(line.report, "text").text}
                    for line in row.reports
                ],
                "changes": [
                    {
                        "date": line.change.changed_on,
                        "kind": line.kind_label,
                        "milestone": translated(line.change.milestone, "title").text
                        if line.change.milestone
                        else "",
                        "before": line.before,
                        "after": line.after,
                    }
                    for line in row.changes
                ],
                "due_milestones": [
                    {
                        "due_date": line.milestone.due_date,
                        "title": translated(line.milestone, "title").text,
                    }
                    for line in row.due_milestones
                ],
                "address": request.build_absolute_uri(project.get_absolute_url()),
            }
        )
    return records


@require_safe
def project_data(request, fmt):
    return table_response(
        request,
        fmt,
        PROJECT_COLUMNS,
        project_records(request),
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
