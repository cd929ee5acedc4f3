"""Local media files (the embedded default keeps them in MEDIA_ROOT; production keeps them on S3 and never here)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.static import serve


def local_media(request: HttpRequest, path: str) -> HttpResponse:
    """A file of MEDIA_ROOT, with DEBUG (as Django's static() helper) or SERVE_MEDIA for production-like local runs."""
    if not (settings.DEBUG or settings.SERVE_MEDIA):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
