"""Atom feeds per language: they parse, link to pages in their language, never show a draft."""

import datetime
import time
from urllib.parse import urlsplit

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import http_date
from django.utils.translation import gettext, override

from ludwigsburg_intl import areas
from tests.climate.factories import PartnershipFactory, ProjectFactory, StatusReportFactory
from tests.core.crawl import parse_html
from tests.europe.factories import FundingCallFactory, FundingProgrammeFactory
from tests.factories import EventFactory
from tests.network.factories import ActorFactory
from tests.partnerships.factories import ActivityFactory, PartnerCityFactory
from tests.test_site import security_header_problems

pytestmark = pytest.mark.django_db

LANGUAGES = ("de", "en")
FEED_NAMES = {"news", "events", "funding-calls", "status-reports"}


def feed_url(name, language):
    with override(language):
        return reverse(f"feeds:{name}")


def fetch(client, url):
    response = client.get(url)
    client.cookies.clear()
    return response


def parsed_feed(client, name, language):
    response = fetch(client, feed_url(name, language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return response, feed


def all_feed_texts(client) -> str:
    return "\n".join(
        fetch(client, feed_url(entry.name, language)).content.decode()
        for entry in areas.feeds()
        for language in LANGUAGES
    )


def test_the_feeds_are_registered_under_the_language_prefix():
    assert {entry.name for entry in areas.feeds()} == FEED_NAMES
    assert feed_url("events", "de") == "/de/feeds/termine/"
    assert feed_url("events", "en") == "/en/feeds/events/"
    assert feed_url("funding-calls", "de") == "/de/feeds/foerderaufrufe/"


@pytest.mark.parametrize("name", sorted(FEED_NAMES))
def test_each_feed_parses_in_both_languages_and_links_to_same_language_pages(
    client, demo_content, name
):
    titles = {}
    for language in LANGUAGES:
        response, feed = parsed_feed(client, name, language)
        assert feed.feed.language == language
        titles[language] = feed.feed.title
        assert feed.feed.subtitle
        assert feed.feed.author == (
            "Stadt Ludwigsburg" if language == "de" else "City of Ludwigsburg"
        )
        assert feed.entries, f"{name} ({language}) has no entries with the demo content"
        for entry in feed.entries:
            assert entry.title and entry.updated_parsed, entry
            path = urlsplit(entry.link).path
            assert path.startswith(f"/{language}/"), entry.link
            page = fetch(client, path)
            assert page.status_code == 200, entry.link
            assert f'<html lang="{language}"' in page.content.decode()
        ids = [entry.id for entry in feed.entries]
        assert len(ids) == len(set(ids)), "entry ids must be unique"
        assert not response.cookies
        assert not security_header_problems(response)
    assert titles["de"] != titles["en"], "the German feed title is not translated"


def test_the_events_feed_lists_upcoming_events_only(client, db):
    upcoming = EventFactory(title_de="Bürgerreise nach Montbéliard", title_en="Trip to Montbéliard")
    past = EventFactory(
        title_de="Vergangenes Treffen",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3, hours=-1),
    )
    for language, title in (("de", upcoming.title_de), ("en", upcoming.title_en)):
        _response, feed = parsed_feed(client, "events", language)
        assert [entry.title for entry in feed.entries] == [title]
        with override(language):
            assert urlsplit(feed.entries[0].link).path == upcoming.get_absolute_url()
        assert "Vergangenes Treffen" not in str(feed)
    assert past.pk


def test_the_calls_feed_gives_deadlines_and_leaves_out_closed_calls(client, db):
    deadline = timezone.localdate() + datetime.timedelta(days=20)
    FundingCallFactory(title_de="Offener Aufruf", title_en="Open call", deadline=deadline)
    FundingCallFactory(
        title_de="Geschlossener Aufruf", deadline=timezone.localdate() - datetime.timedelta(days=1)
    )
    for language in LANGUAGES:
        _response, feed = parsed_feed(client, "funding-calls", language)
        assert len(feed.entries) == 1
        with override(language):
            expected = gettext("Deadline: %(date)s.") % {"date": formats.date_format(deadline)}
        assert expected in feed.entries[0].summary
        assert "Geschlossener Aufruf" not in str(feed)
    assert feed.entries[0].title == "Open call"


def test_the_reports_feed_links_each_report_on_its_project_page(client, db):
    report = StatusReportFactory(text_de="Die Solaranlagen sind installiert.")
    _response, feed = parsed_feed(client, "status-reports", "de")
    (entry,) = feed.entries
    assert report.project.title_de in entry.title
    assert "Die Solaranlagen sind installiert." in entry.summary
    assert urlsplit(entry.link).fragment == f"report-{report.pk}"
    page = fetch(client, urlsplit(entry.link).path).content.decode()
    assert f'id="report-{report.pk}"' in page


def test_the_site_wide_feed_gathers_every_area(client, db):
    EventFactory(title_de="Neuer Termin")
    FundingCallFactory(title_de="Neuer Aufruf")
    StatusReportFactory(project=ProjectFactory(title_de="Neues Projekt"))
    ActivityFactory(title_de="Neue Aktivität", city=PartnerCityFactory())
    _response, feed = parsed_feed(client, "news", "de")
    titles = " | ".join(entry.title for entry in feed.entries)
    for title in ("Neuer Termin", "Neuer Aufruf", "Neues Projekt", "Neue Aktivität"):
        assert title in titles
    dates = [entry.updated_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)


def test_no_draft_ever_appears_in_a_feed(client, demo_content):
    now = timezone.now()
    draft = "Entwurf-Geheim"
    EventFactory(title_de=f"{draft} Termin", title_en=f"{draft} event", status="draft")
    EventFactory(title_de=f"{draft} abgelaufen", publish_until=now - datetime.timedelta(minutes=1))
    FundingCallFactory(title_de=f"{draft} Aufruf", title_en=f"{draft} call", status="draft")
    draft_project = ProjectFactory(title_de=f"{draft} Projekt", status="draft")
    StatusReportFactory(project=draft_project, text_de=f"{draft} Bericht eines Entwurfs")
    StatusReportFactory(
        project=ProjectFactory(
            title_de=f"{draft} Projekt einer Entwurfspartnerschaft",
            partnership=PartnershipFactory(status="draft"),
        ),
        text_de=f"{draft} Bericht",
    )
    StatusReportFactory(text_de=f"{draft} Berichtsentwurf", status="draft")
    ActivityFactory(title_de=f"{draft} Aktivität", status="draft", city=PartnerCityFactory())
    ActivityFactory(
        title_de=f"{draft} Aktivität einer Entwurfsstadt",
        city=PartnerCityFactory(name_de=f"{draft} Stadt", status="draft"),
    )
    ActorFactory(name_de=f"{draft} Gruppe", status="draft")
    texts = all_feed_texts(client)
    assert draft not in texts
    # ...and the feeds are not empty, or the test would prove nothing.
    assert texts.count("<entry>") > 20


def test_a_call_of_a_draft_programme_is_not_in_the_calls_feed(client, db):
    FundingCallFactory(
        title_de="Aufruf eines Entwurfsprogramms", programme=FundingProgrammeFactory(status="draft")
    )
    FundingCallFactory(title_de="Sichtbarer Aufruf")
    _response, feed = parsed_feed(client, "funding-calls", "de")
    assert [entry.title for entry in feed.entries] == ["Sichtbarer Aufruf"]


@pytest.mark.parametrize(
    ("url_name", "feeds"),
    [
        ("home", {"news"}),
        ("calendar:upcoming", {"news", "events"}),
        ("europe:index", {"news", "funding-calls"}),
        ("europe:call-list", {"news", "funding-calls"}),
        ("climate:index", {"news", "status-reports"}),
        ("partnerships:index", {"news"}),
    ],
)
def test_pages_announce_their_feeds_in_the_head(client, demo_content, url_name, feeds):
    for language in LANGUAGES:
        with override(language):
            page = fetch(client, reverse(url_name))
        html = page.content.decode()
        head = html[: html.index("</head>")]
        parsed = parse_html(head)
        links = [
            url
            for what, url in parsed.resources
            if what == "<link rel=alternate>" and "feeds" in url
        ]
        assert sorted(links) == sorted(feed_url(name, language) for name in feeds)
        assert head.count('type="application/atom+xml"') == len(feeds)
        # ...and offers them to people in the footer, where the calendar subscription is.
        footer = html[html.index('<footer class="site-footer"') :]
        for name in feeds:
            assert f'<a href="{feed_url(name, language)}" type="application/atom+xml">' in footer
        assert footer.count('type="application/atom+xml"') == len(feeds)
        for name in feeds:
            entry = next(e for e in areas.feeds() if e.name == name)
            with override(language):
                assert f'title="{entry.title}"' in head
            parsed_feed(client, name, language)


def test_a_feed_from_the_page_cache_is_the_same_feed_and_current(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 600
    FundingCallFactory(title_de="Erster Aufruf")
    url = feed_url("funding-calls", "de")
    first = fetch(client, url)
    second = fetch(client, url)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert not security_header_problems(second)
    english = feedparser.parse(fetch(client, feed_url("funding-calls", "en")).content)
    assert english.feed.language == "en"
    assert english.feed.title != feedparser.parse(second.content).feed.title
    FundingCallFactory(title_de="Zweiter Aufruf")
    titles = [entry.title for entry in feedparser.parse(fetch(client, url).content).entries]
    assert "Zweiter Aufruf" in titles


def add_content(count):
    for _ in range(count):
        EventFactory()
        FundingCallFactory()
        StatusReportFactory()
        ActivityFactory(city=PartnerCityFactory())
        ActorFactory()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert fetch(client, url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", sorted(FEED_NAMES))
def test_a_feed_costs_as_many_queries_with_much_content_as_with_little(client, db, name):
    url = feed_url(name, "en")
    add_content(1)
    few = count_queries(client, url)
    add_content(6)
    assert count_queries(client, url) == few


def test_content_entering_its_window_with_an_old_date_reaches_a_conditional_reader(client, db):
    """A reader asks If-Modified-Since; a call entering its publication window carries the date
    it was last edited, before the reader's last visit: it must still be delivered."""
    FundingCallFactory(title_de="Alter Aufruf")
    scheduled = FundingCallFactory(
        title_de="Geplanter Aufruf", publish_from=timezone.now() + datetime.timedelta(hours=1)
    )
    url = feed_url("funding-calls", "de")
    first = fetch(client, url)
    assert "Geplanter Aufruf" not in first.content.decode()
    assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
    type(scheduled).objects.filter(pk=scheduled.pk).update(
        publish_from=timezone.now() - datetime.timedelta(minutes=1),
        updated_at=timezone.now() - datetime.timedelta(days=30),
    )
    again = client.get(url, headers={"If-Modified-Since": http_date(time.time())})
    assert again.status_code == 200
    assert "Geplanter Aufruf" in again.content.decode()


def test_sitemaps_have_no_last_modified_header(client, demo_content):
    for url in ("/sitemap.xml", "/sitemap-partner-cities.xml"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Last-Modified" not in response
        assert response["ETag"]


def test_an_entry_in_german_for_want_of_english_says_so(client, db):
    EventFactory(title_de="Nur auf Deutsch", title_en="")
    EventFactory(title_de="Zweisprachig", title_en="Bilingual")
    for name in ("events", "news"):
        _response, feed = parsed_feed(client, name, "en")
        languages = {entry.title: entry.title_detail.language for entry in feed.entries}
        assert languages["Nur auf Deutsch"] == "de"
        assert languages["Bilingual"] == "en"
