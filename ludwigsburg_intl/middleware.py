import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


class AdminLanguageMiddleware:
    """The admin is German for every editor, whatever their browser asks for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, visitors get a 503 page in the portal's design and
    their language, with ``Retry-After``, rather than a 500. Django drops the broken connection at
    the end of the request, so the portal recovers by itself once the database is back."""

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable: %s", exception)
        return database_unavailable_response(request, self.RETRY_AFTER_SECONDS)


def database_unavailable_response(request, retry_after: int):
    # The frame's footer and messages would read the database: give them nothing to read, and
    # keep no fragment of the frame built from that (see page_cache.fragment()).
    context = {"footer_pages": [], "footer_contacts": [], "messages": []}
    request.frame_without_content = True
    try:
        response = render(request, "503.html", context, status=503)
    except Exception:  # the page must come out whatever else is broken
        logger.exception("Could not render the 503 page")
        response = HttpResponse(
            "Service temporarily unavailable / Dienst vorübergehend nicht verfügbar",
            content_type="text/plain; charset=utf-8",
            status=503,
        )
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response
