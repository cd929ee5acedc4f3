"""AI fixtures: a Gemini-protocol server on loopback, live categories, photos, and multipart GraphQL uploads."""

from __future__ import annotations

import io
import json
import uuid

import pytest
from django.test import Client
from PIL import Image

from cms.demo import load_categories
from marketplace.ai import rate_limits

from .gemini_server import GeminiServer


@pytest.fixture(autouse=True)
def _fresh_rate_limits(settings):
    rate_limits.reset()
    yield
    rate_limits.reset()


@pytest.fixture
def gemini(settings):
    server = GeminiServer().start()
    settings.GEMINI_BASE_URL = server.url
    yield server
    server.stop()


@pytest.fixture
def categories(db):
    return {category.slug: category for category in load_categories()}


def photo(*, size=(64, 48), color=(30, 90, 160), image_format="JPEG", exif_description: str | None = None, gps: bool = False) -> bytes:
    image = Image.new("RGB", size, color)
    out = io.BytesIO()
    exif = Image.Exif()
    if exif_description:
        exif[0x010E] = exif_description
    if gps:
        exif[0x8825] = {1: "N", 2: (31.0, 31.0, 12.0), 3: "E", 4: (74.0, 20.0, 41.0)}
    image.save(out, format=image_format, exif=exif.tobytes() if (exif_description or gps) else b"")
    return out.getvalue()


ANALYZE = """
mutation Analyze($image: Upload!, $note: String) {
  analyzeRequestImage(image: $image, note: $note) {
    analysis { category { id slug name } title description urgency estimatedBudget { amount currency } confidence source }
    errors { field message code retryAfter }
  }
}
"""


class UploadClient:
    """Posts GraphQL multipart requests (github.com/jaydenseric/graphql-multipart-request-spec) byte for byte,
    so file names reach the server exactly as a hostile client would send them."""

    def __init__(self):
        self.http = Client(REMOTE_ADDR="10.0.0.2")
        self.last_raw = b""

    def __call__(self, query: str, variables: dict, files: dict[str, tuple[str, bytes, str]], *, token: str | None = None):
        boundary = uuid.uuid4().hex
        operations = {"query": query, "variables": {**variables, **{path.split(".", 1)[1]: None for path in files}}}
        mapping = {str(i): [path] for i, path in enumerate(files)}
        chunks = [self._field(boundary, "operations", json.dumps(operations)), self._field(boundary, "map", json.dumps(mapping))]
        for i, (name, content, content_type) in enumerate(files.values()):
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{i}"; filename="{name}"\r\nContent-Type: {content_type}\r\n\r\n'
            chunks.append(head.encode() + content + b"\r\n")
        body = b"".join(chunks) + f"--{boundary}--\r\n".encode()
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        response = self.http.generic("POST", "/graphql/", body, content_type=f"multipart/form-data; boundary={boundary}", **headers)
        self.last_raw = response.content
        return response.status_code, response.json()

    @staticmethod
    def _field(boundary: str, name: str, value: str) -> bytes:
        return f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()


@pytest.fixture
def upload():
    return UploadClient()


@pytest.fixture
def analyze(upload, token_for):
    """analyze(user, content=…, name=…, note=…) → (status, body, payload-or-None)."""

    def run(user, *, content: bytes | None = None, name: str = "photo.jpg", content_type: str = "image/jpeg", note: str | None = None):
        token = token_for(user) if user is not None else None
        image = (name, content if content is not None else photo(), content_type)
        status, body = upload(ANALYZE, {"note": note}, {"variables.image": image}, token=token)
        payload = (body.get("data") or {}).get("analyzeRequestImage")
        return status, body, payload

    return run
