from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
import strawberry_django
from strawberry import relay

from marketplace.bids.models import Bid
from marketplace.visibility import visible_bids

from ..money import Money
from ..providers.types import ProviderPublicProfileType, providers_with_profiles
from ..visibility import guarded_by


@strawberry_django.type(Bid, name="Bid")
class BidType(relay.Node):
    message: str
    estimated_hours: int | None
    status: str
    created_at: datetime
    updated_at: datetime

    get_queryset = guarded_by(visible_bids)

    @strawberry_django.field(only=["amount", "currency"])
    def amount(self) -> Money:
        return Money(amount=self.amount, currency=self.currency)

    @strawberry_django.field(prefetch_related=[providers_with_profiles], only=["provider_id"])
    def provider(self) -> ProviderPublicProfileType:
        return self.provider.provider_profile

    @strawberry_django.field(description="The bidder's match score 0-100 for the request's customer.")
    def match_score(self) -> int | None:
        score = getattr(self, "match_score", None)
        return None if score is None else max(0, min(100, round(score)))

    @strawberry_django.field(select_related=["request"])
    def request(self) -> Annotated["ServiceRequestType", strawberry.lazy("graphql_api.requests.types")]:  # noqa: F821, UP037
        return self.request
