from __future__ import annotations

from collections.abc import AsyncGenerator
from enum import Enum

import strawberry
from strawberry import Info, relay

from marketplace.bids.models import Bid
from marketplace.errors import NotFound
from marketplace.service_requests.models import ServiceRequest
from marketplace.visibility import visible_bids, visible_requests
from realtime.events import request_group

from ..ids import decode
from ..live import fresh_viewer, in_thread, listen
from .types import BidType


@strawberry.enum
class BidEventKind(Enum):
    PLACED = "placed"
    UPDATED = "updated"
    WITHDRAWN = "withdrawn"
    ACCEPTED = "accepted"
    DECLINED = "declined"


@strawberry.type(description="A bid changed on a request the viewer may see; `bid` is as the viewer may query it.")
class BidEvent:
    kind: BidEventKind
    bid: BidType


def _check_request(info: Info, request_id: int) -> None:
    if not visible_requests(ServiceRequest.objects.all(), fresh_viewer(info)).filter(pk=request_id).exists():
        raise NotFound("service request")


def _bid_for_viewer(info: Info, bid_id: int) -> Bid | None:
    """The bid if the viewer may see it now (a provider: only its own), loaded with what `Bid` fields read."""
    queryset = Bid.objects.select_related("request", "provider__provider_profile").filter(pk=bid_id)
    return visible_bids(queryset, fresh_viewer(info)).first()


@strawberry.type
class BidSubscription:
    @strawberry.subscription(
        description="Bids placed, updated, withdrawn, accepted or declined on one request. The request's customer and "
        "admins receive every bid; a provider only its own."
    )
    async def bid_events(self, info: Info, request_id: relay.GlobalID) -> AsyncGenerator[BidEvent, None]:
        pk = decode(request_id, "ServiceRequest")
        async with listen(info, request_group(pk)) as events:
            await in_thread(_check_request, info, pk)
            async for event in events:
                if not event["event"].startswith("bid."):
                    continue
                bid = await in_thread(_bid_for_viewer, info, event["payload"]["bid_id"])
                if bid is not None:
                    yield BidEvent(kind=BidEventKind(event["payload"]["kind"]), bid=bid)
