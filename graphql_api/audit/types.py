from __future__ import annotations

from datetime import datetime

import strawberry
import strawberry_django
from strawberry import relay
from strawberry.scalars import JSON

from marketplace.audit.models import AuditEntry
from marketplace.visibility import platform_admins_only

from ..visibility import guarded_by


@strawberry_django.type(AuditEntry, name="AuditEntry")
class AuditEntryType(relay.Node):
    """One security- or money-relevant action. Platform admins only, by every path."""

    get_queryset = guarded_by(platform_admins_only)
    at: datetime
    actor_role: str
    action: str
    target_type: str
    target_id: str
    ip: str | None

    @strawberry_django.field(only=["data"])
    def data(self) -> JSON:
        return self.data

    @strawberry_django.field(select_related=["actor"], only=["actor__email"])
    def actor_email(self) -> str | None:
        return self.actor.email if self.actor_id else None


@strawberry.input
class AuditLogFilter:
    action: str | None = None
    actor_email: str | None = None
    target_type: str | None = None
    target_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
