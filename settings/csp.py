"""Content-Security-Policy for every response (django-csp), the policy chosen by what the path serves.

- The web client (every client route): only our own origin; the one inline script of `index.html` (the GraphQL
  prefetch) by its SHA-256, added by the view that serves it; Stripe's script, API and frames only when a
  publishable key is set; images also from the media storage's origin. No inline scripts, no eval, no plugins;
  nobody frames it (the CMS preview route may be framed by our own origin: Wagtail's preview panel).
- The API (`/graphql/`): JSON needs no sources at all.
- The Wagtail admin (`/cms/`): Wagtail's own inline scripts and styles are allowed there, nothing from elsewhere.
- Files (`/media/`, `/documents/`): sandboxed, no sources (a provider's uploaded PDF cannot run script here).
`frame-ancestors` replaces X-Frame-Options' rules (DENY everywhere but the preview route and the admin).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

STRIPE_SCRIPTS = ["https://js.stripe.com"]
STRIPE_CONNECT = ["https://api.stripe.com"]
STRIPE_FRAMES = ["https://js.stripe.com", "https://hooks.stripe.com"]


def _origin(url: str | None) -> list[str]:
    parts = urlsplit(url or "")
    return [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []


def media_origins() -> list[str]:
    """Where images may come from besides our origin: the S3 endpoint (or AWS S3), or settings' extra origins."""
    origins = list(getattr(settings, "CSP_MEDIA_ORIGINS", []))
    storage = settings.STORAGES["default"]
    if storage["BACKEND"].startswith("storages.") or "S3" in storage["BACKEND"]:
        endpoint = (storage.get("OPTIONS") or {}).get("endpoint_url")
        origins += _origin(endpoint) or ["https://*.amazonaws.com"]
    return origins


def client_policy() -> dict:
    stripe = bool(settings.STRIPE_PUBLISHABLE_KEY)
    return {
        "default-src": [SELF],
        "script-src": [SELF, *(STRIPE_SCRIPTS if stripe else [])],
        "style-src": [SELF, UNSAFE_INLINE],  # React style attributes; scripts stay strict
        "img-src": [SELF, "data:", "blob:", *media_origins()],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, *(STRIPE_CONNECT if stripe else [])],  # 'self' covers the same-origin websocket
        "frame-src": STRIPE_FRAMES if stripe else [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


API_POLICY = {"default-src": [NONE], "frame-ancestors": [NONE], "base-uri": [NONE], "form-action": [NONE]}
FILE_POLICY = {"default-src": [NONE], "style-src": [UNSAFE_INLINE], "img-src": [SELF], "sandbox": [], "frame-ancestors": [NONE]}


def admin_policy() -> dict:
    return {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],  # Wagtail's templates carry inline scripts
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *media_origins()],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],  # the preview panel frames the client's preview route
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }


def policy_for(path: str, content_type: str) -> dict:
    if path.startswith("/cms/"):
        return admin_policy()
    if path.startswith(("/media/", "/documents/")):
        return FILE_POLICY
    if path.startswith("/graphql") and not content_type.startswith("text/html"):
        return API_POLICY
    if path.startswith("/graphql"):
        # GraphiQL (GRAPHQL_DEBUG_TOOLS only) is an inline page loading its bundle from a CDN.
        return {**admin_policy(), "script-src": [SELF, UNSAFE_INLINE, "https:"], "style-src": [SELF, UNSAFE_INLINE, "https:"]}
    return client_policy()


class PolicyByPath(CSPMiddleware):
    """django-csp's middleware, with the base policy chosen by `policy_for`; views still add to it with
    django-csp's `_csp_update` / `_csp_replace` (the client's index adds its inline script's hash)."""

    def process_response(self, request, response):
        if request.path_info.startswith("/cms/") and "Content-Security-Policy" in response:
            # Wagtail renders a page preview by running a request for the page's own path through the middleware;
            # that inner pass gave the response the client's policy, but it is shown in the admin.
            del response["Content-Security-Policy"]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None:
            parts.config = default_config(policy_for(request.path_info, response.get("Content-Type", "")))
        return parts
