"""Production. Everything comes from the environment; a missing secret stops the start."""

import os
import re

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def _require(name: str, hint: str = "") -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        message = f"The environment variable {name} must be set in production."
        raise ImproperlyConfigured(f"{message} {hint}".strip())
    return value


def _proxy_ssl_header() -> tuple[str, str] | None:
    """The request header by which a trusted reverse proxy says the client used HTTPS.

    Off unless the environment names it: any client can send such a header, so it may only be
    trusted when every request passes through a proxy that overwrites it.
    """
    name = os.environ.get("SECURE_PROXY_SSL_HEADER", "").strip()
    if not name:
        return None
    if not re.fullmatch(r"[A-Za-z0-9-]+", name):
        raise ImproperlyConfigured(
            "SECURE_PROXY_SSL_HEADER must be the name of a request header, "
            f"e.g. X-Forwarded-Proto (got {name!r})."
        )
    return ("HTTP_" + name.upper().replace("-", "_"), "https")


def _proxy_count() -> int:
    if os.environ.get("CLIENT_IP_HEADER"):
        # Its replacement counts proxies instead of trusting a header the client may write.
        raise ImproperlyConfigured(
            "CLIENT_IP_HEADER is no longer used: set TRUSTED_PROXY_COUNT to the number of reverse "
            "proxies that append the client's address to X-Forwarded-For (see the README)."
        )
    value = os.environ.get("TRUSTED_PROXY_COUNT", "0").strip() or "0"
    if not value.isdigit():
        raise ImproperlyConfigured(
            f"TRUSTED_PROXY_COUNT must be the number of reverse proxies in front of the "
            f"application, 0 or more (got {value!r})."
        )
    return int(value)


DEBUG = False
DEMO_CONTENT_ALLOWED = False
SECRET_KEY = _require("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _require("ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h.lstrip('.')}" for h in ALLOWED_HOSTS if h != "*"]

# Production data belongs on a managed PostgreSQL. The embedded server runs only when asked for
# explicitly (`make run` does, for a local copy of the portal), never by accident.
if os.environ.get("EMBEDDED_DATABASE") != "1":
    _require(
        "DATABASE_URL",
        "Production does not start the embedded PostgreSQL; give the URL of the PostgreSQL "
        "server, e.g. postgres://user:password@db:5432/ludwigsburg_intl.",
    )
# Gunicorn's sync workers serve one request at a time: each keeps one connection open, checked
# before reuse, so a server holds at most as many connections as it has workers.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405

SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
# The load balancer probes the app servers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = _proxy_ssl_header()
TRUSTED_PROXY_COUNT = _proxy_count()
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

STORAGES = {
    "default": media_storage(),  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
