"""#13 Must show 5: a Content-Security-Policy on every kind of response, generated over the client's routes
(web-client/src/App.tsx), the API, the Wagtail admin and the file paths; the browser suite fails on any violation
(web-client/e2e/browser.ts)."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from django.test import Client

from settings.base import BASE_DIR

APP = (BASE_DIR / "web-client" / "src" / "App.tsx").read_text()
CLIENT_PATHS = ["/"] + [
    "/" + route.replace("/*", "/anything").replace("*", "some/cms/page") for route in re.findall(r'<Route path="([^"]+)"', APP)
]
CLIENT_PATHS = [p.replace("/customer/anything", "/app/customer/requests") for p in CLIENT_PATHS]


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part}


@pytest.fixture
def built_client(settings, tmp_path):
    """A built index.html with an inline script, as `npm run build` leaves it."""
    script = "window.__prefetch={};"
    (tmp_path / "index.html").write_text(f"<!doctype html><html><head><script>{script}</script></head><body></body></html>")
    settings.WEB_CLIENT_DIST = tmp_path
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_the_client_routes_come_from_the_app():
    assert {"/services", "/login", "/app"} <= set(CLIENT_PATHS) and len(CLIENT_PATHS) > 10


@pytest.mark.parametrize("path", CLIENT_PATHS)
def test_every_client_route_allows_only_its_origin_and_its_own_inline_script(db, built_client, path):
    response = Client().get(path)
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", built_client]  # no 'unsafe-inline', no eval
    assert policy["object-src"] == ["'none'"]
    expected_ancestors = ["'self'"] if path == "/preview" else ["'none'"]
    assert policy["frame-ancestors"] == expected_ancestors


def test_stripe_is_allowed_only_with_a_publishable_key(db, built_client, settings):
    assert "https://js.stripe.com" not in directives(Client().get("/app/jobs/1"))["script-src"]
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_123"
    policy = directives(Client().get("/app/jobs/1"))
    assert "https://js.stripe.com" in policy["script-src"] and "https://js.stripe.com" in policy["frame-src"]
    assert "https://api.stripe.com" in policy["connect-src"]


def test_the_api_allows_nothing(db, gql):
    response = Client().post("/graphql/", data='{"query": "{ __typename }"}', content_type="application/json")
    assert directives(response) == {
        "default-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    }


def test_the_wagtail_admin_has_its_own_policy(db):
    policy = directives(Client().get("/cms/login/"))
    assert policy["default-src"] == ["'self'"] and policy["frame-ancestors"] == ["'self'"]
    assert "https:" not in policy["script-src"]


def test_provider_documents_download_sandboxed(db, settings, tmp_path):
    from django.core.files.base import ContentFile

    from marketplace.local_media import SignedFileSystemStorage

    settings.MEDIA_ROOT = tmp_path
    settings.SERVE_LOCAL_MEDIA = True  # settings.dev's
    storage = SignedFileSystemStorage(location=tmp_path, base_url="/media/")
    name = storage.save("provider-documents/7/id-1.pdf", ContentFile(b"%PDF-1.4 <script>alert(1)</script>"))
    response = Client().get(storage.url(name))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="id-1.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = directives(response)
    assert "sandbox" in policy and policy["default-src"] == ["'none'"]


def test_s3_document_links_ask_s3_for_a_download():
    from storages.backends.s3 import S3Storage

    from graphql_api.providers.types import document_url

    storage = S3Storage(
        bucket_name="media",
        endpoint_url="http://127.0.0.1:9",
        access_key="k",
        secret_key="s",
        region_name="us-east-1",
        querystring_auth=True,
        addressing_style="path",
    )
    file = type("StoredFile", (), {"storage": storage, "name": "provider-documents/7/id-1.pdf"})()
    url = document_url(file)  # presigning is local: the storage is never contacted
    assert "response-content-disposition=attachment" in url
    assert "Signature=" in url


def test_a_page_preview_in_the_admin_carries_the_admin_policy(db, built_client, make_user):
    from cms import demo
    from marketplace.accounts.models import Role

    home = demo.load_content()
    admin = Client()
    admin.force_login(make_user(Role.ADMIN))
    response = admin.get(f"/cms/pages/{home.pk}/view_draft/")
    assert response.status_code == 200
    assert directives(response)["frame-src"] == ["'self'"]  # the preview frame of the client's route
