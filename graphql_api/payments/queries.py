from __future__ import annotations

import strawberry

from marketplace.payments.gateways import active_gateway

from .types import PaymentGateway


@strawberry.type
class PaymentQuery:
    @strawberry.field(description="Which gateway takes payments; clients show a warning when `live` is false.")
    def payment_gateway(self) -> PaymentGateway:
        gateway = active_gateway()
        return PaymentGateway(name=gateway.name, live=gateway.live, publishable_key=gateway.publishable_key)
