"""A citizen uses the frame and the calendar in headless Chromium, in German and English."""

import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import override

from ludwigsburg_intl.middleware import database_unavailable_response
from tests.conftest import assert_no_axe_violations
from tests.factories import DRAFT, EventFactory, StaffUserFactory, in_days

pytestmark = pytest.mark.browser


def url_in(language, name, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def upcoming_event(live_demo):
    # The demo events all lie in the past; a citizen looks for what is coming.
    return EventFactory(
        title_de="Partnerschaftsfest auf dem Marktplatz",
        title_en="Twinning festival on the market square",
        place_de="Marktplatz Ludwigsburg",
        place_en="Market square, Ludwigsburg",
        starts_at=in_days(14, hour=15),
    )


def test_citizen_finds_an_event_and_switches_to_english(page, live_demo, upcoming_event):
    base = live_demo.url
    page.goto(base + "/de/")
    assert page.locator("html").get_attribute("lang") == "de"

    page.locator(f'.site-nav a[href="{url_in("de", "calendar:upcoming")}"]').click()
    page.wait_for_url(base + url_in("de", "calendar:upcoming"))
    assert page.locator("h1").count() == 1

    page.get_by_role("link", name="Partnerschaftsfest auf dem Marktplatz").click()
    detail_de = url_in("de", "calendar:event-detail", pk=upcoming_event.pk)
    page.wait_for_url(base + detail_de)
    assert page.locator("h1").inner_text() == "Partnerschaftsfest auf dem Marktplatz"
    assert "Marktplatz Ludwigsburg" in page.locator("main").inner_text()

    ical_href = url_in("de", "calendar:event-ical", pk=upcoming_event.pk)
    add_link = page.locator(f'main a[href="{ical_href}"]')
    assert add_link.count() == 1 and add_link.is_visible()
    ics = page.request.get(base + ical_href)
    assert ics.ok and ics.headers["content-type"].startswith("text/calendar")
    assert "Partnerschaftsfest auf dem Marktplatz" in ics.text()

    page.locator('.language-switch a[hreflang="en"]').click()
    page.wait_for_url(base + url_in("en", "calendar:event-detail", pk=upcoming_event.pk))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Twinning festival on the market square"
    assert page.locator(".language-switch a[aria-current]").get_attribute("hreflang") == "en"
    assert page.context.cookies() == []

    page.locator('.language-switch a[hreflang="de"]').click()
    page.wait_for_url(base + detail_de)
    assert page.locator("h1").inner_text() == "Partnerschaftsfest auf dem Marktplatz"


def test_citizen_reaches_past_events_from_home(page, live_demo):
    base = live_demo.url
    page.goto(base + "/en/")
    page.locator(f'a[href="{url_in("en", "calendar:upcoming")}"]').first.click()
    page.locator(f'main a[href="{url_in("en", "calendar:past")}"]').first.click()
    page.wait_for_url(base + url_in("en", "calendar:past"))
    page.get_by_role("link", name="Delegation from Kongoussi visits Ludwigsburg").click()
    assert page.locator("h1").inner_text() == "Delegation from Kongoussi visits Ludwigsburg"
    when = page.locator("main time").first.inner_text()
    assert "23" in when and "29" in when and "2023" in when, when


def test_keyboard_skip_link_moves_focus_to_main(page, live_demo):
    for language in ("de", "en"):
        page.goto(live_demo.url + f"/{language}/")
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.className, document.activeElement.getAttribute('href')]"
        )
        assert focused == ["skip-link", "#main"]
        assert page.locator(".skip-link").is_visible(), "the focused skip link must be visible"
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main"
        # The next Tab continues inside the content, not back at the header.
        page.keyboard.press("Tab")
        assert page.evaluate("() => !!document.activeElement.closest('main')")


def test_focus_is_visible_on_links(page, live_demo):
    page.goto(live_demo.url + "/de/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    )
    assert outline[0] != "none" or outline[2] != "none", outline


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_horizontal_scrolling_at_320px(browser, live_demo, upcoming_event, language):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        urls = [
            url_in(language, "home"),
            url_in(language, "calendar:upcoming"),
            url_in(language, "calendar:event-detail", pk=upcoming_event.pk),
            url_in(language, "pages:page", slug="barrierefreiheit"),
            url_in(language, "pages:page", slug="leichte-sprache"),
        ]
        for url in urls:
            page.goto(live_demo.url + url)
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 320, f"{url} is {width}px wide at a 320px viewport"
    finally:
        context.close()


def test_works_without_javascript(browser, live_demo, upcoming_event):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    try:
        base = live_demo.url
        page.goto(base + url_in("de", "calendar:upcoming"))
        page.select_option("#id_area", "climate")
        page.locator(".filter-form button[type=submit]").click()
        page.wait_for_url(re.compile(r".*area=climate.*"))
        assert "Partnerschaftsfest" not in page.locator("main").inner_text()

        page.select_option("#id_area", "partnerships")
        page.locator(".filter-form button[type=submit]").click()
        page.wait_for_url(re.compile(r".*area=partnerships.*"))
        page.get_by_role("link", name="Partnerschaftsfest auf dem Marktplatz").click()
        assert page.locator("h1").inner_text() == "Partnerschaftsfest auf dem Marktplatz"

        page.locator('.language-switch a[hreflang="en"]').click()
        page.wait_for_url(base + url_in("en", "calendar:event-detail", pk=upcoming_event.pk))
        assert page.locator("html").get_attribute("lang") == "en"

        page.locator(".skip-link").focus()
        page.keyboard.press("Enter")
        assert page.url.endswith("#main")
        assert context.cookies() == []
    finally:
        context.close()


def test_print_shows_the_content_without_navigation(page, live_demo, upcoming_event):
    page.goto(live_demo.url + url_in("de", "calendar:event-detail", pk=upcoming_event.pk))
    page.emulate_media(media="print")
    for selector in (".site-nav", ".language-switch", ".site-footer", ".breadcrumbs"):
        assert not page.locator(selector).is_visible(), selector
    assert page.locator("h1").is_visible()
    assert page.locator("main").is_visible()


@pytest.mark.parametrize("language", ["de", "en"])
def test_error_pages_pass_axe(page, live_demo, language):
    response = page.goto(live_demo.url + f"/{language}/gibt-es-nicht/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    assert_no_axe_violations(page)

    # The 500 page as the server would send it, with the real stylesheet behind it.
    html = render_to_string("500.html")
    page.route(
        "**/simulated-failure/",
        lambda route: route.fulfill(status=500, body=html, content_type="text/html"),
    )
    page.goto(live_demo.url + "/simulated-failure/")
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)

    # The 503 page while the database is away, in the visitor's language, at 320 px too.
    with override(language):
        unavailable = database_unavailable_response(
            RequestFactory().get(f"/{language}/"), retry_after=30
        )
    page.route(
        "**/simulated-outage/",
        lambda route: route.fulfill(
            status=503, body=unavailable.content, content_type="text/html; charset=utf-8"
        ),
    )
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(live_demo.url + "/simulated-outage/")
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").count() == 1
        assert_no_axe_violations(page)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width


def test_staff_preview_with_draft_banner_passes_axe(browser, live_demo, client):
    draft = EventFactory(title_de="Entwurf: Bürgerempfang", status=DRAFT)
    client.force_login(StaffUserFactory())
    context = browser.new_context(viewport={"width": 320, "height": 800})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_demo.url}]
    )
    page = context.new_page()
    try:
        page.goto(live_demo.url + url_in("de", "calendar:event-detail", pk=draft.pk))
        assert page.locator(".draft-banner").is_visible()
        assert_no_axe_violations(page)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
