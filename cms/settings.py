"""The platform's terms for the marketplace and payments code: one call, integer money math."""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Site

from cms.models import PlatformSettings

BASIS_POINTS = 10_000


@dataclass(frozen=True)
class PlatformTerms:
    """A snapshot of a site's money and operations settings. Amounts are integer minor units."""

    currency_code: str
    currency_symbol: str
    commission_rate_bps: int
    tax_rate_bps: int
    auto_release_hours: int
    payment_expiry_minutes: int
    maintenance_mode: bool
    maintenance_message: str

    def commission_on(self, subtotal: int) -> int:
        """round(subtotal * commission rate), halves rounded up; the provider's net is subtotal - this."""
        return apply_rate(subtotal, self.commission_rate_bps)

    def tax_on(self, subtotal: int) -> int:
        """round(subtotal * tax rate), halves rounded up; the customer pays subtotal + this."""
        return apply_rate(subtotal, self.tax_rate_bps)


def apply_rate(amount: int, rate_bps: int) -> int:
    """`amount * rate_bps / 10 000` rounded half up, in integers only (no floats anywhere near money)."""
    if amount < 0 or rate_bps < 0:
        raise ValueError("amount and rate must not be negative")
    return (amount * rate_bps + BASIS_POINTS // 2) // BASIS_POINTS


def platform_settings(site: Site | None = None) -> PlatformTerms:
    """The terms of `site`, or of the default site when there is no request at hand (tasks, webhooks, commands).

    With no site at all (an empty database), the model defaults apply: 20% commission, no tax.
    """
    site = site or Site.objects.filter(is_default_site=True).first()
    values = PlatformSettings.for_site(site) if site is not None else PlatformSettings()
    return PlatformTerms(
        currency_code=values.currency_code,
        currency_symbol=values.currency_symbol,
        commission_rate_bps=values.commission_rate_bps,
        tax_rate_bps=values.tax_rate_bps,
        auto_release_hours=values.auto_release_hours,
        payment_expiry_minutes=values.payment_expiry_minutes,
        maintenance_mode=values.maintenance_mode,
        maintenance_message=values.maintenance_message,
    )
