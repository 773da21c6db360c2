"""Hourly limits on the interest form, without cookies: the client's address is stored hashed.

Two limits hold: ``INTEREST_FORM_LIMIT_PER_CLIENT`` messages per hour from one client and
``INTEREST_FORM_LIMIT_TOTAL`` from all clients together. A client is one IPv4 address or one
IPv6 /64 network (one household or device usually gets a whole /64, so counting its addresses
one by one would multiply the limit).

The client's address is found by ``ludwigsburg_intl.client_address`` (trusted proxies only).

The check and the insert run under one PostgreSQL advisory lock inside the caller's transaction,
so that concurrent requests, in any process on any application server sharing the database,
never pass a limit together.
"""

import dataclasses
import datetime
import hashlib
import hmac
import ipaddress
import math
import re

from django.conf import settings
from django.db import connection
from django.db.models import Count, Min, Q
from django.utils import timezone

from ludwigsburg_intl.client_address import client_address

from .models import SubmissionThrottle

WINDOW = datetime.timedelta(hours=1)
# pg_advisory_xact_lock takes a 64-bit key; derive a stable one from the form's name.
LOCK_KEY = int.from_bytes(hashlib.sha256(b"europe.interest_form").digest()[:8], "big", signed=True)
_HOST_AND_PORT = re.compile(r"\[(?P<v6>[^\]]+)\](?::\d+)?|(?P<v4>[\d.]+):\d+")


@dataclasses.dataclass(frozen=True)
class Refusal:
    """Why a submission was refused: ``per_client`` or ``total``, and when to try again."""

    reason: str
    limit: int
    retry_after: int  # seconds


def client_key(address: str) -> str:
    """The unit a limit applies to: an IPv4 address, an IPv6 /64 network."""
    ip = _parse_ip(address)
    if ip is None:
        return address.strip().lower()
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def _parse_ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    match = _HOST_AND_PORT.fullmatch(value)
    if match:  # some proxies append the client's port
        value = match["v6"] or match["v4"]
    value = value.split("%", 1)[0]  # an IPv6 zone (fe80::1%eth0) names no other network
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def client_hash(request) -> str:
    key = (settings.SECRET_KEY or "europe-form").encode()
    return hmac.new(key, client_key(client_address(request)).encode(), "sha256").hexdigest()


def admit(request, *, spam: bool = False) -> Refusal | None:
    """Count one submission of the form, or refuse it when a limit is reached.

    Must run inside ``transaction.atomic()``; save the submission in the same transaction, so that
    a failed save counts nothing. The advisory lock is held until that transaction ends.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("admit() must run inside transaction.atomic().")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
    now = timezone.now()
    since = now - WINDOW
    # Rows older than the window are of no use any more: keep no hash longer than needed.
    SubmissionThrottle.objects.filter(created_at__lt=since).delete()
    client = client_hash(request)
    mine = Q(client_hash=client)
    counted = Q(is_spam=False)
    recent = SubmissionThrottle.objects.filter(created_at__gte=since).aggregate(
        client_count=Count("pk", filter=mine),
        client_oldest=Min("created_at", filter=mine),
        total_count=Count("pk", filter=counted),
        total_oldest=Min("created_at", filter=counted),
    )
    per_client = settings.INTEREST_FORM_LIMIT_PER_CLIENT
    total = settings.INTEREST_FORM_LIMIT_TOTAL
    if recent["client_count"] >= per_client:
        return Refusal("per_client", per_client, _seconds_until(recent["client_oldest"], now))
    if not spam and recent["total_count"] >= total:
        return Refusal("total", total, _seconds_until(recent["total_oldest"], now))
    SubmissionThrottle.objects.create(client_hash=client, created_at=now, is_spam=spam)
    return None


def _seconds_until(oldest: datetime.datetime | None, now: datetime.datetime) -> int:
    """Seconds until the oldest counted submission leaves the window (at least one)."""
    if oldest is None:  # a limit of 0
        return int(WINDOW.total_seconds())
    return max(1, math.ceil((oldest + WINDOW - now).total_seconds()))
