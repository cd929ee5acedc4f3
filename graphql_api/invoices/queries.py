from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay
from strawberry_django.relay import DjangoListConnection

from marketplace.invoices.models import Invoice
from marketplace.invoices.services import visible_invoices

from ..ids import decode
from ..permissions import IsSignedIn, current_user
from .types import InvoiceType


@strawberry.type
class InvoiceQuery:
    @strawberry_django.connection(DjangoListConnection[InvoiceType], extensions=[IsSignedIn()])
    def invoices(self, info: Info) -> list[Invoice]:
        """The signed-in user's invoices (customers) or statements (providers); all for admins. Newest first."""
        return visible_invoices(Invoice.objects.all(), current_user(info)).order_by("-issued_at", "-id")

    @strawberry_django.field(extensions=[IsSignedIn()])
    def invoice(self, info: Info, id: relay.GlobalID) -> InvoiceType | None:
        return visible_invoices(Invoice.objects.all(), current_user(info)).filter(pk=decode(id, "Invoice")).first()
