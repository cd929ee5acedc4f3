"""Money on the wire: integer minor units with an ISO currency, like Stripe (`{amount: 80000, currency: "pkr"}`)."""

from __future__ import annotations

import strawberry


@strawberry.type(description="An amount in minor units (e.g. cents) of an ISO 4217 currency (lower case).")
class Money:
    amount: int
    currency: str


def money(amount: int | None, currency: str) -> Money | None:
    return None if amount is None else Money(amount=amount, currency=currency)
