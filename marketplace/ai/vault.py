"""The encrypted key vault: Gemini API keys at rest are Fernet tokens (AES-128-CBC + HMAC-SHA256).

The encryption key comes from the environment (`AI_VAULT_KEY`), never the database. Several comma-separated keys
may be given: the first encrypts, all decrypt (MultiFernet), so the vault key can be rotated with
`reencrypt_vault()` and then the old key removed. A secret leaves this module only towards the Gemini client.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from .models import AiCall, GeminiKey, Outcome


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


@dataclass(frozen=True)
class VaultStatus:
    """What admins see of the vault: the keys (never a secret beyond its last four), and the last day's calls."""

    keys: list[GeminiKey]  # annotated with calls_24h and failures_24h
    usable_key_count: int
    calls_24h: int
    failures_24h: int
    fallbacks_24h: int


# Outcomes that mean a key or the model failed (the fallback answering is counted on its own).
FAILED_OUTCOMES = [o for o in Outcome.values if o not in (Outcome.SUCCESS, Outcome.FALLBACK)]


def vault_status(now=None) -> VaultStatus:
    """The keys with their call counts over the last 24 hours, in two queries whatever the number of keys."""
    now = now or timezone.now()
    since = now - timedelta(hours=24)
    recent = Q(calls__created_at__gte=since)
    keys = list(
        GeminiKey.objects.annotate(
            calls_24h=Count("calls", filter=recent),
            failures_24h=Count("calls", filter=recent & Q(calls__outcome__in=FAILED_OUTCOMES)),
        ).order_by("label", "id")
    )
    totals = AiCall.objects.filter(created_at__gte=since).aggregate(
        calls=Count("id"),
        failures=Count("id", filter=Q(outcome__in=FAILED_OUTCOMES)),
        fallbacks=Count("id", filter=Q(outcome=Outcome.FALLBACK)),
    )
    usable = sum(1 for key in keys if key.is_active and not key.is_cooling_down(now))
    return VaultStatus(keys, usable, totals["calls"], totals["failures"], totals["fallbacks"])
