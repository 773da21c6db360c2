import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from europe.models import FundingCall, FundingProgramme, berlin_today
from ludwigsburg_intl.models import Area, ContactPerson, Event
from tests.factories import StaffUserFactory

from .factories import (
    FundingApplicationFactory,
    FundingCallFactory,
    FundingProgrammeFactory,
    FundingTopicFactory,
    NetworkFactory,
    ParticipationProgrammeFactory,
)

PUBLIC_URLS = [
    "/de/europa/",
    "/en/europe/",
    "/de/europa/foerderaufrufe/",
    "/en/europe/funding-calls/",
    "/de/europa/foerderaufrufe/beispiel-begegnungen/",
    "/en/europe/funding-calls/beispiel-klima/",
    "/de/europa/netzwerke/",
    "/en/europe/networks/",
    "/de/europa/mitwirkung/",
    "/en/europe/participation/",
    "/de/europa/mitwirkung/interesse/danke/",
    "/en/europe/participation/interest/thanks/",
]


def titles(response):
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_answer_without_setting_a_cookie(client, demo_content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.cookies == {}, f"{url} set {list(response.cookies)}"
    assert response.content.decode().count("<h1") == 1


@pytest.mark.django_db
def test_form_page_is_the_only_one_with_a_cookie(client, demo_content):
    response = client.get("/de/europa/mitwirkung/interesse/")
    assert response.status_code == 200
    assert list(response.cookies) == ["csrftoken"]


@pytest.mark.django_db
def test_both_languages(client, demo_content):
    de = client.get("/de/europa/").content.decode()
    en = client.get("/en/europe/").content.decode()
    assert "Fünf Arbeitsfelder" in de and "EU-Mitgestaltung" in de
    assert "Five fields of work" in en and "Shaping EU policy" in en
    assert "EU co-creation" not in en
    assert "Annegret Kurze" in de and "Annegret Kurze" in en
    assert "europa@ludwigsburg.de" not in de  # the address is only given entity-encoded
    with translation.override("de"):
        assert reverse("europe:call-list") == "/de/europa/foerderaufrufe/"
    with translation.override("en"):
        assert reverse("europe:interest-form") == "/en/europe/participation/interest/"


@pytest.mark.django_db
def test_demo_content_follows_the_seeds(client, demo_content):
    page = client.get("/en/europe/participation/").content.decode()
    assert "at most 1 council member" in page and "at most 2 council members" in page
    assert "up to the age of 40" in page
    networks = client.get("/de/europa/netzwerke/").content.decode()
    assert "Europäische Kommission" in networks and "Fachebene" in networks


@pytest.mark.django_db
def test_example_calls_are_labelled_as_examples(client, demo_content):
    listing = client.get("/de/europa/foerderaufrufe/").content.decode()
    assert "Nur ein Beispiel – kein echter Förderaufruf." in listing
    detail = client.get("/en/europe/funding-calls/beispiel-klima/").content.decode()
    assert "Example only – not a real call for funding." in detail


@pytest.mark.django_db
def test_real_call_has_no_example_notice(client):
    call = FundingCallFactory()
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Beispiel" not in page


@pytest.mark.django_db
def test_filter_by_state_topic_and_deadline(client):
    today = berlin_today()
    day = datetime.timedelta(days=1)
    topic = FundingTopicFactory(slug="klima")
    soon = FundingCallFactory(title_de="Bald zu", deadline=today + 10 * day)
    soon.topics.add(topic)
    later = FundingCallFactory(title_de="Später", deadline=today + 100 * day)
    upcoming = FundingCallFactory(
        title_de="Kommt noch", opens_on=today + 5 * day, deadline=today + 50 * day
    )
    closed = FundingCallFactory(title_de="Vorbei", deadline=today - day)
    url = reverse("europe:call-list")

    def listed(query):
        page = client.get(url, query).content.decode()
        return {c.title_de for c in (soon, later, upcoming, closed) if c.title_de in page}

    assert listed({}) == {"Bald zu", "Später", "Kommt noch", "Vorbei"}
    assert listed({"state": "open"}) == {"Bald zu", "Später"}
    assert listed({"state": "closing-soon"}) == {"Bald zu"}
    assert listed({"state": "upcoming"}) == {"Kommt noch"}
    assert listed({"state": "closed"}) == {"Vorbei"}
    assert listed({"topic": "klima"}) == {"Bald zu"}
    assert listed({"deadline_until": (today + 20 * day).isoformat()}) == {"Bald zu", "Vorbei"}
    assert listed({"deadline_from": today.isoformat(), "state": "open"}) == {"Bald zu", "Später"}


@pytest.mark.django_db
def test_closing_soon_is_marked(client):
    FundingCallFactory(deadline=berlin_today() + datetime.timedelta(days=3))
    page = client.get("/en/europe/funding-calls/").content.decode()
    assert "closes in 3 days" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "?state=banana",
        "?topic=%3Cscript%3Ealert(1)%3C/script%3E",
        "?deadline_from=99999-99-99",
        "?deadline_until=morgen&state[]=x",
        "?state=open&state=closed&topic=",
        "?deadline_from=2026-02-30",
    ],
)
def test_nonsense_filter_values_give_the_page_with_a_message(client, query):
    FundingCallFactory(title_de="Ein Aufruf")
    response = client.get("/de/europa/foerderaufrufe/" + query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>alert(1)" not in page
    assert "Ein Aufruf" in page  # listed unfiltered
    if "state=open&state=closed" not in query:
        assert "Einige Filterwerte konnten nicht verwendet werden" in page or "Some filter" in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "Die Seitenzahl wurde nicht verstanden"),
        ("0", "Angezeigt wird die erste Seite"),
        ("999", "Angezeigt wird die letzte Seite"),
        ("-1", "Angezeigt wird die erste Seite"),
    ],
)
def test_nonsense_page_number_shows_a_page_with_a_message(client, page, message):
    FundingCallFactory(title_de="Ein Aufruf")
    response = client.get(f"/de/europa/foerderaufrufe/?page={page}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ein Aufruf" in html
    assert message in html


@pytest.mark.django_db
def test_unknown_or_draft_call_is_404_for_public_but_visible_to_staff(staff_client):
    from django.test import Client

    client = Client()
    assert client.get("/de/europa/foerderaufrufe/gibt-es-nicht/").status_code == 404
    draft = FundingCallFactory(status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "draft-banner" in response.content.decode()


@pytest.mark.django_db
def test_drafts_are_not_listed(client):
    FundingCallFactory(title_de="Entwurf-Aufruf", status="draft")
    NetworkFactory(name_de="Entwurf-Netzwerk", status="draft")
    ParticipationProgrammeFactory(name_de="Entwurf-Programm", status="draft")
    for url in (
        "/de/europa/",
        "/de/europa/foerderaufrufe/",
        "/de/europa/netzwerke/",
        "/de/europa/mitwirkung/",
    ):
        assert "Entwurf-" not in client.get(url).content.decode()


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_data(client):
    topic = FundingTopicFactory()
    FundingCallFactory().topics.add(topic)
    FundingApplicationFactory()
    NetworkFactory()
    ParticipationProgrammeFactory()
    urls = [
        "/de/europa/",
        "/de/europa/foerderaufrufe/",
        "/de/europa/netzwerke/",
        "/de/europa/mitwirkung/",
    ]
    before = {url: _count_queries(client, url) for url in urls}
    for _ in range(15):
        call = FundingCallFactory(deadline=berlin_today() + datetime.timedelta(days=5))
        call.topics.add(topic, FundingTopicFactory())
        FundingApplicationFactory()
        ParticipationProgrammeFactory(network=NetworkFactory())
    after = {url: _count_queries(client, url) for url in urls}
    assert before == after


@pytest.mark.django_db
def test_contacts_come_from_the_shared_contact_model(client):
    ContactPerson.objects.create(
        name="Erika Europa", role_de="Europa", areas=[Area.EUROPE], status="published"
    )
    ContactPerson.objects.create(
        name="Karl Klima", role_de="Klima", areas=[Area.CLIMATE], status="published"
    )
    page = client.get("/de/europa/").content.decode()
    assert "Erika Europa" in page
    assert page.count("Karl Klima") == 0


@pytest.mark.django_db
def test_nominees_are_never_public(client, demo_content):
    from europe.models import Nomination, ParticipationProgramme

    programme = ParticipationProgramme.objects.get(slug="juma")
    Nomination.objects.create(
        programme=programme,
        name="Geheime Nominierte",
        age_at_nomination=30,
        mandate_start=datetime.date(2025, 1, 1),
    )
    for url in PUBLIC_URLS:
        assert "Geheime Nominierte" not in client.get(url).content.decode()


@pytest.mark.django_db
def test_budget_and_dates_in_the_page_language(client):
    call = FundingCallFactory(budget="250000.00", deadline=datetime.date(2031, 3, 5))
    de = client.get(call.get_absolute_url()).content.decode()
    assert "250.000\xa0€" in de and "5. März 2031" in de
    with translation.override("en"):
        url = call.get_absolute_url()
    en = client.get(url).content.decode()
    assert "€250,000" in en and "5 March 2031" in en


@pytest.mark.django_db
def test_deadlines_appear_in_the_shared_calendar_and_on_the_home_page(client, demo_content):
    calendar = client.get("/de/termine/?area=europe").content.decode()
    assert (
        "Beispiel – Einreichfrist: Beispielaufruf: Begegnungen zwischen Partnerstädten" in calendar
    )
    home = client.get("/de/").content.decode()
    assert "Beispielaufruf: Begegnungen zwischen Partnerstädten" in home
    assert "Förderaufruf (Beispiel)" in home
    detail = client.get("/de/europa/foerderaufrufe/beispiel-begegnungen/").content.decode()
    ical_link = re.search(r'href="([^"]*/ical/)"', detail).group(1)
    ical = client.get(ical_link)
    assert ical.status_code == 200 and b"BEGIN:VEVENT" in ical.content


# --- A call's deadline event is public exactly while the call is --------------------------------


def _everywhere_the_calendar_shows(client, event_id):
    """Calendar list, event page, calendar.ics and home page, both languages."""
    pages = {}
    for language in ("de", "en"):
        with translation.override(language):
            for name, url in {
                "calendar": reverse("calendar:upcoming"),
                "event page": reverse("calendar:event-detail", args=[event_id]),
                "event .ics": reverse("calendar:event-ical", args=[event_id]),
                "calendar.ics": reverse("calendar:ical"),
                "home": reverse("home"),
                "europe": reverse("europe:index"),
            }.items():
                response = client.get(url)
                body = response.content.decode().replace("\r\n ", "")  # unfold iCalendar lines
                pages[f"{name} ({language})"] = (response.status_code, body)
    return pages


def _assert_deadline_hidden(client, call, event_id):
    for where, (status, body) in _everywhere_the_calendar_shows(client, event_id).items():
        if where.startswith(("event page", "event .ics")):
            assert status == 404, where
            continue
        assert status == 200, where
        for text in (call.title_de, call.title_en, call.programme.name_de, call.programme.name_en):
            assert text not in body, (where, text)


def _assert_deadline_shown(client, call, event_id):
    pages = _everywhere_the_calendar_shows(client, event_id)
    for where in ("calendar (de)", "event page (de)", "calendar.ics (de)", "home (de)"):
        status, body = pages[where]
        assert status == 200 and call.title_de in body, where
    assert call.programme.name_de in pages["event page (de)"][1]


@pytest.mark.django_db
def test_deadline_event_of_a_call_in_a_draft_programme_is_nowhere(client):
    call = FundingCallFactory(
        title_de="Aufruf für Bürgerbegegnungen", title_en="Call for citizens' meetings"
    )
    event_id = call.deadline_event_id
    assert event_id, "the call has no deadline event"
    _assert_deadline_shown(client, call, event_id)

    programme = call.programme
    programme.status = "draft"
    programme.save()
    assert client.get(call.get_absolute_url()).status_code == 404
    _assert_deadline_hidden(client, call, event_id)

    programme.status = "published"
    programme.save()
    _assert_deadline_shown(client, call, event_id)


@pytest.mark.django_db
def test_deadline_event_follows_the_call_to_another_programme(client):
    call = FundingCallFactory(title_de="Aufruf zum Umziehen", title_en="Call that moves")
    event_id = call.deadline_event_id
    call.programme = FundingProgrammeFactory(status="draft", name_de="Entwurfsprogramm")
    call.save()
    _assert_deadline_hidden(client, call, event_id)
    call.programme = FundingProgrammeFactory(name_de="Öffentliches Programm")
    call.save()
    _assert_deadline_shown(client, call, event_id)


@pytest.mark.django_db
def test_deadline_event_follows_the_publication_window_of_the_programme(client):
    """No signal runs when a window opens or closes: the query itself must decide."""
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    call = FundingCallFactory(title_de="Aufruf mit Fenster", title_en="Call with a window")
    event = Event.objects.get(pk=call.deadline_event_id)
    programme = call.programme

    FundingProgramme.objects.filter(pk=programme.pk).update(publish_from=now + hour)
    assert event not in Event.objects.published()
    assert event in Event.objects.published(at=now + 2 * hour)
    _assert_deadline_hidden(client, call, event.pk)

    FundingProgramme.objects.filter(pk=programme.pk).update(
        publish_from=None, publish_until=now - hour
    )
    assert event not in Event.objects.published()
    assert event in Event.objects.published(at=now - 2 * hour)
    _assert_deadline_hidden(client, call, event.pk)

    # The call's own window counts as well, even when the event was not synced since.
    FundingProgramme.objects.filter(pk=programme.pk).update(publish_until=None)
    FundingCall.objects.filter(pk=call.pk).update(publish_until=now - hour)
    assert event not in Event.objects.published()
    FundingCall.objects.filter(pk=call.pk).update(publish_until=None, status="draft")
    assert event not in Event.objects.published()
    FundingCall.objects.filter(pk=call.pk).update(status="published")
    _assert_deadline_shown(client, call, event.pk)


@pytest.mark.django_db
def test_staff_preview_of_a_hidden_deadline_event_has_the_draft_banner(client):
    client.force_login(StaffUserFactory())
    call = FundingCallFactory(programme=FundingProgrammeFactory(status="draft"))
    response = client.get(reverse("calendar:event-detail", args=[call.deadline_event_id]))
    assert response.status_code == 200
    assert 'class="draft-banner"' in response.content.decode()


@pytest.mark.django_db
def test_call_page_links_its_deadline_event(client):
    call = FundingCallFactory()
    html = client.get(call.get_absolute_url()).content.decode()
    assert reverse("calendar:event-ical", args=[call.deadline_event_id]) in html
