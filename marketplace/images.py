"""Checks every uploaded image by decoding it, then stores a clean re-encoded copy.

Pillow reads the header first, so dimensions are checked before any pixel is decoded (decompression bombs
are refused cheaply); the re-encode drops EXIF (GPS location included) and anything smuggled after the image.
"""

from __future__ import annotations

import io
import uuid
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # e.g. 8000 x 5000
MAX_SIDE = 12_000
MARKUP_REFUSED = "SVG, HTML and other markup files are not accepted; upload a JPEG, PNG or WebP photo."


def clean_image(upload, *, field: str = "image", max_bytes: int = MAX_BYTES, max_pixels: int = MAX_PIXELS) -> ContentFile:
    """A sanitised copy of `upload` (a Django UploadedFile or file-like with `.size`), or a field error.

    The returned file has a random name with the extension of its real format; the client's name is ignored.
    """
    check_file_name(getattr(upload, "name", "") or "", field=field)
    size = getattr(upload, "size", None)
    if size is None or size > max_bytes:
        raise ValidationError({field: ValidationError(f"Images may be at most {max_bytes // (1024 * 1024)} MB.", code="FILE_TOO_LARGE")})
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError({field: ValidationError(f"Images may be at most {max_bytes // (1024 * 1024)} MB.", code="FILE_TOO_LARGE")})
    if _looks_like_markup(data):
        raise ValidationError({field: ValidationError(MARKUP_REFUSED, code="UNSUPPORTED_IMAGE")})
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            image_format = image.format
            width, height = image.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError({field: ValidationError("Only JPEG, PNG and WebP images are accepted.", code="UNSUPPORTED_IMAGE")})
            if width * height > max_pixels or max(width, height) > MAX_SIDE:
                raise ValidationError({field: ValidationError("The image has too many pixels.", code="IMAGE_TOO_LARGE")})
            image.load()
            image = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError({field: ValidationError("The image has too many pixels.", code="IMAGE_TOO_LARGE")}) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError({field: ValidationError("The file is not a readable image.", code="INVALID_IMAGE")}) from None

    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format=image_format)  # no exif= argument: metadata is not copied
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{ALLOWED_FORMATS[image_format]}")


def check_file_name(name: str, *, field: str = "image") -> None:
    """Refuse client file names that carry a directory path (we never use them, but a path is a sign of attack)."""
    if "/" in name or "\\" in name or "\x00" in name or name.strip() in {".", ".."}:
        raise ValidationError({field: ValidationError("File names must not contain a directory path.", code="INVALID_FILENAME")})


_MARKUP_MARKERS = (b"<svg", b"<html", b"<!doctype", b"<?xml", b"<script", b"<body", b"<head", b"<iframe")


def _looks_like_markup(data: bytes) -> bool:
    """SVG/HTML/XML sniffing: such files can carry script, and a renamed one must not pass as a photo."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") or any(marker in head for marker in _MARKUP_MARKERS)
