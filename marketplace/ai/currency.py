"""The site currency and conversions to its minor units (like Stripe: amount 80000 + "pkr" is PKR 800.00)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from marketplace import platform_settings

# ISO 4217 currencies without a minor unit (Stripe's zero-decimal list, abridged to the ones it settles).
ZERO_DECIMAL = {"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"}


def platform_currency() -> str:
    """The lower-case ISO code the platform prices in (the CMS platform settings)."""
    return platform_settings.currency()


def to_minor_units(major: float | Decimal, currency: str) -> int:
    factor = 1 if currency.lower() in ZERO_DECIMAL else 100
    return int((Decimal(str(major)) * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def to_major_units(minor: int, currency: str) -> Decimal:
    factor = 1 if currency.lower() in ZERO_DECIMAL else 100
    return Decimal(minor) / factor
