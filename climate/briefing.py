"""Budget totals and committee briefings, read in a fixed number of queries.

A briefing covers the time between the previous published meeting of the same committee
(exclusive) and the meeting's own day (inclusive). Without a previous meeting, everything
recorded up to the meeting is new. "Due before the next meeting" looks ahead to the next
recorded meeting of the committee, or ``LOOKAHEAD_DAYS`` when none is recorded yet.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Count, Prefetch, Q, Sum, prefetch_related_objects
from django.utils import timezone

from ludwigsburg_intl.models import Event

from .models import (
    ClimatePartnership,
    CommitteeMeeting,
    Milestone,
    Project,
    ProjectChange,
    StatusReport,
)

LOOKAHEAD_DAYS = 183


@dataclass
class Total:
    label: object
    amount: Decimal
    count: int
    unknown: int
    key: str = ""
    obj: object = None


@dataclass
class BudgetTotals:
    overall: Total
    by_partnership: list[Total]
    by_status: list[Total]


def status_label(value):
    if value in Project.ProjectStatus.values:
        return Project.ProjectStatus(value).label
    from django.utils.translation import gettext_lazy as _

    return _("not recorded")


def _total(row, label, key="", obj=None):
    return Total(
        label=label,
        amount=row["total"] or Decimal("0"),
        count=row["count"],
        unknown=row["unknown"],
        key=key,
        obj=obj,
    )


AGGREGATES = {
    "total": Sum("grant_amount"),
    "count": Count("pk"),
    "unknown": Count("pk", filter=Q(grant_amount__isnull=True)),
}


def budget_totals(projects) -> BudgetTotals:
    """Granted money of ``projects`` in total, by partnership and by status: three SQL queries."""
    projects = projects.order_by()
    overall = projects.aggregate(**AGGREGATES)
    by_partnership = (
        projects.values(
            "partnership_id",
            "partnership__slug",
            "partnership__name_de",
            "partnership__name_en",
            "partnership__sort_order",
        )
        .annotate(**AGGREGATES)
        .order_by("partnership__sort_order", "partnership__name_de")
    )
    by_status = {
        row["project_status"]: row
        for row in projects.values("project_status").annotate(**AGGREGATES).order_by()
    }
    partnership_totals = []
    for row in by_partnership:
        partnership = SimpleNamespace(
            slug=row["partnership__slug"],
            name_de=row["partnership__name_de"],
            name_en=row["partnership__name_en"],
        )
        partnership_totals.append(
            _total(row, row["partnership__name_de"], row["partnership__slug"], partnership)
        )
    status_totals = [
        _total(by_status[value], status_label(value), value)
        for value in [*Project.ProjectStatus.values, ""]
        if value in by_status
    ]
    return BudgetTotals(
        overall=_total(overall, ""), by_partnership=partnership_totals, by_status=status_totals
    )


@dataclass
class BriefingProject:
    project: Project
    status_at_meeting: str
    traffic_light_at_meeting: str
    new_reports: list
    changes: list
    due_milestones: list

    # Labels in the page's language, resolved once per briefing rather than once per row.
    status_label: str = ""
    traffic_light_label: str = ""

    @property
    def news_summary(self):
        from django.utils.translation import ngettext

        parts = []
        if self.new_reports:
            n = len(self.new_reports)
            parts.append(ngettext("%(count)s report", "%(count)s reports", n) % {"count": n})
        if self.changes:
            n = len(self.changes)
            parts.append(ngettext("%(count)s change", "%(count)s changes", n) % {"count": n})
        return ", ".join(parts)

    @property
    def has_changes(self):
        return bool(self.new_reports or self.changes)


@dataclass
class Briefing:
    meeting: CommitteeMeeting
    previous: CommitteeMeeting | None
    next: CommitteeMeeting | None
    horizon: datetime.date
    projects: list[BriefingProject]
    visits: list
    totals: BudgetTotals
    status_totals: list[Total] = field(default_factory=list)

    @property
    def projects_with_news(self):
        """Projects with something new or due: each gets its own section (and printed page)."""
        return [p for p in self.projects if p.has_changes or p.due_milestones]

    @property
    def is_first(self):
        return self.previous is None

    @property
    def changed_projects(self):
        return [p for p in self.projects if p.has_changes]

    @property
    def new_report_count(self):
        return sum(len(p.new_reports) for p in self.projects)

    @property
    def change_count(self):
        return sum(len(p.changes) for p in self.projects)

    @property
    def due_items(self):
        """Milestones and visits due before the next meeting, by date.

        Each item is (date, milestone, project, event); milestone and project or event is None.
        """
        items = [(m.due_date, m, p.project, None) for p in self.projects for m in p.due_milestones]
        items += [(event.local_start.date(), None, None, event) for event in self.visits]
        return sorted(items, key=lambda item: (item[0], item[3] is not None))


def _in_window(prefix, previous, meeting):
    lookup = Q(**{f"{prefix}__lte": meeting.date})
    if previous is not None:
        lookup &= Q(**{f"{prefix}__gt": previous.date})
    return lookup


def build_briefing(meeting: CommitteeMeeting, with_components=True) -> Briefing:
    """Everything a briefing shows, for published content only, in a constant number of queries."""
    meetings = CommitteeMeeting.objects.published().filter(committee_id=meeting.committee_id)
    previous = meetings.filter(date__lt=meeting.date).order_by("-date").first()
    following = meetings.filter(date__gt=meeting.date).order_by("date").first()
    horizon = (
        following.date if following else meeting.date + datetime.timedelta(days=LOOKAHEAD_DAYS)
    )

    reports = StatusReport.objects.published().filter(_in_window("reported_on", previous, meeting))
    changes = ProjectChange.objects.filter(
        _in_window("changed_on", previous, meeting)
    ).select_related("milestone")
    later_state_changes = ProjectChange.objects.filter(
        changed_on__gt=meeting.date,
        kind__in=[ProjectChange.Kind.STATUS, ProjectChange.Kind.TRAFFIC_LIGHT],
    ).order_by("changed_on", "pk")
    due = Milestone.objects.filter(due_date__gt=meeting.date, due_date__lte=horizon).filter(
        Q(reached_on__isnull=True) | Q(reached_on__gt=meeting.date)
    )
    # The partnerships' long texts and the projects' summaries are not part of a briefing.
    projects = list(
        Project.objects.published()
        .by_partnership()
        .defer("summary")
        .prefetch_related(
            Prefetch("partnership", queryset=ClimatePartnership.objects.only("slug", "name")),
            "funder",
        )
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=reports.order_by("reported_on", "pk"),
                to_attr="briefing_reports",
            ),
            Prefetch(
                "changes", queryset=changes.order_by("changed_on", "pk"), to_attr="briefing_changes"
            ),
            Prefetch("changes", queryset=later_state_changes, to_attr="later_state_changes"),
            Prefetch("milestones", queryset=due.order_by("due_date", "pk"), to_attr="briefing_due"),
        )
    )
    statuses = [*Project.ProjectStatus.values, ""]
    status_names = {value: str(status_label(value)) for value in statuses}
    light_names = {value: str(label) for value, label in Project.TrafficLight.choices}
    items = []
    for project in projects:
        # The state on the meeting day: the value before the first change made after it,
        # or the current value when nothing changed since.
        later = project.later_state_changes
        status = next(
            (c.old_value for c in later if c.kind == ProjectChange.Kind.STATUS),
            project.project_status,
        )
        light = next(
            (c.old_value for c in later if c.kind == ProjectChange.Kind.TRAFFIC_LIGHT),
            project.traffic_light,
        )
        items.append(
            BriefingProject(
                project=project,
                status_at_meeting=status,
                traffic_light_at_meeting=light,
                new_reports=project.briefing_reports,
                changes=project.briefing_changes,
                due_milestones=project.briefing_due,
                status_label=status_names.get(status, status),
                traffic_light_label=light_names.get(light, ""),
            )
        )
    start = datetime.datetime.combine(
        meeting.date + datetime.timedelta(days=1),
        datetime.time.min,
        tzinfo=timezone.get_current_timezone(),
    )
    end = datetime.datetime.combine(
        horizon + datetime.timedelta(days=1),
        datetime.time.min,
        tzinfo=timezone.get_current_timezone(),
    )
    visits = list(
        Event.objects.published()
        .filter(
            Q(pk__in=ClimatePartnership.events.through.objects.values("event"))
            | Q(pk__in=Project.events.through.objects.values("event"))
        )
        .filter(starts_at__gte=start, starts_at__lt=end)
        .for_calendar()
    )
    if with_components:
        # Components are shown only in the sections of projects with news: fetch just those.
        prefetch_related_objects(
            [i.project for i in items if i.has_changes or i.due_milestones], "components"
        )
    # The status totals follow the status on the meeting day (exact Decimal sums).
    status_sums = {}
    for item in items:
        row = status_sums.setdefault(
            item.status_at_meeting, {"total": Decimal("0"), "count": 0, "unknown": 0}
        )
        row["count"] += 1
        if item.project.grant_amount is None:
            row["unknown"] += 1
        else:
            row["total"] += item.project.grant_amount
    status_totals = [
        _total(status_sums[value], status_label(value), value)
        for value in [*Project.ProjectStatus.values, ""]
        if value in status_sums
    ]
    return Briefing(
        meeting=meeting,
        previous=previous,
        next=following,
        horizon=horizon,
        projects=items,
        visits=visits,
        totals=budget_totals(Project.objects.published()),
        status_totals=status_totals,
    )
