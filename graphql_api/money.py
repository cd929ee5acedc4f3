"""The one Money type of the API: integer minor units and a lower-case ISO currency code."""

from __future__ import annotations

import strawberry


@strawberry.type(description='An amount in minor units of an ISO currency, like Stripe: {amount: 80000, currency: "pkr"} is PKR 800.00.')
class Money:
    amount: int
    currency: str
