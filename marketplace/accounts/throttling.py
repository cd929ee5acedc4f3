"""Sign-in throttling that an attacker cannot turn against the account's owner.

django-axes locks the (IP, account) pair and, separately, the IP (AXES_LOCKOUT_PARAMETERS); those locks grow with each
further failure (`cool_off`). Failures spread over many IPs against one account never lock it: they only add a delay
(`account_delay`, capped at LOGIN_ACCOUNT_DELAY_MAX seconds) before the password is checked, and an address the account
signed in from before skips even that. Known addresses come from axes' own access log (one row per successful sign-in,
written on `user_logged_in`, pruned by `axes_reset_logs`), so no second record of the same fact is kept.
"""

from __future__ import annotations

from datetime import timedelta

from axes.models import AccessAttempt, AccessLog
from axes.utils import reset
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def cool_off(request=None) -> timedelta:
    """How long a locked IP or (IP, account) pair stays locked.

    The first lock lasts LOGIN_LOCKOUT_BASE; every further failed attempt doubles it, up to LOGIN_LOCKOUT_MAX.
    """
    failures = getattr(request, "axes_failures_since_start", None) or settings.AXES_FAILURE_LIMIT
    extra = max(0, failures - settings.AXES_FAILURE_LIMIT)
    return min(settings.LOGIN_LOCKOUT_BASE * (2 ** min(extra, 16)), settings.LOGIN_LOCKOUT_MAX)


def is_known_address(email: str, ip: str | None) -> bool:
    """Whether the account signed in successfully from `ip` before."""
    return bool(ip) and AccessLog.objects.filter(username=email, ip_address=ip).exists()


def account_failures(email: str) -> int:
    """Failed sign-ins on the account from every IP within LOGIN_ACCOUNT_WINDOW."""
    since = timezone.now() - settings.LOGIN_ACCOUNT_WINDOW
    total = AccessAttempt.objects.filter(username=email, attempt_time__gte=since).aggregate(n=Sum("failures_since_start"))
    return total["n"] or 0


def account_delay(email: str, ip: str | None) -> float:
    """Seconds to wait before checking this password: doubles per failure past the limit, capped in seconds; 0 from a
    known address."""
    extra = account_failures(email) - settings.AXES_FAILURE_LIMIT
    if extra < 0 or is_known_address(email, ip):
        return 0.0
    return min(settings.LOGIN_ACCOUNT_DELAY_BASE * (2 ** min(extra, 16)), settings.LOGIN_ACCOUNT_DELAY_MAX)


def clear_account_locks(email: str) -> int:
    """Forget every failed attempt on the account (from every IP); returns how many attempt rows were removed."""
    return reset(username=email)
