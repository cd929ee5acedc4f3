from __future__ import annotations

from collections.abc import AsyncGenerator
from enum import Enum
from functools import partial

import strawberry
from strawberry import Info, relay

from marketplace.accounts.models import User
from marketplace.bids.models import Bid
from marketplace.errors import NotAuthenticated, NotFound
from marketplace.matching import rank_bids
from marketplace.service_requests.models import ServiceRequest
from marketplace.visibility import can_see_bid, visible_requests
from realtime.events import request_group

from ..ids import decode
from ..live import fresh_viewer, in_thread, listen, shared_reads, subscribed_tokens
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


def _bid_and_subscribers(bid_id: int) -> tuple[Bid | None, dict[int, User]]:
    """One read per event for the whole process: the bid (with what `Bid` fields read) and every subscribed token
        that is still usable, with its user. Each subscriber then applies `can_see_bid` for itself. The bid carries its
    `matchScore` as the request's bid list ranks it (the same for every viewer, so it is computed once here)."""
    bid = rank_bids(Bid.objects.select_related("request", "provider__provider_profile").filter(pk=bid_id)).first()
    return bid, subscribed_tokens.usable_users()


@strawberry.type
class BidSubscription:
    @strawberry.subscription(
        description="Bids placed, updated, withdrawn, accepted or declined on one request. The request's customer and "
        "admins receive every bid; a provider only its own."
    )
    async def bid_events(self, info: Info, request_id: relay.GlobalID) -> AsyncGenerator[BidEvent, None]:
        pk = decode(request_id, "ServiceRequest")
        with subscribed_tokens.holding(info) as token_id:
            async with listen(info, request_group(pk)) as events:
                await in_thread(_check_request, info, pk)
                async for event in events:
                    if not event["event"].startswith("bid."):
                        continue
                    bid, users = await shared_reads.get(event, partial(_bid_and_subscribers, event["payload"]["bid_id"]))
                    viewer = users.get(token_id)
                    if viewer is None:
                        raise NotAuthenticated("Your session ended; sign in again.")
                    if bid is not None and can_see_bid(bid, viewer):
                        yield BidEvent(kind=BidEventKind(event["payload"]["kind"]), bid=bid)
