"""The council's project tables, ready for their templates: the status overview and the table
of every project in a committee briefing.

Both tables share their first five columns (project, status, traffic light, grant, period) and
their header (``climate/includes/project_table_head.html``); each adds its own last columns.
A table of 500 projects is rendered on every uncached request, so the texts of the cells are
made here once per row (labels and dates once per table) and the templates only print them.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ludwigsburg_intl import numbers
from ludwigsburg_intl.querysets import Baked
from ludwigsburg_intl.templatetags.portal import tr
from ludwigsburg_intl.translation_fallback import shown_fields

from .models import ClimatePartnership, Project

# Every partnership's slug and name (there are a few), built and compiled once (``Baked``).
PARTNERSHIP_NAMES = Baked(lambda: ClimatePartnership.objects.only("slug", *shown_fields("name")))


def with_partnerships(projects: list) -> list:
    """Give each project its partnership (slug and name) from one query of the few there are.

    What ``prefetch_related("partnership")`` does, without its bookkeeping per project, which
    costs more than the query on a table of 500 rows.
    """
    if not projects:
        return projects
    partnerships = {partnership.pk: partnership for partnership in PARTNERSHIP_NAMES()}
    for project in projects:
        project.partnership = partnerships[project.partnership_id]
    return projects


# Date format characters for numbers only (no month names): written without Django's
# date formatter, which costs about 20 µs a date and the overview shows 1,000 of them.
_NUMERIC_DATE_PARTS = {
    "d": lambda d: f"{d.day:02d}",
    "j": lambda d: str(d.day),
    "m": lambda d: f"{d.month:02d}",
    "n": lambda d: str(d.month),
    "Y": lambda d: f"{d.year:04d}",
}


class CellTexts:
    """Labels, dates and amounts in the active language, each label translated once per table
    and each date formatted once, however many rows show it."""

    def __init__(self):
        # The page's language, asked once: the texts below are made for hundreds of rows.
        self.language = get_language()
        self.not_recorded = _("not recorded")
        self.statuses = {value: str(label) for value, label in Project.ProjectStatus.choices}
        self.lights = {value: str(label) for value, label in Project.TrafficLight.choices}
        self._formats = {}
        self._dates = {}
        self._lights_html = {}

    def status(self, value):
        return self.statuses.get(value, value) if value else self.not_recorded

    def light(self, value):
        return self.lights.get(value, value) if value else ""

    def light_html(self, value):
        """The traffic light as ``climate/includes/traffic_light.html`` shows it, rendered once
        per colour rather than once per row."""
        try:
            return self._lights_html[value]
        except KeyError:
            html = render_to_string(
                "climate/includes/traffic_light.html", {"value": value, "label": self.light(value)}
            )
            self._lights_html[value] = mark_safe(html.strip())  # noqa: S308 - rendered above
            return self._lights_html[value]

    def date(self, value: datetime.date, fmt="DATE_FORMAT"):
        """``formats.date_format(value, fmt)``."""
        key = (value, fmt)
        try:
            return self._dates[key]
        except KeyError:
            pass
        try:
            parts = self._formats[fmt]
        except KeyError:
            parts = self._formats[fmt] = _numeric_parts(formats.get_format(fmt))
        if parts is None:
            text = formats.date_format(value, fmt)
        else:
            text = "".join(part(value) if callable(part) else part for part in parts)
        self._dates[key] = text
        return text

    def money(self, amount: Decimal | None):
        return "" if amount is None else numbers.euro(amount, language=self.language)


def _numeric_parts(date_format):
    """The format as literal texts and functions, or None if it needs more than numbers."""
    parts = []
    escaped = False
    for char in date_format:
        if escaped:
            parts.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif not char.isalpha():
            parts.append(char)
        elif char in _NUMERIC_DATE_PARTS:
            parts.append(_NUMERIC_DATE_PARTS[char])
        else:
            return None
    return parts


@dataclass
class ProjectRow:
    """The five columns both tables share; ``title`` is HTML (German fallback marked)."""

    project: Project
    url: str
    title: str
    project_status: str
    status_label: str
    traffic_light: str
    traffic_light_label: str
    traffic_light_html: str
    grant: str
    period: str

    @classmethod
    def of(cls, project, texts: CellTexts, shown=None, **extra):
        """A row of ``project``, showing the status, light and grant of ``shown`` (the
        project's state on a meeting's day in a briefing) or else of the project itself."""
        state = shown or project
        return cls(
            project=project,
            url=project.get_absolute_url(),
            title=tr(project, "title", texts.language),
            project_status=state.project_status,
            status_label=texts.status(state.project_status),
            traffic_light=state.traffic_light,
            traffic_light_label=texts.light(state.traffic_light),
            traffic_light_html=texts.light_html(state.traffic_light),
            grant=texts.money(state.grant_amount),
            period=str(project.period),
            **extra,
        )


@dataclass
class RowGroup:
    """The rows of one climate partnership: a row group under its name instead of a column."""

    name: str  # HTML
    rows: list = field(default_factory=list)


def group_by_partnership(rows) -> list[RowGroup]:
    """``rows`` in table order (``Project.objects.by_partnership()``), one group per partnership."""
    groups = []
    current = None
    for row in rows:
        partnership_id = row.project.partnership_id
        if partnership_id != current:
            current = partnership_id
            groups.append(RowGroup(name=tr(row.project.partnership, "name")))
        groups[-1].rows.append(row)
    return groups


@dataclass
class OverviewRow(ProjectRow):
    next_milestone: str = ""  # HTML
    next_milestone_due: datetime.date | None = None
    next_milestone_due_text: str = ""
    last_report_on: datetime.date | None = None
    last_report_text: str = ""


def overview_rows(projects) -> list[OverviewRow]:
    """Rows of the status overview from ``ProjectQuerySet.with_overview_data()``."""
    texts = CellTexts()
    rows = []
    for project in with_partnerships(list(projects)):
        due = project.next_milestone_due
        report = project.last_report_on
        rows.append(
            OverviewRow.of(
                project,
                texts,
                next_milestone=_next_milestone_title(project) if due else "",
                next_milestone_due=due,
                next_milestone_due_text=texts.date(due, "SHORT_DATE_FORMAT") if due else "",
                last_report_on=report,
                last_report_text=texts.date(report, "SHORT_DATE_FORMAT") if report else "",
            )
        )
    return rows


def _next_milestone_title(project):
    # Annotated columns, not a model: the same German fallback as everywhere else.
    titles = SimpleNamespace(
        **{name: getattr(project, f"next_milestone_{name}") for name in shown_fields("title")}
    )
    return tr(titles, "title")
