from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay

from marketplace.bids import services
from marketplace.jobs import acceptance

from ..errors import FieldError, attempt
from ..ids import decode
from ..jobs.types import JobType
from ..permissions import IsCustomer, IsProvider, require_user
from ..throttle import throttle
from .types import BidType


@strawberry.type
class BidPayload:
    bid: BidType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class JobPayload:
    job: JobType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class BidMutation:
    @strawberry_django.mutation(extensions=[IsProvider()])
    def place_bid(
        self, info: Info, request_id: relay.GlobalID, amount: int, message: str = "", estimated_hours: int | None = None
    ) -> BidPayload:
        provider = require_user(info)
        return attempt(
            BidPayload,
            lambda: (
                throttle(info, "bid", field="amount")
                or BidPayload(
                    bid=services.place_bid(
                        provider, decode(request_id, "ServiceRequest"), amount=amount, message=message, estimated_hours=estimated_hours
                    )
                )
            ),
        )

    @strawberry_django.mutation(extensions=[IsProvider()])
    def update_bid(
        self, info: Info, bid_id: relay.GlobalID, amount: int | None = None, message: str | None = None, estimated_hours: int | None = None
    ) -> BidPayload:
        provider = require_user(info)
        return attempt(
            BidPayload,
            lambda: (
                throttle(info, "bid", field="amount")
                or BidPayload(
                    bid=services.update_bid(
                        provider, decode(bid_id, "Bid"), amount=amount, message=message, estimated_hours=estimated_hours
                    )
                )
            ),
        )

    @strawberry_django.mutation(extensions=[IsProvider()])
    def withdraw_bid(self, info: Info, bid_id: relay.GlobalID) -> BidPayload:
        provider = require_user(info)
        return attempt(BidPayload, lambda: BidPayload(bid=services.withdraw_bid(provider, decode(bid_id, "Bid"))))

    @strawberry_django.mutation(extensions=[IsCustomer()])
    def accept_bid(self, info: Info, bid_id: relay.GlobalID) -> JobPayload:
        """Creates the job in PENDING_PAYMENT at the bid's amount and declines every other bid."""
        customer = require_user(info)
        return attempt(JobPayload, lambda: JobPayload(job=acceptance.accept_bid(customer, decode(bid_id, "Bid"))))

    @strawberry_django.mutation(extensions=[IsProvider()])
    def respond_to_offer(self, info: Info, request_id: relay.GlobalID, accept: bool) -> JobPayload:
        """Take (first provider wins) or decline a FIXED_OFFER request. Declining returns no job."""
        provider = require_user(info)
        return attempt(
            JobPayload, lambda: JobPayload(job=acceptance.respond_to_offer(provider, decode(request_id, "ServiceRequest"), accept=accept))
        )
