import datetime
import zoneinfo
from unittest import mock

import pytest
from django.utils import timezone

from europe.deadlines import sync_call_deadline_event
from europe.models import FundingCall, berlin_today
from europe.teasers import latest, tagged_with_sdg
from ludwigsburg_intl import areas
from ludwigsburg_intl.models import Area, Event, SDGGoal

from .factories import FundingCallFactory, WorkFieldFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
D = datetime.date


def at_berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def test_state_from_dates():
    call = FundingCall(opens_on=D(2026, 3, 1), deadline=D(2026, 3, 31))
    assert call.state_on(D(2026, 2, 28)) == "upcoming"
    assert call.state_on(D(2026, 3, 1)) == "open"
    assert call.state_on(D(2026, 3, 31)) == "open"  # the deadline day itself is still open
    assert call.state_on(D(2026, 4, 1)) == "closed"
    assert FundingCall(deadline=D(2026, 3, 31)).state_on(D(2020, 1, 1)) == "open"


def test_deadline_day_counts_in_berlin_time_not_utc():
    call = FundingCall(deadline=D(2026, 3, 31))
    # 23:30 in Berlin on the deadline day is 21:30 UTC: still open.
    late_evening = at_berlin(2026, 3, 31, 23, 30)
    with mock.patch(
        "django.utils.timezone.now", return_value=late_evening.astimezone(datetime.UTC)
    ):
        assert berlin_today() == D(2026, 3, 31)
        assert call.state == "open"
    # 00:30 in Berlin the next day is still 31 March in UTC (22:30): closed all the same.
    after_midnight = at_berlin(2026, 4, 1, 0, 30)
    assert after_midnight.astimezone(datetime.UTC).date() == D(2026, 3, 31)
    with mock.patch(
        "django.utils.timezone.now", return_value=after_midnight.astimezone(datetime.UTC)
    ):
        assert call.state == "closed"


def test_closing_soon_within_30_days_only_while_open():
    call = FundingCall(deadline=D(2026, 5, 31))
    assert call.is_closing_soon_on(D(2026, 5, 1))  # 30 days left
    assert not call.is_closing_soon_on(D(2026, 4, 30))  # 31 days left
    assert call.is_closing_soon_on(D(2026, 5, 31))
    assert not call.is_closing_soon_on(D(2026, 6, 1))  # closed


@pytest.mark.django_db
def test_queryset_states_match_the_property():
    today = D(2026, 6, 15)
    upcoming = FundingCallFactory(opens_on=D(2026, 7, 1), deadline=D(2026, 8, 1))
    open_today = FundingCallFactory(deadline=today)
    open_later = FundingCallFactory(opens_on=D(2026, 6, 1), deadline=D(2026, 9, 1))
    closed = FundingCallFactory(deadline=D(2026, 6, 14))
    qs = FundingCall.objects.all()
    assert set(qs.upcoming(today)) == {upcoming}
    assert set(qs.open(today)) == {open_today, open_later}
    assert set(qs.closed(today)) == {closed}
    assert set(qs.closing_soon(today)) == {open_today}
    for call in qs:
        assert call in qs.in_state(call.state_on(today), today)


@pytest.mark.django_db
def test_deadline_event_follows_the_call():
    call = FundingCallFactory(deadline=D(2026, 10, 15), status="draft")
    event = Event.objects.get(funding_call=call)
    assert event.area == Area.EUROPE
    assert event.precision == Event.Precision.DAY
    assert timezone.localtime(event.starts_at, BERLIN).date() == D(2026, 10, 15)
    assert event.status == "draft"
    # Listed as upcoming in the calendar until the end of the deadline day (Berlin).
    last_minute = at_berlin(2026, 10, 15, 23, 30)
    assert Event.objects.upcoming(now=last_minute).filter(pk=event.pk).exists()
    assert (
        not Event.objects.upcoming(now=at_berlin(2026, 10, 16, 0, 1)).filter(pk=event.pk).exists()
    )
    assert "Aufruf" in event.title_de and event.title_en.startswith("Deadline:")

    call.deadline = D(2026, 11, 2)
    call.status = "published"
    call.save()
    event.refresh_from_db()
    assert timezone.localtime(event.starts_at, BERLIN).date() == D(2026, 11, 2)
    assert event.status == "published"
    assert Event.objects.filter(funding_call=call).count() == 1

    call.delete()
    assert not Event.objects.filter(uid=event.uid).exists()


@pytest.mark.django_db
def test_example_call_deadline_event_says_so():
    call = FundingCallFactory(is_example=True)
    event = sync_call_deadline_event(call)
    assert event.title_de.startswith("Beispiel")
    assert event.title_en.startswith("Example")
    assert "kein echter Förderaufruf" in event.description_de


@pytest.mark.django_db
def test_area_registry_latest_and_sdg():
    section = areas.get(Area.EUROPE)
    assert section.latest is latest and section.tagged_with_sdg is tagged_with_sdg
    goal = SDGGoal.objects.get(number=17)
    field = WorkFieldFactory()
    field.sdg_goals.add(goal)
    call = FundingCallFactory(is_example=True)
    call.sdg_goals.add(goal)
    FundingCallFactory(status="draft").sdg_goals.add(goal)
    FundingCallFactory(deadline=D(2000, 1, 1))  # closed: not among the latest
    teasers = tagged_with_sdg(goal)
    assert [t.url for t in teasers] == [field.get_absolute_url(), call.get_absolute_url()]
    newest = latest(3)
    assert [t.url for t in newest] == [call.get_absolute_url()]
    assert "Beispiel" in str(newest[0].kind)


@pytest.mark.django_db
def test_dates_must_be_in_order():
    from django.core.exceptions import ValidationError

    from europe.models import Nomination

    from .factories import ParticipationProgrammeFactory

    call = FundingCallFactory.build(opens_on=D(2026, 5, 1), deadline=D(2026, 4, 1))
    with pytest.raises(ValidationError) as error:
        call.clean()
    assert "deadline" in error.value.message_dict
    nomination = Nomination(
        programme=ParticipationProgrammeFactory(),
        name="X",
        mandate_start=D(2026, 5, 1),
        mandate_end=D(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        nomination.clean()
    assert "mandate_end" in error.value.message_dict


@pytest.mark.django_db
def test_deadline_event_is_linked_and_keeps_its_calendar_uid():
    call = FundingCallFactory()
    event = Event.objects.get(funding_call=call)
    assert call.deadline_event == event
    call.title_de = "Neuer Titel"
    call.deadline = call.deadline + datetime.timedelta(days=3)
    call.save()
    assert Event.objects.get(funding_call=call).uid == event.uid
    assert Event.objects.get(pk=event.pk).title_de == "Einreichfrist: Neuer Titel"


@pytest.mark.django_db(transaction=True)
def test_migration_links_the_events_of_the_old_uid_convention():
    """The existing deadline events (found by UID until then) become the calls' linked events,
    with their UIDs unchanged; migrating back restores the convention."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from ludwigsburg_intl.page_cache import install_triggers
    from tests.conftest import restore_sdg_goals

    executor = MigrationExecutor(connection)
    # The shared app stays as it is (its latest state); only europe moves.
    shared = [node for node in executor.loader.graph.leaf_nodes() if node[0] == "ludwigsburg_intl"]
    before = [("europe", "0002_interest_retention_and_throttle_spam"), *shared]
    after = [("europe", "0003_funding_call_deadline_event"), *shared]
    try:
        executor.migrate(before)
        old = executor.loader.project_state(before).apps
        programme = old.get_model("europe", "FundingProgramme").objects.create(
            slug="p", name="Programm", name_de="Programm", status="published"
        )
        call = old.get_model("europe", "FundingCall").objects.create(
            programme=programme, slug="c", title="Aufruf", title_de="Aufruf", deadline=D(2031, 1, 1)
        )
        old_event = old.get_model("ludwigsburg_intl", "Event")
        uid = f"europe-call-{call.pk}@ludwigsburg-international"
        moment = timezone.now()
        for event_uid in (f"europe-call-{call.pk + 1}@ludwigsburg-international", "other", uid):
            old_event.objects.create(
                uid=event_uid, title="x", title_de="x", starts_at=moment, area="europe"
            )
        event_pk = old_event.objects.get(uid=uid).pk

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new = executor.loader.project_state(after).apps
        linked = new.get_model("europe", "FundingCall").objects.get(pk=call.pk)
        assert linked.deadline_event_id == event_pk
        assert new.get_model("ludwigsburg_intl", "Event").objects.get(pk=event_pk).uid == uid

        new.get_model("ludwigsburg_intl", "Event").objects.filter(pk=event_pk).update(uid="new")
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        assert old_event.objects.get(pk=event_pk).uid == uid
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        install_triggers()  # what `migrate` does after migrating
        restore_sdg_goals()
