"""Uploading a picture through the city's admin page: checks and renditions end to end."""

import io
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from partnerships.models import CityImage

from .factories import PartnerCityFactory

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """The values a browser would send for the admin's change form (without files)."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("file", "submit", "checkbox"):
            self.data[name] = attrs.get("value", "")
        elif tag == "input" and name and attrs.get("type") == "checkbox" and "checked" in attrs:
            self.data[name] = attrs.get("value", "on")
        elif tag == "select" and name:
            self._select = name
            if "multiple" not in attrs:
                self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def change_form_data(client, url):
    parser = FormFields()
    parser.feed(client.get(url).content.decode())
    data = {k: v for k, v in parser.data.items() if "__prefix__" not in k}
    data.pop("_save", None)
    return data


def jpeg(width=900, height=600):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 61, 104)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def city_url(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    city = PartnerCityFactory(slug="upload-stadt")
    return city, f"/admin/partnerships/partnercity/{city.pk}/change/"


def _errors(response):
    form = response.context["adminform"].form
    inlines = [
        (f.formset.prefix, f.formset.errors, f.formset.non_form_errors())
        for f in response.context["inline_admin_formsets"]
    ]
    return form.errors, inlines


def _image_errors(response):
    formset = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "images"
    )
    return sorted(formset.errors[0])


def post_with_image(staff_client, url, upload, alt_de="Blick auf die Altstadt"):
    data = change_form_data(staff_client, url)
    data.update(
        {
            "images-TOTAL_FORMS": "1",
            "images-0-alt_text_de": alt_de,
            "images-0-credit": "Foto: Stadt Ludwigsburg",
            "images-0-sort_order": "0",
            "images-0-image": upload,
        }
    )
    return staff_client.post(url, data)


def test_valid_upload_creates_renditions(staff_client, city_url):
    city, url = city_url
    response = post_with_image(staff_client, url, SimpleUploadedFile("altstadt.jpg", jpeg()))
    assert response.status_code == 302, _errors(response)
    image = CityImage.objects.get(city=city)
    assert [r["width"] for r in image.renditions] == [320, 640, 900]


def test_renamed_text_file_is_refused_in_the_admin(staff_client, city_url):
    city, url = city_url
    upload = SimpleUploadedFile("altstadt.jpg", b"Nur Text, kein Bild.\n" * 50)
    response = post_with_image(staff_client, url, upload)
    assert response.status_code == 200
    assert "kein lesbares Bild" in response.content.decode()  # the admin is German
    assert _image_errors(response) == ["image"]
    assert not CityImage.objects.filter(city=city).exists()


def test_missing_german_alt_text_is_refused(staff_client, city_url):
    city, url = city_url
    response = post_with_image(
        staff_client, url, SimpleUploadedFile("altstadt.jpg", jpeg()), alt_de=""
    )
    assert response.status_code == 200
    assert _image_errors(response) == ["alt_text_de"]
    assert not CityImage.objects.filter(city=city).exists()


def test_a_phone_photo_is_stored_upright_and_without_gps(staff_client, city_url, settings):
    from tests.core.test_images import PERSONAL, personal_jpeg

    city, url = city_url
    response = post_with_image(staff_client, url, SimpleUploadedFile("handy.jpg", personal_jpeg()))
    assert response.status_code == 302, _errors(response)
    image = CityImage.objects.get(city=city)
    stored = settings.MEDIA_ROOT / image.image.name
    assert not [marker for marker in PERSONAL if marker in stored.read_bytes()]
    with Image.open(stored) as picture:
        assert not picture.getexif()
        assert picture.size == (800, 1200)
    assert (image.width, image.height) == (800, 1200)


def _files(settings, image):
    names = [r["name"] for r in image.renditions] + [image.image.name]
    return [settings.MEDIA_ROOT / name for name in names]


def test_replacing_and_removing_in_the_admin_delete_files_after_commit(
    staff_client, city_url, settings, django_capture_on_commit_callbacks
):
    city, url = city_url
    post_with_image(staff_client, url, SimpleUploadedFile("alt.jpg", jpeg()))
    first = CityImage.objects.get(city=city)
    first_files = _files(settings, first)
    assert all(path.exists() for path in first_files)

    data = change_form_data(staff_client, url)
    assert data["images-0-id"] == str(first.pk)
    data["images-0-image"] = SimpleUploadedFile("neu.jpg", jpeg(1000, 700))
    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.post(url, data).status_code == 302
        assert all(path.exists() for path in first_files)  # the transaction is still open
    assert not any(path.exists() for path in first_files)
    second = CityImage.objects.get(city=city)
    second_files = _files(settings, second)
    assert all(path.exists() for path in second_files)

    data = change_form_data(staff_client, url)
    data["images-0-DELETE"] = "on"
    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.post(url, data).status_code == 302
        assert all(path.exists() for path in second_files)
    assert not CityImage.objects.filter(city=city).exists()
    assert not any(path.exists() for path in second_files)
