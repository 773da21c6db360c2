"""Local development: `make run`."""

import os
import warnings

from .base import *  # noqa: F403

# STATIC_ROOT exists only after collectstatic; in development whitenoise serves from the finders.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# Templates change under a developer's hands: no page cache.
PAGE_CACHE_SECONDS = 0

# A local copy needs no second factor unless asked for (OTP_REQUIRED_FOR=all-staff).
OTP_REQUIRED_FOR = os.environ.get("OTP_REQUIRED_FOR", "none")
