"""The encrypted key vault: Gemini API keys at rest are Fernet tokens (AES-128-CBC + HMAC-SHA256).

The encryption key comes from the environment (`AI_VAULT_KEY`), never the database. Several comma-separated keys
may be given: the first encrypts, all decrypt (MultiFernet), so the vault key can be rotated with
`reencrypt_vault()` and then the old key removed. A secret leaves this module only towards the Gemini client.
"""

from __future__ import annotations

from datetime import timedelta

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils import timezone

from .models import GeminiKey


def _cipher() -> MultiFernet:
    raw = [part.strip() for part in (settings.AI_VAULT_KEY or "").split(",") if part.strip()]
    if not raw:
        raise ImproperlyConfigured("AI_VAULT_KEY must be set to use the AI key vault.")
    try:
        return MultiFernet([Fernet(part) for part in raw])
    except ValueError:
        raise ImproperlyConfigured("AI_VAULT_KEY must be one or more comma-separated Fernet keys.") from None


def _checked_secret(raw: str) -> str:
    secret = (raw or "").strip()
    if len(secret) < 8 or any(ch.isspace() for ch in secret):
        raise ValidationError({"api_key": ValidationError("Enter the whole API key (no spaces).", code="INVALID_KEY")})
    return secret


def store_secret(key: GeminiKey, raw: str) -> GeminiKey:
    """Encrypt `raw` into `key` (not saved). Only the last four characters stay readable."""
    secret = _checked_secret(raw)
    key.encrypted_secret = _cipher().encrypt(secret.encode()).decode()
    key.last_four = secret[-4:]
    return key


def add_key(label: str, raw: str, *, is_active: bool = True) -> GeminiKey:
    """Store a new key in the vault (encrypted)."""
    key = store_secret(GeminiKey(label=label, is_active=is_active), raw)
    key.save()
    return key


def reveal(key: GeminiKey) -> str:
    """The plaintext secret, for the Gemini client only. Never log, return or render it."""
    try:
        return _cipher().decrypt(key.encrypted_secret.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(f"Gemini key {key.pk} cannot be decrypted with the configured AI_VAULT_KEY.") from None


def usable_keys() -> list[GeminiKey]:
    """Active keys not cooling down, least recently used first."""
    return list(GeminiKey.objects.usable())


def cool_down(key: GeminiKey, seconds: int) -> None:
    """Skip `key` for `seconds` (never shortens a longer cool-down already in place)."""
    until = timezone.now() + timedelta(seconds=seconds)
    GeminiKey.objects.filter(pk=key.pk).exclude(cooldown_until__gt=until).update(cooldown_until=until)


def mark_used(key: GeminiKey) -> None:
    GeminiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())


def reencrypt_vault() -> int:
    """Re-encrypt every secret with the first AI_VAULT_KEY (after adding a new one in front). Returns the count."""
    cipher = _cipher()
    count = 0
    with transaction.atomic():
        for key in GeminiKey.objects.select_for_update():
            key.encrypted_secret = cipher.rotate(key.encrypted_secret.encode()).decode()
            key.save(update_fields=["encrypted_secret"])
            count += 1
    return count
