"""A per-client limit on form submissions, without cookies: the client's IP is stored hashed.

The client address is read from ``settings.CLIENT_IP_HEADER`` (default REMOTE_ADDR). Behind a
reverse proxy, set it to the header the proxy fills with the real client address (for example
HTTP_X_REAL_IP), or every visitor shares one limit.
"""

import datetime
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from .models import SubmissionThrottle

SUBMISSIONS_PER_HOUR = 5
WINDOW = datetime.timedelta(hours=1)


def client_hash(request) -> str:
    header = getattr(settings, "CLIENT_IP_HEADER", "REMOTE_ADDR")
    address = request.META.get(header) or request.META.get("REMOTE_ADDR", "")
    # X-Forwarded-For may list several hops: the first is the client.
    address = address.split(",")[0].strip()
    key = (settings.SECRET_KEY or "europe-form").encode()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()


def is_rate_limited(request, limit: int = SUBMISSIONS_PER_HOUR) -> bool:
    since = timezone.now() - WINDOW
    return (
        SubmissionThrottle.objects.filter(
            client_hash=client_hash(request), created_at__gte=since
        ).count()
        >= limit
    )


def record_submission(request) -> None:
    now = timezone.now()
    # Old entries are of no use any more; removing them keeps no data longer than needed.
    SubmissionThrottle.objects.filter(created_at__lt=now - WINDOW).delete()
    SubmissionThrottle.objects.create(client_hash=client_hash(request), created_at=now)
