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
from django.db import transaction
from PIL import Image, ImageCms, IptcImagePlugin, PngImagePlugin

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


def stored_files(media, image):
    return {media / r["name"] for r in image.renditions} | {media / image.image.name}


@pytest.mark.django_db
def test_replacing_deletes_the_old_files_when_the_transaction_commits(
    media, city, django_capture_on_commit_callbacks
):
    image = make_image(city)
    old_files = stored_files(media, image)
    with django_capture_on_commit_callbacks(execute=True):
        image.image = upload("neu.jpg", image_bytes(800, 600))
        image.save()
        assert [r["width"] for r in image.renditions] == [320, 640, 800]
        assert all(p.exists() for p in old_files)  # not before the commit
    assert not any(p.exists() for p in old_files)
    assert all(p.exists() for p in stored_files(media, image))


@pytest.mark.django_db
def test_deleting_removes_the_files_when_the_transaction_commits(
    media, city, django_capture_on_commit_callbacks
):
    image = make_image(city)
    files = stored_files(media, image)
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
        assert all(p.exists() for p in files)
    assert not any(p.exists() for p in files)


@pytest.mark.django_db
def test_deleting_the_city_removes_its_image_files(media, city, django_capture_on_commit_callbacks):
    files = stored_files(media, make_image(city))
    with django_capture_on_commit_callbacks(execute=True):
        city.delete()
    assert not any(p.exists() for p in files)


class RolledBack(Exception):
    pass


@pytest.mark.django_db
def test_a_rolled_back_replacement_keeps_the_files(media, city, django_capture_on_commit_callbacks):
    image = make_image(city)
    old_files = stored_files(media, image)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RolledBack), transaction.atomic():
            image.image = upload("neu.jpg", image_bytes(800, 600))
            image.save()
            raise RolledBack
        with pytest.raises(RolledBack), transaction.atomic():
            CityImage.objects.get(pk=image.pk).delete()
            raise RolledBack
    assert callbacks == []
    stored = CityImage.objects.get(pk=image.pk)
    assert stored_files(media, stored) == old_files
    assert all(p.exists() for p in old_files)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_save_keeps_its_files_and_a_committed_one_cleans_up(media):
    city = PartnerCity.objects.create(
        slug="bildstadt", name_de="Bildstadt", country_de="Land", summary_de="Kurz."
    )
    image = make_image(city)
    old_files = stored_files(media, image)
    with pytest.raises(RolledBack), transaction.atomic():
        image.image = upload("neu.jpg", image_bytes(800, 600))
        image.save()
        raise RolledBack
    assert all(p.exists() for p in old_files)
    image = CityImage.objects.get(pk=image.pk)
    assert stored_files(media, image) == old_files

    image.image = upload("neu.jpg", image_bytes(800, 600))
    image.save()  # autocommit: deleted straight after the commit
    assert not any(p.exists() for p in old_files)
    new_files = stored_files(media, image)
    assert all(p.exists() for p in new_files)
    with transaction.atomic():
        image.delete()
        assert all(p.exists() for p in new_files)
    assert not any(p.exists() for p in new_files)


def personal_jpeg(orientation=6):
    """A 1200 × 800 JPEG (red left half, blue right half) as a phone writes it: EXIF with GPS
    position, camera and orientation, XMP, IPTC, a comment and an sRGB ICC profile."""
    picture = Image.new("RGB", (1200, 800), (200, 0, 0))
    picture.paste((0, 0, 200), (600, 0, 1200, 800))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "PhoneModel X"  # Model
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (48.0, 53.0, 51.0), 3: "E", 4: (9.0, 11.0, 33.0)})
    buffer = io.BytesIO()
    picture.save(
        buffer,
        "JPEG",
        quality=90,
        exif=exif,
        xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Erika Mustermann</x:xmpmeta>',
        comment=b"Aufgenommen von Erika",
        icc_profile=SRGB,
    )
    data = buffer.getvalue()
    iptc = b"\x1c\x02\x50" + struct.pack(">H", 16) + b"Erika Fotografin"  # By-line
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(iptc)) + iptc
    app13 = b"Photoshop 3.0\x00" + resource
    return data[:2] + b"\xff\xed" + struct.pack(">H", len(app13) + 2) + app13 + data[2:]


SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
PERSONAL = [b"PhoneMaker", b"PhoneModel", b"Erika", b"Exif\x00\x00", b"xmpmeta", b"8BIM"]


def test_the_phone_jpeg_really_carries_the_metadata():
    data = personal_jpeg()
    assert all(marker in data for marker in PERSONAL)
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.getexif().get_ifd(0x8825)[1] == "N"
        assert IptcImagePlugin.getiptcinfo(picture)
        assert picture.getexif()[0x0112] == 6


@pytest.mark.django_db
def test_the_stored_original_has_no_metadata_and_stands_upright(media, city):
    image = CityImage.objects.create(
        city=city,
        image=upload("handy.jpg", personal_jpeg()),
        alt_text_de="Der Marktplatz",
        credit="Foto: Stadt Ludwigsburg",
    )
    data = (media / image.image.name).read_bytes()
    assert not [marker for marker in PERSONAL if marker in data]
    with Image.open(media / image.image.name) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()  # no orientation, no GPS, no camera
        assert "xmp" not in stored.info and "comment" not in stored.info
        assert not IptcImagePlugin.getiptcinfo(stored)
        assert stored.info.get("icc_profile") == SRGB  # colours, nothing personal
        # Orientation 6 applied: the picture is portrait, the red half now on top.
        assert stored.size == (800, 1200)
        red, green, blue = stored.convert("RGB").getpixel((400, 200))
        assert red > 150 and blue < 60
        red, green, blue = stored.convert("RGB").getpixel((400, 1000))
        assert blue > 150 and red < 60
        # Quality kept: the original's quantisation tables (quality 90), not a default.
        with Image.open(io.BytesIO(personal_jpeg())) as original:
            assert stored.quantization == original.quantization
    assert (image.width, image.height) == (800, 1200)
    assert image.renditions[-1]["width"] == 800
    with Image.open(media / image.renditions[-1]["name"]) as rendition:
        assert rendition.size == (800, 1200)
        assert not rendition.getexif()
        assert rendition.info.get("icc_profile") == SRGB


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_originals_lose_their_metadata_but_not_their_transparency(media, city, fmt):
    picture = Image.new("RGBA", (400, 300), (0, 0, 0, 0))
    picture.paste((11, 61, 104, 255), (0, 0, 200, 300))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    options = {"exif": exif, "xmp": b"<x:xmpmeta>Erika</x:xmpmeta>", "icc_profile": SRGB}
    if fmt == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", "Erika Mustermann")
        options["pnginfo"] = text
    else:
        options["lossless"] = True
    picture.save(buffer, fmt, **options)
    assert b"Erika" in buffer.getvalue() and b"PhoneMaker" in buffer.getvalue()

    ending = fmt.lower()
    image = CityImage.objects.create(
        city=city,
        image=upload(f"logo.{ending}", buffer.getvalue()),
        alt_text_de="Logo",
        credit="Stadt Ludwigsburg",
    )
    data = (media / image.image.name).read_bytes()
    assert b"Erika" not in data and b"PhoneMaker" not in data
    with Image.open(media / image.image.name) as stored:
        assert stored.format == fmt
        assert not stored.getexif()
        assert stored.info.get("icc_profile") == SRGB
        assert stored.mode == "RGBA"
        assert stored.getpixel((300, 150))[3] == 0  # still transparent
        assert stored.getpixel((100, 150)) == (11, 61, 104, 255)  # lossless stays lossless


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
