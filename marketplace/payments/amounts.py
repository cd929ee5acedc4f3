"""Money arithmetic in integer minor units with explicit half-up rounding; the parts always add up exactly.

tax = round(subtotal × tax rate), commission = round(subtotal × commission rate), provider net = subtotal − commission,
the customer pays subtotal + tax. Rates are basis points (2000 = 20%).
"""

from __future__ import annotations

from dataclasses import dataclass


def share(amount: int, bps: int) -> int:
    """round_half_up(amount × bps / 10 000) for amount ≥ 0, in integers only."""
    if amount < 0 or bps < 0:
        raise ValueError("amounts and rates are non-negative")
    return (2 * amount * bps + 10_000) // 20_000


@dataclass(frozen=True)
class Breakdown:
    """How an amount of held money divides: subtotal + tax, and the subtotal into commission + provider net."""

    subtotal: int
    tax: int
    commission: int

    @property
    def provider_net(self) -> int:
        return self.subtotal - self.commission

    @property
    def total(self) -> int:
        return self.subtotal + self.tax


def price(subtotal: int, *, tax_rate_bps: int, commission_rate_bps: int) -> Breakdown:
    return Breakdown(subtotal=subtotal, tax=share(subtotal, tax_rate_bps), commission=share(subtotal, commission_rate_bps))


def allocate(held: int, *, subtotal: int, tax: int, commission_rate_bps: int) -> Breakdown:
    """Divide `held` (≤ subtotal + tax) in the proportions of the original price: all of it when nothing was
    refunded, otherwise tax in proportion (half-up) and the rest as subtotal."""
    total = subtotal + tax
    if not 0 <= held <= total:
        raise ValueError("held must be between 0 and the total paid")
    part_tax = tax if held == total else (2 * held * tax + total) // (2 * total)
    part_subtotal = held - part_tax
    return Breakdown(subtotal=part_subtotal, tax=part_tax, commission=share(part_subtotal, commission_rate_bps))


def split(held: Breakdown, *, provider_share_percent: int, commission_rate_bps: int) -> tuple[Breakdown, int]:
    """A dispute split: the provider's share of the subtotal is released (with its tax and the commission on it);
    the remainder is refunded. Returns (released, refunded); released.total + refunded == held.total."""
    bps = provider_share_percent * 100
    released_subtotal, released_tax = share(held.subtotal, bps), share(held.tax, bps)
    released = Breakdown(subtotal=released_subtotal, tax=released_tax, commission=share(released_subtotal, commission_rate_bps))
    return released, held.total - released.total
