"""Hostile uploads to analyzeRequestImage are refused with a clear error, and nothing is stored or sent."""

from __future__ import annotations

import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.accounts.models import Role
from marketplace.ai import vault
from marketplace.ai.models import AiCall
from marketplace.images import clean_image

from .conftest import photo

pytestmark = pytest.mark.django_db


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that declares `width` x `height` pixels: a decompression bomb's header, built without the pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>fetch('/graphql/')</script></body></html>"

HOSTILE = [
    pytest.param("huge.jpg", photo() + b"\x00" * (10 * 1024 * 1024), "image/jpeg", 200, "FILE_TOO_LARGE", id="oversize"),
    pytest.param("bomb.png", png_header_only(30_000, 30_000), "image/png", 200, "IMAGE_TOO_LARGE", id="decompression-bomb"),
    pytest.param("invoice.jpg", HTML, "image/jpeg", 200, "UNSUPPORTED_IMAGE", id="html-renamed-jpg"),
    pytest.param("logo.svg", SVG, "image/svg+xml", 200, "UNSUPPORTED_IMAGE", id="svg-with-script"),
    pytest.param("plain.jpg", b"this is not an image at all", "image/jpeg", 200, "INVALID_IMAGE", id="not-an-image"),
    pytest.param("../../etc/passwd.jpg", photo(), "image/jpeg", 400, "INVALID_FILENAME", id="path-in-name"),
    pytest.param("..\\..\\windows\\win.jpg", photo(), "image/jpeg", 400, "INVALID_FILENAME", id="windows-path-in-name"),
]


@pytest.mark.parametrize(("name", "content", "content_type", "status", "code"), HOSTILE)
def test_hostile_uploads_are_refused_with_a_clear_error_and_nothing_is_stored(
    analyze, make_user, categories, gemini, name, content, content_type, status, code
):
    vault.add_key("primary", "AIzaSyPRIMARY-test-key-0001")
    files_before = default_storage.listdir("")

    http_status, body, payload = analyze(make_user(Role.CUSTOMER), content=content, name=name, content_type=content_type)

    assert http_status == status
    if status == 200:
        assert payload["analysis"] is None
        [error] = payload["errors"]
        assert (error["field"], error["code"]) == ("image", code)
        assert error["message"] and "Unexpected" not in error["message"]
    else:  # refused before the operation runs
        assert body["data"] is None and body["errors"][0]["extensions"]["code"] == code
        assert "directory path" in body["errors"][0]["message"]
    assert gemini.calls == []
    assert AiCall.objects.count() == 0
    assert default_storage.listdir("") == files_before


def test_the_bomb_header_really_declares_900_megapixels():
    from PIL import Image

    Image.MAX_IMAGE_PIXELS, limit = None, Image.MAX_IMAGE_PIXELS
    try:
        import io

        assert Image.open(io.BytesIO(png_header_only(30_000, 30_000))).size == (30_000, 30_000)
    finally:
        Image.MAX_IMAGE_PIXELS = limit


@pytest.mark.parametrize("name", ["../x.jpg", "a/b.jpg", "c:\\x.jpg", ".."])
def test_clean_image_refuses_paths_in_names_from_any_caller(name):
    with pytest.raises(ValidationError) as refused:
        clean_image(ContentFile(photo(), name=name))  # Django's UploadedFile would already strip the path
    assert refused.value.error_dict["image"][0].code == "INVALID_FILENAME"


def test_a_dotted_but_pathless_name_is_fine():
    assert clean_image(SimpleUploadedFile("my..photo.jpg", photo(), "image/jpeg")).name.endswith(".jpg")
