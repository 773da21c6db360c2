"""Whole public pages for anonymous visitors, served from Django's cache framework.

Freshness comes from the database, not from the cache: every write to a table of the portal's
content (a save, a delete, an admin action, a bulk ``update()``, a management command, raw SQL)
fires a statement trigger that counts up one row, ``portal_content_version``, in the same
transaction. A cached page's key holds that count, so the first request after a commit, in any
worker on any app server, misses the old copies. The cache itself can therefore be anything
Django offers: Redis when configured, files on the server otherwise.

Time changes pages too: a page expires at the next moment some content enters or leaves its
publication window, an event is over, or a day begins in Berlin (funding calls close at the end
of their deadline day), and at the latest after ``PAGE_CACHE_SECONDS``.

What is never cached: anything but GET and HEAD, any request that carries a session or CSRF
cookie (staff, or a visitor who has opened a form), any response that sets a cookie or is not a
plain 200, and everything outside the language prefixes (admin, probes, media).
"""

import contextlib
import datetime
import hashlib
import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_TABLE = "portal_content_version"
TRIGGER_FUNCTION = "portal_count_content_change"
TRIGGER_NAME = "portal_content_changed"
VERSION_SQL = f"SELECT value FROM {VERSION_TABLE} WHERE id = 1"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


_release = None


def release() -> str:
    """A fingerprint of the code, templates, translations and static files this process serves,
    so that a deploy never serves pages rendered by the release before (computed once)."""
    global _release
    if _release is None:
        digest = hashlib.sha256()
        suffixes = {".py", ".html", ".txt", ".mo", ".css", ".js", ".svg", ".json"}
        for top in sorted(settings.PAGE_CACHE_RELEASE_DIRS):
            for path in sorted(Path(top).rglob("*")):
                if path.suffix in suffixes and path.is_file():
                    digest.update(str(path.relative_to(settings.BASE_DIR)).encode())
                    digest.update(path.read_bytes())
        _release = digest.hexdigest()[:16]
    return _release


# --- The content version -----------------------------------------------------------------------


def _project_models():
    """Every model of the project's own apps (those under its directory), through tables too."""
    base = str(settings.BASE_DIR)
    for model in apps.get_models(include_auto_created=True):
        app_path = str(apps.get_app_config(model._meta.app_label).path)
        if app_path.startswith(base) and "site-packages" not in app_path and model._meta.managed:
            yield model


def content_models():
    """The models whose rows public pages show: all of the project's, except those that declare
    ``page_cache_exempt`` (personal data such as form submissions, which no public page shows)."""
    return [m for m in _project_models() if not getattr(m, "page_cache_exempt", False)]


def install_triggers(using="default", **kwargs):
    """Give every content table the trigger that counts changes (run after each migrate)."""
    from django.db import connections

    conn = connections[using]
    with conn.cursor() as cursor:
        cursor.execute("SELECT to_regproc(%s) IS NOT NULL", [TRIGGER_FUNCTION])
        if not cursor.fetchone()[0]:
            return  # migrated back to before the version table
        existing = set(conn.introspection.table_names(cursor))
        content = content_models()
        for model in _project_models():
            if model._meta.db_table not in existing:
                continue
            table = conn.ops.quote_name(model._meta.db_table)
            cursor.execute(f"DROP TRIGGER IF EXISTS {TRIGGER_NAME} ON {table}")
            if model not in content:
                continue
            cursor.execute(
                f"CREATE TRIGGER {TRIGGER_NAME} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_FUNCTION}()"
            )


def content_version() -> int:
    """The current count, in one round trip: asked on the driver's connection directly, and
    taken as the connection's health check for this request (a second query would double the
    cost of a cached page). A connection that went stale since the last request is replaced once.
    """
    for attempt in (1, 2):
        try:
            with connection.wrap_database_errors:
                connection.ensure_connection()
                with connection.connection.cursor() as cursor:
                    value = cursor.execute(VERSION_SQL).fetchone()[0]
        except DatabaseError as exc:
            if attempt == 2 or connection.in_atomic_block:
                raise
            logger.info("Page cache: reconnecting after %s", exc)
            connection.close()
            continue
        connection.health_check_done = True
        return value
    raise AssertionError("unreachable")


# --- When cached pages must expire -------------------------------------------------------------


def _publishable_models():
    from .publishing import Publishable

    return [
        model
        for model in content_models()
        if issubclass(model, Publishable) and not model._meta.abstract
    ]


def next_publication_boundary(now: datetime.datetime) -> datetime.datetime | None:
    """The next moment some content enters or leaves its publication window (one query)."""
    parts, params = [], []
    for model in _publishable_models():
        table = connection.ops.quote_name(model._meta.db_table)
        for column in ("publish_from", "publish_until"):
            parts.append(f"SELECT min({column}) FROM {table} WHERE {column} > %s")
            params.append(now)
    if not parts:
        return None
    with connection.cursor() as cursor:
        union = " UNION ALL ".join(parts)
        cursor.execute(f"SELECT min(moment) FROM ({union}) AS m(moment)", params)
        return cursor.fetchone()[0]


def next_change_in_time(now: datetime.datetime) -> datetime.datetime:
    """The next moment a page may change by itself: a publication window opens or closes, an
    event is over, a new day begins in Berlin; ``PAGE_CACHE_SECONDS`` from now at the latest."""
    from .models import Event

    candidates = [now + datetime.timedelta(seconds=settings.PAGE_CACHE_SECONDS)]
    local = timezone.localtime(now)
    candidates.append(
        (local + datetime.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    )
    window = next_publication_boundary(now)
    if window:
        candidates.append(window)
    over = (
        Event.objects.upcoming(now)
        .order_by("effective_end")
        .values_list("effective_end", flat=True)
        .first()
    )
    if over:
        candidates.append(over)
    return min(candidates)


def _boundary(version: int, now: datetime.datetime) -> datetime.datetime:
    """``next_change_in_time()``, computed once per content version for all workers."""
    cache = page_cache()
    key = f"page-boundary:{version}"
    boundary = _cache_call(cache.get, key)
    if boundary is None or boundary <= now:
        boundary = next_change_in_time(now)
        _cache_call(cache.set, key, boundary, settings.PAGE_CACHE_SECONDS)
    return boundary


# --- Fragments every page repeats --------------------------------------------------------------

# The fragments of the current content version in this process: what a page's frame repeats on
# every page (the footer with its contacts and links) is built once per content change and
# language, not once per request. Keyed by the same version as the cached pages and dropped at
# the same moments in time, so a fragment is never older than the page around it.
_fragments = {"version": None, "until": None, "parts": {}}


def request_content_version(request) -> int:
    """The content version for this request: the one the page cache read, or read now."""
    version = getattr(request, "content_version", None)
    if version is None:
        version = request.content_version = content_version()
    return version


_keep_in_transaction = False


def bypass_cookie() -> tuple[str, str]:
    """A cookie (name, value) that keeps a request out of the page cache, for the benchmarks
    that measure the rendering: a CSRF cookie, which this cache never serves or fills."""
    return settings.CSRF_COOKIE_NAME, "benchmark-bypasses-the-page-cache"


@contextlib.contextmanager
def fragments_kept_in_transaction():
    """Keep fragments inside a transaction too: only for a process that ends with it (a
    benchmark that rolls its data back measures the pages as the site serves them)."""
    global _fragments, _keep_in_transaction
    _keep_in_transaction = True
    try:
        yield
    finally:
        _keep_in_transaction = False
        _fragments = {"version": None, "until": None, "parts": {}}


def fragment(request, name: str, vary: tuple, build) -> str:
    """The HTML ``build()`` makes for ``name``, kept in this process for the current content
    version, language and ``vary``. Built afresh when the page cache is off, inside a
    transaction (whose changes may still be rolled back, as in tests), or without a database
    (the 503 page, whose frame is built from nothing).
    """
    global _fragments
    if (
        settings.PAGE_CACHE_SECONDS <= 0
        or request is None
        or (connection.in_atomic_block and not _keep_in_transaction)
        or getattr(request, "frame_without_content", False)
    ):
        return build()
    try:
        version = request_content_version(request)
        now = timezone.now()
        state = _fragments
        if state["version"] != version or state["until"] <= now:
            state = {"version": version, "until": _boundary(version, now), "parts": {}}
            _fragments = state
    except DatabaseError:
        return build()  # the 503 page: its context reads nothing
    key = (name, get_language(), get_script_prefix(), *vary)
    html = state["parts"].get(key)
    if html is None:
        html = state["parts"][key] = build()
    return html


# --- The middleware ----------------------------------------------------------------------------


def _is_public_path(path: str) -> bool:
    return any(path.startswith(f"/{code}/") for code, _name in settings.LANGUAGES)


def _may_use_cache(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and _is_public_path(request.path)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
    )


def _may_store(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")  # the view said how it may be cached
    )


def _cache_call(method, *args):
    """A call to the cache that never breaks a page: while Redis (or the cache directory) is
    unavailable, pages are rendered as if nothing were cached."""
    try:
        return method(*args)
    except Exception:
        logger.warning("Page cache unavailable", exc_info=True)
        return None


class PublicPageCacheMiddleware:
    """Serves and stores anonymous public pages (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_use_cache(request):
            response = self.get_response(request)
            if _is_public_path(request.path) and not response.has_header("Cache-Control"):
                # A staff preview or a page with a form: for this visitor only.
                patch_cache_control(response, private=True, no_cache=True)
            return response
        try:
            version = content_version()
        except DatabaseError:
            # The view will meet the same outage and answer with the 503 page.
            logger.warning("Page cache: content version unavailable", exc_info=True)
            return self.get_response(request)
        request.content_version = version  # for the fragments of the page (see fragment())
        cache = page_cache()
        # Pages hold absolute addresses built from the request (alternate links, feeds, data):
        # one copy per scheme and host, never another host's.
        where = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        key = f"page:{release()}:{version}:{hashlib.sha256(where.encode()).hexdigest()}"
        stored = _cache_call(cache.get, key)
        if stored is not None:
            response = HttpResponse(stored["content"], headers=stored["headers"])
        else:
            response = self.get_response(request)
            if not _may_store(response):
                return response
            self._mark_public(response)
            self._store(cache, key, version, response)
        return response

    @staticmethod
    def _mark_public(response):
        # Browsers and proxies may keep the page but must ask again each time (a 304 is cheap);
        # with a cookie, the page may differ (a staff preview).
        patch_cache_control(response, no_cache=True, public=True)
        patch_vary_headers(response, ("Cookie",))
        if not response.has_header("ETag"):
            digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
            response["ETag"] = f'"{digest}"'

    @staticmethod
    def _store(cache, key, version, response):
        now = timezone.now()
        try:
            boundary = _boundary(version, now)
        except DatabaseError:
            logger.warning("Page cache: expiry unknown, page not stored", exc_info=True)
            return
        seconds = int((boundary - now).total_seconds())
        if seconds < 1:
            return
        page = {"content": response.content, "headers": dict(response.items())}
        _cache_call(cache.set, key, page, seconds)
