"""Uploaded media on S3-compatible object storage, served from the portal's own host.

Used when ``AWS_STORAGE_BUCKET_NAME`` is set (see ``media_storage()`` in settings/base.py). The
files live in the bucket, so that every app server behind the load balancer sees the same
uploads; their URLs are ``MEDIA_URL`` + name on the portal's own host, like the filesystem's,
because no page may load anything from another host (the CSP allows images only from 'self').
The reverse proxy serves ``/media/`` from the bucket (see the README).
"""

from urllib.parse import urljoin

from botocore.config import Config
from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# boto's defaults wait a minute to connect and retry five times: an editor's save would hang for
# minutes while the object storage is unreachable. Fail within seconds instead.
CLIENT_CONFIG = Config(connect_timeout=5, read_timeout=30, retries={"max_attempts": 3})


class S3MediaStorage(S3Storage):
    """django-storages' S3 backend whose URLs point at ``MEDIA_URL`` on the portal's host."""

    def get_default_settings(self):
        defaults = super().get_default_settings()
        defaults["client_config"] = defaults["client_config"] or CLIENT_CONFIG
        return defaults

    def url(self, name, parameters=None, expire=None, http_method=None):
        # Neither a presigned URL nor the bucket's address: both name another host. The proxy
        # maps MEDIA_URL to the bucket (and to AWS_LOCATION within it).
        return urljoin(settings.MEDIA_URL, filepath_to_uri(clean_name(name)).lstrip("/"))
