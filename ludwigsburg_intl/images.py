"""Validated image uploads with stored renditions, for every area of the portal.

An area's image model inherits ``RenditionImage`` (abstract): the upload is checked with
Pillow (really an image of an accepted format, byte size, pixel limits, decompression bombs),
alt text and credit are required, and smaller copies ("renditions") are made once, right
after the upload, by the signal receiver ``create_renditions_after_upload``. Templates use
``image.src``, ``image.srcset`` and ``image.width``/``height``; nothing is resized per request.

Originals are public under MEDIA_URL, so they are stored without the metadata a camera or
phone writes (EXIF with GPS position and device, XMP, IPTC, comments): ``strip_metadata``
turns the picture upright first, keeps the format and the ICC colour profile. Replaced or
deleted files (original and renditions) are removed only when the transaction commits, so a
save that is rolled back keeps the files its rows still point to.

Register ``alt_text`` (and ``caption`` if used) for translation in the area's translation.py
with ``required_languages = ("de",)`` so that the German alt text is required.

Limits can be changed in the settings: IMAGE_MAX_UPLOAD_BYTES, IMAGE_MAX_PIXELS,
IMAGE_MAX_SIDE, IMAGE_MIN_SIDE.
"""

import io
import logging
import uuid
import warnings
from functools import partial
from pathlib import PurePosixPath

from botocore.exceptions import BotoCoreError, ClientError
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

logger = logging.getLogger(__name__)

ACCEPTED_FORMATS = {"JPEG": ("jpg", "jpeg"), "PNG": ("png",), "WEBP": ("webp",)}
RENDITION_WIDTHS = (320, 640, 1024, 1600)
RENDITION_FORMAT = "WEBP"
RENDITION_QUALITY = 80

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000  # e.g. 8000 × 5000; a camera photo has 12–24 million
DEFAULT_MAX_SIDE = 10_000
DEFAULT_MIN_SIDE = 100

# What a storage raises when it cannot read, write or delete a file: the filesystem an OSError,
# the object storage (ludwigsburg_intl.media_storage) botocore's errors, e.g. an unreachable
# endpoint or a refused request.
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)


def _limit(name, default):
    return getattr(settings, name, default)


def validate_image_file(file):
    """Refuse anything that is not a sound JPEG, PNG or WebP picture within the limits.

    Reads only the header first, so that the pixel limits are checked before any pixel is
    decoded: a small file that unpacks to billions of pixels (a decompression bomb) is
    refused without using the memory it asks for.
    """
    if file is None or getattr(file, "_committed", False):
        return  # an already stored file was checked when it was uploaded

    max_bytes = _limit("IMAGE_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)
    if file.size is not None and file.size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; an image may be at most %(max)s. Please reduce it first."),
            code="file_too_large",
            params={"size": filesizeformat(file.size), "max": filesizeformat(max_bytes)},
        )

    not_an_image = ValidationError(
        _("This file is not a picture that can be read. Please upload a JPEG, PNG or WebP image."),
        code="invalid_image",
    )
    bomb = ValidationError(
        _(
            "This image has too many pixels to be processed safely. Please upload a smaller "
            "version (at most %(max)s megapixels)."
        ),
        code="decompression_bomb",
        params={"max": _limit("IMAGE_MAX_PIXELS", DEFAULT_MAX_PIXELS) // 1_000_000},
    )
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with warnings.catch_warnings():
            # Pillow warns above Image.MAX_IMAGE_PIXELS and raises above twice that; both
            # mean "do not decode this".
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                image_format, (width, height) = image.format, image.size
                _check_dimensions(width, height, bomb)
                if image_format not in ACCEPTED_FORMATS:
                    raise ValidationError(
                        _(
                            "Images in the format %(format)s are not accepted. Please upload "
                            "a JPEG, PNG or WebP image."
                        ),
                        code="invalid_format",
                        params={"format": image_format},
                    )
                image.verify()  # damaged structure (e.g. a PNG checksum) fails here
            # verify() does not decode JPEG data: decode once (within the pixel limit checked
            # above) so that a truncated file is refused now, not when renditions are made.
            file.seek(0)
            with Image.open(file) as image:
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise bomb from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise not_an_image from None
    finally:
        file.seek(position)

    extension = PurePosixPath(file.name or "").suffix.lower().lstrip(".")
    if extension not in ACCEPTED_FORMATS[image_format]:
        raise ValidationError(
            _(
                "The file name ends in “.%(extension)s”, but the file is a %(format)s image. "
                "Please give it the ending “.%(expected)s”."
            ),
            code="wrong_extension",
            params={
                "extension": extension,
                "format": image_format,
                "expected": ACCEPTED_FORMATS[image_format][0],
            },
        )


def _check_dimensions(width, height, bomb):
    if width * height > _limit("IMAGE_MAX_PIXELS", DEFAULT_MAX_PIXELS):
        raise bomb
    max_side = _limit("IMAGE_MAX_SIDE", DEFAULT_MAX_SIDE)
    min_side = _limit("IMAGE_MIN_SIDE", DEFAULT_MIN_SIDE)
    if max(width, height) > max_side:
        raise ValidationError(
            _(
                "The image is %(width)s × %(height)s pixels; no side may be longer than "
                "%(max)s pixels."
            ),
            code="too_large_dimensions",
            params={"width": width, "height": height, "max": max_side},
        )
    if min(width, height) < min_side:
        raise ValidationError(
            _(
                "The image is %(width)s × %(height)s pixels; each side must be at least "
                "%(min)s pixels."
            ),
            code="too_small_dimensions",
            params={"width": width, "height": height, "min": min_side},
        )


class ValidatedImageFormField(forms.ImageField):
    """The admin's upload field: our checks (with clear messages) run before Django's."""

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "size"):
            validate_image_file(data)
        return super().to_python(data)


# Of a picture's metadata, only what describes how to show it is kept: nothing about the
# camera, the place or the person. ``transparency`` is a PNG's transparent colour.
KEPT_METADATA = ("icc_profile", "transparency", "dpi")
WEBP_QUALITY = 90


def strip_metadata(file) -> ContentFile:
    """The picture in ``file`` as a new file of the same format without EXIF (GPS included),
    XMP, IPTC or comments, turned upright as its EXIF orientation said.

    Keeps the ICC profile (colours, nothing personal). A JPEG is encoded again with its own
    quantisation tables and chroma subsampling, so it keeps the quality it was saved with; a
    WebP that was lossless stays lossless. An animated file keeps its first frame (the portal
    shows stills).
    """
    file.seek(0)
    data = file.read()
    with Image.open(io.BytesIO(data)) as original:
        image_format = original.format
        options = _encoder_options(original, image_format, data)
        picture = ImageOps.exif_transpose(original)  # always a new image
    picture.info = {key: picture.info[key] for key in KEPT_METADATA if key in picture.info}
    if "icc_profile" in picture.info:
        options["icc_profile"] = picture.info["icc_profile"]
    buffer = io.BytesIO()
    picture.save(buffer, image_format, **options)
    return ContentFile(buffer.getvalue(), name=getattr(file, "name", None))


def _encoder_options(original, image_format, data) -> dict:
    if image_format == "JPEG":
        options = {"qtables": original.quantization, "optimize": True}
        subsampling = JpegImagePlugin.get_sampling(original)
        if subsampling != -1:
            options["subsampling"] = subsampling
        if original.info.get("progressive"):
            options["progressive"] = True
        return options
    if image_format == "WEBP":
        if _webp_is_lossless(data):
            return {"lossless": True}
        return {"quality": WEBP_QUALITY}
    return {"optimize": True}  # PNG: lossless anyway


def _webp_is_lossless(data: bytes) -> bool:
    """Whether the (first) image in a WebP file is coded losslessly (a VP8L chunk)."""
    position = 12  # after "RIFF", the size and "WEBP"
    while position + 8 <= len(data):
        kind = data[position : position + 4]
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        if kind in (b"VP8 ", b"VP8L"):
            return kind == b"VP8L"
        if kind == b"ANMF":
            position += 8 + 16  # an animation frame: its header, then the frame's chunks
            continue
        position += 8 + size + (size & 1)
    return False


class ValidatedImageField(models.ImageField):
    """An image field whose uploads are validated and stored without metadata."""

    default_validators = [validate_image_file]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ValidatedImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            # Replace the upload before FileField.pre_save writes it to the storage.
            file.file = strip_metadata(file.file)
        return super().pre_save(model_instance, add)


def image_upload_to(instance, filename):
    """A neutral, collision-free name: <app>/<model>/<random>.<ending>."""
    extension = PurePosixPath(filename).suffix.lower() or ".img"
    meta = instance._meta
    return f"images/{meta.app_label}/{meta.model_name}/{uuid.uuid4().hex}{extension}"


class RenditionImage(models.Model):
    image = ValidatedImageField(
        _("image file"),
        upload_to=image_upload_to,
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG or WebP, at most 10 MB and 40 megapixels."),
    )
    width = models.PositiveIntegerField(_("width in pixels"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height in pixels"), null=True, editable=False)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=300,
        help_text=_(
            "Describes what the picture shows for people who cannot see it. Required in German."
        ),
    )
    credit = models.CharField(
        _("picture credit"),
        max_length=200,
        help_text=_("Who took the picture or holds the rights, e.g. “Photo: City of Ludwigsburg”."),
    )
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)
    renditions_source = models.CharField(max_length=255, blank=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self):
        return self.alt_text or self.image.name

    @property
    def srcset(self) -> str:
        storage = self.image.storage if self.image else None
        return ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in self.renditions)

    @property
    def src(self) -> str:
        """The fallback ``src``: a mid-sized rendition, or the original while none exists."""
        if not self.renditions:
            return self.image.url if self.image else ""
        mid = next((r for r in self.renditions if r["width"] >= 640), self.renditions[-1])
        return self.image.storage.url(mid["name"])


def create_renditions(instance) -> list[dict]:
    """Write the renditions of ``instance.image`` to its storage and return their list.

    Widths are those of RENDITION_WIDTHS below the original's width, plus the original width
    itself (capped at the largest): no rendition is larger than its source.
    """
    storage = instance.image.storage
    with instance.image.open("rb") as fh, Image.open(fh) as original:
        source = ImageOps.exif_transpose(original)
        transparent = "A" in source.getbands() or "transparency" in source.info
        # An RGB profile (a phone's Display P3, say) still describes the converted pixels.
        icc_profile = source.info.get("icc_profile") if source.mode in ("RGB", "RGBA") else None
        source = source.convert("RGBA" if transparent else "RGB")
    widths = [w for w in RENDITION_WIDTHS if w < source.width]
    widths.append(min(source.width, RENDITION_WIDTHS[-1]))
    stem = PurePosixPath(instance.image.name)
    renditions = []
    for width in sorted(set(widths)):
        height = max(1, round(source.height * width / source.width))
        copy = source.resize((width, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, RENDITION_FORMAT, quality=RENDITION_QUALITY, icc_profile=icc_profile)
        name = f"renditions/{stem.parent}/{stem.stem}-{width}w.{RENDITION_FORMAT.lower()}"
        name = storage.save(name, ContentFile(buffer.getvalue()))
        renditions.append({"width": width, "height": height, "name": name})
    return renditions


def delete_files_on_commit(storage, names, using=None) -> None:
    """Delete the files ``names`` once the transaction on ``using`` commits (at once when none
    is open). If it is rolled back, the files stay: the rows that point to them are back."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(partial(_delete_files, storage, names), using=using)


def _delete_files(storage, names) -> None:
    for name in names:
        try:
            storage.delete(name)
        except STORAGE_ERRORS:
            # Too late to undo anything: a left-over file is only wasted space.
            logger.exception("Could not delete the image file %s", name)


def ensure_renditions(instance, using=None) -> None:
    """Make the renditions if the image is new or was replaced; otherwise do nothing.

    The replaced original and its renditions are deleted when the transaction commits.
    """
    name = instance.image.name if instance.image else ""
    if name == instance.renditions_source and (instance.renditions or not name):
        return
    old, old_source = list(instance.renditions), instance.renditions_source
    renditions = create_renditions(instance) if name else []
    type(instance)._default_manager.using(using).filter(pk=instance.pk).update(
        renditions=renditions, renditions_source=name
    )
    instance.renditions, instance.renditions_source = renditions, name
    old_files = [rendition["name"] for rendition in old]
    if old_source != name:
        old_files.append(old_source)  # the replaced original
    delete_files_on_commit(instance.image.storage, old_files, using)


def create_renditions_after_upload(sender, instance, raw=False, using=None, **kwargs):
    """``post_save`` of each ``RenditionImage`` model (connected in ``signals.py``)."""
    if not raw:
        try:
            ensure_renditions(instance, using)
        except (*STORAGE_ERRORS, ValueError):
            # The upload was validated, so this is rare (e.g. a full disk). The page then
            # serves the original; the next save tries again.
            logger.exception("Could not make the renditions of %s", instance.image.name)


def delete_files_after_delete(sender, instance, using=None, **kwargs):
    """``post_delete`` of each ``RenditionImage`` model (connected in ``signals.py``)."""
    if instance.image:
        names = [rendition["name"] for rendition in instance.renditions]
        delete_files_on_commit(instance.image.storage, [*names, instance.image.name], using)
