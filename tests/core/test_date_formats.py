"""English pages, CSV downloads and iCalendar exports write dates the British way
(14 June 2023, 14/06/2023), never the American way (June 14, 2023, 06/14/2023)."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse
from django.utils.translation import override

from climate.models import Milestone
from ludwigsburg_intl.models import Event
from tests.climate.factories import (
    MeetingFactory,
    MilestoneFactory,
    ProjectFactory,
    StatusReportFactory,
    saved_on,
)
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def url_in(language, name, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def test_english_pages_write_british_dates(client):
    event = EventFactory(
        title_en="Delegation visit",
        starts_at=datetime.datetime(2030, 6, 14, 18, 30, tzinfo=BERLIN),
        ends_at=datetime.datetime(2030, 6, 14, 20, 0, tzinfo=BERLIN),
    )
    html = client.get(url_in("en", "calendar:event-detail", pk=event.pk)).content.decode()
    assert "14 June 2030, 18:30 – 20:00" in html
    assert "June 14" not in html and "p.m." not in html

    project = ProjectFactory(title_en="Solar power for the health centres")
    StatusReportFactory(project=project, reported_on=datetime.date(2023, 6, 14))
    overview = client.get(url_in("en", "climate:status-overview")).content.decode()
    assert "14/06/2023" in overview and "06/14/2023" not in overview
    # German pages keep the German forms.
    german = client.get(url_in("de", "climate:status-overview")).content.decode()
    assert "14.06.2023" in german


def test_english_csv_writes_british_dates(client):
    with saved_on(datetime.date(2023, 12, 1)):
        project = ProjectFactory(title_en="Wells")
        milestone = MilestoneFactory(project=project, due_date=datetime.date(2024, 3, 1))
    StatusReportFactory(
        project=project, reported_on=datetime.date(2024, 1, 5), text_en="Drilling started."
    )
    # Moving the milestone is recorded as a change with both dates.
    with saved_on(datetime.date(2024, 1, 20)):
        Milestone.objects.filter(pk=milestone.pk).update(due_date=datetime.date(2024, 4, 12))
    meeting = MeetingFactory(date=datetime.date(2024, 2, 1))
    text = client.get(url_in("en", "climate:briefing-csv", pk=meeting.pk)).content.decode(
        "utf-8-sig"
    )
    assert "05/01/2024: Drilling started." in text
    assert "20/01/2024 Milestone moved" in text
    assert "1 March 2024 → 12 April 2024" in text
    assert "March 1, 2024" not in text and "01/05/2024" not in text


def test_icalendar_description_writes_british_dates(client):
    event = EventFactory(
        title_en="Sustainability days",
        description_en="Stands in the market square.",
        precision=Event.Precision.DAY,
        starts_at=datetime.datetime(2030, 9, 14, tzinfo=BERLIN),
        ends_at=datetime.datetime(2030, 9, 16, tzinfo=BERLIN),
    )
    body = client.get(url_in("en", "calendar:event-ical", pk=event.pk)).content
    (item,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    description = str(item["description"])
    assert description.startswith("14 September 2030 – 16 September 2030")
    assert description.endswith("Stands in the market square.")
    german = client.get(url_in("de", "calendar:event-ical", pk=event.pk)).content
    (item,) = icalendar.Calendar.from_ical(german).walk("VEVENT")
    assert str(item["description"]).startswith("14. September 2030 – 16. September 2030")
