"""Probes for the load balancer and monitoring, outside the language prefixes.

``/healthz`` answers whether the process is up (no database: a database outage must not make the
load balancer restart healthy app servers). ``/readyz`` answers whether this server can serve
pages: database reachable, every migration applied, cache reachable. Both answer JSON, are never
cached and set no cookie.
"""

import logging

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Once every migration is applied it stays so for the life of the process (a deploy that adds
# migrations starts new processes), so the migration graph is loaded at most until then.
_migrations_applied = False


def _database_ok() -> bool:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _migrations_ok() -> bool:
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        targets = executor.loader.graph.leaf_nodes()
        _migrations_applied = not executor.migration_plan(targets)
    return _migrations_applied


def _cache_ok() -> bool:
    cache.set("readyz-probe", "ok", 10)
    return cache.get("readyz-probe") == "ok"


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    checks = {}
    for name, check in (
        ("database", _database_ok),
        ("migrations", _migrations_ok),
        ("cache", _cache_ok),
    ):
        if name == "migrations" and checks["database"] != "ok":
            checks[name] = "unknown"
            continue
        try:
            checks[name] = "ok" if check() else "failed"
        except Exception as exc:  # a probe reports what failed; it never raises
            logger.warning("readyz: %s check failed: %s", name, exc)
            checks[name] = "failed"
    ready = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )
