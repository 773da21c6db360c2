"""An editor's whole round in headless Chromium, on the demo content: logs in with a second
factor, edits a partner city in German and English, cannot open another area, reads the diff in
the history and restores the previous version, sees the translation board count an out-of-date
English; then the demo loader (what every `make run` starts with) runs again and changes none of
it."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from partnerships.models import PartnerCity
from tests.browser.test_login import PASSWORD, log_in_with_password, token_for
from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


def board_counts(page, base, area):
    """The translation board's "missing" and "out of date" counts of one area (an area with
    nothing to translate has no row)."""
    page.goto(base + "/admin/translations/")
    summary = page.get_by_role("table", name="Inhalte, die eine Übersetzung brauchen, nach Bereich")
    cells = summary.locator("tbody tr", has_text=area).locator("td").all_inner_texts()
    return [int(cell) for cell in cells] or [0, 0]


def test_an_editor_edits_reads_the_history_restores_and_keeps_the_work(page, live_demo, settings):
    base = live_demo.url
    settings.OTP_REQUIRED_FOR = "all-staff"
    editor = User.objects.create_user("partner", "partner@example.org", PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Redaktion Partnerstädte"))
    device = TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    city = PartnerCity.objects.get(slug="montbeliard")
    original_summary_de, original_summary_en = city.summary_de, city.summary_en

    # Password, then the code from the app.
    log_in_with_password(page, base, "partner")
    page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))
    page.fill("#id_token", token_for(device))
    page.click("#login-form [type=submit]")
    page.wait_for_url(base + "/admin/")

    # Another area is closed: not on the start page, 403 on its pages.
    assert page.get_by_role("link", name="Projekte").count() == 0
    assert page.goto(base + "/admin/climate/project/").status == 403

    before = board_counts(page, base, "Partnerstädte")

    # One edit in both languages.
    page.goto(f"{base}/admin/partnerships/partnercity/{city.pk}/change/")
    page.locator("#id_summary_de").fill("Partnerstadt seit 1950, erste Fassung der Redaktion.")
    # The English fields are behind the language switch of the form.
    page.select_option("#modeltranslation-main-switch", label="en")
    page.locator("#id_summary_en").fill("Partner city since 1950, the editors' first version.")
    page.click("[name=_save]")
    page.wait_for_url(re.compile(r"/admin/partnerships/partnercity/$"))

    # A second edit of the German only: the English is now out of date on the board.
    page.goto(f"{base}/admin/partnerships/partnercity/{city.pk}/change/")
    page.locator("#id_summary_de").fill("Partnerstadt seit 1950, zweite Fassung der Redaktion.")
    page.click("[name=_save]")
    page.wait_for_url(re.compile(r"/admin/partnerships/partnercity/$"))
    after = board_counts(page, base, "Partnerstädte")
    assert after[1] == before[1] + 1  # out of date: one more
    assert_no_axe_violations(page)

    # The history shows the diff of the last version: old and new German.
    page.goto(f"{base}/admin/partnerships/partnercity/{city.pk}/history/")
    assert page.locator("h1").count() == 1
    newest = page.locator("#content table").first
    assert "erste Fassung der Redaktion" in newest.inner_text()
    assert "zweite Fassung der Redaktion" in newest.inner_text()
    assert_no_axe_violations(page)

    # Restore the version before the second edit: a confirmation, then a new version.
    page.get_by_role("link", name="Diese Fassung wiederherstellen").first.click()
    page.wait_for_url(re.compile(r"/restore/$"))
    assert "erste Fassung der Redaktion" in page.locator("#content table").first.inner_text()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Ja, diese Fassung wiederherstellen").click()
    page.wait_for_load_state()
    city.refresh_from_db()
    assert city.summary_de == "Partnerstadt seit 1950, erste Fassung der Redaktion."
    assert city.summary_en == "Partner city since 1950, the editors' first version."
    versions = city.versions.count()
    assert versions >= 4  # created by the demo, two edits, the restore: nothing was lost

    # The public page shows the restored text.
    page.goto(base + city.get_absolute_url())
    assert "erste Fassung der Redaktion" in page.locator("main").inner_text()

    # `make run` loads the demo content again: nothing of the editor's work changes, and the
    # history records nothing.
    call_command("load_demo_content", verbosity=0)
    city.refresh_from_db()
    assert city.summary_de == "Partnerstadt seit 1950, erste Fassung der Redaktion."
    assert city.summary_en == "Partner city since 1950, the editors' first version."
    assert city.summary_de != original_summary_de and city.summary_en != original_summary_en
    assert city.versions.count() == versions
