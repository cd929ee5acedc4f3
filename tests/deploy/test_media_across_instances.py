"""Media written through one instance is served through another, from private S3 objects via expiring signed URLs."""

from __future__ import annotations

import io
import json
import time
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from PIL import Image

from marketplace.accounts.models import Role
from marketplace.accounts.tokens import issue_token

from .conftest import MEDIA_BUCKET, MEDIA_URL_EXPIRY_SECONDS, needs_postgres_and_redis

pytestmark = [needs_postgres_and_redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

UPDATE_AVATAR = "mutation($avatar: Upload!) { updateProfile(avatar: $avatar) { user { avatarUrl } errors { field code } } }"


def png_bytes() -> bytes:
    image = Image.new("RGB", (32, 24))
    image.putdata([(x * 8, y * 10, 200) for y in range(24) for x in range(32)])
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def upload_avatar(instance, token: str, data: bytes) -> dict:
    """The GraphQL multipart request spec, as a browser client sends it."""
    response = httpx.post(
        instance.graphql_url,
        headers={"Authorization": f"Bearer {token}"},
        data={
            "operations": json.dumps({"query": UPDATE_AVATAR, "variables": {"avatar": None}}),
            "map": json.dumps({"0": ["variables.avatar"]}),
        },
        files={"0": ("me.png", data, "image/png")},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return response.json()


def avatar_url_via(instance, token: str) -> str:
    response = httpx.post(instance.graphql_url, json={"query": "{ me { avatarUrl } }"}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    return response.json()["data"]["me"]["avatarUrl"]


def pixels(data: bytes) -> bytes:
    return Image.open(io.BytesIO(data)).convert("RGB").tobytes()


def test_avatar_uploaded_through_one_instance_is_served_through_the_other_by_an_expiring_signed_url(cluster, s3_server, make_user):
    user = make_user(Role.CUSTOMER)
    token = issue_token(user)[0]
    a, b = cluster.instances
    original = png_bytes()

    result = upload_avatar(a, token, original)
    assert result["data"]["updateProfile"]["errors"] == [], result

    url = avatar_url_via(b, token)
    parsed = urlparse(url)
    assert url.startswith(f"{s3_server.endpoint_url}/{MEDIA_BUCKET}/media/")
    query = parse_qs(parsed.query)
    assert query["X-Amz-Expires"] == [str(MEDIA_URL_EXPIRY_SECONDS)] and "X-Amz-Signature" in query

    # The stored object is the re-encoded image (EXIF stripped): same pixels, fetched with the signed URL alone.
    key = parsed.path.removeprefix(f"/{MEDIA_BUCKET}/")
    stored = s3_server.client().get_object(Bucket=MEDIA_BUCKET, Key=key)["Body"].read()
    downloaded = httpx.get(url, timeout=10)
    assert downloaded.status_code == 200
    assert downloaded.content == stored
    assert pixels(downloaded.content) == pixels(original)

    # Private: the same object without a signature is refused.
    assert httpx.get(f"{s3_server.endpoint_url}{parsed.path}", timeout=10).status_code == 403

    # Expiring: once X-Amz-Date + X-Amz-Expires has passed, the URL no longer works.
    signed_at = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    time.sleep(max(0.0, signed_at.timestamp() + MEDIA_URL_EXPIRY_SECONDS + 1.5 - time.time()))
    expired = httpx.get(url, timeout=10)
    assert expired.status_code == 403 and b"Request has expired" in expired.content

    # A fresh URL from either instance works again.
    assert httpx.get(avatar_url_via(a, token), timeout=10).content == stored


def test_a_bad_upload_through_one_instance_stores_nothing(cluster, s3_server, make_user):
    user = make_user(Role.CUSTOMER)
    token = issue_token(user)[0]
    before = s3_server.client().list_objects_v2(Bucket=MEDIA_BUCKET).get("KeyCount", 0)

    result = upload_avatar(cluster.instances[0], token, b"not an image at all")

    assert result["data"]["updateProfile"]["errors"] == [{"field": "avatar", "code": "INVALID_IMAGE"}]
    assert avatar_url_via(cluster.instances[1], token) is None
    assert s3_server.client().list_objects_v2(Bucket=MEDIA_BUCKET).get("KeyCount", 0) == before


def test_every_response_carries_a_request_id_that_the_json_logs_repeat(cluster):
    instance = cluster.instances[0]
    response = httpx.post(instance.graphql_url, json={"query": "{ me { email } }"}, headers={"Host": "not-allowed.example"})
    request_id = response.headers["X-Request-ID"]
    assert response.status_code == 400 and len(request_id) == 32

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        lines = [json.loads(line) for line in instance.log().splitlines() if line.startswith("{")]
        if any(line.get("request_id") == request_id for line in lines):
            break
        time.sleep(0.2)
    matching = [line for line in lines if line.get("request_id") == request_id]
    assert matching and matching[0]["logger"] == "django.security.DisallowedHost", instance.log()[-3000:]
