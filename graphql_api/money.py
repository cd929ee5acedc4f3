"""Money on the wire: integer minor units and an ISO currency, like Stripe (`{amount: 80000, currency: "PKR"}`)."""

from __future__ import annotations

import strawberry


@strawberry.type(description="An amount in minor units (cents, paisa) of an ISO 4217 currency.")
class Money:
    amount: int
    currency: str
