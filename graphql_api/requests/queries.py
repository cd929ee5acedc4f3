from __future__ import annotations

import strawberry
import strawberry_django
from django.db.models import Q
from strawberry import Info, relay
from strawberry_django.relay import DjangoListConnection

from marketplace.matching import open_requests_for
from marketplace.service_requests.models import ServiceRequest
from marketplace.visibility import visible_requests

from ..ids import decode
from ..permissions import IsApprovedProvider, IsSignedIn, current_user
from .types import ServiceRequestType


@strawberry.type
class ServiceRequestQuery:
    @strawberry_django.connection(DjangoListConnection[ServiceRequestType], extensions=[IsSignedIn()])
    def service_requests(self, info: Info, status: str | None = None) -> list[ServiceRequest]:
        """Customers: their requests. Providers: requests they bid on or hold a job for. Admins: all. Newest first."""
        viewer = current_user(info)
        if viewer.role == "PROVIDER":
            involved = ServiceRequest.objects.filter(Q(bids__provider=viewer) | Q(jobs__provider=viewer)).values("pk")
            queryset = ServiceRequest.objects.filter(pk__in=involved)
        else:
            queryset = visible_requests(ServiceRequest.objects.all(), viewer)
        if status:
            queryset = queryset.filter(status=status)
        return queryset.order_by("-created_at", "-id")

    @strawberry_django.field(extensions=[IsSignedIn()])
    def service_request(self, info: Info, id: relay.GlobalID) -> ServiceRequestType | None:
        return visible_requests(ServiceRequest.objects.all(), current_user(info)).filter(pk=decode(id, "ServiceRequest")).first()

    @strawberry_django.connection(DjangoListConnection[ServiceRequestType], extensions=[IsApprovedProvider()])
    def open_requests(self, info: Info) -> list[ServiceRequest]:
        """The provider's live feed: open requests in their categories and area, best match first."""
        return open_requests_for(current_user(info).provider_profile)
