"""The network area in Chromium: axe on every template (desktop and 320 px), reflow, no-JS use."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def live_demo(live_server, transactional_db):
    """The shared live_demo, but with the 17 SDG goals restored first.

    Transactional tests flush every table afterwards, including the goals that a data migration
    loaded, so from the second browser test on they would be missing.
    """
    migration = importlib.import_module("ludwigsburg_intl.migrations.0002_sdg_goals")
    migration.load_goals(apps, None)
    call_command("load_demo_content", verbosity=0)
    return live_server


PAGES = [
    "/de/netzwerk/",
    "/de/netzwerk/akteure/",
    "/en/network/actors/?type=zzz&sdg=99&page=abc",
    "/de/netzwerk/akteure/freundeskreis-burkina-faso/",
    "/en/network/actors/foodsharing/",
    "/de/netzwerk/angebote/nachhaltigkeitstage/",
    "/de/netzwerk/koordinierungsstelle/",
    "/en/network/state-and-federal/",
    "/de/netzwerk/land-und-bund/staedtetag-koordination-kommunale-partnerschaften/",
    "/de/netzwerk/sdg/",
    "/en/network/sdg/12/",
    "/de/netzwerk/sdg/14/",
    "/de/netzwerk/sdg/indikatoren/",
    "/en/network/sdg/indicators/schulkooperationen-globales-lernen/",
    # The demo no longer has an indicator without values (the seeds name none): the German page
    # of the example indicator instead.
    "/de/netzwerk/sdg/indikatoren/schulkooperationen-globales-lernen/",
]


@pytest.mark.parametrize("path", PAGES)
def test_axe_desktop_and_320px(page, live_demo, path):
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    response = page.goto(live_demo.url + path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert_no_axe_violations(page)

    page.set_viewport_size({"width": 320, "height": 800})
    page.reload()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways at 320 px by {overflow}px"
    assert_no_axe_violations(page)
    # Nothing was blocked by the CSP (no inline styles or scripts, nothing from other hosts).
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_directory_filter_works_without_javascript(browser, live_demo):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.goto(live_demo.url + "/de/netzwerk/akteure/")
    page.get_by_label("Art", exact=True).select_option("category")
    page.get_by_role("button", name="Filter anwenden").click()
    assert "type=category" in page.url
    titles = page.locator(".actor-card__title").all_inner_texts()
    assert "Eine-Welt-Gruppen" in titles
    assert "Foodsharing" not in titles
    context.close()


def test_chart_is_drawn_and_matches_table(page, live_demo):
    page.goto(live_demo.url + "/de/netzwerk/sdg/indikatoren/schulkooperationen-globales-lernen/")
    chart_values = page.locator("svg .chart__value").all_text_contents()
    table_values = page.locator(".indicator-table td.num").all_text_contents()
    assert chart_values == [v.strip() for v in table_values] == ["2", "3", "5"]
    box = page.locator("svg.chart__svg").bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    assert page.get_by_text("Beispielwerte:").is_visible()
