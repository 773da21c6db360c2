"""A visitor searches from the header of any page, with and without results (axe, 320 px)."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


def url_in(language, name):
    with override(language):
        return reverse(name)


def _reflows(page, width):
    return page.evaluate("() => document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", [1280, 320])
def test_search_from_the_header_with_and_without_results(browser, live_demo, width):
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        base = live_demo.url
        page.goto(base + url_in("de", "calendar:upcoming"))
        field = page.get_by_role("searchbox", name="Website durchsuchen")
        field.fill("Solar")
        field.press("Enter")
        page.wait_for_url(f"{base}/de/suche/?q=Solar")
        assert page.locator("h1").inner_text() == "Suche"
        hit = page.get_by_role("link", name="Solarstrom, Wasser und Ausbildung für Kongoussi")
        assert hit.first.is_visible()
        assert page.locator("mark").count() >= 1
        assert _reflows(page, width)
        assert_no_axe_violations(page)

        page.get_by_label("Suchbegriff").fill("Kongusi")
        page.get_by_role("button", name="Suchen").last.click()
        page.wait_for_url(f"{base}/de/suche/?q=Kongusi&area=&kind=")
        assert page.get_by_text("0 Treffer").is_visible()
        suggestion = page.get_by_role("link", name="Kongoussi")
        assert suggestion.is_visible()
        assert _reflows(page, width)
        assert_no_axe_violations(page)

        suggestion.click()
        page.wait_for_url(f"{base}/de/suche/?q=Kongoussi")
        assert page.locator(".search-result").count() >= 3

        page.goto(f"{base}{url_in('en', 'search')}?q=bicycles&area=climate")
        assert page.get_by_role("link", name="Ambato en Bici").first.is_visible()
        assert _reflows(page, width)
        assert_no_axe_violations(page)
    finally:
        context.close()
