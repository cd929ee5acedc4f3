"""Login throttling policy for django-axes: a lock that grows with each failure past the limit."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings


def cool_off(request=None) -> timedelta:
    """How long a locked IP or account stays locked.

    The first lock lasts LOGIN_LOCKOUT_BASE; every further failed attempt doubles it, up to LOGIN_LOCKOUT_MAX.
    """
    failures = getattr(request, "axes_failures_since_start", None) or settings.AXES_FAILURE_LIMIT
    extra = max(0, failures - settings.AXES_FAILURE_LIMIT)
    return min(settings.LOGIN_LOCKOUT_BASE * (2 ** min(extra, 16)), settings.LOGIN_LOCKOUT_MAX)
