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


def platform_details() -> dict[str, str]:
    """Name and support address printed on invoices (the default site's branding)."""
    from wagtail.models import Site

    from cms.models import BrandingSettings

    site = Site.objects.filter(is_default_site=True).first()
    branding = BrandingSettings.for_site(site) if site is not None else BrandingSettings()
    return {"name": branding.platform_name, "support_email": branding.support_email}
