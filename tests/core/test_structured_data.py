"""schema.org JSON-LD on the pages it fits, as data blocks the CSP and the crawl accept."""

import datetime
from decimal import Decimal

import pytest

from climate.models import Project
from tests.climate.factories import FunderFactory, ProjectFactory
from tests.core.crawl import parse_html
from tests.factories import ContactPersonFactory, EventFactory, OfficeFactory
from tests.partnerships.factories import PartnerCityFactory


def _blocks(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = parse_html(response.content.decode())
    assert parsed.inline_scripts == 0
    return {block["@type"]: block for block in parsed.data_blocks}


@pytest.mark.django_db
def test_event_as_precise_as_known_with_place_and_status(client):
    exact = EventFactory(
        title_en="Town twinning festival",
        starts_at=datetime.datetime(2030, 6, 1, 10, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2030, 6, 1, 16, tzinfo=datetime.UTC),
    )
    event = _blocks(client, f"/en/calendar/{exact.pk}/")["Event"]
    assert event["@context"] == "https://schema.org"
    assert event["name"] == "Town twinning festival"
    assert event["startDate"] == "2030-06-01T12:00:00+02:00"  # Berlin time, with its offset
    assert event["endDate"] == "2030-06-01T18:00:00+02:00"
    assert event["location"] == {"@type": "Place", "name": "Ludwigsburg, town hall"}
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    month = EventFactory(
        precision="month",
        place_de="",
        place_en="",
        starts_at=datetime.datetime(2030, 5, 10, 12, tzinfo=datetime.UTC),
        ends_at=None,
    )
    event = _blocks(client, f"/de/termine/{month.pk}/")["Event"]
    assert event["startDate"] == "2030-05"
    assert "endDate" not in event and "location" not in event


@pytest.mark.django_db
def test_partner_city_with_the_year_of_the_partnership_unknown_year_left_out(client):
    city = PartnerCityFactory(slug="montbeliard", name_de="Montbéliard", partnership_since=1950)
    data = _blocks(client, "/de/partnerstaedte/montbeliard/")["City"]
    assert data["name"] == "Montbéliard"
    assert data["containedInPlace"] == {"@type": "Country", "name": "Frankreich"}
    assert data["additionalProperty"]["value"] == 1950
    assert data["geo"]["latitude"] == 47.51
    city.partnership_since = None
    city.save()
    assert "additionalProperty" not in _blocks(client, "/de/partnerstaedte/montbeliard/")["City"]


@pytest.mark.django_db
def test_climate_project_with_funder_and_the_amount_only_once_granted(client):
    project = ProjectFactory(
        slug="solar",
        funder=FunderFactory(name_en="Federal Ministry"),
        grant_amount=Decimal("270000.00"),
        project_status=Project.ProjectStatus.APPROVED,
    )
    data = _blocks(client, "/en/climate-partnerships/projects/solar/")["Project"]
    assert data["funder"]["name"] == "Federal Ministry"
    assert data["funding"]["@type"] == "MonetaryGrant"
    assert data["funding"]["amount"] == {
        "@type": "MonetaryAmount",
        "value": 270000.0,
        "currency": "EUR",
    }
    project.project_status = Project.ProjectStatus.APPLIED
    project.save()
    data = _blocks(client, "/en/climate-partnerships/projects/solar/")["Project"]
    assert "amount" not in data["funding"]  # a requested sum is not presented as granted


@pytest.mark.django_db
def test_city_office_with_contact_points_in_the_footer(client):
    office = OfficeFactory(name_de="Referat Internationales", phone="07141 910-0")
    ContactPersonFactory(
        name="Erika Beispiel", office=office, show_in_footer=True, email="erika@example.org"
    )
    data = _blocks(client, "/de/")["GovernmentOrganization"]
    # Readers decode it; the page itself has no plain address for harvesters.
    assert data["department"][0]["contactPoint"][0]["email"] == "erika@example.org"
    assert "erika@example.org" not in client.get("/de/").content.decode()
    assert data["name"] == "Stadt Ludwigsburg"
    department = data["department"][0]
    assert department["name"] == "Referat Internationales"
    assert department["address"]["postalCode"] == "71638"
    assert department["contactPoint"][0]["name"] == "Erika Beispiel"
    assert department["contactPoint"][0]["contactType"] == "Städtepartnerschaften"


@pytest.mark.django_db
def test_drafts_are_never_described(staff_client):
    event = EventFactory(status="draft", title_de="Entwurfstermin")
    project = ProjectFactory(slug="entwurf", status="draft")
    # Staff may preview the pages; the structured data still leaves them out.
    assert "Event" not in _blocks(staff_client, f"/de/termine/{event.pk}/")
    assert "Project" not in _blocks(
        staff_client, f"/de/klimapartnerschaften/projekte/{project.slug}/"
    )


@pytest.mark.django_db
def test_text_cannot_end_the_data_block(client):
    event = EventFactory(title_de='</script><script>alert("x")</script> & <!--')
    html = client.get(f"/de/termine/{event.pk}/").content.decode()
    assert '</script><script>alert("x")' not in html.split("<body")[0]
    parsed = parse_html(html)
    assert parsed.inline_scripts == 0
    assert parsed.data_blocks[0]["name"] == '</script><script>alert("x")</script> & <!--'


def test_crawl_rule_allows_only_json_data_blocks():
    assert parse_html('<script type="application/ld+json">{"a": 1}</script>').inline_scripts == 0
    assert parse_html("<script>alert(1)</script>").inline_scripts == 1
    assert parse_html('<script type="text/javascript">x()</script>').inline_scripts == 1
    assert parse_html('<script type="application/ld+json">alert(1)</script>').inline_scripts == 1
