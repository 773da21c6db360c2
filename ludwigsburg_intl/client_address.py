"""The client's address, for the interest form's limits and the login lockout.

It is REMOTE_ADDR, or behind ``TRUSTED_PROXY_COUNT`` reverse proxies the entry that the outermost
of them appended to X-Forwarded-For: the N-th from the right. Entries further left were written by
the client and are ignored.
"""

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if not hops:
        return remote
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if not entries[-1].strip() or len(entries) < hops:
        # The request did not pass through every proxy: count it under the one that sent it.
        return remote
    return entries[-hops].strip()
