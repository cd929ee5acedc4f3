from __future__ import annotations

from datetime import datetime

import strawberry
from django.utils import timezone
from strawberry import relay

from marketplace.ai import vault
from marketplace.ai.models import GeminiKey

from ..permissions import IsPlatformAdmin


@strawberry.type(description="One Gemini API key in the vault. The secret never leaves the server; only its last four characters.")
class AiKey:
    id: strawberry.ID
    label: str
    last_four: str
    is_active: bool
    cooling_down_until: datetime | None = strawberry.field(description="Rate-limited or failing: skipped until then.")
    last_used_at: datetime | None
    created_at: datetime
    calls_24h: int = strawberry.field(name="calls24h")
    failures_24h: int = strawberry.field(name="failures24h", description="Calls with this key that did not answer.")

    @classmethod
    def from_model(cls, key: GeminiKey, now: datetime) -> AiKey:
        return cls(
            id=strawberry.ID(relay.to_base64("AiKey", key.pk)),
            label=key.label,
            last_four=key.last_four,
            is_active=key.is_active,
            cooling_down_until=key.cooldown_until if key.is_cooling_down(now) else None,
            last_used_at=key.last_used_at,
            created_at=key.created_at,
            calls_24h=key.calls_24h,
            failures_24h=key.failures_24h,
        )


@strawberry.type(description="The AI key vault's health, for platform admins.")
class AiVault:
    keys: list[AiKey]
    usable_key_count: int = strawberry.field(description="Active keys not cooling down right now.")
    fallback_only: bool = strawberry.field(description="No usable key: AI answers come from the local fallback.")
    calls_24h: int = strawberry.field(name="calls24h", description="Every AI call in the last 24 hours, fallback included.")
    failures_24h: int = strawberry.field(name="failures24h")
    fallbacks_24h: int = strawberry.field(name="fallbacks24h", description="Answers the local fallback gave.")


@strawberry.type
class AiQuery:
    @strawberry.field(extensions=[IsPlatformAdmin()], description="The Gemini key vault's status (platform admins only).")
    def ai_vault(self) -> AiVault:
        now = timezone.now()
        status = vault.vault_status(now)
        return AiVault(
            keys=[AiKey.from_model(key, now) for key in status.keys],
            usable_key_count=status.usable_key_count,
            fallback_only=status.usable_key_count == 0,
            calls_24h=status.calls_24h,
            failures_24h=status.failures_24h,
            fallbacks_24h=status.fallbacks_24h,
        )
