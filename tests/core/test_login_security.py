"""Safe login: lockout after failed attempts, the second factor, password length and the limits
of a staff session."""

import datetime
import io
import logging
import os
import subprocess
import sys
import time
from unittest import mock

import pytest
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ludwigsburg_intl.login_security import LOCKOUT_MESSAGE
from tests.factories import DRAFT, SitePageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "ein-langes-Passwort-2026"
LOGIN = "/admin/login/?next=/admin/"
INDEX = "/admin/"


def staff(username="redakteurin", *, superuser=False, group=None):
    user = User.objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_staff=True, is_superuser=superuser
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def log_in(client, username, password=PASSWORD, address="192.0.2.10"):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": INDEX}, REMOTE_ADDR=address
    )


def current_token(device):
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def totp_device(user):
    return TOTPDevice.objects.create(user=user, name="Telefon", confirmed=True)


# --- Lockout ------------------------------------------------------------------------------------


def test_five_failures_lock_the_user_name_from_that_address_with_a_german_message(client, caplog):
    staff()
    with caplog.at_level(logging.WARNING):
        responses = [log_in(client, "redakteurin", "falsch") for _attempt in range(5)]
    assert [r.status_code for r in responses[:4]] == [200] * 4
    assert responses[4].status_code == 429
    with override("de"):
        message = str(LOCKOUT_MESSAGE)
    assert "15 Minuten gesperrt" in message
    assert message in responses[4].content.decode()
    assert "login failure" in caplog.text  # failed logins are logged

    # The right password is refused while the lock lasts.
    response = log_in(client, "redakteurin", PASSWORD)
    assert response.status_code == 429
    assert message in response.content.decode()
    assert client.get(INDEX).status_code == 302  # not logged in


def test_the_lock_holds_for_the_pair_of_user_name_and_address(client):
    staff()
    staff("kollege")
    for _attempt in range(5):
        log_in(client, "redakteurin", "falsch")
    # Another address, or another user name from the same address, can still log in.
    assert log_in(client, "redakteurin", address="198.51.100.7").status_code == 302
    client.logout()
    assert log_in(client, "kollege").status_code == 302


def test_the_lock_ends_after_15_minutes(client):
    staff()
    for _attempt in range(5):
        log_in(client, "redakteurin", "falsch")
    later = timezone.now() + datetime.timedelta(minutes=16)
    with (
        mock.patch("axes.handlers.proxy.now", return_value=later),
        mock.patch("axes.attempts.now", return_value=later),
    ):
        assert log_in(client, "redakteurin").status_code == 302


def test_the_unlock_command_lifts_the_lock(client):
    staff()
    for _attempt in range(5):
        log_in(client, "redakteurin", "falsch")
    assert log_in(client, "redakteurin").status_code == 429
    call_command("axes_reset_username", "redakteurin", stdout=io.StringIO())
    response = log_in(client, "redakteurin")
    assert response.status_code == 302
    assert client.get(INDEX).status_code == 200


# --- Second factor ------------------------------------------------------------------------------


@override_settings(OTP_REQUIRED_FOR="superusers-and-personal-data")
def test_a_superuser_without_a_device_is_sent_to_set_one_up_after_the_password(client):
    staff(superuser=True)
    response = log_in(client, "redakteurin")
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:setup"))
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and 'role="img"' in page  # the QR code, drawn on the server
    assert "http" not in page.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org", ""
    )


@override_settings(OTP_REQUIRED_FOR="superusers-and-personal-data")
def test_the_personal_data_group_needs_a_second_factor_an_area_editor_does_not(client):
    client.force_login(staff("datenschutz", group="Personenbezogene Daten Europa"))
    assert client.get(INDEX).status_code == 302
    assert client.get(reverse("admin:europe_nomination_changelist")).status_code == 302
    client.force_login(staff("europa", group="Redaktion Europa"))
    assert client.get(INDEX).status_code == 200


@override_settings(OTP_REQUIRED_FOR="all-staff")
def test_all_staff_mode_requires_the_second_factor_of_every_editor(client):
    client.force_login(staff("europa", group="Redaktion Europa"))
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor:setup"))


@override_settings(OTP_REQUIRED_FOR="none")
def test_none_mode_requires_no_second_factor(client):
    client.force_login(staff(superuser=True))
    assert client.get(INDEX).status_code == 200


@override_settings(OTP_REQUIRED_FOR="all-staff")
def test_a_valid_code_opens_the_admin(client):
    user = staff(group="Redaktion Europa")
    device = totp_device(user)
    log_in(client, "redakteurin")
    response = client.get(INDEX)
    assert response["Location"] == f"{reverse('two_factor:verify')}?next=%2Fadmin%2F"

    response = client.post(
        reverse("two_factor:verify"), {"token": current_token(device), "next": INDEX}
    )
    assert response.status_code == 302 and response["Location"] == INDEX
    assert client.get(INDEX).status_code == 200


@override_settings(OTP_REQUIRED_FOR="all-staff")
def test_a_wrong_code_is_refused_with_a_message(client):
    totp_device(staff(group="Redaktion Europa"))
    log_in(client, "redakteurin")
    response = client.post(reverse("two_factor:verify"), {"token": "000000", "next": INDEX})
    assert response.status_code == 200
    with override("de"):
        assert gettext("This code is not valid. Please try again.") in response.content.decode()
    assert client.get(INDEX).status_code == 302


@override_settings(OTP_REQUIRED_FOR="all-staff")
def test_setting_up_the_app_confirms_it_and_shows_ten_recovery_codes_once(client):
    user = staff(group="Redaktion Netzwerk")
    log_in(client, "redakteurin")
    client.get(reverse("two_factor:setup"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    response = client.post(reverse("two_factor:setup"), {"token": current_token(device)})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    for code in codes:
        assert code in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(codes)
    assert client.get(INDEX).status_code == 200


@override_settings(OTP_REQUIRED_FOR="all-staff")
def test_a_recovery_code_works_once(client):
    user = staff()
    totp_device(user)
    static = StaticDevice.objects.create(user=user, name="Wiederherstellung")
    static.token_set.create(token="abcd2345")

    log_in(client, "redakteurin")
    response = client.post(reverse("two_factor:verify"), {"token": "ABCD 2345", "next": INDEX})
    assert response["Location"] == INDEX
    assert client.get(INDEX).status_code == 200

    client.post(reverse("admin:logout"))
    log_in(client, "redakteurin")
    response = client.post(reverse("two_factor:verify"), {"token": "abcd2345", "next": INDEX})
    assert response.status_code == 200  # refused
    assert client.get(INDEX).status_code == 302


@override_settings(OTP_REQUIRED_FOR="all-staff")
def test_someone_with_a_device_cannot_replace_it_without_a_code(client):
    user = staff()
    totp_device(user)
    log_in(client, "redakteurin")
    response = client.get(reverse("two_factor:setup"))
    assert response["Location"].startswith(reverse("two_factor:verify"))


@override_settings(OTP_REQUIRED_FOR="all-staff")
def test_the_verify_page_does_not_send_elsewhere_after_the_code(client):
    device = totp_device(staff())
    log_in(client, "redakteurin")
    response = client.post(
        reverse("two_factor:verify"),
        {"token": current_token(device), "next": "https://example.com/"},
    )
    assert response["Location"] == INDEX


def test_reset_two_factor_removes_the_devices():
    user = staff()
    totp_device(user)
    StaticDevice.objects.create(user=user, name="Wiederherstellung")
    out = io.StringIO()
    call_command("reset_two_factor", "redakteurin", stdout=out)
    assert "Removed 2 device(s)" in out.getvalue()
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()


# --- Passwords and sessions ---------------------------------------------------------------------


def test_passwords_need_twelve_characters():
    with pytest.raises(ValidationError):
        validate_password("Xq7#pLm2vR9")  # 11
    validate_password("Xq7#pLm2vR9w")  # 12


def test_the_session_key_changes_at_login(client):
    staff()
    session = client.session
    session["vorher"] = True
    session.save()
    before = session.session_key
    client.cookies["sessionid"] = before
    log_in(client, "redakteurin")
    after = client.cookies["sessionid"].value
    assert after and after != before
    assert not Session.objects.filter(session_key=before).exists()


def at(minutes_later):
    return timezone.now() + datetime.timedelta(minutes=minutes_later)


def test_a_session_ends_after_an_hour_without_a_request(client):
    staff()
    log_in(client, "redakteurin")
    with mock.patch("django.contrib.sessions.backends.db.timezone.now", return_value=at(59)):
        assert client.get(INDEX).status_code == 200  # and the hour starts again
    session = Session.objects.get()
    assert session.expire_date > at(59 + 58)
    with mock.patch("django.contrib.sessions.backends.db.timezone.now", return_value=at(121)):
        response = client.get(INDEX)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_session_ends_eight_hours_after_the_login_whatever_the_activity(client):
    staff()
    log_in(client, "redakteurin")
    now = time.time()
    with mock.patch("ludwigsburg_intl.login_security.time.time", return_value=now + 7.9 * 3600):
        assert client.get(INDEX).status_code == 200
    with mock.patch("ludwigsburg_intl.login_security.time.time", return_value=now + 8.1 * 3600):
        response = client.get(INDEX)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get(INDEX).status_code == 302  # logged out for good


def test_public_pages_set_no_cookie_and_load_no_session(client):
    response = client.get(reverse("home"))
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_the_admin_offers_every_editor_the_second_factor(client):
    client.force_login(staff(group="Redaktion Europa"))
    html = client.get(INDEX).content.decode()
    assert f'href="{reverse("two_factor:setup")}"' in html


def test_production_requires_the_second_factor_for_superusers_and_personal_data():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ludwigsburg_intl.settings.prod",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused",
    }
    env.pop("OTP_REQUIRED_FOR", None)
    code = "from django.conf import settings; print(settings.OTP_REQUIRED_FOR)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "superusers-and-personal-data"


@override_settings(OTP_REQUIRED_FOR="superusers-and-personal-data")
def test_drafts_are_previewed_only_once_the_second_factor_is_given(client):
    page = SitePageFactory(status=DRAFT)
    device = totp_device(staff(superuser=True))
    log_in(client, "redakteurin")
    assert client.get(page.get_absolute_url()).status_code == 404
    client.post(reverse("two_factor:verify"), {"token": current_token(device), "next": INDEX})
    assert client.get(page.get_absolute_url()).status_code == 200
