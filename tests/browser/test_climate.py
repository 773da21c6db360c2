"""A council member walks from the home page to the committee briefing and its CSV."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from climate.models import CommitteeMeeting
from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


def url_in(language, name, **kwargs):
    with override(language):
        return reverse(name, kwargs=kwargs or None)


def test_council_member_walks_from_home_to_the_briefing_and_its_csv(page, live_demo):
    base = live_demo.url
    page.goto(base + "/de/")
    page.locator(f'.site-nav a[href="{url_in("de", "climate:index")}"]').click()
    page.wait_for_url(base + url_in("de", "climate:index"))
    assert page.locator("h1").inner_text() == "Klimapartnerschaften"

    page.get_by_role("link", name="Sachstände für Ausschüsse").first.click()
    page.wait_for_url(base + url_in("de", "climate:meeting-list"))
    page.get_by_role("link", name="Sachstand vom 14. Juni 2023").click()
    assert "Wirtschaftsausschuss" in page.locator("h1").inner_text()
    assert page.locator("h1").count() == 1
    assert page.get_by_text("Sicherheitslage in Burkina Faso").first.is_visible()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Als CSV herunterladen (Excel)").click()
    download = download_info.value
    assert download.suggested_filename == "wirtschaftsausschuss-2023-06-14.csv"
    content = open(download.path(), "rb").read()
    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert "270000,00" in text and "97000,00" in text
    assert "260000,00" not in text  # Ambato en Bici: grant and funder not recorded

    # The same briefing in English.
    page.locator('.language-switch a[hreflang="en"]').click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "14 June 2023" in page.locator("h1").inner_text()
    assert page.get_by_text("€270,000").first.is_visible()


def test_briefing_prints_on_a4_without_navigation(page, live_demo):
    meeting = CommitteeMeeting.objects.get()
    page.goto(live_demo.url + url_in("de", "climate:briefing", pk=meeting.pk))
    page.emulate_media(media="print")
    assert not page.locator(".site-nav").is_visible()
    assert not page.locator(".breadcrumbs").is_visible()
    assert (
        page.locator(".briefing-project").first.evaluate("e => getComputedStyle(e).breakBefore")
        == "page"
    )
    assert page.locator(".briefing-running").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("language", ["de", "en"])
def test_climate_pages_have_no_axe_violations(page, live_demo, width, language):
    meeting = CommitteeMeeting.objects.get()
    page.set_viewport_size({"width": width, "height": 900})
    paths = [
        url_in(language, "climate:index"),
        url_in(language, "climate:partnership-detail", slug="kongoussi"),
        url_in(language, "climate:partnership-detail", slug="ambato"),
        url_in(language, "climate:project-detail", slug="kongoussi-solarenergie-wasser-2023-2026"),
        url_in(language, "climate:project-detail", slug="ambato-en-bici"),
        url_in(language, "climate:status-overview"),
        url_in(language, "climate:status-overview") + "?year=abc&partnership=nowhere",
        url_in(language, "climate:meeting-list"),
        url_in(language, "climate:briefing", pk=meeting.pk),
    ]
    for path in paths:
        page.goto(live_demo.url + path)
        assert page.locator("h1").count() == 1, path
        assert_no_axe_violations(page)
        if width == 320:
            # Reflow: no horizontal scrolling of the page itself (tables scroll in their wrapper).
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at 320px"
