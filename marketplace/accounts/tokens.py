"""Issuing, checking and revoking API bearer tokens (the same token serves HTTP and websockets)."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import ApiToken, User, hash_token

TOKEN_PREFIX = "sf_"
# last_used_at is a hint for users reviewing their sessions; writing it on every call would be a write per request.
LAST_USED_RESOLUTION = timedelta(minutes=5)


def issue_token(user: User, *, ip: str | None = None, user_agent: str = "") -> tuple[str, ApiToken]:
    """Create a token for `user`. Returns the raw value (shown once) and the stored row (hash only)."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        key_hash=hash_token(raw),
        expires_at=timezone.now() + settings.API_TOKEN_TTL,
        created_from_ip=ip,
        user_agent=user_agent[:255],
    )
    return raw, token


def find_token(raw: str | None) -> ApiToken | None:
    """The usable token for a raw value: None when unknown, expired, revoked or its user is inactive."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 128:
        return None
    token = ApiToken.objects.usable().select_related("user").filter(key_hash=hash_token(raw)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token


def revoke_token(token: ApiToken) -> None:
    """Revoke one token. Idempotent."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


def revoke_all_tokens(user: User, *, except_token: ApiToken | None = None) -> int:
    """Revoke every token of `user` (after a password reset or change), optionally keeping the caller's own."""
    tokens = ApiToken.objects.filter(user=user, revoked_at__isnull=True)
    if except_token is not None:
        tokens = tokens.exclude(pk=except_token.pk)
    return tokens.update(revoked_at=timezone.now())


def bearer_from_header(header: str | None) -> str | None:
    """The raw token from an `Authorization: Bearer …` header value."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None
