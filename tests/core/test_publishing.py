"""One publishing mechanism: anonymous visitors never meet a draft; staff preview it."""

import datetime

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from ludwigsburg_intl.models import Event, SitePage
from tests.factories import DRAFT, EventFactory, SitePageFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def test_published_selects_status_and_window():
    now = timezone.now()
    live = SitePageFactory(slug="live")
    draft = SitePageFactory(slug="draft", status=DRAFT)
    not_yet = SitePageFactory(slug="not-yet", publish_from=now + HOUR)
    started = SitePageFactory(slug="started", publish_from=now - HOUR)
    expired = SitePageFactory(slug="expired", publish_until=now - HOUR)
    still = SitePageFactory(slug="still", publish_until=now + HOUR)
    in_window = SitePageFactory(slug="window", publish_from=now - HOUR, publish_until=now + HOUR)
    draft_in_window = SitePageFactory(
        slug="draft-window", status=DRAFT, publish_from=now - HOUR, publish_until=now + HOUR
    )

    published = set(SitePage.objects.published())
    assert published == {live, started, still, in_window}
    for page in (draft, not_yet, expired, draft_in_window):
        assert not page.is_live
    for page in published:
        assert page.is_live

    # The window is evaluated at the moment asked for.
    later = now + 2 * HOUR
    assert set(SitePage.objects.published(at=later)) == {live, started, not_yet}


def test_publish_until_is_exclusive():
    moment = timezone.now()
    page = SitePageFactory(publish_until=moment)
    assert page not in SitePage.objects.published(at=moment)
    assert page in SitePage.objects.published(at=moment - datetime.timedelta(seconds=1))


def test_visible_to_staff_includes_drafts():
    draft = SitePageFactory(status=DRAFT)
    staff = StaffUserFactory()
    assert draft in SitePage.objects.visible_to(staff)
    assert draft not in SitePage.objects.visible_to(None)
    from django.contrib.auth.models import AnonymousUser

    assert draft not in SitePage.objects.visible_to(AnonymousUser())


def test_published_chains_with_event_queryset_methods():
    upcoming_draft = EventFactory(status=DRAFT)
    upcoming = EventFactory()
    assert list(Event.objects.published().upcoming()) == [upcoming]
    assert list(Event.objects.upcoming().published()) == [upcoming]
    assert upcoming_draft in Event.objects.upcoming()


def test_publish_until_before_publish_from_is_rejected():
    from django.core.exceptions import ValidationError

    now = timezone.now()
    page = SitePageFactory.build(publish_from=now, publish_until=now - HOUR)
    with pytest.raises(ValidationError) as exc:
        page.clean()
    assert "publish_until" in exc.value.message_dict


# --- Anonymous visitors never meet a draft -----------------------------------------------------


def _hidden_events():
    """A draft, a not-yet-published and an expired event, all upcoming."""
    now = timezone.now()
    return [
        EventFactory(title_de="Entwurfstermin", title_en="Draft event", status=DRAFT),
        EventFactory(
            title_de="Künftiger Termin", title_en="Scheduled event", publish_from=now + HOUR
        ),
        EventFactory(
            title_de="Abgelaufener Termin", title_en="Expired event", publish_until=now - HOUR
        ),
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_anonymous_gets_404_for_hidden_event_and_page(client, language):
    events = _hidden_events()
    page = SitePageFactory(slug="geheim", status=DRAFT)
    with override(language):
        urls = [e.get_absolute_url() for e in events]
        urls += [reverse("calendar:event-ical", args=[e.pk]) for e in events]
        urls.append(page.get_absolute_url())
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url


def test_anonymous_never_sees_drafts_in_lists_counts_home_and_feed(client):
    hidden = _hidden_events()
    visible = EventFactory(title_de="Öffentlicher Termin", title_en="Public event")
    past_draft = EventFactory(
        title_de="Vergangener Entwurf",
        title_en="Past draft",
        status=DRAFT,
        starts_at=timezone.now() - 30 * 24 * HOUR,
        ends_at=timezone.now() - 29 * 24 * HOUR,
    )
    SitePageFactory(
        title_de="Entwurfsseite", title_en="Draft page", status=DRAFT, show_in_footer=True
    )
    hidden_titles = [e.title_de for e in hidden] + [past_draft.title_de, "Entwurfsseite"]

    for language in ("de", "en"):
        with override(language):
            pages = {
                "home": reverse("home"),
                "upcoming": reverse("calendar:upcoming"),
                "past": reverse("calendar:past"),
            }
            hidden_links = [f'href="{e.get_absolute_url()}"' for e in hidden + [past_draft]]
        for name, url in pages.items():
            html = client.get(url).content.decode()
            for title in hidden_titles + [e.title_en for e in hidden] + ["Draft page"]:
                assert title not in html, (name, language, title)
            for link in hidden_links:
                assert link not in html, (name, language, link)

        upcoming = client.get(pages["upcoming"])
        assert upcoming.context["events"] == [visible]
        past = client.get(pages["past"])
        assert past.context["events"] == []

    # The count shown to the reader counts only the published event.
    with override("en"):
        html = client.get(reverse("calendar:upcoming")).content.decode()
    assert "1 event" in html and "4 events" not in html

    with override("de"):
        feed = client.get(reverse("calendar:ical"))
    calendar = icalendar.Calendar.from_ical(feed.content)
    uids = {str(component["uid"]) for component in calendar.walk("VEVENT")}
    assert uids == {visible.uid}


def test_draft_event_linked_from_nowhere_but_the_staff_preview(client):
    draft = EventFactory(status=DRAFT)
    with override("de"):
        html = client.get(reverse("calendar:upcoming")).content.decode()
    assert f'href="{draft.get_absolute_url()}"' not in html


@pytest.mark.parametrize("language", ["de", "en"])
def test_staff_sees_draft_with_banner(client, language):
    client.force_login(StaffUserFactory())
    event = EventFactory(title_de="Entwurfstermin", title_en="Draft event", status=DRAFT)
    page = SitePageFactory(
        slug="entwurf", title_de="Entwurfsseite", title_en="Draft page", status=DRAFT
    )
    with override(language):
        expected_banner = gettext("This page is not published. Only staff can see it.")
        urls = [event.get_absolute_url(), page.get_absolute_url()]
    for url, title in zip(
        urls,
        [
            "Entwurfstermin" if language == "de" else "Draft event",
            "Entwurfsseite" if language == "de" else "Draft page",
        ],
        strict=True,
    ):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'class="draft-banner"' in html
        assert expected_banner in html
        assert title in html


def test_staff_sees_no_banner_on_published_content(client):
    client.force_login(StaffUserFactory())
    event = EventFactory()
    page = SitePageFactory()
    for url in (event.get_absolute_url(), page.get_absolute_url(), reverse("home")):
        assert 'class="draft-banner"' not in client.get(url).content.decode()


def test_scheduled_page_appears_when_its_time_comes(client):
    page = SitePageFactory(slug="bald", publish_from=timezone.now() + HOUR)
    assert client.get(page.get_absolute_url()).status_code == 404
    SitePage.objects.filter(pk=page.pk).update(publish_from=timezone.now() - HOUR)
    assert client.get(page.get_absolute_url()).status_code == 200
