"""The frame every page shares: landmarks, navigation, breadcrumbs, footer, home page."""

import re

import pytest
from django.urls import reverse
from django.utils.translation import gettext, override

from ludwigsburg_intl import areas
from tests.factories import ContactPersonFactory, EventFactory, SitePageFactory, in_days

pytestmark = pytest.mark.django_db


def url_in(language, name, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def get(client, language, name, **kwargs):
    response = client.get(url_in(language, name, **kwargs))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["de", "en"])
def test_landmarks_and_skip_link(client, language):
    html = get(client, language, "home")
    assert html.index('class="skip-link" href="#main"') < html.index("<header")
    assert html.count('<main id="main"') == 1
    assert html.count("<header") == 1 and html.count("<footer") == 1
    assert re.search(r'<nav class="site-nav" aria-label="[^"]+"', html)
    assert re.search(r'<nav class="language-switch" aria-label="[^"]+"', html)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert re.search(r'<link rel="stylesheet" href="[^"]+print\.css" media="print">', html)
    assert re.search(r'<link rel="icon" href="[^"]+favicon', html)
    assert re.search(r"<title>[^<]+ – Ludwigsburg International</title>", html)


@pytest.mark.parametrize("language", ["de", "en"])
def test_main_navigation_reaches_the_four_areas_and_the_calendar(client, language):
    html = get(client, language, "home")
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    with override(language):
        expected = [section.url for section in areas.sections()] + [reverse("calendar:upcoming")]
    assert len(expected) == 5
    for url in expected:
        assert f'href="{url}"' in nav, url
    assert "aria-current" not in nav  # the home page is none of them


def test_navigation_marks_the_current_section(client):
    event = EventFactory()
    calendar = url_in("en", "calendar:upcoming")
    html = get(client, "en", "calendar:upcoming")
    assert f'<a href="{calendar}" aria-current="page">' in html
    html = get(client, "en", "calendar:event-detail", pk=event.pk)
    assert f'<a href="{calendar}" aria-current="true">' in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_breadcrumbs(client, language):
    event = EventFactory(title_de="Brückenfest", title_en="Bridge festival")
    html = get(client, language, "calendar:event-detail", pk=event.pk)
    crumbs = re.search(r'<nav class="breadcrumbs" aria-label="[^"]+">(.*?)</nav>', html, re.S)
    assert crumbs, "no breadcrumbs on the event page"
    items = re.findall(r"<li>(.*?)</li>", crumbs.group(1), re.S)
    assert f'href="{url_in(language, "home")}"' in items[0]
    assert f'href="{url_in(language, "calendar:upcoming")}"' in items[1]
    assert 'aria-current="page"' in items[-1]
    assert ("Brückenfest" if language == "de" else "Bridge festival") in items[-1]

    html = get(client, language, "calendar:past")
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert f'href="{url_in(language, "calendar:upcoming")}"' in crumbs
    # The home page is its own root and needs no trail.
    assert 'class="breadcrumbs"' not in get(client, language, "home")


def test_past_event_breadcrumb_leads_to_the_archive(client):
    event = EventFactory(starts_at=in_days(-10), ends_at=None)
    html = get(client, "de", "calendar:event-detail", pk=event.pk)
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert f'href="{url_in("de", "calendar:past")}"' in crumbs


@pytest.mark.parametrize("language", ["de", "en"])
def test_footer_has_contacts_and_the_legal_pages(client, demo_content, language):
    html = get(client, language, "home")
    footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    for name in ("Christine Süß", "Saliou Gueye", "Annegret Kurze"):
        assert name in footer
    for slug in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"):
        assert f'href="{url_in(language, "pages:page", slug=slug)}"' in footer, slug
    assert f'href="{url_in(language, "calendar:ical")}"' in footer
    # E-mail addresses are links, but not in plain text for harvesters.
    assert "c.suess@ludwigsburg.de" not in footer
    assert 'href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;' in footer


def test_accessibility_statement_says_how_to_report_a_barrier(client, demo_content):
    for language, heading in (("de", "Barriere melden"), ("en", "Report a barrier")):
        html = get(client, language, "pages:page", slug="barrierefreiheit")
        assert f"<h2>{heading}</h2>" in html
        assert "c.suess@ludwigsburg.de" in html


def test_footer_hides_draft_pages_and_contacts(client):
    SitePageFactory(title_de="Geheime Seite", show_in_footer=True, status="draft")
    ContactPersonFactory(name="Verborgene Person", show_in_footer=True, status="draft")
    ContactPersonFactory(name="Sichtbare Person", show_in_footer=True)
    html = get(client, "de", "home")
    assert "Geheime Seite" not in html and "Verborgene Person" not in html
    assert "Sichtbare Person" in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_introduces_the_four_areas(client, language):
    html = get(client, language, "home")
    assert html.count('class="area-card"') == 4
    with override(language):
        for section in areas.sections():
            assert f'href="{section.url}"' in html
            assert str(section.title) in html
        assert gettext("Upcoming events") in html


def test_home_shows_a_way_to_past_events_when_nothing_is_coming(client):
    EventFactory(starts_at=in_days(-3), ends_at=None)
    html = get(client, "en", "home")
    assert f'href="{url_in("en", "calendar:past")}"' in html
