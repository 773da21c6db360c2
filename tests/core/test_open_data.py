"""Open data: every list as CSV and JSON, the open-data page, the DCAT-AP.de catalogue."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
import rdflib
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from climate.models import ClimatePartnership, Project
from ludwigsburg_intl import areas
from network.models import IndicatorValue
from tests.climate.factories import FunderFactory, ProjectFactory
from tests.europe.factories import FundingCallFactory, FundingTopicFactory
from tests.factories import EventFactory, StaffUserFactory
from tests.network.factories import ActorFactory, IndicatorFactory
from tests.partnerships.factories import PartnerCityFactory

DL_BY_DE = rdflib.URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")
DRAFT_WORD = "Geheimentwurfxyz"


def _content(objects=1, word=""):
    """``objects`` published items of every dataset, each with its related objects."""
    for n in range(objects):
        city = PartnerCityFactory(name_de=f"Stadt {word}{n}", name_en=f"City {word}{n}")
        project = ProjectFactory(
            title_de=f"Projekt {word}{n}",
            title_en=f"Project {word}{n}",
            funder=FunderFactory(),
            grant_amount=Decimal("270000.50"),
        )
        call = FundingCallFactory(
            title_de=f"Aufruf {word}{n}", title_en=f"Call {word}{n}", budget=Decimal("1500000")
        )
        call.topics.add(FundingTopicFactory())
        actor = ActorFactory(name_de=f"Akteur {word}{n}", name_en=f"Actor {word}{n}")
        actor.partner_cities.add(city)
        indicator = IndicatorFactory(name_de=f"Indikator {word}{n}", name_en=f"Indicator {word}{n}")
        IndicatorValue.objects.create(indicator=indicator, year=2020, value=Decimal("12.5"))
        IndicatorValue.objects.create(indicator=indicator, year=2021, value=Decimal("14"))
        event = EventFactory(title_de=f"Termin {word}{n}", title_en=f"Event {word}{n}")
        for linked in (city, project, actor):
            linked.events.add(event)


def _download_urls(client, language="de"):
    graph = _catalogue(client, language)
    return sorted(str(url) for url in graph.objects(None, DCAT.downloadURL))


def _catalogue(client, language="de"):
    path = "/de/offene-daten/catalog.jsonld" if language == "de" else "/en/open-data/catalog.jsonld"
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/ld+json")
    return rdflib.Graph().parse(data=response.content, format="json-ld")


@pytest.mark.django_db
def test_catalogue_describes_every_dataset_with_distributions_licence_and_format(client):
    graph = _catalogue(client)
    catalogues = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogues) == 1
    datasets = list(graph.objects(catalogues[0], DCAT.dataset))
    assert len(datasets) == len(areas.datasets()) == 6
    titles = {str(graph.value(d, DCTERMS.title)) for d in datasets}
    assert {"Partnerstädte", "Terminkalender", "Kommunale SDG-Indikatoren"} <= titles
    publisher = graph.value(catalogues[0], DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Organization) in graph
    assert str(graph.value(publisher, FOAF.name)) == "Stadt Ludwigsburg"
    for dataset in datasets:
        assert graph.value(dataset, DCTERMS.publisher) == publisher
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 2, dataset
        formats = {str(graph.value(d, DCTERMS["format"])) for d in distributions}
        assert formats == {
            "http://publications.europa.eu/resource/authority/file-type/CSV",
            "http://publications.europa.eu/resource/authority/file-type/JSON",
        }
        for distribution in distributions:
            assert graph.value(distribution, DCTERMS.license) == DL_BY_DE
            assert graph.value(distribution, DCAT.mediaType) is not None
            assert graph.value(distribution, DCAT.downloadURL) is not None


@pytest.mark.django_db
def test_modified_date_is_the_latest_recorded_change(client):
    graph = _catalogue(client)
    assert not list(graph.objects(None, DCTERMS.modified))  # nothing recorded: no date invented
    project = ProjectFactory()
    moment = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)
    entry = LogEntry.objects.create(
        user=StaffUserFactory(),
        content_type=ContentType.objects.get_for_model(Project),
        object_id=str(project.pk),
        object_repr=str(project),
        action_flag=CHANGE,
    )
    LogEntry.objects.filter(pk=entry.pk).update(action_time=moment)
    # The project's own timestamps are older than the logged change.
    earlier = moment - datetime.timedelta(days=1)
    Project.objects.update(updated_at=earlier)
    ClimatePartnership.objects.update(updated_at=earlier)
    graph = _catalogue(client)
    dataset = rdflib.URIRef("http://testserver/de/offene-daten/#climate-projects")
    assert graph.value(dataset, DCTERMS.modified).toPython() == moment
    events = rdflib.URIRef("http://testserver/de/offene-daten/#events")
    assert graph.value(events, DCTERMS.modified) is None


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_every_download_answers_in_its_format_and_never_shows_a_draft(client, language):
    _content(word="Sichtbar")
    _content(word=DRAFT_WORD)
    # Each kind of draft: the object itself, or the object a download depends on.
    PartnerCityFactory._meta.model.objects.filter(name_de__contains=DRAFT_WORD).update(
        status="draft"
    )
    Project.objects.filter(title_de__contains=DRAFT_WORD).update(status="draft")
    FundingCallFactory._meta.model.objects.filter(title_de__contains=DRAFT_WORD).update(
        status="draft"
    )
    ActorFactory._meta.model.objects.filter(name_de__contains=DRAFT_WORD).update(status="draft")
    IndicatorFactory._meta.model.objects.filter(name_de__contains=DRAFT_WORD).update(status="draft")
    EventFactory._meta.model.objects.filter(title_de__contains=DRAFT_WORD).update(status="draft")
    urls = _download_urls(client, language)
    assert len(urls) == 12
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode("utf-8-sig")
        if url.endswith(".json"):
            assert response["Content-Type"].startswith("application/json")
            document = json.loads(body)
            assert document["language"] == language
            assert document["licence"]["url"] == "https://www.govdata.de/dl-de/by-2-0"
            assert document["items"], url
        else:
            assert response["Content-Type"].startswith("text/csv")
            assert len(list(csv.reader(io.StringIO(body), delimiter=";,"[language == "en"]))) > 1
        assert "Sichtbar" in body, url
        # The draft itself is missing, and so is a published event's link to a draft city.
        assert DRAFT_WORD not in body, url


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(client):
    _content(objects=1)
    urls = [url.removeprefix("http://testserver") for url in _download_urls(client)]
    urls += ["/de/offene-daten/", "/de/offene-daten/catalog.jsonld"]
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    _content(objects=4, word="Mehr")
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) == counts[url], url


@pytest.mark.django_db
def test_json_has_numbers_iso_dates_money_in_euros_and_the_english_text_with_german_fallback(
    client,
):
    funder = FunderFactory(name_de="Bundesministerium", name_en="")
    ProjectFactory(
        title_de="Solar",
        title_en="Solar power",
        funder=funder,
        start_year=2023,
        grant_amount=Decimal("270000.50"),
        own_share=None,
    )
    FundingCallFactory(deadline=datetime.date(2030, 5, 31), budget=Decimal("1500000"))
    EventFactory(
        title_en="",
        title_de="Nur deutsch",
        precision="month",
        starts_at=datetime.datetime(2030, 5, 10, 12, tzinfo=datetime.UTC),
        ends_at=None,
    )
    project = json.loads(client.get("/en/climate-partnerships/data.json").content)["items"][0]
    assert project["title"] == "Solar power"
    assert project["funder"] == "Bundesministerium"  # German stands in for the missing English
    assert project["grant_amount_eur"] == 270000.5 and project["own_share_eur"] is None
    assert project["first_year"] == 2023
    call = json.loads(client.get("/en/europe/data.json").content)["items"][0]
    assert call["deadline"] == "2030-05-31" and call["budget_eur"] == 1500000
    event = json.loads(client.get("/en/calendar/data.json").content)["items"][0]
    assert event["title"] == "Nur deutsch"
    assert event["start"] == "2030-05" and event["end"] is None  # only the month is known
    german_csv = client.get("/de/klimapartnerschaften/data.csv").content.decode("utf-8-sig")
    assert "270000,50" in german_csv


@pytest.mark.django_db
def test_actor_contact_data_only_with_consent(client):
    ActorFactory(name_de="Mit Zustimmung", contact_consent=True, contact_email="ja@example.org")
    ActorFactory(name_de="Ohne Zustimmung", contact_consent=False, contact_email="nein@example.org")
    response = client.get("/de/netzwerk/akteure/akteure.json")
    items = {item["name"]: item for item in json.loads(response.content)["items"]}
    assert items["Mit Zustimmung"]["contact_email"] == "ja@example.org"
    assert items["Ohne Zustimmung"]["contact_email"] is None
    assert "nein@example.org" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page", "heading", "footer_link"),
    [
        ("/de/offene-daten/", "Offene Daten", "Offene Daten"),
        ("/en/open-data/", "Open data", "Open data"),
    ],
)
def test_open_data_page_lists_datasets_with_licence_and_downloads(
    client, page, heading, footer_link
):
    response = client.get(page)
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert html.count('href="https://www.govdata.de/dl-de/by-2-0"') == 1 + len(areas.datasets())
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in html
    for dataset in areas.datasets():
        assert f'id="dataset-{dataset.key}"' in html
    assert html.count('type="text/csv"') == html.count('type="application/json"') == 6
    assert 'catalog.jsonld"' in html
    # Linked from the footer of every page.
    home = client.get(page.split("/")[0] + "/" + page.split("/")[1] + "/").content.decode()
    assert f'<a href="{page}">{footer_link}</a>' in home


@pytest.mark.django_db
def test_existing_csv_lists_have_their_json_twin(client):
    from ludwigsburg_intl.models import SDGGoal

    goal = SDGGoal.objects.get(number=13)
    actor = ActorFactory(name_de="Klimagruppe")
    actor.sdg_goals.add(goal)
    ActorFactory(name_de="Entwurfsgruppe", status="draft").sdg_goals.add(goal)
    response = client.get("/de/netzwerk/sdg/13/export.json")
    document = json.loads(response.content)
    assert response["Content-Disposition"] == 'inline; filename="sdg-13.json"'
    assert [item["title"] for item in document["items"]] == ["Klimagruppe"]
    assert document["items"][0]["sdg_goal"] == 13
    indicator = IndicatorFactory(slug="co2")
    IndicatorValue.objects.create(indicator=indicator, year=2020, value=Decimal("7.25"))
    values = json.loads(client.get("/en/network/sdg/indicators/co2/values.json").content)
    assert values["items"][0]["value"] == 7.25 and values["items"][0]["year"] == 2020
    # The pages offer the JSON next to the CSV.
    assert (
        'href="/de/netzwerk/sdg/13/export.json"'
        in client.get("/de/netzwerk/sdg/13/").content.decode()
    )
    assert (
        'href="/de/netzwerk/akteure/akteure.json"'
        in client.get("/de/netzwerk/akteure/").content.decode()
    )


@pytest.mark.django_db
def test_committee_briefing_as_json_with_lists_and_without_drafts(client):
    from tests.climate.factories import MeetingFactory, StatusReportFactory

    project = ProjectFactory(title_de="Solarprojekt", grant_amount=Decimal("270000.00"))
    ProjectFactory(partnership=project.partnership, title_de="Geheimer Entwurf", status="draft")
    StatusReportFactory(project=project, reported_on=datetime.date(2024, 1, 15))
    meeting = MeetingFactory(date=datetime.date(2024, 2, 1))
    page = client.get(f"/de/klimapartnerschaften/sitzungen/{meeting.pk}/").content.decode()
    json_url = f"/de/klimapartnerschaften/sitzungen/{meeting.pk}/sachstand.json"
    assert f'href="{json_url}"' in page
    document = json.loads(client.get(json_url).content)
    assert [item["project"] for item in document["items"]] == ["Solarprojekt"]
    item = document["items"][0]
    assert item["grant_eur"] == 270000
    assert isinstance(item["new_reports"], list) and isinstance(item["changes"], list)
    for report in item["new_reports"]:
        datetime.date.fromisoformat(report["date"])


@pytest.mark.django_db
def test_datasets_name_the_published_contact_of_their_area(client):
    from tests.factories import ContactPersonFactory, OfficeFactory

    office = OfficeFactory(name_de="Referat Nachhaltigkeit", email="klima@example.org")
    ContactPersonFactory(areas=["climate"], office=office)
    ContactPersonFactory(areas=["europe"], email="entwurf@example.org", status="draft")
    graph = _catalogue(client)
    vcard = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
    climate = rdflib.URIRef("http://testserver/de/offene-daten/#climate-projects")
    point = graph.value(climate, DCAT.contactPoint)
    assert str(graph.value(point, vcard.fn)) == "Referat Nachhaltigkeit"
    assert graph.value(point, vcard.hasEmail) == rdflib.URIRef("mailto:klima@example.org")
    europe = rdflib.URIRef("http://testserver/de/offene-daten/#funding-calls")
    assert graph.value(europe, DCAT.contactPoint) is None  # a draft contact is not named


@pytest.mark.django_db
def test_work_on_drafts_does_not_move_the_modified_date(client):
    project = ProjectFactory(status="draft")
    LogEntry.objects.create(
        user=StaffUserFactory(),
        content_type=ContentType.objects.get_for_model(Project),
        object_id=str(project.pk),
        object_repr=str(project),
        action_flag=CHANGE,
    )
    earlier = datetime.datetime(2026, 3, 4, 10, 0, tzinfo=datetime.UTC)
    ClimatePartnership.objects.update(updated_at=earlier)  # the public part, changed long ago
    graph = _catalogue(client)
    dataset = rdflib.URIRef("http://testserver/de/offene-daten/#climate-projects")
    assert graph.value(dataset, DCTERMS.modified).toPython() == earlier
