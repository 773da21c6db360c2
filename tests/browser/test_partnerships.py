"""A citizen explores the partner cities in headless Chromium; axe checks every page state."""

import pytest

from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def live_partnerships(live_demo):
    """The live server with the full demo content, exactly as `make run` shows it."""
    return live_demo


def test_citizen_walks_to_montbeliard_filters_and_switches_to_english(page, live_partnerships):
    base = live_partnerships.url
    page.goto(base + "/de/")
    page.locator('.site-nav a[href="/de/partnerstaedte/"]').click()
    page.wait_for_url(base + "/de/partnerstaedte/")
    assert page.locator("h1").inner_text() == "Die Partnerstädte Ludwigsburgs"

    page.locator(".city-table").get_by_role("link", name="Montbéliard").click()
    page.wait_for_url(base + "/de/partnerstaedte/montbeliard/")
    assert page.locator("h1").inner_text() == "Montbéliard"

    page.get_by_label("Säule der Zusammenarbeit").select_option("project")
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**/de/partnerstaedte/montbeliard/?pillar=project*")
    activities = page.locator(".activity__title").all_inner_texts()
    assert "Gemeinsam gegen Lebensmittelverschwendung" in activities
    assert "Vertrag über die erste deutsch-französische Städtepartnerschaft" not in activities
    assert_no_axe_violations(page)

    page.locator(".language-switch").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/partner-cities/montbeliard/?pillar=project*")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Montbéliard"
    titles = page.locator(".activity__title").all_inner_texts()
    assert "Working together against food waste" in titles
    assert page.get_by_label("Pillar of cooperation").input_value() == "project"


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize(
    "path",
    [
        "/de/partnerstaedte/",
        "/en/partner-cities/",
        "/de/partnerstaedte/montbeliard/",
        "/en/partner-cities/jevpatorija/",
        "/de/partnerstaedte/bergamo/?pillar=%3Cscript%3E&year=abc",
    ],
)
def test_axe_and_reflow(browser, live_partnerships, path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(live_partnerships.url + path)
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)
    # Reflow: nothing wider than the viewport at 320 px (WCAG 1.4.10).
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= width, f"page is {overflow}px wide at {width}px"
    assert all(r.startswith(live_partnerships.url) for r in requests), requests
    context.close()


def test_map_without_javascript(browser, live_partnerships):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_partnerships.url + "/en/partner-cities/")
    assert page.locator("svg.city-map__panel").count() == 2
    assert page.locator("svg.city-map__panel--north_america text", has_text="St. Charles").count()
    names = page.locator(".city-table th[scope=row]").all_inner_texts()
    assert len(names) == 6 and "Bergamo" in names
    context.close()
