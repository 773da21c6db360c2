"""ludwigsburg_intl.images: upload validation, renditions made once, files cleaned up.

The concrete model used here is partnerships.CityImage, the first area model built on
RenditionImage.
"""

import io
import struct
import zlib

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ludwigsburg_intl.images import ValidatedImageFormField, validate_image_file
from partnerships.models import CityImage, PartnerCity


def png_header_only(width, height):
    """A tiny, valid-looking PNG that claims ``width`` × ``height`` pixels (a bomb's header)."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def image_bytes(width=1200, height=800, fmt="JPEG", noise=False):
    if noise:
        import os

        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), (11, 61, 104))
    buffer = io.BytesIO()
    image.save(buffer, fmt)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def codes(exc_info):
    return [e.code for e in exc_info.value.error_list]


def test_a_real_jpeg_passes():
    validate_image_file(upload("rathaus.jpg", image_bytes()))
    validate_image_file(upload("karte.png", image_bytes(fmt="PNG")))


def test_renamed_text_file_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("foto.jpg", b"Dies ist kein Bild, sondern Text.\n" * 20))
    assert codes(exc) == ["invalid_image"]
    assert "kein lesbares Bild" in exc.value.messages[0]  # the admin speaks German


def test_renamed_text_file_in_the_admin_form_field():
    field = ValidatedImageFormField()
    with pytest.raises(forms.ValidationError) as exc:
        field.clean(upload("foto.png", b"<html>no image</html>"))
    assert "JPEG, PNG oder WebP" in exc.value.messages[0]


def test_oversized_file_is_refused(settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 100_000
    content = image_bytes(400, 300, fmt="PNG", noise=True)
    assert len(content) > 100_000
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("gross.png", content))
    assert codes(exc) == ["file_too_large"]
    assert "darf höchstens 97,7\xa0KB groß sein" in exc.value.messages[0]


def test_oversized_dimensions_are_refused():
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("panorama.png", png_header_only(12_000, 200)))
    assert codes(exc) == ["too_large_dimensions"]
    assert "12000 × 200" in exc.value.messages[0]


def test_too_small_image_is_refused():
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("icon.png", image_bytes(40, 40, fmt="PNG")))
    assert codes(exc) == ["too_small_dimensions"]


def test_decompression_bomb_is_refused_before_decoding():
    bomb = png_header_only(100_000, 100_000)  # 10 billion pixels in a few hundred bytes
    assert len(bomb) < 1000
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("bomb.png", bomb))
    assert codes(exc) == ["decompression_bomb"]
    assert "zu viele Pixel" in exc.value.messages[0]


def test_pillows_own_bomb_warning_is_an_error_too(settings):
    # With our own pixel limit lifted, Pillow's limit (Image.MAX_IMAGE_PIXELS) still stops it.
    settings.IMAGE_MAX_PIXELS = 10**12
    settings.IMAGE_MAX_SIDE = 10**6
    pixels = Image.MAX_IMAGE_PIXELS + 1_000_000
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("warnung.png", png_header_only(10_000, pixels // 10_000)))
    assert codes(exc) == ["decompression_bomb"]
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("fehler.png", png_header_only(20_000, 20_000)))
    assert codes(exc) == ["decompression_bomb"]


def test_truncated_image_is_refused():
    content = image_bytes(fmt="PNG")
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("kaputt.png", content[: len(content) // 2]))
    assert codes(exc) == ["invalid_image"]


def test_other_formats_and_wrong_endings_are_refused():
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("animation.gif", image_bytes(fmt="GIF")))
    assert codes(exc) == ["invalid_format"]
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("foto.jpg", image_bytes(fmt="PNG")))
    assert codes(exc) == ["wrong_extension"]
    assert "„.png“" in exc.value.messages[0]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def city(db):
    return PartnerCity.objects.create(
        slug="bildstadt", name_de="Bildstadt", country_de="Land", summary_de="Kurz."
    )


def make_image(city, name="platz.jpg", **size):
    return CityImage.objects.create(
        city=city,
        image=upload(name, image_bytes(**size)),
        alt_text_de="Der Marktplatz mit Brunnen",
        credit="Foto: Stadt Ludwigsburg",
    )


@pytest.mark.django_db
def test_renditions_are_made_once_at_upload(media, city, django_assert_num_queries):
    image = make_image(city, width=1200, height=800)
    assert [r["width"] for r in image.renditions] == [320, 640, 1024, 1200]
    assert (image.width, image.height) == (1200, 800)
    for rendition in image.renditions:
        path = media / rendition["name"]
        assert path.exists()
        with Image.open(path) as stored:
            assert stored.format == "WEBP"
            assert stored.size == (rendition["width"], rendition["height"])
    assert "320w" in image.srcset and "1200w" in image.srcset
    assert image.src.endswith("-640w.webp")

    fresh = CityImage.objects.get(pk=image.pk)
    before = sorted(p.name for p in media.rglob("*.webp"))
    fresh.caption_de = "Neue Bildunterschrift"
    fresh.save()  # no new upload: no new renditions
    assert sorted(p.name for p in media.rglob("*.webp")) == before
    # Rendering needs no work and no query.
    with django_assert_num_queries(0):
        assert fresh.srcset


@pytest.mark.django_db
def test_small_images_are_never_enlarged(media, city):
    image = make_image(city, width=500, height=300)
    assert [r["width"] for r in image.renditions] == [320, 500]


@pytest.mark.django_db
def test_replacing_and_deleting_clean_up_files(media, city):
    image = make_image(city)
    old_files = {media / r["name"] for r in image.renditions} | {media / image.image.name}
    image.image = upload("neu.jpg", image_bytes(800, 600))
    image.save()
    assert [r["width"] for r in image.renditions] == [320, 640, 800]
    assert not any(p.exists() for p in old_files)
    current = {media / r["name"] for r in image.renditions} | {media / image.image.name}
    assert all(p.exists() for p in current)
    image.delete()
    assert not any(p.exists() for p in current)


@pytest.mark.django_db
def test_german_alt_text_and_credit_are_required(media, city):
    form_class = forms.modelform_factory(
        CityImage, fields=["city", "image", "alt_text_de", "alt_text_en", "credit"]
    )
    form = form_class(
        data={"city": city.pk, "alt_text_de": "", "alt_text_en": "A square", "credit": ""},
        files={"image": upload("platz.jpg", image_bytes())},
    )
    assert not form.is_valid()
    assert "alt_text_de" in form.errors and "credit" in form.errors
    assert "alt_text_en" not in form.errors


@pytest.mark.django_db
def test_model_validation_runs_on_full_clean(media, city):
    image = CityImage(
        city=city,
        image=upload("text.jpg", b"plain text"),
        alt_text_de="Text",
        credit="Niemand",
    )
    with pytest.raises(ValidationError) as exc:
        image.full_clean()
    assert "image" in exc.value.message_dict


def test_truncated_jpeg_is_refused():
    content = image_bytes(1200, 800, noise=True)
    with pytest.raises(ValidationError) as exc:
        validate_image_file(upload("abgeschnitten.jpg", content[: len(content) // 3]))
    assert codes(exc) == ["invalid_image"]


@pytest.mark.django_db
def test_transparent_png_keeps_its_alpha(media, city):
    buffer = io.BytesIO()
    Image.new("RGBA", (400, 300), (0, 0, 0, 0)).save(buffer, "PNG")
    image = CityImage.objects.create(
        city=city,
        image=upload("logo.png", buffer.getvalue()),
        alt_text_de="Logo",
        credit="Stadt Ludwigsburg",
    )
    with Image.open(media / image.renditions[0]["name"]) as rendition:
        assert rendition.mode == "RGBA"


@pytest.mark.django_db
def test_a_failing_rendition_does_not_break_saving(media, city, monkeypatch, caplog):
    import ludwigsburg_intl.images as images

    def broken(instance):
        raise OSError("disk full")

    monkeypatch.setattr(images, "create_renditions", broken)
    image = make_image(city)
    assert image.pk and image.renditions == []
    assert image.src == image.image.url and image.srcset == ""
    assert "Could not make the renditions" in caplog.text
