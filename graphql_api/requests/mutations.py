from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay
from strawberry.file_uploads import Upload

from marketplace.service_requests import services

from ..errors import FieldError, attempt
from ..ids import decode
from ..permissions import IsCustomer, require_user
from .types import ServiceRequestChanges, ServiceRequestInput, ServiceRequestType


@strawberry.type
class ServiceRequestPayload:
    service_request: ServiceRequestType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class ServiceRequestMutation:
    @strawberry_django.mutation(extensions=[IsCustomer()])
    def create_service_request(self, info: Info, input: ServiceRequestInput, photos: list[Upload] | None = None) -> ServiceRequestPayload:
        customer = require_user(info)
        fields = strawberry.asdict(input)
        return attempt(
            ServiceRequestPayload,
            lambda: ServiceRequestPayload(service_request=services.create_request(customer, photos=photos or [], **fields)),
        )

    @strawberry_django.mutation(extensions=[IsCustomer()])
    def update_service_request(self, info: Info, id: relay.GlobalID, changes: ServiceRequestChanges) -> ServiceRequestPayload:
        customer = require_user(info)
        values = {k: (services.UNSET if v is strawberry.UNSET else v) for k, v in vars(changes).items()}
        return attempt(
            ServiceRequestPayload,
            lambda: ServiceRequestPayload(service_request=services.update_request(customer, decode(id, "ServiceRequest"), **values)),
        )

    @strawberry_django.mutation(extensions=[IsCustomer()])
    def cancel_service_request(self, info: Info, id: relay.GlobalID) -> ServiceRequestPayload:
        customer = require_user(info)
        return attempt(
            ServiceRequestPayload,
            lambda: ServiceRequestPayload(service_request=services.cancel_request(customer, decode(id, "ServiceRequest"))),
        )
