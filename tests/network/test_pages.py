import icalendar
import pytest
from django.core.management import call_command

from ludwigsburg_intl.demo import EVENT_UIDS
from ludwigsburg_intl.models import Area, ContactPerson, Event
from network.models import (
    Actor,
    CoordinationItem,
    Indicator,
    IndicatorValue,
    Membership,
    Programme,
    StatePartner,
    Topic,
)

from .factories import (
    ActorFactory,
    CoordinationItemFactory,
    EventFactory,
    MembershipFactory,
    ProgrammeFactory,
)


@pytest.mark.django_db
def test_coordination_page_shows_tasks_cooperation_and_contacts(client):
    CoordinationItemFactory(title_de="Faire Beschaffung", title_en="Fair procurement")
    CoordinationItemFactory(kind="cooperation", title_de="Fachbereich Tiefbau und Grünflächen")
    CoordinationItemFactory(kind="outlook", title_de="SDG-Konferenz")
    CoordinationItemFactory(title_de="Entwurf", status="draft")
    ContactPerson.objects.create(
        name="Saliou Gueye",
        role_de="Koordination",
        email="s.gueye@ludwigsburg.de",
        areas=[Area.NETWORK],
        status="published",
    )
    ContactPerson.objects.create(
        name="Jemand Anderes", role_de="Europa", areas=[Area.EUROPE], status="published"
    )
    body = client.get("/de/netzwerk/koordinierungsstelle/").content.decode()
    assert "Faire Beschaffung" in body
    assert "Fachbereich Tiefbau und Grünflächen" in body
    assert "SDG-Konferenz" in body
    assert "Saliou Gueye" in body
    assert "Entwurf" not in body
    main = body.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert "Jemand Anderes" not in main
    assert body.count("<h1") == 1
    assert "Fair procurement" in client.get("/en/network/coordination-office/").content.decode()


@pytest.mark.django_db
def test_state_and_federal_page_shows_role_and_known_periods_only(client):
    MembershipFactory(
        name_de="BuKo 2018",
        kind="event",
        level="federal",
        start_year=2018,
        end_year=2018,
        role_de="Mitwirkung",
    )
    MembershipFactory(
        name_de="AG Kommunale Entwicklungspolitik",
        organisation_de="Städtetag Baden-Württemberg",
        role_de="Mitglied",
    )
    MembershipFactory(name_de="Geheim", status="draft")
    StatePartner.objects.create(
        slug="projektstelle",
        name_de="Projektstelle",
        status="published",
        description_de="## Schwerpunkt Burundi\nCluster Governance/Kommunales.",
    )
    body = client.get("/de/netzwerk/land-und-bund/").content.decode()
    assert "<caption" in body and 'scope="col"' in body and 'scope="row"' in body
    assert "BuKo 2018" in body and "<td>2018</td>" in body
    assert "Städtetag Baden-Württemberg" in body
    assert "nicht bekannt" in body
    assert "Geheim" not in body
    detail = client.get("/de/netzwerk/land-und-bund/projektstelle/")
    assert "<h2>Schwerpunkt Burundi</h2>" in detail.content.decode()
    assert client.get("/de/netzwerk/land-und-bund/gibt-es-nicht/").status_code == 404
    en = client.get("/en/network/state-and-federal/").content.decode()
    assert "not known" in en and "Federal" in en


@pytest.mark.django_db
def test_programme_page_lists_its_events_and_ical(client):
    programme = ProgrammeFactory(
        slug="nachhaltigkeitstage", name_de="Nachhaltigkeitstage", name_en="Sustainability Days"
    )
    event = EventFactory(title_de="Nachhaltigkeitstage 2030", title_en="Sustainability Days 2030")
    programme.events.add(event, EventFactory(title_de="Entwurf", status="draft"))
    EventFactory(title_de="Unverbunden")
    programme.actors.add(ActorFactory(name_de="Eine-Welt-Gruppen"))
    body = client.get("/de/netzwerk/angebote/nachhaltigkeitstage/").content.decode()
    assert "Nachhaltigkeitstage 2030" in body
    assert "Entwurf" not in body and "Unverbunden" not in body
    assert "Eine-Welt-Gruppen" in body
    calendar = icalendar.Calendar.from_ical(
        client.get("/en/network/programmes/nachhaltigkeitstage/calendar.ics").content
    )
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Sustainability Days 2030"]
    assert client.get("/de/netzwerk/angebote/gibt-es-nicht/").status_code == 404


@pytest.mark.django_db
def test_index_links_the_parts(client):
    ProgrammeFactory(name_de="LokalGlobal")
    ActorFactory(name_de="Foodsharing")
    body = client.get("/de/netzwerk/").content.decode()
    for url in [
        "/de/netzwerk/akteure/",
        "/de/netzwerk/koordinierungsstelle/",
        "/de/netzwerk/land-und-bund/",
        "/de/netzwerk/sdg/",
    ]:
        assert f'href="{url}"' in body
    assert "LokalGlobal" in body and "Foodsharing" in body
    assert "Zurzeit sind keine kommenden Termine angekündigt." in body


@pytest.mark.django_db
def test_index_shows_upcoming_network_events_only(client):
    EventFactory(title_de="Eine-Welt-Forum im Rathaus")
    EventFactory(title_de="Besuch aus Montbéliard", area=Area.PARTNERSHIPS)
    body = client.get("/de/netzwerk/").content.decode()
    assert "Eine-Welt-Forum im Rathaus" in body
    assert "Besuch aus Montbéliard" not in body
    assert "Global denken" in client.get("/en/network/").content.decode()


@pytest.fixture
def demo(db):
    call_command("load_demo_content", verbosity=0)


PUBLIC_URLS = [
    "/de/netzwerk/",
    "/en/network/",
    "/de/netzwerk/akteure/",
    "/en/network/actors/",
    "/de/netzwerk/akteure/freundeskreis-burkina-faso/",
    "/en/network/actors/eine-welt-gruppen/",
    "/de/netzwerk/akteure/akteure.csv",
    "/de/netzwerk/akteure/foodsharing/kalender.ics",
    "/de/netzwerk/angebote/lokalglobal/",
    "/en/network/programmes/nachhaltigkeitstage/",
    "/de/netzwerk/koordinierungsstelle/",
    "/en/network/coordination-office/",
    "/de/netzwerk/land-und-bund/",
    "/en/network/state-and-federal/",
    "/de/netzwerk/land-und-bund/staedtetag-koordination-kommunale-partnerschaften/",
    "/de/netzwerk/sdg/",
    "/en/network/sdg/4/",
    "/de/netzwerk/sdg/12/export.csv",
    "/de/netzwerk/sdg/indikatoren/",
    "/en/network/sdg/indicators/schulkooperationen-globales-lernen/",
    "/de/netzwerk/sdg/indikatoren/werte.csv",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_demo_pages_answer_without_cookies(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies


@pytest.mark.django_db
def test_demo_content_follows_the_seeds(demo):
    names = set(Actor.objects.published().values_list("name_de", flat=True))
    assert {"Freundeskreis Burkina Faso", "Foodsharing", "Eine-Welt-Gruppen"} <= names
    assert any("Ludwigsburg International" in n for n in names)
    eine_welt = Actor.objects.get(slug="eine-welt-gruppen")
    assert eine_welt.kind == Actor.Kind.CATEGORY
    # No invented contact details or websites.
    assert not Actor.objects.exclude(website="").exists()
    assert not Actor.objects.filter(contact_consent=True).exists()
    assert not Actor.objects.exclude(contact_email="").exists()
    # Periods only where the seeds give them.
    buko = Membership.objects.get(name_de="BuKo 2018")
    assert (buko.start_year, buko.end_year) == (2018, 2018)
    assert Membership.objects.filter(start_year__isnull=False).count() == 1
    # Every demo indicator value is an example.
    assert IndicatorValue.objects.exists()
    assert not IndicatorValue.objects.filter(is_example=False).exists()
    event = Event.objects.get(uid=EVENT_UIDS["nachhaltigkeitstage_2023"])
    assert list(event.network_programmes.values_list("slug", flat=True)) == ["nachhaltigkeitstage"]
    verein = Actor.objects.get(slug="ludwigsburg-international-ev")
    assert verein.partnership_activities.exists()
    # Six tasks from the office's page (seed 001), three task areas from the slides (seed 000).
    assert CoordinationItem.objects.tasks().count() == 9
    assert CoordinationItem.objects.cooperation().count() == 4
    for model in (Actor, Programme, Topic, StatePartner, Indicator, Membership, CoordinationItem):
        field = "title_en" if model is CoordinationItem else "name_en"
        assert not model.objects.filter(**{field: ""}).exists(), model


@pytest.mark.django_db
def test_demo_is_idempotent(demo):
    counts = [
        m.objects.count()
        for m in (Actor, Programme, Topic, Membership, CoordinationItem, IndicatorValue)
    ]
    call_command("load_demo_content", verbosity=0)
    assert counts == [
        m.objects.count()
        for m in (Actor, Programme, Topic, Membership, CoordinationItem, IndicatorValue)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    [
        "actor",
        "topic",
        "programme",
        "coordinationitem",
        "membership",
        "statepartner",
        "indicator",
        "indicatorvalue",
    ],
)
def test_admin_pages(staff_client, demo, model):
    assert staff_client.get(f"/admin/network/{model}/").status_code == 200
    assert staff_client.get(f"/admin/network/{model}/add/").status_code == 200
    assert staff_client.get(f"/admin/network/{model}/?q=a").status_code == 200
