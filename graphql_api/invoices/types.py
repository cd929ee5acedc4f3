from __future__ import annotations

from datetime import datetime

import strawberry_django
from django.urls import reverse
from strawberry import Info, relay

from marketplace.invoices.models import Invoice
from marketplace.invoices.services import pdf_link_token
from marketplace.visibility import visible_invoices

from ..money import Money
from ..permissions import current_user
from ..visibility import guarded_by


@strawberry_django.type(Invoice, name="Invoice")
class InvoiceType(relay.Node):
    kind: str = strawberry_django.field(description="CUSTOMER_INVOICE (subtotal + tax = total) or PROVIDER_STATEMENT.")
    number: str
    issued_at: datetime
    platform_name: str
    platform_support_email: str

    get_queryset = guarded_by(visible_invoices)

    @strawberry_django.field(only=["job_id"])
    def job_id(self) -> relay.GlobalID:
        return relay.GlobalID("Job", str(self.job_id))

    @strawberry_django.field(only=["subtotal", "currency"])
    def subtotal(self) -> Money:
        return Money(amount=self.subtotal, currency=self.currency)

    @strawberry_django.field(only=["tax", "currency"])
    def tax(self) -> Money:
        return Money(amount=self.tax, currency=self.currency)

    @strawberry_django.field(only=["commission", "currency"])
    def commission(self) -> Money:
        return Money(amount=self.commission, currency=self.currency)

    @strawberry_django.field(only=["total", "currency"], description="Invoice: what the customer paid. Statement: the provider's net.")
    def total(self) -> Money:
        return Money(amount=self.total, currency=self.currency)

    @strawberry_django.field(description="A signed download link for the PDF, valid for a few minutes, for the signed-in viewer only.")
    def pdf_url(self, info: Info) -> str:
        return info.context.request.build_absolute_uri(reverse("invoice-pdf", args=[pdf_link_token(self, current_user(info))]))
