"""`PORT=… make run`: every URL the embedded default emits follows the port, with no other setting."""

import json
import os
import subprocess
import sys

import pytest

from settings.base import BASE_DIR

DERIVED = ("CLIENT_URL", "CLIENT_ORIGINS", "WAGTAILADMIN_BASE_URL", "CMS_PREVIEW_URL")


def settings_under(module: str, **env) -> dict:
    clean = {name: value for name, value in os.environ.items() if name not in DERIVED and name != "PORT"}
    script = (
        "import json, django; django.setup(); from django.conf import settings as s;"
        f"print(json.dumps({{name: getattr(s, name) for name in {DERIVED!r}}}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        env={**clean, "DJANGO_SETTINGS_MODULE": module, **env},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["settings.dev", "settings.test"])
def test_every_local_url_follows_port(module):
    urls = settings_under(module, PORT="8765")
    assert urls["CLIENT_URL"] == "http://127.0.0.1:8765"
    assert urls["WAGTAILADMIN_BASE_URL"] == "http://127.0.0.1:8765"
    assert urls["CMS_PREVIEW_URL"] == "http://127.0.0.1:8765/preview"
    assert urls["CLIENT_ORIGINS"] == ["http://127.0.0.1:8765", "http://localhost:8765"]


def test_explicit_public_urls_win_over_port():
    urls = settings_under("settings.dev", PORT="8765", CLIENT_URL="https://serveflow.example", CLIENT_ORIGINS="https://serveflow.example")
    assert urls["CLIENT_URL"] == "https://serveflow.example"
    assert urls["CMS_PREVIEW_URL"] == "https://serveflow.example/preview"
    assert urls["CLIENT_ORIGINS"] == ["https://serveflow.example"]
