"""Serves the built web client (`web-client/dist`) from the API's origin.

Hashed assets under `/assets/` are served by WhiteNoise (`WHITENOISE_ROOT`, cached forever); every other
client route (`/login`, `/app/…`) gets `index.html`, so deep links and reloads work. API, CMS and file paths
are excluded in `settings/urls.py` and keep their own 404s.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# Paths the client never owns: the API, the CMS, health, Django's static/media files, Wagtail's documents and
# pages, webhooks, and the client's own hashed assets (a missing asset must 404, not return HTML).
SERVER_PATHS = ("graphql", "cms", "healthz", "static", "media", "documents", "pages", "webhooks", "assets")
CLIENT_ROUTE = r"^(?!(?:{})(?:/|$)).*$".format("|".join(SERVER_PATHS))

NOT_BUILT = """<!doctype html><html lang="en"><meta charset="utf-8"><title>ServeFlow</title>
<h1>The web client is not built</h1>
<p>Run <code>make run</code> (it needs Node.js 20+) or <code>cd web-client &amp;&amp; npm ci &amp;&amp; npm run build</code>.
The API is at <a href="/graphql/">/graphql/</a> and the CMS at <a href="/cms/">/cms/</a>.</p></html>"""


@require_safe
@never_cache
def web_client_index(request: HttpRequest) -> HttpResponse:
    """The client's `index.html` for any client route; never cached, so a deploy is picked up at once."""
    index = settings.WEB_CLIENT_DIST / "index.html"
    if not index.is_file():
        return HttpResponse(NOT_BUILT, status=503, content_type="text/html; charset=utf-8")
    response = FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")
    # settings/csp.py: the client's policy allows its inline scripts (the prefetch) by hash, nothing else inline.
    response._csp_update = {"script-src": list(inline_script_hashes(str(index), index.stat().st_mtime_ns))}
    if request.path == urlsplit(settings.CMS_PREVIEW_URL).path:
        # Wagtail's preview panel shows the draft in a frame on our origin (cms/templates/cms/previews/page.html):
        # the preview route may be framed by our own pages; every other client route keeps X-Frame-Options DENY.
        response["X-Frame-Options"] = "SAMEORIGIN"
        response._csp_replace = {"frame-ancestors": ["'self'"]}
    return response


INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


@lru_cache(maxsize=4)
def inline_script_hashes(path: str, mtime_ns: int) -> tuple[str, ...]:
    """CSP sources for the inline scripts of the built index.html (recomputed when a build replaces the file)."""
    with open(path, "rb") as index:
        html = index.read()
    return tuple(f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'" for body in INLINE_SCRIPT.findall(html))
