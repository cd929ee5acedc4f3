from __future__ import annotations

from datetime import datetime

import strawberry
import strawberry_django

from marketplace.payments.models import Payment
from marketplace.visibility import visible_payments

from ..money import Money
from ..visibility import guarded_by


@strawberry.type(description="The active payment gateway. `live: false` means the offline gateway: no real money moves.")
class PaymentGateway:
    name: str
    live: bool
    publishable_key: str


@strawberry_django.type(Payment, name="JobPayment")
class JobPaymentType:
    get_queryset = guarded_by(visible_payments)

    status: str = strawberry_django.field(description="REQUIRES_PAYMENT, FAILED (try again) or SUCCEEDED.")
    gateway: str
    client_secret: str = strawberry_django.field(description="Stripe: confirm the PaymentIntent with this. Empty offline.")
    last_error: str
    created_at: datetime
    succeeded_at: datetime | None

    @strawberry_django.field(only=["subtotal", "currency"], description="The job's agreed price.")
    def subtotal(self) -> Money:
        return Money(amount=self.subtotal, currency=self.currency)

    @strawberry_django.field(only=["tax", "currency"])
    def tax(self) -> Money:
        return Money(amount=self.tax, currency=self.currency)

    @strawberry_django.field(only=["total", "currency"], description="What the customer pays: subtotal + tax.")
    def total(self) -> Money:
        return Money(amount=self.total, currency=self.currency)
