import pytest

from tests.conftest import assert_no_axe_violations

PAGES = [
    "/de/europa/",
    "/en/europe/",
    "/de/europa/foerderaufrufe/",
    "/en/europe/funding-calls/?state=nonsense&deadline_from=abc",
    "/de/europa/foerderaufrufe/beispiel-begegnungen/",
    "/en/europe/funding-calls/beispiel-klima/",
    "/de/europa/netzwerke/",
    "/en/europe/networks/",
    "/de/europa/mitwirkung/",
    "/en/europe/participation/",
    "/de/europa/mitwirkung/interesse/",
    "/en/europe/participation/interest/",
    "/de/europa/mitwirkung/interesse/danke/",
]


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 320])
def test_every_europe_template_passes_axe(page, live_demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in PAGES:
        response = page.goto(live_demo.url + path)
        assert response.status == 200, path
        assert_no_axe_violations(page)
        # Reflow: nothing wider than the viewport at 320 px.
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} overflows by {overflow}px at {width}px"


@pytest.mark.browser
def test_submitting_the_interest_form(page, live_demo):
    from europe.models import InterestSubmission

    page.goto(live_demo.url + "/de/europa/mitwirkung/")
    page.get_by_role("link", name="Interesse an JUMA bekunden").click()
    # Sending it empty shows the errors (server-side; the form has novalidate).
    page.get_by_role("button", name="Nachricht senden").click()
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_text("Bitte geben Sie Ihren Namen ein.").first.is_visible()
    assert_no_axe_violations(page)

    page.get_by_label("Ihr Name").fill("Maria Muster")
    page.get_by_label("Ihre E-Mail-Adresse").fill("maria@example.org")
    assert page.get_by_label("Programm").input_value() != ""
    page.get_by_label("Ihre Nachricht").fill("<b>Ich</b> möchte beim JUMA mitmachen.")
    page.get_by_label("Ich bin einverstanden", exact=False).check()
    page.get_by_role("button", name="Nachricht senden").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Vielen Dank für Ihre Nachricht"
    assert page.get_by_text("<b>Ich</b> möchte beim JUMA mitmachen.").is_visible()
    assert_no_axe_violations(page)
    submission = InterestSubmission.objects.get()
    assert submission.programme.slug == "juma"
    assert submission.message == "<b>Ich</b> möchte beim JUMA mitmachen."
    cookies = {c["name"] for c in page.context.cookies()}
    assert cookies == {"csrftoken"}


@pytest.mark.browser
def test_public_pages_set_no_cookie_in_the_browser(page, live_demo):
    for path in PAGES:
        if "interesse" in path or "interest/" in path and "thanks" not in path:
            continue
        page.goto(live_demo.url + path)
    assert page.context.cookies() == []
