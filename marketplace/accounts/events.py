"""Account security events in the audit log: who (actor), from where (the request's IP), on which account (target)."""

from __future__ import annotations

from typing import Any

from marketplace.audit.models import AuditEntry
from marketplace.audit.services import current_ip, record

from .models import User


def account_event(action: str, user: User | None, *, actor: User | None = None, email: str = "", **data: Any) -> AuditEntry:
    """Record `action` on `user`'s account (or on the address `email` names, when no account has it).

    Written outside the caller's transaction when the caller fails afterwards (a failed sign-in raises), so the entry
    is kept: the sign-in code calls this before it raises, with no transaction open."""
    if user is not None:
        return record(action, user, actor=actor, data=data)
    return AuditEntry.objects.create(
        actor=None, action=action, target_type=User._meta.label_lower, target_id="", ip=current_ip.get(), data={"email": email, **data}
    )
