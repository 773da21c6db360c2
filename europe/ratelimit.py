"""A per-client limit on form submissions, without cookies: the client's IP is stored hashed.

REMOTE_ADDR is used as the client address. Behind a reverse proxy the proxy must set it to the
real client address (e.g. gunicorn's forwarded-allow-ips), or every visitor shares one limit.
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
    address = request.META.get("REMOTE_ADDR", "")
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
