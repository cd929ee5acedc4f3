"""The embedded default's media: served only behind a signed, expiring URL, like production's private bucket."""

import time
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory

from marketplace.local_media import SignedFileSystemStorage, serve_media


@pytest.fixture
def stored(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_LOCAL_MEDIA = True  # settings.dev's; the test settings keep media in memory
    storage = SignedFileSystemStorage(location=tmp_path, base_url="/media/")
    name = storage.save("provider-documents/7/id-card.pdf", ContentFile(b"%PDF-1.4 private"))
    url = urlsplit(storage.url(name))
    return {"name": name, "path": url.path.removeprefix("/media/"), "sig": parse_qs(url.query)["sig"][0]}


def get(path: str, sig: str | None):
    request = RequestFactory().get(f"/media/{path}", {"sig": sig} if sig is not None else {})
    return serve_media(request, path)


def test_a_signed_url_serves_the_file(stored):
    response = get(stored["path"], stored["sig"])
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 private"
    assert response["Cache-Control"] == "private, max-age=300"


@pytest.mark.parametrize("sig", [None, "", "forged:signature"])
def test_without_a_valid_signature_nothing_is_served(stored, sig):
    with pytest.raises(Http404):
        get(stored["path"], sig)


def test_a_signature_is_good_for_its_own_file_only(stored, settings):
    (settings.MEDIA_ROOT / "provider-documents" / "7" / "licence.pdf").write_bytes(b"other")
    with pytest.raises(Http404):
        get("provider-documents/7/licence.pdf", stored["sig"])


def test_an_expired_url_is_refused(stored, settings):
    settings.MEDIA_URL_EXPIRY_SECONDS = 1
    time.sleep(2.1)
    with pytest.raises(Http404):
        get(stored["path"], stored["sig"])
