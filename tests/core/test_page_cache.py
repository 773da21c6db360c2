"""Anonymous public pages come from the cache, and never a stale one."""

import datetime
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from ludwigsburg_intl import page_cache
from ludwigsburg_intl.models import SitePage
from tests.factories import (
    ContactPersonFactory,
    EventFactory,
    SitePageFactory,
    StaffUserFactory,
)

pytestmark = pytest.mark.django_db

HOME = "/de/"


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def footer_page():
    return SitePageFactory(title_de="Bürgerinfo Partnerschaft", show_in_footer=True)


def _text(response) -> str:
    return response.content.decode()


def test_a_second_visit_is_served_from_the_cache(client, footer_page, django_assert_num_queries):
    first = client.get(HOME)
    assert first.status_code == 200
    # Nothing but the content version, which is read on the driver's connection directly.
    with django_assert_num_queries(0):
        second = client.get(HOME)
    assert second.status_code == 200
    assert second.content == first.content
    assert "Bürgerinfo Partnerschaft" in _text(second)


def test_cached_pages_carry_validators_and_vary_on_cookie(client, footer_page):
    for response in (client.get(HOME), client.get(HOME)):
        assert "no-cache" in response["Cache-Control"]
        assert "public" in response["Cache-Control"]
        assert "Cookie" in response["Vary"]
        assert response["ETag"].startswith('"')
        assert response["Content-Language"] == "de"
        assert response["X-Frame-Options"] == "DENY"
        assert "Content-Security-Policy" in response
        assert not response.cookies


def test_a_conditional_get_answers_304(client, footer_page):
    etag = client.get(HOME)["ETag"]
    assert client.get(HOME, headers={"If-None-Match": etag}).status_code == 304
    footer_page.title_de = "Neuer Titel"
    footer_page.save()
    changed = client.get(HOME, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert "Neuer Titel" in _text(changed)


def test_languages_are_cached_apart(client, footer_page):
    assert "Bürgerinfo Partnerschaft" in _text(client.get(HOME))
    english = client.get("/en/")
    assert english["Content-Language"] == "en"
    assert footer_page.title_en in _text(english)


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda page: page.save(update_fields=["status"]), id="save"),
        pytest.param(
            lambda page: SitePage.objects.filter(pk=page.pk).update(status="draft"), id="update"
        ),
        pytest.param(
            lambda page: connection.cursor().execute(
                "UPDATE ludwigsburg_intl_sitepage SET status = 'draft' WHERE id = %s", [page.pk]
            ),
            id="raw-sql",
        ),
        pytest.param(lambda page: page.delete(), id="delete"),
    ],
)
def test_any_change_of_content_shows_at_once(client, footer_page, change):
    assert "Bürgerinfo Partnerschaft" in _text(client.get(HOME))
    footer_page.status = "draft"
    change(footer_page)
    assert "Bürgerinfo Partnerschaft" not in _text(client.get(HOME))


def test_new_content_shows_at_once(client, footer_page):
    client.get(HOME)
    SitePageFactory(title_de="Ganz neue Seite", show_in_footer=True)
    assert "Ganz neue Seite" in _text(client.get(HOME))


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("cookie", ["sessionid", "csrftoken"])
def test_visitors_with_a_session_or_csrf_cookie_neither_get_nor_fill_the_cache(
    client, footer_page, cookie
):
    client.get(HOME)  # cached for anonymous visitors
    client.cookies[cookie] = "x" * 32
    with_cookie = client.get(HOME)
    assert "private" in with_cookie["Cache-Control"]
    assert _queries(client, HOME) > 1  # rendered, not taken from the cache
    SitePage.objects.filter(pk=footer_page.pk).update(title_de="Neu")
    client.get(HOME)  # would fill the cache if cookies were ignored
    client.cookies.clear()
    assert _queries(client, HOME) > 1


def test_staff_see_their_preview_and_the_public_never_gets_it(client, footer_page):
    footer_page.status = "draft"
    footer_page.save()
    url = footer_page.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(StaffUserFactory())
    preview = client.get(url)
    assert preview.status_code == 200
    assert "private" in preview["Cache-Control"]
    client.logout()
    client.cookies.clear()
    assert client.get(url).status_code == 404


def test_pages_that_set_a_cookie_are_not_cached(client):
    from django.http import HttpResponse

    from ludwigsburg_intl.page_cache import _may_store

    response = HttpResponse("x")
    response.set_cookie("csrftoken", "abc")
    assert not _may_store(response)


def test_a_new_release_never_serves_pages_of_the_old_one(client, footer_page, monkeypatch):
    client.get(HOME)
    SitePage.objects.filter(pk=footer_page.pk).update(title_de="Geändert")
    monkeypatch.setattr(page_cache, "_release", "another-release")
    assert "Geändert" in _text(client.get(HOME))


def test_content_that_is_scheduled_appears_and_disappears_on_time(client):
    soon = timezone.now() + datetime.timedelta(seconds=2)
    SitePageFactory(title_de="Erscheint gleich", show_in_footer=True, publish_from=soon)
    SitePageFactory(title_de="Verschwindet gleich", show_in_footer=True, publish_until=soon)
    before = _text(client.get(HOME))
    assert "Erscheint gleich" not in before and "Verschwindet gleich" in before
    time.sleep(max(0, (soon - timezone.now()).total_seconds()) + 0.2)
    after = _text(client.get(HOME))
    assert "Erscheint gleich" in after and "Verschwindet gleich" not in after


def test_pages_expire_at_the_next_moment_they_change_by_themselves(settings):
    now = timezone.now()
    cap = now + datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS)
    assert page_cache.next_change_in_time(now) <= cap
    opens = now + datetime.timedelta(seconds=90)
    SitePageFactory(publish_from=opens)
    assert page_cache.next_change_in_time(now) == opens
    event_over = now + datetime.timedelta(seconds=30)
    EventFactory(starts_at=now - datetime.timedelta(hours=1), ends_at=event_over)
    assert page_cache.next_change_in_time(now) == event_over


def test_a_new_day_in_berlin_refreshes_every_page(settings):
    late = timezone.make_aware(datetime.datetime(2026, 12, 1, 23, 59, 30))
    settings.PAGE_CACHE_SECONDS = 3600
    assert page_cache.next_change_in_time(late) == timezone.make_aware(
        datetime.datetime(2026, 12, 2, 0, 0)
    )


def test_every_content_table_counts_its_changes_and_personal_data_does_not():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = %s",
            [page_cache.TRIGGER_NAME],
        )
        with_trigger = {row[0] for row in cursor.fetchall()}
    content = {model._meta.db_table for model in page_cache.content_models()}
    assert content <= with_trigger
    assert "ludwigsburg_intl_sitepage" in content
    assert "partnerships_partnercity" in content
    assert not {"django_session", "auth_user", "django_admin_log"} & with_trigger
    assert not {"europe_interestsubmission", "europe_submissionthrottle"} & with_trigger


def test_the_page_cache_can_be_turned_off(client, footer_page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(HOME)
    assert _queries(client, HOME) > 1


def _redis_url() -> str | None:
    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        return None
    return url


def test_pages_are_shared_through_redis(client, footer_page, settings, django_assert_num_queries):
    url = _redis_url()
    if url is None:
        pytest.skip("no Redis server on 127.0.0.1:6379 (start one to test the Redis cache)")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal-test",
        }
    }
    from django.core.cache import caches

    caches["default"].clear()
    try:
        client.get(HOME)
        with django_assert_num_queries(0):
            assert "Bürgerinfo Partnerschaft" in _text(client.get(HOME))
        SitePage.objects.filter(pk=footer_page.pk).update(title_de="Über Redis geändert")
        assert "Über Redis geändert" in _text(client.get(HOME))
    finally:
        caches["default"].clear()


def test_each_host_gets_its_own_copy(client, footer_page, settings):
    # Cached pages hold absolute addresses (alternate links, feeds): never another host's.
    settings.ALLOWED_HOSTS = ["portal.example", "www.portal.example"]
    client.get(HOME, headers={"Host": "portal.example"})
    page = client.get(HOME, headers={"Host": "www.portal.example"}).content.decode()
    assert "http://www.portal.example/en/" in page
    assert "http://portal.example/" not in page


def test_an_unavailable_cache_costs_speed_not_pages(client, footer_page, monkeypatch):
    from django.core.cache import caches

    cache = caches["default"]

    def broken(*args, **kwargs):
        raise ConnectionError("cache server unreachable")

    monkeypatch.setattr(cache, "get", broken)
    monkeypatch.setattr(cache, "set", broken)
    for _visit in range(2):
        response = client.get(HOME)
        assert response.status_code == 200
        assert "Bürgerinfo Partnerschaft" in _text(response)


# --- The frame's fragments (built once per content version, outside transactions) -------------

RENDERED = {"Cookie": "csrftoken=abcdefghijklmnopqrstuvwxyz012345"}  # the page cache never serves


def _footer(response) -> str:
    html = _text(response)
    return html[html.index('<footer class="site-footer"') :]


def _frame_queries(ctx) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries if '"show_in_footer"' in q["sql"]]


@pytest.fixture
def fresh_fragments(monkeypatch):
    monkeypatch.setattr(page_cache, "_fragments", {"version": None, "until": None, "parts": {}})


@pytest.mark.django_db(transaction=True)
def test_the_footer_is_built_once_per_content_change_and_language(client, fresh_fragments):
    page = SitePageFactory(title_de="Bürgerinfo Partnerschaft", show_in_footer=True)
    ContactPersonFactory(name="Erika Beispiel", show_in_footer=True)
    first = client.get("/de/termine/", headers=RENDERED)
    assert "Bürgerinfo Partnerschaft" in _footer(first) and "Erika Beispiel" in _footer(first)
    with CaptureQueriesContext(connection) as ctx:
        with translation.override("de"):
            second = client.get(reverse("calendar:past"), headers=RENDERED)
    assert not _frame_queries(ctx)
    assert _footer(second) == _footer(first)
    # Per language: the English footer has its own copy.
    assert page.title_en in _footer(client.get("/en/calendar/", headers=RENDERED))
    # Any change of content shows at once, in a saved object as in a bulk update.
    page.title_de = "Neuer Titel"
    page.save()
    assert "Neuer Titel" in _footer(client.get("/de/termine/", headers=RENDERED))
    SitePage.objects.filter(pk=page.pk).update(status="draft")
    assert "Neuer Titel" not in _footer(client.get("/de/termine/", headers=RENDERED))


@pytest.mark.django_db(transaction=True)
def test_a_footer_page_appears_and_disappears_on_time(client, fresh_fragments):
    soon = timezone.now() + datetime.timedelta(seconds=3)
    SitePageFactory(title_de="Erscheint gleich", show_in_footer=True, publish_from=soon)
    SitePageFactory(title_de="Verschwindet gleich", show_in_footer=True, publish_until=soon)
    before = _footer(client.get("/de/termine/", headers=RENDERED))
    assert "Erscheint gleich" not in before and "Verschwindet gleich" in before
    time.sleep(max(0, (soon - timezone.now()).total_seconds()) + 0.2)
    after = _footer(client.get("/de/termine/", headers=RENDERED))
    assert "Erscheint gleich" in after and "Verschwindet gleich" not in after


def test_inside_a_transaction_the_footer_is_built_each_time(client, footer_page):
    # A change that may still be rolled back (as in every other test) must not be kept.
    client.get(HOME, headers=RENDERED)
    with CaptureQueriesContext(connection) as ctx:
        client.get(HOME, headers=RENDERED)
    assert _frame_queries(ctx)


@pytest.mark.django_db(transaction=True)
def test_a_503_page_leaves_no_empty_footer_behind(client, fresh_fragments):
    from django.db import OperationalError, connection

    SitePageFactory(title_de="Bürgerinfo Partnerschaft", show_in_footer=True)

    def broken(execute, sql, params, many, context):
        # The connection fails while the page reads its events.
        if '"ludwigsburg_intl_event"' in sql:
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(broken):
        assert client.get(HOME, headers=RENDERED).status_code == 503
    assert "Bürgerinfo Partnerschaft" in _footer(client.get(HOME, headers=RENDERED))
