"""The test suite: real PostgreSQL (DATABASE_URL or the embedded server), fast hashing."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test process keeps its own; tests/conftest.py empties it before every test. Tests measure
# what a page costs to render, so the page cache is on only where a test turns it on.
if not REDIS_URL:  # noqa: F405 - a test of several app servers gives them one Redis
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))

# Tests that need the second factor turn it on themselves.
OTP_REQUIRED_FOR = os.environ.get("OTP_REQUIRED_FOR", "none")
