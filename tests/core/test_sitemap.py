"""sitemap.xml and robots.txt: every published page in both languages, never a draft."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from climate.models import Project
from ludwigsburg_intl.models import Event, SDGGoal, SitePage
from ludwigsburg_intl.sitemaps import ObjectSitemap
from network.models import Actor, Indicator
from partnerships.models import PartnerCity
from tests.climate.factories import PartnershipFactory, ProjectFactory, StatusReportFactory
from tests.core.test_feeds import add_content, count_queries
from tests.europe.factories import FundingCallFactory, FundingProgrammeFactory
from tests.factories import EventFactory
from tests.partnerships.factories import ActivityFactory, PartnerCityFactory
from tests.test_site import security_header_problems

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
LANGUAGES = ("de", "en")


def _get(client, url):
    response = client.get(urlsplit(url).path + (f"?{urlsplit(url).query}" if "?" in url else ""))
    client.cookies.clear()
    return response


def sitemap_urls(client) -> dict[str, dict[str, str]]:
    """Every <url> of every sitemap the index names: location -> {hreflang: href}."""
    robots = client.get("/robots.txt").content.decode()
    index_url = next(
        line.split(":", 1)[1].strip() for line in robots.splitlines() if line.startswith("Sitemap:")
    )
    index = _get(client, index_url)
    assert index.status_code == 200
    assert index["Content-Type"].startswith("application/xml")
    urls = {}
    for loc in ET.fromstring(index.content).iterfind("sm:sitemap/sm:loc", NS):
        section = _get(client, loc.text)
        assert section.status_code == 200, loc.text
        for url in ET.fromstring(section.content).iterfind("sm:url", NS):
            location = url.find("sm:loc", NS).text
            assert location not in urls, f"{location} listed twice"
            urls[location] = {
                link.get("hreflang"): link.get("href")
                for link in url.iterfind("xhtml:link[@rel='alternate']", NS)
            }
    return urls


def absolute(path):
    return f"http://testserver{path}"


def in_both_languages(get_path) -> list[str]:
    urls = []
    for language in LANGUAGES:
        with override(language):
            urls.append(absolute(get_path()))
    return urls


def test_every_url_answers_200_with_its_twin_and_x_default(client, demo_content):
    urls = sitemap_urls(client)
    assert len(urls) > 100
    for location, alternates in urls.items():
        assert set(alternates) == {"de", "en", "x-default"}, location
        assert alternates["x-default"] == alternates["de"], location
        assert location in (alternates["de"], alternates["en"]), location
        assert urlsplit(alternates["de"]).path.startswith("/de/")
        assert urlsplit(alternates["en"]).path.startswith("/en/")
        # Each language's page is listed in its own right, too.
        assert alternates["de"] in urls and alternates["en"] in urls, location
        assert "/admin/" not in location
    for location in urls:
        response = _get(client, location)
        assert response.status_code == 200, location
        assert response["Content-Type"].startswith("text/html")


def test_every_published_page_is_listed(client, demo_content):
    listed = set(sitemap_urls(client))
    expected = []
    for name in ("home", "calendar:upcoming", "partnerships:index", "climate:status-overview"):
        expected += in_both_languages(lambda name=name: reverse(name))
    for model in (PartnerCity, Project, Actor, Indicator, Event, SitePage):
        objects = list(model.objects.published())
        assert objects, f"the demo has no published {model.__name__}?"
        for obj in objects:
            expected += in_both_languages(obj.get_absolute_url)
    for goal in SDGGoal.objects.all():
        expected += in_both_languages(
            lambda goal=goal: reverse("network:sdg-detail", kwargs={"number": goal.number})
        )
    missing = sorted(set(expected) - listed)
    assert not missing, missing


def test_lastmod_comes_from_the_content(client, demo_content):
    changed = timezone.now() - datetime.timedelta(days=400)
    city = PartnerCity.objects.published().first()
    PartnerCity.objects.filter(pk=city.pk).update(updated_at=changed)
    city.activities.update(updated_at=changed)
    for language in LANGUAGES:
        lastmod = _lastmod(client, "partner-cities", city, language)
        assert lastmod == timezone.localdate(changed).isoformat()


def test_drafts_expired_and_hidden_content_never_appear(client, demo_content):
    now = timezone.now()
    draft_city = PartnerCityFactory(slug="entwurfsstadt", status="draft")
    expired_city = PartnerCityFactory(slug="abgelaufene-stadt", publish_until=now)
    future_city = PartnerCityFactory(
        slug="kuenftige-stadt", publish_from=now + datetime.timedelta(days=1)
    )
    # A published project of a draft partnership is not public either.
    hidden_project = ProjectFactory(partnership=PartnershipFactory(status="draft"))
    draft_event = EventFactory(status="draft")
    expired_event = EventFactory(publish_until=now - datetime.timedelta(minutes=1))
    call_of_draft_programme = FundingCallFactory(programme=FundingProgrammeFactory(status="draft"))
    hidden = [
        draft_city,
        expired_city,
        future_city,
        hidden_project,
        draft_event,
        expired_event,
        call_of_draft_programme,
    ]
    listed = set(sitemap_urls(client))
    for obj in hidden:
        for url in in_both_languages(obj.get_absolute_url):
            assert url not in listed, f"{obj!r} is not public but listed: {url}"
            assert _get(client, url).status_code == 404, url
    # ...while a published one of the same kind is listed.
    assert set(in_both_languages(PartnerCityFactory(slug="neue-stadt").get_absolute_url)) <= set(
        sitemap_urls(client)
    )


def test_large_sitemaps_are_split_into_pages(client, demo_content, monkeypatch):
    monkeypatch.setattr(ObjectSitemap, "limit", 4)
    events = Event.objects.published().count()
    assert events > 2, "the demo needs a few events for this test"
    index = ET.fromstring(client.get("/sitemap.xml").content)
    event_pages = [
        loc.text
        for loc in index.iterfind("sm:sitemap/sm:loc", NS)
        if "/sitemap-events.xml" in loc.text
    ]
    assert len(event_pages) == -(-2 * events // 4)  # two languages per event, four per page
    listed = set()
    for page in event_pages:
        section = ET.fromstring(_get(client, page).content)
        listed |= {loc.text for loc in section.iterfind("sm:url/sm:loc", NS)}
    assert len(listed) == 2 * events
    assert client.get("/sitemap-events.xml?p=999").status_code == 404
    assert client.get("/sitemap-events.xml?p=abc").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_names_the_absolute_sitemap_url(client, settings):
    settings.ALLOWED_HOSTS = ["international.ludwigsburg.de"]
    response = client.get("/robots.txt", HTTP_HOST="international.ludwigsburg.de", secure=True)
    lines = response.content.decode().splitlines()
    assert "Sitemap: https://international.ludwigsburg.de/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_sitemaps_set_no_cookie_and_carry_the_security_headers(client, demo_content):
    for url in ("/robots.txt", "/sitemap.xml", "/sitemap-pages.xml", "/sitemap-events.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert not security_header_problems(response), url


def test_the_sitemap_costs_as_many_queries_with_much_content_as_with_little(client, db):
    sections = [
        reverse("sitemap-section", kwargs={"section": section})
        for section in ("events", "partner-cities", "climate-projects", "funding-calls", "actors")
    ]
    add_content(1)
    few = [count_queries(client, url) for url in ["/sitemap.xml", *sections]]
    add_content(6)
    assert [count_queries(client, url) for url in ["/sitemap.xml", *sections]] == few


def _lastmod(client, section, obj, language="de"):
    with override(language):
        location = absolute(obj.get_absolute_url())
    response = client.get(reverse("sitemap-section", kwargs={"section": section}))
    for url in ET.fromstring(response.content).iterfind("sm:url", NS):
        if url.find("sm:loc", NS).text == location:
            return url.find("sm:lastmod", NS).text
    raise AssertionError(f"{location} not in the {section} sitemap")


def test_a_new_published_report_or_activity_moves_its_pages_lastmod(client, db):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    project = ProjectFactory()
    city = PartnerCityFactory()
    Project.objects.filter(pk=project.pk).update(updated_at=long_ago)
    PartnerCity.objects.filter(pk=city.pk).update(updated_at=long_ago)
    StatusReportFactory(project=project, status="draft")
    ActivityFactory(city=city, status="draft")
    assert _lastmod(client, "climate-projects", project) == timezone.localdate(long_ago).isoformat()
    assert _lastmod(client, "partner-cities", city) == timezone.localdate(long_ago).isoformat()
    StatusReportFactory(project=project)
    ActivityFactory(city=city)
    today = timezone.localdate().isoformat()
    assert _lastmod(client, "climate-projects", project) == today
    assert _lastmod(client, "partner-cities", city) == today
