"""Headless preview: Wagtail's Preview button freezes the draft and opens the client's preview route with a token.

The token is 32 random bytes (URL-safe); only its SHA-256 is stored. A forged, unknown or expired token finds
nothing, and callers answer exactly as for "no such page", so nothing about other drafts leaks.
"""

from __future__ import annotations

import hashlib
import json
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.http import urlencode

from cms.models import PreviewSnapshot


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_preview(obj: models.Model) -> str:
    """Freeze `obj` as it is in memory (the editor's unsaved form) and return a fresh token for it.

    The token is valid for `CMS_PREVIEW_TTL`; expired snapshots are deleted here, so the table stays small.
    """
    now = timezone.now()
    PreviewSnapshot.objects.filter(expires_at__lte=now).delete()
    raw = secrets.token_urlsafe(32)
    PreviewSnapshot.objects.create(
        token_hash=_hash(raw),
        content_type=ContentType.objects.get_for_model(obj.__class__),
        object_id=str(obj.pk) if obj.pk is not None else "",
        content_json=json.dumps(obj.serializable_data(), cls=DjangoJSONEncoder),
        expires_at=now + settings.CMS_PREVIEW_TTL,
    )
    return raw


def find_preview(raw: str | None, model: type[models.Model] | None = None) -> models.Model | None:
    """The draft behind a valid, unexpired token (optionally only if it is a `model`), else None.

    The draft is the saved object with the frozen content laid over it (`with_content_json`), so identity fields
    such as the page's position in the tree come from the database, never from the snapshot.
    """
    if not raw or len(raw) > 200:
        return None
    snapshot = PreviewSnapshot.objects.filter(token_hash=_hash(raw), expires_at__gt=timezone.now()).select_related("content_type").first()
    if snapshot is None:
        return None
    model_class = snapshot.content_type.model_class()
    if model_class is None or (model is not None and not issubclass(model_class, model)):
        return None
    content = json.loads(snapshot.content_json)
    if not snapshot.object_id:
        return model_class.from_serializable_data(content, check_fks=False, strict_fks=False)
    saved = model_class._default_manager.filter(pk=snapshot.object_id).first()
    if saved is None:
        return None
    if hasattr(saved, "specific"):
        saved = saved.specific
    return saved.with_content_json(content)


def client_preview_url(raw: str) -> str:
    """Where the web client shows a preview: `{CMS_PREVIEW_URL}?token=…`."""
    return f"{settings.CMS_PREVIEW_URL}?{urlencode({'token': raw})}"
