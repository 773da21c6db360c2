"""A committee briefing read from the history: a past briefing shows what the committee saw."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import override

from climate.models import Project

from .factories import MeetingFactory, MilestoneFactory, ProjectFactory, saved_on

pytestmark = pytest.mark.django_db


def briefing_page(client, meeting, language="de"):
    with override(language):
        path = reverse("climate:briefing", kwargs={"pk": meeting.pk})
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def briefing_csv(client, meeting):
    with override("de"):
        path = reverse("climate:briefing-csv", kwargs={"pk": meeting.pk})
    return client.get(path).content.decode("utf-8-sig")


@pytest.fixture
def two_meetings():
    """Two meetings entered before anything else, as the council's office does."""
    with saved_on(datetime.date(2024, 1, 2)):
        first = MeetingFactory(date=datetime.date(2024, 1, 10))
        second = MeetingFactory(date=datetime.date(2024, 3, 20))
    return first, second


def test_a_past_briefing_shows_the_traffic_light_reason_as_it_was_then(client, two_meetings):
    first, second = two_meetings
    with saved_on(datetime.date(2023, 12, 1)):
        project = ProjectFactory(
            title_de="Brunnenbau",
            traffic_light="at_risk",
            traffic_light_reason_de="Die Pumpe fehlt noch.",
            grant_amount=Decimal("1000.00"),
        )
    with saved_on(datetime.date(2024, 4, 2)):  # after both two_meetings
        project.traffic_light = "delayed"
        project.traffic_light_reason_de = "Regenzeit: die Baustelle ruht."
        project.grant_amount = Decimal("2500.00")
        project.save()

    page = briefing_page(client, first)
    assert "Die Pumpe fehlt noch." in page
    assert "Regenzeit" not in page
    assert "light--at_risk" in page and "light--delayed" not in page
    assert "1.000\xa0€" in page and "2.500\xa0€" not in page
    csv = briefing_csv(client, first)
    assert "Die Pumpe fehlt noch." in csv and "Regenzeit" not in csv
    # Today's project page shows today's state.
    assert "Regenzeit" in client.get(project.get_absolute_url()).content.decode()


def test_a_project_entered_since_the_previous_meeting_is_listed_as_new(client, two_meetings):
    first, second = two_meetings
    with saved_on(datetime.date(2023, 12, 1)):
        ProjectFactory(title_de="Altes Projekt")
    with saved_on(datetime.date(2024, 2, 5)):
        ProjectFactory(title_de="Neues Projekt Solarschule")
    with saved_on(datetime.date(2024, 5, 1)):  # after the second meeting
        ProjectFactory(title_de="Späteres Projekt")

    page = briefing_page(client, second)
    assert "Neues Projekt Solarschule" in page and "Altes Projekt" in page
    assert "1 neues Projekt" in page
    assert "Neues Projekt, seit der vorigen Sitzung erfasst" in page
    # A project entered after the meeting was not before the committee.
    assert "Späteres Projekt" not in page
    # At the first meeting, the new project did not exist yet.
    page = briefing_page(client, first)
    assert "Altes Projekt" in page and "Solarschule" not in page


def test_changes_between_the_meetings_are_listed(client, two_meetings):
    first, second = two_meetings
    with saved_on(datetime.date(2023, 12, 1)):
        project = ProjectFactory(title_de="Radwege", project_status="applied")
        milestone = MilestoneFactory(
            project=project, title_de="Ausschreibung", due_date=datetime.date(2024, 3, 1)
        )
    with saved_on(datetime.date(2024, 1, 5)):  # before the first meeting
        Project.objects.filter(pk=project.pk).update(traffic_light="on_track")
    with saved_on(datetime.date(2024, 2, 20)):
        project.refresh_from_db()
        project.project_status = "approved"
        project.save()
        milestone.due_date = datetime.date(2024, 6, 1)
        milestone.save()
    with saved_on(datetime.date(2024, 4, 2)):  # after the second meeting
        project.project_status = "implementation"
        project.save()

    page = briefing_page(client, second)
    assert "Status geändert: Beantragt → Bewilligt" in page
    assert "Meilenstein verschoben <q>Ausschreibung</q>: 1. März 2024 → 1. Juni 2024" in page
    assert "In Umsetzung" not in page  # the change after the meeting
    assert "Ampel geändert" not in page  # the change before the previous meeting
    assert "2 Änderungen" in page
    english = briefing_page(client, second, "en")
    assert "Status changed: Applied for → Approved" in english


def _projects_with_history(n, partnership=None):
    with saved_on(datetime.date(2023, 12, 1)):
        projects = [ProjectFactory(project_status="applied") for _ in range(n)]
        for project in projects:
            MilestoneFactory(project=project, due_date=datetime.date(2024, 3, 25))
    with saved_on(datetime.date(2024, 2, 1)):
        for project in projects:
            project.project_status = "approved"
            project.traffic_light = "on_track"
            project.save()
    with saved_on(datetime.date(2024, 5, 1)):
        Project.objects.filter(pk__in=[p.pk for p in projects]).update(traffic_light="delayed")


@pytest.mark.parametrize("name", ["climate:briefing", "climate:briefing-csv"])
def test_the_briefing_query_count_does_not_grow_with_projects_or_their_history(
    client, two_meetings, name
):
    first, second = two_meetings
    with override("de"):
        path = reverse(name, kwargs={"pk": second.pk})

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    _projects_with_history(3)
    few = count()
    _projects_with_history(40)
    assert count() == few


def test_content_older_than_the_history_reports_no_invented_change(client):
    from climate.history import project_changes
    from ludwigsburg_intl.history import event_model

    with saved_on(datetime.date(2023, 12, 1)):
        project = ProjectFactory(project_status="ongoing", traffic_light="on_track")
    # As for a project entered before the history began: no version of it is recorded.
    event_model(Project).objects.filter(pgh_obj_id=project.pk).delete()
    with saved_on(datetime.date(2024, 2, 1)):
        project.summary_de = "Nur ein Tippfehler verbessert."
        project.save()
    changes, created = project_changes(
        Project.objects.filter(pk=project.pk).values("pk"),
        None,
        datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC),
    )
    assert changes == {} and created == set()


def test_an_event_of_a_draft_project_is_no_visit_and_not_on_the_partnership_page(client):
    from climate.briefing import MeetingWindow, visits_due
    from tests.factories import DRAFT, EventFactory

    draft = ProjectFactory(status=DRAFT)
    event = EventFactory(title_de="Besuch nur im Entwurf")
    draft.events.add(event)
    page = client.get(draft.partnership.get_absolute_url()).content.decode()
    assert "Besuch nur im Entwurf" not in page
    meeting = MeetingFactory(date=event.starts_at.date() - datetime.timedelta(days=3))
    window = MeetingWindow(
        meeting=meeting, previous=None, next=None, horizon=event.starts_at.date()
    )
    assert event not in visits_due(window)
