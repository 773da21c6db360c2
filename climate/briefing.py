"""Committee briefings and budget totals, read in a fixed number of queries.

A briefing covers the time between the previous published meeting of the same committee
(exclusive) and the meeting's own day (inclusive). Without a previous meeting, everything
recorded up to the meeting is new. "Due before the next meeting" looks ahead to the next
recorded meeting of the committee, or ``LOOKAHEAD_DAYS`` when none is recorded yet.

``build_briefing`` reads in named steps, one function each:

1. ``meeting_window``: the previous and the next meeting, and how far the briefing looks ahead;
2. ``state_at_meeting``: each published project's status and traffic light on the meeting day;
3. ``changes_since_previous_meeting``: new status reports and recorded changes in the window;
4. ``next_milestones`` and ``visits_due``: what falls due before the next meeting;
5. ``budget_totals``: granted money in total, by partnership and by status on the meeting day.

It then makes one ``BriefingRow`` per project with every text the page and the CSV show, so
neither walks the briefing again to reformat it.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Exists, OuterRef, Q
from django.template.defaultfilters import linebreaksbr
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ludwigsburg_intl.models import Event
from ludwigsburg_intl.numbers import grouped
from ludwigsburg_intl.querysets import Baked
from ludwigsburg_intl.templatetags.portal import tr
from ludwigsburg_intl.translation_fallback import shown_fields

from . import history
from .models import (
    TABLE_COLUMNS,
    ClimatePartnership,
    CommitteeMeeting,
    Component,
    Funder,
    Milestone,
    Project,
    ProjectChange,
    StatusReport,
)
from .tables import CellTexts, ProjectRow, group_by_partnership, with_partnerships

LOOKAHEAD_DAYS = 183
PUBLISHED = "published"


# Totals -------------------------------------------------------------------------------------


@dataclass
class Total:
    label: object
    amount: Decimal
    count: int
    unknown: int
    key: str = ""
    obj: object = None

    def add(self, amount):
        self.count += 1
        if amount is None:
            self.unknown += 1
        else:
            self.amount += amount


@dataclass
class BudgetTotals:
    overall: Total
    by_partnership: list[Total]
    by_status: list[Total]


def status_label(value):
    if value in Project.ProjectStatus.values:
        return Project.ProjectStatus(value).label
    return gettext_lazy("not recorded")


def budget_totals(rows) -> BudgetTotals:
    """Granted money in total, by partnership and by status, summed exactly (Decimal).

    ``rows`` are projects or briefing rows in table order (``by_partnership()``): anything with
    ``partnership``, ``project_status`` and ``grant_amount``. The pages have these rows anyway,
    so the totals cost no query and always agree with the table above them.
    """
    overall = Total(label="", amount=Decimal("0"), count=0, unknown=0)
    by_partnership = {}
    by_status = {}
    for row in rows:
        partnership = row.partnership
        if partnership.pk not in by_partnership:
            by_partnership[partnership.pk] = Total(
                label=partnership.name_de,
                amount=Decimal("0"),
                count=0,
                unknown=0,
                key=partnership.slug,
                obj=partnership,
            )
        status = row.project_status or ""
        if status not in by_status:
            by_status[status] = Total(
                label=status_label(status), amount=Decimal("0"), count=0, unknown=0, key=status
            )
        for total in (overall, by_partnership[partnership.pk], by_status[status]):
            total.add(row.grant_amount)
    return BudgetTotals(
        overall=overall,
        by_partnership=list(by_partnership.values()),
        by_status=[
            by_status[value] for value in [*Project.ProjectStatus.values, ""] if value in by_status
        ],
    )


# Step 1: the meeting's window ---------------------------------------------------------------


@dataclass(frozen=True)
class MeetingWindow:
    meeting: CommitteeMeeting
    previous: CommitteeMeeting | None
    next: CommitteeMeeting | None
    horizon: datetime.date  # the last day "due before the next meeting" covers

    @property
    def until(self) -> datetime.datetime:
        """The end of the meeting's day: the history is read up to this moment."""
        return history.end_of_day(self.meeting.date)

    @property
    def since(self) -> datetime.datetime | None:
        """The end of the previous meeting's day (None: no previous meeting)."""
        return history.end_of_day(self.previous.date) if self.previous else None


# Every query of a briefing is built and compiled once (``Baked``) and run with the meeting's
# dates. Where a condition depends on whether there is a previous meeting, each case has its
# own query: ``{True: since the previous meeting's day, False: from the beginning}``.


def _published_projects():
    return Project.objects.published().values("pk")


def _committee_meetings(committee):
    return CommitteeMeeting.objects.published().filter(committee_id=committee)


PREVIOUS_MEETING = Baked(
    lambda committee, day: (
        _committee_meetings(committee).filter(date__lt=day).order_by("-date")[:1]
    ),
    committee=int,
    day=datetime.date,
)
NEXT_MEETING = Baked(
    lambda committee, day: _committee_meetings(committee).filter(date__gt=day).order_by("date")[:1],
    committee=int,
    day=datetime.date,
)


def meeting_window(meeting: CommitteeMeeting) -> MeetingWindow:
    committee, day = meeting.committee_id, meeting.date
    previous = next(iter(PREVIOUS_MEETING(committee=committee, day=day)), None)
    following = next(iter(NEXT_MEETING(committee=committee, day=day)), None)
    horizon = (
        following.date if following else meeting.date + datetime.timedelta(days=LOOKAHEAD_DAYS)
    )
    return MeetingWindow(meeting=meeting, previous=previous, next=following, horizon=horizon)


# The projects -------------------------------------------------------------------------------


PROJECTS = Baked(
    lambda: (
        Project.objects.published()
        .by_partnership()
        .only(
            *TABLE_COLUMNS,
            "funder_id",
            "own_share",
            *shown_fields("title", "traffic_light_reason", "funding_programme", "risks"),
        )
    )
)
# Every funder (there are a few) with its names.
FUNDERS = Baked(lambda: Funder.objects.only(*shown_fields("name", "short_name")))


def briefing_projects():
    """Published projects in table order, with only the columns a briefing shows (its summary
    and the texts in other languages are not read)."""
    projects = list(PROJECTS())
    has_funder = any(project.funder_id for project in projects)
    funders = {funder.pk: funder for funder in FUNDERS()} if has_funder else {}
    for project in projects:
        project.funder = funders.get(project.funder_id)
    return with_partnerships(projects)


# Step 2: the state on the meeting day -------------------------------------------------------


@dataclass
class ProjectState:
    """What a project looked like at the end of the meeting's day (one version of its history,
    or the project itself where its history begins later)."""

    status: str  # published or draft
    project_status: str
    traffic_light: str
    traffic_light_reason_de: str
    traffic_light_reason_en: str
    grant_amount: Decimal | None
    own_share: Decimal | None


STATE_FIELDS = [name for name in ProjectState.__dataclass_fields__]
STATES = Baked(
    lambda until: history.versions_at_query(Project, until, _published_projects(), STATE_FIELDS),
    until=datetime.datetime,
)


def state_at_meeting(projects, window: MeetingWindow) -> dict[int, ProjectState]:
    """Each project's state at the end of the meeting's day, from its history (one query, one
    more where the history of some project begins later).

    Left out: projects that were drafts then, and those entered after the meeting's day and
    after the meeting itself was entered (a meeting entered afterwards, as the demo's, sees
    what was entered before it). Where the history begins after the meeting's day otherwise
    (content older than the recorded history), the project is shown as it is now: the portal
    knows nothing older."""
    versions = history.newest_versions(STATES(until=window.until))
    later = [project.pk for project in projects if project.pk not in versions]
    if later:
        later = history.entered_after(Project, later, window.until, known_since=window.meeting)
    # Only the columns of the page's language are read (the same for every project).
    deferred = projects[0].get_deferred_fields() if projects else set()
    loaded = [name for name in STATE_FIELDS if name not in deferred]
    states = {}
    for project in projects:
        version = versions.get(project.pk)
        if version is not None:
            state = ProjectState(**{name: version[name] for name in STATE_FIELDS})
        elif project.pk in later:
            continue
        else:
            state = ProjectState(**dict.fromkeys(STATE_FIELDS, ""))
            state.__dict__.update({name: getattr(project, name) for name in loaded})
            state.status = PUBLISHED
        if state.status == PUBLISHED:
            states[project.pk] = state
    return states


# Step 3: what changed since the previous meeting --------------------------------------------


@dataclass
class News:
    created: bool = False  # the project was entered since the previous meeting
    reports: list = field(default_factory=list)
    changes: list = field(default_factory=list)


def _reports(since_previous):
    return (
        StatusReport.objects.published()
        .filter(since_previous)
        .only("project_id", "reported_on", *shown_fields("text"))
        .order_by("reported_on", "pk")
    )


def _changes_in_period(changes_query):
    """Both cases of a history query (``history.*_changes_query``) of the published projects."""
    return {
        True: Baked(
            lambda since, until: changes_query(_published_projects(), since, until),
            since=datetime.datetime,
            until=datetime.datetime,
        ),
        False: Baked(
            lambda until: changes_query(_published_projects(), None, until),
            until=datetime.datetime,
        ),
    }


REPORTS = {
    True: Baked(
        lambda previous, day: _reports(Q(reported_on__gt=previous, reported_on__lte=day)),
        previous=datetime.date,
        day=datetime.date,
    ),
    False: Baked(lambda day: _reports(Q(reported_on__lte=day)), day=datetime.date),
}
PROJECT_CHANGES = _changes_in_period(history.project_changes_query)
MILESTONE_CHANGES = _changes_in_period(history.milestone_changes_query)


def _in_period(queries, window: MeetingWindow, **values):
    if window.previous is None:
        values.pop("previous", None)
        values.pop("since", None)
        return queries[False](**values)
    return queries[True](**values)


def changes_since_previous_meeting(window: MeetingWindow) -> dict[int, News]:
    """Projects entered, published status reports written and status, traffic-light and
    milestone changes saved since the previous meeting, by project id (three queries)."""
    news = defaultdict(News)
    previous = window.previous.date if window.previous else None
    reports = _in_period(REPORTS, window, previous=previous, day=window.meeting.date)
    for report in reports:
        news[report.project_id].reports.append(report)
    moments = {"since": window.since, "until": window.until}
    changes, created = history.project_changes_in(
        history.changed_versions(_in_period(PROJECT_CHANGES, window, **moments), window.since)
    )
    for project_id in created:
        news[project_id].created = True
    milestone_changes = history.milestone_changes_in(
        history.changed_versions(_in_period(MILESTONE_CHANGES, window, **moments), window.since)
    )
    for source in (changes, milestone_changes):
        for project_id, project_changes in source.items():
            news[project_id].changes.extend(project_changes)
    for item in news.values():
        item.changes.sort(key=lambda change: change.changed_on)
    return news


# Step 4: what falls due before the next meeting ---------------------------------------------


MILESTONE_FIELDS = ("project_id", "due_date", "reached_on")


def _milestones():
    return Milestone.objects.filter(project__in=_published_projects())


def _due_then(day, horizon):
    return Q(due_date__gt=day, due_date__lte=horizon)


_DUE = {"day": datetime.date, "horizon": datetime.date}
DUE_MILESTONE_VERSIONS = Baked(
    lambda day, horizon, until: history.versions_at_query(
        Milestone,
        until,
        _milestones().values("pk"),
        [*MILESTONE_FIELDS, *shown_fields("title")],
        where=_due_then(day, horizon),
    ),
    **_DUE,
    until=datetime.datetime,
)
DUE_MILESTONES_WITHOUT_HISTORY = Baked(
    lambda day, horizon: (
        _milestones()
        .filter(
            _due_then(day, horizon),
            ~Exists(history.event_model(Milestone).objects.filter(pgh_obj_id=OuterRef("pk"))),
        )
        .only(*MILESTONE_FIELDS, *shown_fields("title"))
    ),
    **_DUE,
)


def next_milestones(window: MeetingWindow) -> dict[int, list[Milestone]]:
    """Milestones due after the meeting up to the horizon and not reached by the meeting day,
    as they stood at the end of its day (milestones without history: as they are now)."""
    meeting_day = window.meeting.date

    def is_due(due_date, reached_on):
        return meeting_day < due_date <= window.horizon and (
            reached_on is None or reached_on > meeting_day
        )

    fields = [*MILESTONE_FIELDS, *shown_fields("title")]
    due = {"day": meeting_day, "horizon": window.horizon}
    versions = history.newest_versions(DUE_MILESTONE_VERSIONS(**due, until=window.until))
    found = [
        Milestone(pk=pk, **{name: version[name] for name in fields})
        for pk, version in versions.items()
    ]
    found += list(DUE_MILESTONES_WITHOUT_HISTORY(**due))
    due = defaultdict(list)
    found = [m for m in found if is_due(m.due_date, m.reached_on)]
    for milestone in sorted(found, key=lambda m: (m.due_date, m.pk)):
        due[milestone.project_id].append(milestone)
    return due


def visits_due(window: MeetingWindow) -> list[Event]:
    """Published events of the partnerships and projects from the day after the meeting up to
    the horizon."""
    return list(VISITS(start=window.until, end=history.end_of_day(window.horizon)))


VISITS = Baked(
    lambda start, end: (
        Event.objects.published()
        .filter(
            # Only through published partnerships and projects: a draft's events are no visits.
            Q(
                pk__in=ClimatePartnership.events.through.objects.filter(
                    climatepartnership__in=ClimatePartnership.objects.published()
                ).values("event")
            )
            | Q(
                pk__in=Project.events.through.objects.filter(
                    project__in=Project.objects.published()
                ).values("event")
            )
        )
        .filter(starts_at__gte=start, starts_at__lt=end)
        .for_calendar()
    ),
    start=datetime.datetime,
    end=datetime.datetime,
)


# The rows the page and the CSV show ---------------------------------------------------------


@dataclass
class ReportLine:
    report: StatusReport
    date_text: str
    text: str  # HTML


@dataclass
class ChangeLine:
    change: ProjectChange
    date_text: str
    kind_label: str
    milestone: str  # HTML, empty for a change of the project itself
    before: str
    after: str

    @property
    def shows_values(self):
        # "Milestone reached" says it all: its date is the line's date.
        return self.change.kind != ProjectChange.Kind.MILESTONE_REACHED


@dataclass
class MilestoneLine:
    milestone: Milestone
    date_text: str
    title: str  # HTML


@dataclass
class Section:
    """The facts of a project with news, shown in its own section (and printed page)."""

    partnership: str  # HTML, like every text below
    traffic_light_reason: str
    funder: str
    funding_programme: str
    own_share: str
    components: list  # (title, progress) pairs
    risks: str


@dataclass
class BriefingRow(ProjectRow):
    state: ProjectState | None = None  # at the end of the meeting's day
    is_new: bool = False  # entered since the previous meeting
    reports: list[ReportLine] = field(default_factory=list)
    changes: list[ChangeLine] = field(default_factory=list)
    due_milestones: list[MilestoneLine] = field(default_factory=list)
    news_summary: str = ""
    section: Section | None = None

    @property
    def partnership(self):
        return self.project.partnership

    @property
    def grant_amount(self):
        return self.state.grant_amount

    @property
    def has_news(self):
        return bool(self.is_new or self.reports or self.changes)

    @property
    def has_section(self):
        """Projects with something new or due get their own section."""
        return bool(self.has_news or self.due_milestones)


@dataclass
class DueItem:
    """A milestone or a visit due before the next meeting, for the summary's list."""

    date: datetime.date
    milestone: MilestoneLine | None = None
    project_title: str = ""  # HTML
    event: Event | None = None


@dataclass
class Briefing:
    meeting: CommitteeMeeting
    previous: CommitteeMeeting | None
    next: CommitteeMeeting | None
    horizon: datetime.date
    rows: list[BriefingRow]
    groups: list  # the rows by partnership, for the table
    due_items: list[DueItem]
    totals: BudgetTotals

    @property
    def is_first(self):
        return self.previous is None

    @property
    def sections(self):
        return [row for row in self.rows if row.has_section]

    @property
    def new_report_count(self):
        return sum(len(row.reports) for row in self.rows)

    @property
    def new_project_count(self):
        return sum(row.is_new for row in self.rows)

    @property
    def change_count(self):
        return sum(len(row.changes) for row in self.rows)


def build_briefing(meeting: CommitteeMeeting, with_sections=True) -> Briefing:
    """Everything a briefing shows, for published content only, in a constant number of queries.

    ``with_sections=False`` leaves out what only the page's project sections show (the CSV).
    """
    window = meeting_window(meeting)
    projects = briefing_projects()
    states = state_at_meeting(projects, window)
    news = changes_since_previous_meeting(window)
    due = next_milestones(window)

    texts = CellTexts()
    rows = []
    for project in projects:
        state = states.get(project.pk)
        if state is None:  # not yet public, or not yet entered, at the meeting
            continue
        project_news = news.get(project.pk, News())
        rows.append(
            BriefingRow.of(
                project,
                texts,
                shown=state,
                state=state,
                is_new=project_news.created,
                reports=[
                    ReportLine(
                        r, texts.date(r.reported_on), linebreaksbr(tr(r, "text", texts.language))
                    )
                    for r in project_news.reports
                ],
                changes=[_change_line(c, texts) for c in project_news.changes],
                due_milestones=[
                    MilestoneLine(m, texts.date(m.due_date), tr(m, "title", texts.language))
                    for m in due.get(project.pk, ())
                ],
                news_summary=_news_summary(project_news),
            )
        )
    if with_sections:
        _add_sections([row for row in rows if row.has_section], texts)

    due_items = [
        DueItem(date=line.milestone.due_date, milestone=line, project_title=row.title)
        for row in rows
        for line in row.due_milestones
    ]
    due_items += [
        DueItem(date=event.local_start.date(), event=event) for event in visits_due(window)
    ]
    due_items.sort(key=lambda item: (item.date, item.event is not None))

    return Briefing(
        meeting=meeting,
        previous=window.previous,
        next=window.next,
        horizon=window.horizon,
        rows=rows,
        groups=group_by_partnership(rows),
        due_items=due_items,
        totals=budget_totals(rows),
    )


def _change_line(change, texts):
    return ChangeLine(
        change=change,
        date_text=texts.date(change.changed_on),
        kind_label=change.get_kind_display(),
        milestone=tr(change.milestone, "title", texts.language),
        before=str(change.old_label),
        after=str(change.new_label),
    )


def _news_summary(news):
    parts = [_("new project")] if news.created else []
    if news.reports:
        n = len(news.reports)
        parts.append(ngettext("%(count)s report", "%(count)s reports", n) % {"count": n})
    if news.changes:
        n = len(news.changes)
        parts.append(ngettext("%(count)s change", "%(count)s changes", n) % {"count": n})
    return ", ".join(parts)


def _add_sections(rows, texts):
    """The facts of each project with news (one more query, for the components)."""
    components = defaultdict(list)
    language = texts.language
    fields = shown_fields("title", language=language)
    progress_texts = (
        _("target %(target)s, progress not yet reported"),
        _("%(done)s of %(target)s done"),
    )
    for project_id, target, progress, *titles in (
        Component.objects.filter(project__in=[row.project.pk for row in rows])
        .order_by("sort_order", "pk")
        .values_list("project_id", "target", "progress", *fields)
    ):
        title = tr(SimpleNamespace(**dict(zip(fields, titles, strict=True))), "title", language)
        components[project_id].append(
            (title, _progress(target, progress, progress_texts, language))
        )
    for row in rows:
        project = row.project
        row.section = Section(
            partnership=tr(project.partnership, "name", language),
            traffic_light_reason=tr(row.state, "traffic_light_reason", language),
            funder=tr(project.funder, "name", language),
            funding_programme=tr(project, "funding_programme", language),
            own_share=texts.money(row.state.own_share),
            components=components[project.pk],
            risks=linebreaksbr(tr(project, "risks", language)),
        )


def _progress(target, progress, texts, language):
    """What a component's line says after its title (``Component.target_display`` and
    ``progress_display``, from the values alone); ``texts``: the two sentences, translated."""
    if target is None:
        return ""
    not_reported, done = texts
    if progress is None:
        return not_reported % {"target": grouped(target, 0, language)}
    return done % {"done": grouped(progress, 0, language), "target": grouped(target, 0, language)}
