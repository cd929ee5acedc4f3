"""Rate limits for mutations: who is asking (signed-in user or the address named) and from which IP."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from strawberry import Info

from marketplace import rate_limits

from .permissions import current_user


def throttle(info: Info, action: str, *, subject: str | None = None, field: str | None = None) -> None:
    """Raise Throttled when `action`'s budget (settings.RATE_LIMITS) is spent for this caller or this IP."""
    request = info.context.request
    user = current_user(info)
    who = user.pk if user is not None else (subject or "").strip().lower() or None
    rate_limits.throttle(action, user=who, ip=get_client_ip_address(request), field=field)
