"""Uploaded media on S3-compatible object storage, against moto's S3 server on loopback.

The portal stores uploads in a bucket when AWS_STORAGE_BUCKET_NAME is set, so that several app
servers share them; pages still link them under /media/ on the portal's own host (the reverse
proxy serves that path from the bucket). Everything here runs offline: the emulator listens on
127.0.0.1 only.
"""

import io
import json
import logging
import socket
import subprocess
import sys
import uuid
from html.parser import HTMLParser

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from ludwigsburg_intl.media_storage import S3MediaStorage
from ludwigsburg_intl.settings.base import media_storage
from partnerships.models import CityImage
from tests.core.test_images import PERSONAL, personal_jpeg
from tests.core.test_settings import PROD, PROD_ENV, REPO, environment
from tests.partnerships.factories import PartnerCityFactory

pytestmark = pytest.mark.django_db

REGION = "eu-central-1"
LOCATION = "portal"  # AWS_LOCATION: a key prefix within the bucket
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "emulator-key", "AWS_SECRET_ACCESS_KEY": "emulator-secret"}


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server in a thread of this process, on a free loopback port."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


class Bucket:
    def __init__(self, endpoint, name):
        self.name = name
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        )
        self.client.create_bucket(
            Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )

    def keys(self) -> set[str]:
        listing = self.client.list_objects_v2(Bucket=self.name)
        return {item["Key"] for item in listing.get("Contents", [])}

    def get(self, name):
        """The object a media name is stored as, with its content type and bytes."""
        response = self.client.get_object(Bucket=self.name, Key=f"{LOCATION}/{name}")
        return response["ContentType"], response["Body"].read()


def s3_environment(monkeypatch, endpoint, bucket_name):
    for key, value in {
        **CREDENTIALS,
        "AWS_STORAGE_BUCKET_NAME": bucket_name,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_LOCATION": LOCATION,
    }.items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch, tmp_path):
    """A fresh bucket, made the default storage the way the settings choose it: from the
    environment. MEDIA_ROOT points at an empty directory that must stay empty."""
    bucket = Bucket(s3_endpoint, f"media-{uuid.uuid4().hex[:12]}")
    s3_environment(monkeypatch, s3_endpoint, bucket.name)
    settings.MEDIA_ROOT = tmp_path / "media"
    # Changing STORAGES resets django.core.files.storage's default_storage (test signal).
    settings.STORAGES = {**settings.STORAGES, "default": media_storage()}
    yield bucket
    assert not settings.MEDIA_ROOT.exists(), "an upload went to the filesystem"


def jpeg(width=1200, height=800, colour=(11, 61, 104)):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def make_image(city, content=None, name="platz.jpg"):
    return CityImage.objects.create(
        city=city,
        image=SimpleUploadedFile(name, content or jpeg()),
        alt_text_de="Der Marktplatz",
        credit="Foto: Stadt Ludwigsburg",
    )


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stored_names(image):
    return {image.image.name, *(r["name"] for r in image.renditions)}


def keys(names):
    return {f"{LOCATION}/{name}" for name in names}


def test_the_settings_choose_the_bucket_only_when_one_is_named(monkeypatch):
    monkeypatch.delenv("AWS_STORAGE_BUCKET_NAME", raising=False)
    assert media_storage() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}

    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "ludwigsburg-media")
    monkeypatch.setenv("AWS_S3_REGION_NAME", REGION)
    chosen = media_storage()
    assert chosen["BACKEND"] == "ludwigsburg_intl.media_storage.S3MediaStorage"
    options = chosen["OPTIONS"]
    assert options["bucket_name"] == "ludwigsburg-media" and options["region_name"] == REGION
    # Nothing public by object ACL, no signed links to the bucket's host, nothing overwritten.
    assert options["default_acl"] is None
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False


def test_production_settings_store_media_in_the_bucket_from_the_environment():
    script = (
        f"import json, {PROD} as prod; "
        "print(json.dumps({k: v['BACKEND'] for k, v in prod.STORAGES.items()}))"
    )

    def backends(**env):
        clean = {k: v for k, v in environment(**PROD_ENV).items() if not k.startswith("AWS_")}
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=REPO,
            env={**clean, **env},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert backends()["default"] == "django.core.files.storage.FileSystemStorage"
    chosen = backends(AWS_STORAGE_BUCKET_NAME="ludwigsburg-media")
    assert chosen["default"] == "ludwigsburg_intl.media_storage.S3MediaStorage"
    # Static files stay with whitenoise either way.
    assert chosen["staticfiles"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_an_upload_lands_in_the_bucket_without_metadata_and_with_its_renditions(bucket):
    image = make_image(PartnerCityFactory(), personal_jpeg(), name="handy.jpg")

    assert bucket.keys() == keys(stored_names(image))
    content_type, original = bucket.get(image.image.name)
    assert content_type == "image/jpeg"
    assert not [marker for marker in PERSONAL if marker in original]
    with Image.open(io.BytesIO(original)) as picture:
        assert not picture.getexif()
        assert picture.size == (800, 1200)  # turned upright as the phone's EXIF said
    assert (image.width, image.height) == (800, 1200)

    assert [r["width"] for r in image.renditions] == [320, 640, 800]
    for rendition in image.renditions:
        content_type, data = bucket.get(rendition["name"])
        assert content_type == "image/webp"
        with Image.open(io.BytesIO(data)) as picture:
            assert picture.format == "WEBP"
            assert picture.size == (rendition["width"], rendition["height"])


class Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.urls.append(attrs["src"])
            for candidate in (attrs.get("srcset") or "").split(","):
                if candidate.strip():
                    self.urls.append(candidate.split()[0])


def test_the_page_links_the_pictures_on_the_portals_own_host(client, bucket, settings, monkeypatch):
    image = make_image(PartnerCityFactory(slug="mit-bild"))
    # Rendering asks the bucket nothing: the page is the same while it cannot be reached.
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", f"http://127.0.0.1:{closed_port()}")
    settings.STORAGES = {**settings.STORAGES, "default": media_storage()}
    response = client.get("/de/partnerstaedte/mit-bild/")
    assert response.status_code == 200
    html = response.content.decode()
    parser = Images()
    parser.feed(html)
    urls = [url for url in parser.urls if "/media/" in url]

    assert len(urls) == 1 + len(image.renditions)  # src plus one srcset entry per rendition
    # The CSP allows images only from 'self': no bucket host, no signature in the query.
    assert all(url.startswith("/media/") for url in urls), urls
    assert not [url for url in urls if "?" in url or "//" in url]
    # Each URL is what the reverse proxy finds in the bucket under the same name.
    assert {f"{LOCATION}/{url.removeprefix('/media/')}" for url in urls} <= bucket.keys()


def test_an_upload_through_the_admin_lands_in_the_bucket(staff_client, bucket):
    from tests.partnerships.test_admin_upload import post_with_image

    city = PartnerCityFactory(slug="upload-stadt")
    url = f"/admin/partnerships/partnercity/{city.pk}/change/"
    upload = SimpleUploadedFile("handy.jpg", personal_jpeg())
    response = post_with_image(staff_client, url, upload)

    assert response.status_code == 302
    image = CityImage.objects.get(city=city)
    assert bucket.keys() == keys(stored_names(image))
    _, original = bucket.get(image.image.name)
    assert not [marker for marker in PERSONAL if marker in original]


def test_replacing_the_picture_deletes_the_old_objects_when_the_transaction_commits(
    bucket, django_capture_on_commit_callbacks
):
    image = make_image(PartnerCityFactory())
    old = keys(stored_names(image))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.image = SimpleUploadedFile("neu.jpg", jpeg(900, 600, (200, 30, 30)))
        image.save()
    new = keys(stored_names(image))
    assert not old & new
    assert bucket.keys() == old | new  # not yet committed: the old row may still come back

    for callback in callbacks:
        callback()
    assert bucket.keys() == new
    assert [r["width"] for r in image.renditions] == [320, 640, 900]


def test_a_rolled_back_replacement_keeps_the_objects_the_row_points_to(bucket):
    image = make_image(PartnerCityFactory())
    old = keys(stored_names(image))

    with pytest.raises(RuntimeError), transaction.atomic():
        replaced = CityImage.objects.get(pk=image.pk)
        replaced.image = SimpleUploadedFile("neu.jpg", jpeg(900, 600))
        replaced.save()
        raise RuntimeError("the editor's save failed later on")

    image.refresh_from_db()
    assert keys(stored_names(image)) == old
    assert old <= bucket.keys()


def test_deleting_the_picture_or_its_city_deletes_its_objects(
    bucket, django_capture_on_commit_callbacks
):
    city = PartnerCityFactory()
    first, second = make_image(city), make_image(city, name="zweites.jpg")

    with django_capture_on_commit_callbacks(execute=True):
        first.delete()
    assert bucket.keys() == keys(stored_names(second))

    with django_capture_on_commit_callbacks(execute=True):
        city.delete()
    assert bucket.keys() == set()


def test_an_unreachable_bucket_after_the_delete_is_logged_not_shown_to_the_editor(
    bucket, settings, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    image = make_image(PartnerCityFactory())
    monkeypatch.setenv("AWS_S3_ENDPOINT_URL", f"http://127.0.0.1:{closed_port()}")
    settings.STORAGES = {**settings.STORAGES, "default": media_storage()}

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()  # the row is gone; only the clean-up failed

    assert not CityImage.objects.filter(pk=image.pk).exists()
    assert "Could not delete the image file" in caplog.text
    assert keys(stored_names(image)) <= bucket.keys()  # left over: wasted space, nothing worse


def test_a_refused_rendition_upload_keeps_the_original(bucket, monkeypatch, caplog):
    from botocore.exceptions import ClientError

    save = S3MediaStorage._save

    def refuse_renditions(self, name, content):
        if name.startswith("renditions/"):
            error = {"Error": {"Code": "AccessDenied", "Message": "Access Denied"}}
            raise ClientError(error, "PutObject")
        return save(self, name, content)

    monkeypatch.setattr(S3MediaStorage, "_save", refuse_renditions)
    image = make_image(PartnerCityFactory())

    assert image.pk and image.renditions == []
    assert image.src == f"/media/{image.image.name}"  # the page shows the original meanwhile
    assert bucket.keys() == keys([image.image.name])
    assert "Could not make the renditions" in caplog.text
