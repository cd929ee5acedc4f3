"""The platform's money and timing terms as the domain sees them: the default site's settings in the CMS."""

from __future__ import annotations

from datetime import timedelta

from cms.settings import PlatformTerms, platform_settings


def terms() -> PlatformTerms:
    return platform_settings()


def currency() -> str:
    """ISO 4217 code in lower case, as Stripe and our Money type use it."""
    return terms().currency_code.lower()


def payment_expiry() -> timedelta:
    return timedelta(minutes=terms().payment_expiry_minutes)


def auto_release_after() -> timedelta:
    return timedelta(hours=terms().auto_release_hours)
