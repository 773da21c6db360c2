import datetime
from decimal import Decimal

import pytest

from climate.briefing import budget_totals, build_briefing
from climate.history import changes_of
from climate.models import Project

from .factories import (
    MeetingFactory,
    MilestoneFactory,
    PartnershipFactory,
    ProjectFactory,
    StatusReportFactory,
    saved_on,
)

pytestmark = pytest.mark.django_db


def test_totals_are_exact_to_the_cent():
    kongoussi = PartnershipFactory(sort_order=1)
    ambato = PartnershipFactory(sort_order=2)
    ProjectFactory(partnership=kongoussi, grant_amount=Decimal("0.10"), project_status="applied")
    ProjectFactory(partnership=kongoussi, grant_amount=Decimal("0.20"), project_status="applied")
    ProjectFactory(
        partnership=ambato, grant_amount=Decimal("269999.71"), project_status="completed"
    )
    ProjectFactory(partnership=ambato, grant_amount=None, project_status="completed")

    totals = budget_totals(
        Project.objects.published().by_partnership().select_related("partnership")
    )

    assert totals.overall.amount == Decimal("270000.01")
    assert [(t.key, t.amount, t.count, t.unknown) for t in totals.by_partnership] == [
        (kongoussi.slug, Decimal("0.30"), 2, 0),
        (ambato.slug, Decimal("269999.71"), 2, 1),
    ]
    assert [(t.key, t.amount) for t in totals.by_status] == [
        ("applied", Decimal("0.30")),
        ("completed", Decimal("269999.71")),
    ]


def test_drafts_are_not_counted():
    ProjectFactory(grant_amount=Decimal("100.00"))
    ProjectFactory(grant_amount=Decimal("5.00"), status="draft")
    ProjectFactory(grant_amount=Decimal("7.00"), partnership=PartnershipFactory(status="draft"))
    published = Project.objects.published().select_related("partnership")
    assert budget_totals(published).overall.amount == Decimal("100.00")
    assert Project.objects.published().count() == 1


def test_running_in_year():
    ProjectFactory(slug="a", start_year=2019, end_year=2022)
    ProjectFactory(slug="b", start_year=2023, end_year=2025)
    ProjectFactory(slug="c", start_year=2024, end_year=None)
    assert sorted(Project.objects.running_in(2022).values_list("slug", flat=True)) == ["a"]
    assert sorted(Project.objects.running_in(2024).values_list("slug", flat=True)) == ["b", "c"]


def test_status_and_light_changes_are_recorded_with_their_date():
    project = ProjectFactory(project_status="applied", traffic_light="")
    assert not changes_of(project)  # creating is not a change
    with saved_on(datetime.date(2024, 5, 2)):
        project.project_status = "approved"
        project.traffic_light = "at_risk"
        project.save()
        project.save()  # saving again without a change records nothing
    changes = sorted(changes_of(project), key=lambda c: c.kind)
    assert [(c.kind, c.old_value, c.new_value, c.changed_on) for c in changes] == [
        ("status", "applied", "approved", datetime.date(2024, 5, 2)),
        ("traffic_light", "", "at_risk", datetime.date(2024, 5, 2)),
    ]


def test_milestone_moves_and_reaching_are_recorded():
    milestone = MilestoneFactory(due_date=datetime.date(2024, 3, 1))
    with saved_on(datetime.date(2024, 2, 10)):
        milestone.due_date = datetime.date(2024, 6, 1)
        milestone.save()
    milestone.reached_on = datetime.date(2024, 5, 20)
    milestone.save()
    reached, moved = changes_of(milestone.project)  # newest first
    assert (moved.kind, moved.changed_on, moved.old_value, moved.new_value) == (
        "milestone_moved",
        datetime.date(2024, 2, 10),
        "2024-03-01",
        "2024-06-01",
    )
    assert (reached.kind, reached.changed_on) == ("milestone_reached", datetime.date(2024, 5, 20))


def test_first_meeting_counts_everything_up_to_its_day_as_new():
    with saved_on(datetime.date(2020, 1, 1)):
        project = ProjectFactory(project_status="applied")
    StatusReportFactory(project=project, reported_on=datetime.date(2020, 1, 1))
    StatusReportFactory(project=project, reported_on=datetime.date(2024, 2, 1))
    StatusReportFactory(project=project, reported_on=datetime.date(2024, 2, 2))  # after the meeting
    with saved_on(datetime.date(2023, 7, 1)):
        project.project_status = "approved"
        project.save()
    briefing = build_briefing(MeetingFactory(date=datetime.date(2024, 2, 1)))
    assert briefing.is_first
    (row,) = briefing.rows
    assert [line.report.reported_on for line in row.reports] == [
        datetime.date(2020, 1, 1),
        datetime.date(2024, 2, 1),
    ]
    assert [line.change.kind for line in row.changes] == ["status"]


def test_changes_since_the_previous_meeting_of_the_same_committee():
    with saved_on(datetime.date(2023, 12, 1)):
        project = ProjectFactory(project_status="applied", traffic_light="on_track")
        milestone = MilestoneFactory(project=project, due_date=datetime.date(2024, 4, 1))
    MeetingFactory(date=datetime.date(2024, 1, 10))
    meeting = MeetingFactory(date=datetime.date(2024, 3, 20))
    MeetingFactory(
        date=datetime.date(2024, 2, 1),
        committee__slug="gemeinderat",
        committee__name_de="Gemeinderat",
    )
    MeetingFactory(
        date=datetime.date(2024, 2, 15), status="draft"
    )  # drafts do not count as meetings

    StatusReportFactory(
        project=project, reported_on=datetime.date(2024, 1, 10)
    )  # the previous meeting's day
    new_report = StatusReportFactory(project=project, reported_on=datetime.date(2024, 1, 11))
    StatusReportFactory(project=project, reported_on=datetime.date(2024, 2, 1), status="draft")
    with saved_on(datetime.date(2024, 1, 5)):
        project.traffic_light = "at_risk"
        project.traffic_light_reason_de = "Sicherheitslage"
        project.save()
    with saved_on(datetime.date(2024, 2, 20)):
        project.project_status = "approved"
        project.save()
        milestone.due_date = datetime.date(2024, 5, 1)
        milestone.save()
    with saved_on(datetime.date(2024, 4, 2)):  # after the meeting: belongs to the next briefing
        project.project_status = "implementation"
        project.save()

    briefing = build_briefing(meeting)

    assert briefing.previous.date == datetime.date(2024, 1, 10)
    (row,) = briefing.rows
    assert [line.report for line in row.reports] == [new_report]
    assert sorted(line.change.kind for line in row.changes) == ["milestone_moved", "status"]
    # The state on the meeting day, not today's.
    assert row.project_status == "approved"
    assert row.traffic_light == "at_risk"
    assert [line.milestone.pk for line in row.due_milestones] == [milestone.pk]


def test_briefing_hides_draft_projects():
    ProjectFactory(title_de="Öffentlich")
    ProjectFactory(title_de="Entwurf", status="draft")
    briefing = build_briefing(MeetingFactory())
    assert [row.project.title_de for row in briefing.rows] == ["Öffentlich"]
    assert briefing.totals.overall.count == 1


def test_needing_report():
    today = datetime.date(2024, 6, 1)
    fresh = ProjectFactory(slug="fresh")
    stale = ProjectFactory(slug="stale")
    ProjectFactory(slug="never")
    StatusReportFactory(project=fresh, reported_on=today - datetime.timedelta(days=30))
    StatusReportFactory(project=stale, reported_on=today - datetime.timedelta(days=91))
    assert sorted(
        Project.objects.needing_report(90, today=today).values_list("slug", flat=True)
    ) == ["never", "stale"]


def test_area_registry_latest_and_sdg_teasers():
    from ludwigsburg_intl import areas
    from ludwigsburg_intl.models import SDGGoal

    section = areas.get("climate")
    goal = SDGGoal.objects.get(number=7)
    old = ProjectFactory(title_de="Alt")
    new = ProjectFactory(title_de="Neu", title_en="")
    draft = ProjectFactory(title_de="Entwurf", status="draft")
    StatusReportFactory(project=old, reported_on=datetime.date(2022, 1, 1))
    StatusReportFactory(project=new, reported_on=datetime.date(2024, 1, 1))
    for project in (old, new, draft):
        project.sdg_goals.add(goal)
    assert [t.title for t in section.latest(2)] == ["Neu", "Alt"]
    assert [t.url for t in section.latest(1)] == [new.get_absolute_url()]
    titles = [t.title for t in section.tagged_with_sdg(goal)]
    assert sorted(titles) == ["Alt", "Neu"]


def test_english_teaser_marks_german_fallback():
    from django.utils.translation import override

    from ludwigsburg_intl import areas

    ProjectFactory(title_de="Nur deutsch", title_en="")
    with override("en"):
        (teaser,) = areas.get("climate").latest(1)
    assert teaser.title == "Nur deutsch" and teaser.lang == "de"


def test_home_page_order_counts_only_public_reports():
    """A report outside its publication window does not move its project to the top."""
    from django.utils import timezone

    from climate.teasers import latest as latest_projects

    older = ProjectFactory(title_de="Projekt mit altem Bericht")
    newer = ProjectFactory(title_de="Projekt mit abgelaufenem Bericht")
    StatusReportFactory(project=older, reported_on=datetime.date(2024, 1, 15))
    StatusReportFactory(
        project=newer,
        reported_on=datetime.date(2025, 6, 1),
        publish_until=timezone.now() - datetime.timedelta(hours=1),
    )
    assert [t.title for t in latest_projects(2)] == [older.title_de, newer.title_de]


def test_a_report_is_public_only_while_its_project_is():
    from climate.models import StatusReport

    project = ProjectFactory(partnership=PartnershipFactory(status="draft"))
    report = StatusReportFactory(project=project)
    assert report not in StatusReport.objects.published()
    assert not report.is_live
    project.partnership.status = "published"
    project.partnership.save()
    assert report in StatusReport.objects.published()
