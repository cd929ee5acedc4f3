"""The built web client is served from the API's origin: index.html for client routes, never for server paths."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client

INDEX = "<!doctype html><title>ServeFlow client</title><div id=root></div>"


@pytest.fixture
def built_client(tmp_path, settings):
    (tmp_path / "index.html").write_text(INDEX)
    settings.WEB_CLIENT_DIST = tmp_path
    return tmp_path


@pytest.mark.parametrize("path", ["/", "/login", "/register", "/verify-email?token=abc", "/reset-password?token=x", "/app/customer"])
def test_client_routes_get_index_html_uncached(built_client, path):
    response = Client().get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == INDEX
    assert response["Content-Type"].startswith("text/html")
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "path",
    [
        "/healthz",
        "/graphql/",
        "/cms/",
        "/static/x.css",
        "/media/a.png",
        "/documents/1/",
        "/pages/",
        "/webhooks/stripe/",
        "/assets/missing-abc123.js",
    ],
)
def test_server_paths_are_never_answered_by_the_client(built_client, path, db):
    response = Client().get(path)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert INDEX.encode() not in content


def test_graphql_without_slash_is_not_a_client_route(built_client, db):
    response = Client().get("/graphql")
    assert response.status_code == 301
    assert response["Location"] == "/graphql/"


def test_missing_build_explains_how_to_build(tmp_path, settings):
    settings.WEB_CLIENT_DIST = tmp_path / "absent"
    response = Client().get("/login")
    assert response.status_code == 503
    assert b"make run" in response.content


def test_client_routes_accept_only_safe_methods(built_client):
    assert Client().post("/login").status_code == 405


def test_only_the_preview_route_may_be_framed_and_only_by_our_origin(built_client, settings):
    settings.CMS_PREVIEW_URL = "http://testserver/preview"

    assert Client().get("/preview?token=abc")["X-Frame-Options"] == "SAMEORIGIN"
    for path in ["/", "/login", "/app/customer", "/preview-not"]:
        assert Client().get(path)["X-Frame-Options"] == "DENY"


def test_local_media_is_served_only_where_enabled_and_only_from_a_signed_url(tmp_path, settings, db):
    from marketplace.local_media import SignedFileSystemStorage

    settings.MEDIA_ROOT = tmp_path
    url = SignedFileSystemStorage(location=tmp_path, base_url="/media/").url(
        SignedFileSystemStorage(location=tmp_path).save("images/logo.png", ContentFile(b"not really a png"))
    )
    settings.SERVE_LOCAL_MEDIA = False
    assert Client().get(url).status_code == 404

    settings.SERVE_LOCAL_MEDIA = True
    response = Client().get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"not really a png"
    assert Client().get("/media/images/logo.png").status_code == 404  # no signature
    assert Client().get("/media/../settings/base.py").status_code in (400, 404)  # never outside MEDIA_ROOT
