"""What the admin's JavaScript writes is German too: the calendar, the clock, the boxes that
choose several objects and the action bar, in headless Chromium."""

import re

import pytest
from django.contrib.auth.models import User

from tests.core.test_admin_german import english_on

pytestmark = pytest.mark.browser

PASSWORD = "ein-langes-Passwort-2026"


def log_in(page, base):
    User.objects.create_superuser("verwaltung", "verwaltung@example.org", PASSWORD)
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "verwaltung")
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")
    page.wait_for_url(base + "/admin/")


def test_the_admins_widgets_speak_german(page, live_server, transactional_db, settings):
    settings.OTP_REQUIRED_FOR = "none"
    log_in(page, live_server.url)
    found = []

    # A date with its calendar, a time with its clock, and the SDG goals' two boxes.
    page.goto(live_server.url + "/admin/ludwigsburg_intl/event/add/")
    page.locator("#calendarlink0").click()
    calendar = page.locator(".calendarbox").first
    calendar.wait_for()
    calendar_text = calendar.inner_text()
    found += [f"event, calendar: {e!r}" for e in english_on(page.content())]
    page.keyboard.press("Escape")
    page.locator("#clocklink0").click()
    clock = page.locator(".clockbox").first
    clock.wait_for()
    clock_text = clock.inner_text()
    found += [f"event, clock: {e!r}" for e in english_on(page.content())]
    choose_all = page.get_by_role("button", name=re.compile("Alle .* auswählen")).count()
    found += [f"event, selection boxes: {e!r}" for e in english_on(page.content())]

    # The action bar after a selection.
    page.goto(live_server.url + "/admin/auth/user/")
    page.locator("input.action-select").first.check()
    action_bar = page.locator(".actions").inner_text()
    found += [f"user list, action bar: {e!r}" for e in english_on(page.content())]

    assert not found, "English in the German admin:\n" + "\n".join(found)
    assert "Heute" in calendar_text and "Jetzt" in clock_text
    assert choose_all >= 1
    assert "1 von 1 ausgewählt" in action_bar
