"""The platform's money and timing settings as the domain sees them.

Values come from Django settings (environment); the CMS site settings override them once configured there.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings


def currency() -> str:
    return settings.PLATFORM_CURRENCY.lower()


def payment_expiry() -> timedelta:
    return timedelta(minutes=settings.PAYMENT_EXPIRY_MINUTES)


def auto_release_after() -> timedelta:
    return timedelta(hours=settings.AUTO_RELEASE_HOURS)
