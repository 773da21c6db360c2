from django.db.models import Count, Q, Sum
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from ludwigsburg_intl.models import Area, ContactPerson, Event
from ludwigsburg_intl.opendata import table_response
from ludwigsburg_intl.publishing import get_visible_or_404, may_preview, one_or_404
from ludwigsburg_intl.querysets import Baked
from ludwigsburg_intl.translation_fallback import translated

from . import exports, history, structured_data, table_html
from .briefing import budget_totals, build_briefing
from .filters import ProjectFilter
from .models import ClimatePartnership, CommitteeMeeting, Project, StatusReport
from .tables import group_by_partnership, overview_rows


@require_safe
def index(request):
    partnerships = list(
        ClimatePartnership.objects.published().annotate(
            project_count=Count(
                "projects", filter=Q(projects__in=Project.objects.published().values("pk"))
            ),
            grant_total=Sum(
                "projects__grant_amount",
                filter=Q(projects__in=Project.objects.published().values("pk")),
            ),
        )
    )
    meetings = list(CommitteeMeeting.objects.published().select_related("committee")[:3])
    return render(
        request,
        "climate/index.html",
        {
            "partnerships": partnerships,
            "meetings": meetings,
            "contacts": ContactPerson.objects.for_area(Area.CLIMATE).select_related("office"),
            "breadcrumbs": [(_("Climate partnerships"), None)],
        },
    )


@require_safe
def partnership_detail(request, slug):
    partnership = get_visible_or_404(
        ClimatePartnership.objects.select_related("partner_city").prefetch_related(
            "situation_entries", "sdg_goals"
        ),
        request,
        slug=slug,
    )
    projects = list(
        Project.objects.published().filter(partnership=partnership).with_overview_data()
    )
    # The partnership's own events and its projects' (subqueries: no row twice).
    own = partnership.events.values("pk")
    of_projects = Event.objects.filter(
        climate_projects__in=Project.objects.published().filter(partnership=partnership)
    ).values("pk")
    events = Event.objects.published().filter(Q(pk__in=own) | Q(pk__in=of_projects)).for_calendar()
    partner_city = partnership.partner_city
    if partner_city is not None and not partner_city.is_live:
        partner_city = None
    return render(
        request,
        "climate/partnership_detail.html",
        {
            "object": partnership,
            "partnership": partnership,
            "partner_city": partner_city,
            "projects": projects,
            "upcoming_events": list(events.upcoming()),
            "past_events": list(events.past().order_by("-starts_at", "-pk")),
            "breadcrumbs": [
                (_("Climate partnerships"), "climate:index"),
                (translated(partnership, "name").text, None),
            ],
        },
    )


@require_safe
def project_detail(request, slug):
    project = get_visible_or_404(
        Project.objects.select_related("partnership", "funder").prefetch_related(
            "components", "milestones", "sdg_goals"
        ),
        request,
        slug=slug,
    )
    reports = StatusReport.objects.published().filter(project=project)
    events = project.events.published().for_calendar()
    changes = history.changes_of(project)
    return render(
        request,
        "climate/project_detail.html",
        {
            "object": project,
            "project": project,
            "structured_data": structured_data.project(project, request),
            "reports": list(reports),
            "events": list(events),
            "changes": changes,
            "breadcrumbs": [
                (_("Climate partnerships"), "climate:index"),
                (
                    translated(project.partnership, "name").text,
                    project.partnership.get_absolute_url(),
                ),
                (translated(project, "title").text, None),
            ],
        },
    )


# The unfiltered overview's query, built and compiled once (``Baked``).
OVERVIEW = Baked(lambda: Project.objects.published().by_partnership().with_overview_data())


@require_safe
def status_overview(request):
    """Every published project's state; filtered by partnership, status or traffic light."""
    projects = Project.objects.published()
    project_filter = ProjectFilter(request.GET or None, queryset=projects)
    valid = project_filter.is_bound and project_filter.is_valid()
    if valid:
        rows = overview_rows(project_filter.qs.by_partnership().with_overview_data())
    else:
        rows = overview_rows(OVERVIEW())
    groups = group_by_partnership(rows)
    return render(
        request,
        "climate/status_overview.html",
        {
            "filter": project_filter,
            "rows": rows,
            # The rows, written in Python (``table_html``).
            "table_body": table_html.overview_table_body(groups, _("not known"), _("none yet")),
            "totals": budget_totals(row.project for row in rows),
            "is_filtered": valid and any(project_filter.form.cleaned_data.values()),
            "breadcrumbs": [
                (_("Climate partnerships"), "climate:index"),
                (_("Status of the projects"), None),
            ],
        },
    )


@require_safe
def meeting_list(request):
    meetings = CommitteeMeeting.objects.published().select_related("committee")
    return render(
        request,
        "climate/meeting_list.html",
        {
            "meetings": list(meetings),
            "breadcrumbs": [
                (_("Climate partnerships"), "climate:index"),
                (_("Committee briefings"), None),
            ],
        },
    )


PUBLISHED_MEETING = Baked(
    lambda pk: CommitteeMeeting.objects.published().select_related("committee").filter(pk=pk),
    pk=int,
)


def _meeting(request, pk):
    if may_preview(request.user, CommitteeMeeting):
        queryset = CommitteeMeeting.objects.select_related("committee")
        return get_visible_or_404(queryset, request, pk=pk)
    return one_or_404(PUBLISHED_MEETING(pk=pk))


def _meeting_title(meeting):
    committee = translated(meeting.committee, "name").text
    return f"{committee}, {formats.date_format(meeting.date, 'DATE_FORMAT')}"


@require_safe
def briefing(request, pk):
    meeting = _meeting(request, pk)
    briefing = build_briefing(meeting)
    meeting_title = _meeting_title(meeting)
    not_known = _("not known")
    if briefing.is_first:
        news_label = _("Recorded up to this meeting")
    else:
        news_label = _("New since the previous meeting")
    return render(
        request,
        "climate/briefing.html",
        {
            "object": meeting,
            "briefing": briefing,
            "meeting_title": meeting_title,
            "news_label": news_label,
            # The long parts, written in Python (``table_html``).
            "project_table_body": table_html.project_table_body(briefing.groups, not_known),
            "project_sections": table_html.project_sections(
                briefing.sections, meeting_title, news_label, not_known
            ),
            "breadcrumbs": [
                (_("Climate partnerships"), "climate:index"),
                (_("Committee briefings"), "climate:meeting-list"),
                (meeting_title, None),
            ],
        },
    )


def _css_string(text):
    """A CSS string literal: every character outside a safe set escaped as a code point."""
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-")
    return '"' + "".join(ch if ch in safe else f"\\{ord(ch):06x}" for ch in text) + '"'


@require_safe
def briefing_print_css(request, pk):
    """The running header of the printed briefing: the meeting and its date on every A4 page."""
    meeting = _meeting(request, pk)
    page_label = _("Page")
    css = (
        "@page {\n"
        f"  @top-left {{ content: {_css_string(_meeting_title(meeting))}; font-size: 9pt; }}\n"
        f"  @bottom-right {{ content: {_css_string(page_label + ' ')} counter(page) "
        '" / " counter(pages); font-size: 9pt; }\n'
        "}\n"
    )
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_safe
def briefing_data(request, pk, fmt):
    """The briefing as a table: CSV for Excel (UTF-8 with BOM; German: ';' and decimal comma),
    or JSON with the reports, changes and milestones as lists."""
    meeting = _meeting(request, pk)
    briefing = build_briefing(meeting, with_sections=False)
    committee = slugify(translated(meeting.committee, "name").text)
    return table_response(
        request,
        fmt,
        exports.BRIEFING_COLUMNS,
        exports.briefing_records(request, briefing),
        title=_meeting_title(meeting),
        filename=f"{committee}-{meeting.date.isoformat()}",
    )
