"""An editor logs in to the admin with a password and a second factor, in headless Chromium."""

import base64
import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser

PASSWORD = "ein-langes-Passwort-2026"


def token_for(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def log_in_with_password(page, base, username):
    page.goto(base + "/admin/")
    page.wait_for_url(re.compile(r"/admin/login/"))
    assert_no_axe_violations(page)
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")


def test_an_editor_logs_in_with_a_code_from_the_app(page, live_server, transactional_db, settings):
    settings.OTP_REQUIRED_FOR = "all-staff"
    user = User.objects.create_user("europa", "europa@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion Europa"))
    device = TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)

    log_in_with_password(page, live_server.url, "europa")
    page.wait_for_url(re.compile(r"/admin/two-factor/verify/"))
    assert page.locator("h1").inner_text() == "Zwei-Faktor-Authentifizierung"
    assert_no_axe_violations(page)
    page.fill("#id_token", token_for(device))
    page.click("#login-form [type=submit]")

    page.wait_for_url(live_server.url + "/admin/")
    assert page.locator("#content h1").inner_text() == "Inhalte des Portals"
    assert page.get_by_role("link", name="Förderaufrufe").count() == 1
    assert page.get_by_role("link", name="Partnerstädte").count() == 0
    # Another area's pages are closed.
    assert page.goto(live_server.url + "/admin/partnerships/partnercity/").status == 403


def test_a_superuser_sets_up_the_app_at_the_first_login(
    page, live_server, transactional_db, settings
):
    settings.OTP_REQUIRED_FOR = "superusers-and-personal-data"
    User.objects.create_user(
        "admin", "admin@example.org", PASSWORD, is_staff=True, is_superuser=True
    )

    log_in_with_password(page, live_server.url, "admin")
    page.wait_for_url(re.compile(r"/admin/two-factor/setup/"))
    assert page.locator("svg[role=img] title").count() == 1
    assert_no_axe_violations(page)
    key = page.locator("#otp-key").inner_text().replace(" ", "")
    code = f"{totp(base64.b32decode(key)):06d}"
    page.fill("#id_token", code)
    page.click("#login-form [type=submit]")

    assert page.locator(".recovery-codes li").count() == 10
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Weiter zur Verwaltung").click()
    page.wait_for_url(live_server.url + "/admin/")


def test_five_wrong_passwords_lock_the_login_with_a_german_message(
    page, live_server, transactional_db
):
    User.objects.create_user("netzwerk", "netzwerk@example.org", PASSWORD, is_staff=True)
    page.goto(live_server.url + "/admin/login/")
    for _attempt in range(5):
        page.fill("#id_username", "netzwerk")
        page.fill("#id_password", "falsch")
        page.click("#login-form [type=submit]")
    assert "für 15 Minuten gesperrt" in page.locator(".errornote").inner_text()
    assert_no_axe_violations(page)


def test_a_new_editor_replaces_the_one_time_password_first(page, live_server, transactional_db):
    out = io.StringIO()
    call_command(
        "create_editor", "klima", "--email", "klima@example.org", "--group", "klima", stdout=out
    )
    one_time = out.getvalue().split("(shown only now): ")[1].split()[0]

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "klima")
    page.fill("#id_password", one_time)
    page.click("#login-form [type=submit]")
    page.wait_for_url(live_server.url + "/admin/password_change/")
    assert_no_axe_violations(page)
    page.fill("#id_old_password", one_time)
    page.fill("#id_new_password1", "Mein-eigenes-Passwort-26")
    page.fill("#id_new_password2", "Mein-eigenes-Passwort-26")
    page.click("#content-main [type=submit]")
    page.wait_for_url(live_server.url + "/admin/password_change/done/")
    page.goto(live_server.url + "/admin/")
    assert page.get_by_role("link", name="Projekte").count() == 1
