"""Local media for the embedded default, private like production's S3: every URL is signed and expires.

Production keeps uploads in a private bucket and hands out pre-signed URLs (settings/production.py). Locally the files
are on disk; `SignedFileSystemStorage.url()` adds a signature over the file's name and the time, and `serve_media`
refuses a missing, forged or expired one, so a provider's ID document is not readable by whoever guesses its path.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.files.storage import FileSystemStorage
from django.http import Http404
from django.views.static import serve

SALT = "serveflow.local-media"


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


class SignedFileSystemStorage(FileSystemStorage):
    def url(self, name: str | None) -> str:
        url = super().url(name)
        signed = _signer().sign(name or "")  # "<name>:<timestamp>:<signature>"
        return f"{url}?sig={signed[len(name or '') + 1 :]}"


def serve_media(request, path: str):
    """Serve one file from MEDIA_ROOT if its `sig` is valid for this path and younger than MEDIA_URL_EXPIRY_SECONDS.
    Only where SERVE_LOCAL_MEDIA is on (settings.dev); elsewhere there is nothing here."""
    if not settings.SERVE_LOCAL_MEDIA:
        raise Http404("Media is not served here.")
    try:
        _signer().unsign(f"{path}:{request.GET.get('sig', '')}", max_age=settings.MEDIA_URL_EXPIRY_SECONDS)
    except signing.BadSignature as exc:  # includes SignatureExpired
        raise Http404("No such file, or the link has expired.") from exc
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    if path.startswith("provider-documents/"):
        # An identity document is downloaded, never rendered on our origin (the sandbox policy: settings/csp.py).
        response["Content-Disposition"] = f'attachment; filename="{path.rsplit("/", 1)[-1]}"'
    return response
