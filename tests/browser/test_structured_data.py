"""JSON-LD data blocks in Chromium: no CSP violation, and the open-data page passes axe."""

import pytest

from climate.models import Project
from ludwigsburg_intl.models import Event
from partnerships.models import PartnerCity
from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def test_data_blocks_cause_no_csp_violation(page, live_demo):
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.add_init_script(RECORD_VIOLATIONS)
    paths = [
        "/de/",
        Event.objects.published().first().get_absolute_url(),
        PartnerCity.objects.published().first().get_absolute_url(),
        Project.objects.published().first().get_absolute_url(),
        "/de/offene-daten/",
    ]
    for path in paths:
        page.goto(live_demo.url + path)
        assert page.locator('script[type="application/ld+json"]').count() >= 1, path
        assert page.evaluate("window.__cspViolations") == [], path
    assert not [line for line in console if "Content Security Policy" in line], console

    # The listener does hear the CSP: an inline script is refused and reported.
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = '1';"
        " document.body.append(s); }"
    )
    page.wait_for_function("window.__cspViolations.length > 0")


@pytest.mark.parametrize("path", ["/de/offene-daten/", "/en/open-data/"])
def test_open_data_page_passes_axe(page, live_demo, path):
    page.goto(live_demo.url + path)
    assert_no_axe_violations(page)
