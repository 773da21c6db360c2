"""The interest form's hourly limits: per client (as the trusted proxy saw it), in total, and
under concurrent submissions."""

import threading

import pytest
from django.db import connection
from django.test import Client, RequestFactory, override_settings

from europe.models import InterestSubmission, SubmissionThrottle
from europe.ratelimit import client_key
from ludwigsburg_intl.client_address import client_address

from .factories import ParticipationProgrammeFactory
from .test_form import FORM_DE, FORM_EN, valid_data

PROXY = "10.0.0.2"


@pytest.fixture
def programme(db):
    return ParticipationProgrammeFactory(slug="juma", name_de="JUMA-Arbeitskreis")


def post(programme, remote_addr="192.0.2.10", forwarded_for=None, url=FORM_DE, **data):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return Client().post(url, valid_data(programme, **data), **extra)


@pytest.mark.parametrize(
    ("hops", "forwarded_for", "expected"),
    [
        (0, None, "192.0.2.10"),
        (0, "198.51.100.1", "192.0.2.10"),  # no proxy: the header is the client's invention
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.1, 203.0.113.5", "203.0.113.5"),  # the proxy appended the last one
        (2, "198.51.100.1, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (2, "203.0.113.5", "192.0.2.10"),  # did not pass both proxies: count it under the sender
        (1, None, "192.0.2.10"),
    ],
)
def test_client_address_is_the_one_the_trusted_proxy_added(hops, forwarded_for, expected):
    meta = {"REMOTE_ADDR": "192.0.2.10"}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    with override_settings(TRUSTED_PROXY_COUNT=hops):
        assert client_address(RequestFactory().post("/", **meta)) == expected


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("192.0.2.10", "192.0.2.10"),
        ("192.0.2.10:51234", "192.0.2.10"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("[2001:db8:1:2::7]:443", "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.10", "192.0.2.10"),
        ("unknown", "unknown"),
    ],
)
def test_clients_are_ipv4_addresses_and_ipv6_networks(address, key):
    assert client_key(address) == key


@pytest.mark.django_db
@override_settings(TRUSTED_PROXY_COUNT=1, INTEREST_FORM_LIMIT_PER_CLIENT=3)
def test_a_forged_forwarded_for_entry_does_not_escape_the_limit(programme):
    # Behind one proxy, the client writes whatever it likes in X-Forwarded-For; the proxy appends
    # the address it really saw.
    for i in range(3):
        response = post(programme, PROXY, f"198.51.100.{i}, 203.0.113.5", name=f"Person {i}")
        assert response.status_code == 302
    response = post(programme, PROXY, "198.51.100.99, 203.0.113.5", name="Noch eine Person")
    assert response.status_code == 429
    assert "Ihre Nachricht wurde nicht gesendet." in response.content.decode()
    assert InterestSubmission.objects.count() == 3
    # Another visitor behind the same proxy keeps their own limit.
    assert post(programme, PROXY, "203.0.113.6").status_code == 302


@pytest.mark.django_db
@override_settings(INTEREST_FORM_LIMIT_PER_CLIENT=2)
def test_addresses_of_one_ipv6_network_share_a_limit(programme):
    assert post(programme, "2001:db8:1:2::1").status_code == 302
    assert post(programme, "2001:db8:1:2:ffff:ffff:ffff:fffe").status_code == 302
    assert post(programme, "2001:db8:1:2::3").status_code == 429
    assert post(programme, "2001:db8:1:3::1").status_code == 302  # the next /64 is someone else
    # An IPv4 client reaching the server over IPv6 is still the same client.
    assert post(programme, "192.0.2.20").status_code == 302
    assert post(programme, "::ffff:192.0.2.20").status_code == 302
    assert post(programme, "192.0.2.20").status_code == 429


@pytest.mark.django_db
@override_settings(INTEREST_FORM_LIMIT_PER_CLIENT=5, INTEREST_FORM_LIMIT_TOTAL=3)
def test_the_form_accepts_at_most_the_total_per_hour_from_all_clients(programme):
    for i in range(3):
        assert post(programme, f"192.0.2.{i + 1}").status_code == 302
    # Honeypot hits are thanked, count against their sender, but not against the total.
    assert post(programme, "192.0.2.50", website="http://spam.example").status_code == 302

    response = post(programme, "198.51.100.7", name="Erika Beispiel", message="Meine Frage")
    assert response.status_code == 429
    page = response.content.decode()
    assert "ungewöhnlich viele Nachrichten" in page
    assert 'value="Erika Beispiel"' in page and "Meine Frage</textarea>" in page  # kept
    assert 0 < int(response["Retry-After"]) <= 3600
    assert InterestSubmission.objects.count() == 3

    english = post(programme, "198.51.100.8", url=FORM_EN).content.decode()
    assert "unusually large number of messages" in english


@pytest.mark.django_db
@override_settings(INTEREST_FORM_LIMIT_PER_CLIENT=2)
def test_per_client_refusal_says_when_to_try_again(programme):
    post(programme)
    post(programme)
    response = post(programme)
    assert response.status_code == 429
    assert 3500 < int(response["Retry-After"]) <= 3600
    assert "Von einem Anschluss können nur 2 Nachrichten pro Stunde" in response.content.decode()


@pytest.mark.django_db
def test_throttle_rows_older_than_an_hour_are_removed_by_the_next_submission(programme):
    import datetime

    from django.utils import timezone

    old = SubmissionThrottle.objects.create(
        client_hash="x" * 64, created_at=timezone.now() - datetime.timedelta(minutes=61)
    )
    post(programme)
    assert not SubmissionThrottle.objects.filter(pk=old.pk).exists()
    assert SubmissionThrottle.objects.count() == 1


def submit_concurrently(programme, addresses):
    """POST the form from several threads at once, each with its own database connection."""
    barrier = threading.Barrier(len(addresses))
    statuses = []

    def submit(address):
        try:
            barrier.wait(timeout=30)
            statuses.append(post(programme, address).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(address,)) for address in addresses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(statuses)


@pytest.mark.django_db(transaction=True)
@override_settings(INTEREST_FORM_LIMIT_PER_CLIENT=3, INTEREST_FORM_LIMIT_TOTAL=200)
def test_concurrent_submissions_from_one_client_never_exceed_the_limit(programme):
    statuses = submit_concurrently(programme, ["192.0.2.30"] * 10)
    assert statuses == [302] * 3 + [429] * 7
    assert InterestSubmission.objects.count() == 3
    assert SubmissionThrottle.objects.count() == 3


@pytest.mark.django_db(transaction=True)
@override_settings(INTEREST_FORM_LIMIT_PER_CLIENT=5, INTEREST_FORM_LIMIT_TOTAL=4)
def test_concurrent_submissions_never_exceed_the_total(programme):
    statuses = submit_concurrently(programme, [f"198.51.100.{i}" for i in range(10)])
    assert statuses == [302] * 4 + [429] * 6
    assert InterestSubmission.objects.count() == 4
