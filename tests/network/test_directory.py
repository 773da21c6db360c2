import csv
import io

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ludwigsburg_intl.models import Event, SDGGoal
from network.models import Actor

from .factories import ActorFactory, EventFactory, ProgrammeFactory, TopicFactory

LIST_DE = "/de/netzwerk/akteure/"
LIST_EN = "/en/network/actors/"


def names(response):
    return [a.name_de for a in response.context["actors"]]


@pytest.mark.django_db
def test_directory_lists_published_actors_only(client):
    ActorFactory(name_de="Freundeskreis")
    ActorFactory(name_de="Entwurf", status="draft")
    response = client.get(LIST_DE)
    assert response.status_code == 200
    assert names(response) == ["Freundeskreis"]
    assert "Entwurf" not in response.content.decode()
    assert not response.cookies


@pytest.mark.django_db
def test_filter_by_type_sdg_topic_and_partner_city(client, partner_city):
    fair = TopicFactory(slug="fairer-handel")
    school = ActorFactory(name_de="Schule", kind=Actor.Kind.SCHOOL)
    group = ActorFactory(name_de="Gruppe", kind=Actor.Kind.GROUP)
    association = ActorFactory(name_de="Verein", kind=Actor.Kind.ASSOCIATION)
    group.sdg_goals.add(SDGGoal.objects.get(number=12))
    school.topics.add(fair)
    association.partner_cities.add(partner_city)

    assert names(client.get(LIST_DE, {"type": "school"})) == ["Schule"]
    assert names(client.get(LIST_DE, {"sdg": "12"})) == ["Gruppe"]
    assert names(client.get(LIST_DE, {"topic": "fairer-handel"})) == ["Schule"]
    assert names(client.get(LIST_DE, {"city": "montbeliard"})) == ["Verein"]
    assert names(client.get(LIST_DE, {"type": "school", "sdg": "12"})) == []
    assert (
        "Kein Akteur passt" in client.get(LIST_DE, {"type": "school", "sdg": "12"}).content.decode()
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"type": "<script>alert(1)</script>"},
        {"sdg": "99"},
        {"sdg": "abc"},
        {"topic": "gibt-es-nicht"},
        {"city": "atlantis"},
        {"type": "school", "sdg": "0", "page": "x"},
        {"topic": "\x00"},
        {"sdg": "99999999999999999999"},
        {"city": "'; DROP TABLE network_actor; --"},
    ],
)
def test_nonsense_filters_show_the_page_with_a_message(client, query):
    ActorFactory(name_de="Gruppe A")
    ActorFactory(name_de="Gruppe B", kind=Actor.Kind.ASSOCIATION)
    response = client.get(LIST_DE, query)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Einige Filterwerte konnten nicht verwendet werden" in body
    assert "Die Liste unten ist nicht gefiltert." in body
    assert "<script>alert(1)</script>" not in body
    assert names(response) == ["Gruppe A", "Gruppe B"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query_string",
    ["%zz=1&page=2", "sdg[]=1&type[]=x", "page=1&page=%00", "topic=a&topic=b", "=&&="],
)
def test_malformed_query_strings_never_fail(client, query_string):
    ActorFactory()
    assert client.get(f"{LIST_DE}?{query_string}").status_code == 200
    assert client.get(f"{LIST_DE}akteure.csv?{query_string}").status_code == 200


@pytest.mark.django_db
def test_nonsense_filter_message_in_english(client):
    response = client.get(LIST_EN, {"sdg": "99"})
    assert response.status_code == 200
    assert "Choose one of the 17 goals." in response.content.decode()


@pytest.mark.django_db
def test_pagination(client):
    ActorFactory.create_batch(45)
    first = client.get(LIST_DE)
    assert len(first.context["actors"]) == 20
    assert "Seite 1 von 3" in first.content.decode()
    third = client.get(LIST_DE, {"page": "3"})
    assert len(third.context["actors"]) == 5
    assert third.context["page_message"] == ""


@pytest.mark.django_db
def test_pagination_keeps_the_filter(client):
    ActorFactory.create_batch(25, kind=Actor.Kind.SCHOOL)
    ActorFactory.create_batch(3)
    response = client.get(LIST_DE, {"type": "school", "page": "2"})
    assert len(response.context["actors"]) == 5
    assert 'href="?type=school&amp;page=1"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "shown", "message"),
    [
        ("abc", 1, "Die Seitenzahl wurde nicht verstanden"),
        ("999", 2, "Angezeigt wird die letzte Seite"),
        ("0", 1, "Angezeigt wird die erste Seite"),
        ("-5", 1, "Angezeigt wird die erste Seite"),
        ("1e9", 1, "Die Seitenzahl wurde nicht verstanden"),
    ],
)
def test_nonsense_page_numbers_show_a_page_with_a_message(client, page, shown, message):
    ActorFactory.create_batch(25)
    response = client.get(LIST_DE, {"page": page})
    assert response.status_code == 200
    assert response.context["page_obj"].number == shown
    assert message in response.content.decode()


@pytest.mark.django_db
def test_empty_directory(client):
    response = client.get(LIST_DE, {"page": "7"})
    assert response.status_code == 200
    assert "Kein Akteur passt" in response.content.decode()


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


def _make_linked_actors(n, partner_city):
    topic = TopicFactory()
    goals = list(SDGGoal.objects.filter(number__in=[4, 12, 17]))
    for actor in ActorFactory.create_batch(n):
        actor.topics.add(topic)
        actor.sdg_goals.add(*goals)
        actor.partner_cities.add(partner_city)


@pytest.mark.django_db
@pytest.mark.parametrize("url", [LIST_DE, LIST_DE + "akteure.csv", "/de/netzwerk/"])
def test_query_count_does_not_grow_with_actors(client, partner_city, url):
    _make_linked_actors(1, partner_city)
    one = _count_queries(client, url)
    _make_linked_actors(49, partner_city)
    assert Actor.objects.count() == 50
    assert _count_queries(client, url) == one


@pytest.mark.django_db
def test_actor_detail_query_count_is_constant(client, partner_city):
    actor = ActorFactory()
    one = _count_queries(client, actor.get_absolute_url())
    for i in range(10):
        actor.events.add(EventFactory(title_de=f"Treffen {i}"))
        topic = TopicFactory()
        actor.topics.add(topic)
    actor.partner_cities.add(partner_city)
    programme = ProgrammeFactory()
    programme.actors.add(actor)
    assert _count_queries(client, actor.get_absolute_url()) == one


@pytest.mark.django_db
def test_contact_details_only_with_consent(client):
    hidden = ActorFactory(
        slug="ohne",
        contact_name="Erika Muster",
        contact_email="erika@example.org",
        contact_phone="07141 12345",
    )
    shown = ActorFactory(
        slug="mit",
        contact_consent=True,
        contact_name="Max Beispiel",
        contact_email="max@example.org",
    )
    body = client.get(hidden.get_absolute_url()).content.decode()
    assert "Erika Muster" not in body
    assert "07141 12345" not in body
    assert "erika" not in body
    assert "keine Kontaktdaten veröffentlicht" in body

    body = client.get(shown.get_absolute_url()).content.decode()
    assert "Max Beispiel" in body
    assert "&#109;&#97;&#120;&#64;" in body  # the encoded e-mail link

    rows = _read_csv(client.get(LIST_DE + "akteure.csv"), ";")
    by_name = {row["Name"]: row for row in rows}
    assert by_name[hidden.name_de]["Ansprechperson"] == ""
    assert by_name[hidden.name_de]["E-Mail"] == ""
    assert by_name[shown.name_de]["E-Mail"] == "max@example.org"
    assert "erika" not in client.get(LIST_DE + "akteure.csv").content.decode()


def _read_csv(response, delimiter):
    assert response["Content-Type"].startswith("text/csv")
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.django_db
def test_directory_csv_in_both_languages_follows_filters(client):
    school = ActorFactory(
        name_de="Schule am See",
        name_en="School by the lake",
        kind=Actor.Kind.SCHOOL,
        website="https://schule.example.org/",
    )
    school.sdg_goals.add(*SDGGoal.objects.filter(number__in=[4, 13]))
    ActorFactory(name_de="Gruppe; mit Semikolon", name_en="Group, with comma")

    rows = _read_csv(client.get(LIST_DE + "akteure.csv"), ";")
    assert {row["Name"] for row in rows} == {"Schule am See", "Gruppe; mit Semikolon"}
    school_row = next(r for r in rows if r["Name"] == "Schule am See")
    assert school_row["Art"] == "Schule"
    assert school_row["SDG-Ziele"] == "4 | 13"
    assert school_row["Website"] == "https://schule.example.org/"
    assert school_row["Seite auf diesem Portal"].endswith(f"/de/netzwerk/akteure/{school.slug}/")

    rows = _read_csv(client.get(LIST_EN + "actors.csv", {"type": "school"}), ",")
    assert [r["Name"] for r in rows] == ["School by the lake"]
    assert rows[0]["Type"] == "School"
    rows = _read_csv(client.get(LIST_EN + "actors.csv"), ",")
    assert "Group, with comma" in {r["Name"] for r in rows}


@pytest.mark.django_db
def test_actor_page_shows_its_events_and_links(client, partner_city):
    actor = ActorFactory(
        name_de="Freundeskreis Burkina Faso", description_de="## Wer wir sind\nEhrenamtliche."
    )
    actor.partner_cities.add(partner_city)
    actor.sdg_goals.add(SDGGoal.objects.get(number=13))
    actor.events.add(
        EventFactory(title_de="Infoabend Kongoussi"),
        EventFactory(title_de="Entwurfstermin", status="draft"),
    )
    EventFactory(title_de="Fremder Termin")
    body = client.get(actor.get_absolute_url()).content.decode()
    assert "<h1>Freundeskreis Burkina Faso</h1>" in body
    assert "Infoabend Kongoussi" in body
    assert "Entwurfstermin" not in body
    assert "Fremder Termin" not in body
    assert partner_city.get_absolute_url() in body
    assert "/de/netzwerk/sdg/13/" in body


@pytest.mark.django_db
def test_actor_page_lists_partnership_activities_it_organised(client, partner_city):
    from partnerships.models import Activity

    actor = ActorFactory()
    shown = Activity.objects.create(
        title_de="Weihnachtsmarkt in Montbéliard",
        city=partner_city,
        pillar="clubs",
        status="published",
    )
    hidden = Activity.objects.create(title_de="Entwurfsaktivität", pillar="clubs", status="draft")
    for activity in (shown, hidden):
        activity.organisers.add(actor)
    body = client.get(actor.get_absolute_url()).content.decode()
    assert "Weihnachtsmarkt in Montbéliard" in body
    assert shown.get_absolute_url() in body
    assert "Entwurfsaktivität" not in body


@pytest.mark.django_db
def test_actor_ical_parses(client):
    actor = ActorFactory()
    event = EventFactory(title_de="Netzwerktreffen", title_en="Network meeting")
    actor.events.add(event)
    EventFactory(title_de="Anderer Termin")
    response = client.get(f"/en/network/actors/{actor.slug}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["Network meeting"]
    assert str(events[0]["uid"]) == event.uid
    german = icalendar.Calendar.from_ical(
        client.get(f"/de/netzwerk/akteure/{actor.slug}/kalender.ics").content
    )
    assert [str(e["summary"]) for e in german.walk("VEVENT")] == ["Netzwerktreffen"]


@pytest.mark.django_db
def test_unknown_or_draft_actor_is_404(staff_client):
    from django.test import Client

    client = Client()
    draft = ActorFactory(status="draft", name_de="Noch geheim")
    assert client.get("/de/netzwerk/akteure/gibt-es-nicht/").status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/de/netzwerk/akteure/{draft.slug}/kalender.ics").status_code == 404
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "nicht veröffentlicht" in response.content.decode()


@pytest.mark.django_db
def test_both_languages_and_german_fallback(client):
    ActorFactory(slug="nur-deutsch", name_de="Nur Deutsch", name_en="", summary_en="")
    de = client.get(LIST_DE).content.decode()
    en = client.get(LIST_EN).content.decode()
    assert "<h1>Akteure in Ludwigsburg</h1>" in de
    assert "<h1>Stakeholders in Ludwigsburg</h1>" in en
    assert '<span lang="de">Nur Deutsch</span>' in en
    detail = client.get("/en/network/actors/nur-deutsch/").content.decode()
    assert '<h1><span lang="de">Nur Deutsch</span></h1>' in detail
    assert "<title>Nur Deutsch – Ludwigsburg International</title>" in detail


@pytest.mark.django_db
def test_an_actor_links_its_calendar_events():
    actor = ActorFactory()
    event = EventFactory()
    actor.events.add(event)
    assert list(actor.events.all()) == [event]
    assert Event.objects.filter(network_actors__slug=actor.slug).count() == 1
