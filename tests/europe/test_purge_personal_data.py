"""`manage.py purge_personal_data`: the retention periods the privacy statement promises."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from europe.management.commands.purge_personal_data import months_before
from europe.models import InterestSubmission, SubmissionThrottle

from .factories import ParticipationProgrammeFactory

MARGIN = datetime.timedelta(minutes=5)


def twelve_months_ago():
    local = timezone.localtime()
    day = 28 if (local.month, local.day) == (2, 29) else local.day
    return local.replace(year=local.year - 1, day=day)


def submission(name, *, received, answered=None):
    obj = InterestSubmission.objects.create(
        name=name,
        email="person@example.org",
        programme=ParticipationProgrammeFactory(),
        message="Eine Frage",
        consent=True,
        language="de",
        state="answered" if answered else "new",
    )
    InterestSubmission.objects.filter(pk=obj.pk).update(created_at=received, answered_at=answered)
    return obj


def throttle(age):
    return SubmissionThrottle.objects.create(client_hash="a" * 64, created_at=timezone.now() - age)


def purge(*args, verbosity=1):
    out = StringIO()
    call_command("purge_personal_data", *args, verbosity=verbosity, stdout=out)
    return out.getvalue()


def names():
    return set(InterestSubmission.objects.values_list("name", flat=True))


@pytest.fixture
def rows(db):
    cutoff = twelve_months_ago()
    long_ago = cutoff - datetime.timedelta(days=400)
    submission("answered just inside", received=long_ago, answered=cutoff + MARGIN)
    submission("answered just outside", received=long_ago, answered=cutoff - MARGIN)
    submission("unanswered just inside", received=cutoff + MARGIN)
    submission("unanswered just outside", received=cutoff - MARGIN)
    submission("new today", received=timezone.now())
    throttle(datetime.timedelta(minutes=59))
    throttle(datetime.timedelta(minutes=61))
    throttle(datetime.timedelta(days=3))


KEPT = {"answered just inside", "unanswered just inside", "new today"}


@pytest.mark.django_db
def test_purge_deletes_exactly_what_is_past_its_period(rows):
    output = purge()
    assert names() == KEPT
    assert SubmissionThrottle.objects.count() == 1  # only the one younger than an hour
    assert "Deleted 2 rate-limit entries (hashed addresses) older than one hour." in output
    assert "Deleted 2 expressions of interest past the retention period of 12 months" in output
    assert "(1 answered, 1 never answered" in output


@pytest.mark.django_db
def test_purge_is_idempotent(rows):
    purge()
    output = purge()
    assert names() == KEPT
    assert SubmissionThrottle.objects.count() == 1
    assert "Deleted 0 rate-limit entries" in output
    assert "Deleted 0 expressions of interest" in output


@pytest.mark.django_db
def test_dry_run_deletes_nothing_and_says_what_it_would_delete(rows):
    output = purge("--dry-run", verbosity=2)
    assert len(names()) == 5 and SubmissionThrottle.objects.count() == 3
    assert "Would delete 2 rate-limit entries" in output
    assert "Would delete 2 expressions of interest" in output
    listed = [line for line in output.splitlines() if line.startswith("Would delete expression")]
    assert len(listed) == 2
    assert any("never answered" in line for line in listed)
    assert "person@example.org" not in output  # the log holds no personal data


@pytest.mark.django_db
def test_verbosity_zero_prints_nothing(rows):
    assert purge(verbosity=0) == ""
    assert names() == KEPT


@pytest.mark.django_db
@override_settings(INTEREST_SUBMISSION_RETENTION_MONTHS=6)
def test_the_period_comes_from_the_settings(rows):
    output = purge()
    assert names() == {"new today"}
    assert "retention period of 6 months" in output


@pytest.mark.django_db
def test_answering_starts_the_retention_period():
    old = submission("old question", received=twelve_months_ago() - datetime.timedelta(days=30))
    old.state = "answered"
    old.save()
    purge()
    assert names() == {"old question"}  # answered now: kept for another twelve months
    first_answer = InterestSubmission.objects.get().answered_at
    old.refresh_from_db()
    old.save()  # saved again as answered: the first answer keeps its time
    assert InterestSubmission.objects.get().answered_at == first_answer
    old.state = "new"
    old.save()
    assert InterestSubmission.objects.get().answered_at is None


@pytest.mark.django_db
def test_staff_answering_in_the_admin_records_the_time(staff_client):
    first = submission("Erika", received=timezone.now())
    second = submission("Max", received=timezone.now())
    staff_client.post(
        "/admin/europe/interestsubmission/",
        {"action": "mark_answered", "_selected_action": [first.pk]},
    )
    first.refresh_from_db()
    assert first.state == "answered" and first.answered_at is not None
    # A save that names only the state records the time as well.
    second.state = "answered"
    second.save(update_fields=["state"])
    second.refresh_from_db()
    assert second.answered_at is not None


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime.datetime(2026, 11, 30, 17, 0), 12, datetime.datetime(2025, 11, 30, 17, 0)),
        (datetime.datetime(2026, 3, 31, 9, 30), 1, datetime.datetime(2026, 2, 28, 9, 30)),
        (datetime.datetime(2024, 2, 29, 12, 0), 12, datetime.datetime(2023, 2, 28, 12, 0)),
        (datetime.datetime(2026, 1, 15, 0, 0), 13, datetime.datetime(2024, 12, 15, 0, 0)),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    tz = timezone.get_default_timezone()
    result = months_before(moment.replace(tzinfo=tz), months)
    assert result.replace(tzinfo=None) == expected


@pytest.mark.django_db
def test_privacy_statement_names_the_periods_the_command_applies(client, demo_content):
    from django.conf import settings

    assert settings.INTEREST_SUBMISSION_RETENTION_MONTHS == 12  # "zwölf Monate" below
    german = client.get("/de/seiten/datenschutz/").content.decode()
    assert "löschen sie zwölf Monate nach unserer Antwort" in german
    assert "zwölf Monate nach ihrem Eingang" in german
    assert "nach einer Stunde automatisch gelöscht" in german
    english = client.get("/en/pages/datenschutz/").content.decode()
    assert "delete it twelve months after our answer" in english
    assert "twelve months after it was received" in english
    assert "deleted automatically after one hour" in english


@pytest.mark.django_db
def test_answering_through_the_admin_change_form_records_the_time(staff_client):
    question = submission("Erika", received=timezone.now())
    response = staff_client.post(
        f"/admin/europe/interestsubmission/{question.pk}/change/", {"state": "answered"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.state == "answered" and question.answered_at is not None
    staff_client.post(f"/admin/europe/interestsubmission/{question.pk}/change/", {"state": "new"})
    question.refresh_from_db()
    assert question.state == "new" and question.answered_at is None


@pytest.mark.django_db
def test_the_admin_history_of_a_deleted_submission_goes_with_it(rows):
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    from tests.factories import StaffUserFactory

    editor = StaffUserFactory()
    kind = ContentType.objects.get_for_model(InterestSubmission)
    for obj in InterestSubmission.objects.all():
        LogEntry.objects.create(
            user=editor, content_type=kind, object_id=str(obj.pk), object_repr=str(obj),
            action_flag=CHANGE, change_message="Als beantwortet markiert.",
        )  # fmt: skip
    purge()
    remembered = " ".join(LogEntry.objects.values_list("object_repr", flat=True))
    assert "just outside" not in remembered  # the names of deleted submissions are gone
    assert "answered just inside" in remembered and "new today" in remembered
