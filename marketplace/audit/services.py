"""Writing and pruning the audit log."""

from __future__ import annotations

import contextvars
from datetime import timedelta
from typing import Any

from django.db import models
from django.utils import timezone

from .models import AuditEntry

# The client IP of the operation being served (set by the API layer per request; None for timers and commands).
current_ip: contextvars.ContextVar[str | None] = contextvars.ContextVar("audit_current_ip", default=None)


def record(action: str, target: models.Model, *, actor=None, data: dict[str, Any] | None = None) -> AuditEntry:
    """Append one entry in the caller's transaction (it commits or rolls back with the action it describes)."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_role=getattr(actor, "role", "") or "",
        action=action,
        target_type=target._meta.label_lower,
        target_id=str(target.pk),
        ip=current_ip.get(),
        data=data or {},
    )


def prune(older_than_days: int) -> int:
    """Delete entries older than the retention period. Returns how many were deleted."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = AuditEntry.objects.filter(at__lt=cutoff).delete()
    return deleted
