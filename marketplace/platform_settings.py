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


def commission_rate_bps() -> int:
    """The platform's commission in basis points of the subtotal (2000 = 20%)."""
    return settings.COMMISSION_RATE_BPS


def tax_rate_bps() -> int:
    """Tax in basis points of the subtotal, added to what the customer pays."""
    return settings.TAX_RATE_BPS


def platform_details() -> dict[str, str]:
    """Name and support address printed on invoices."""
    return {"name": settings.PLATFORM_NAME, "support_email": settings.PLATFORM_SUPPORT_EMAIL}
