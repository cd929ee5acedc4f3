from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry import Info

from marketplace.errors import NotAllowed
from marketplace.matching import open_requests_for
from marketplace.service_requests.models import ServiceRequest
from realtime.events import feed_group

from ..live import fresh_viewer, in_thread, listen
from .types import ServiceRequestType


def _feed_categories(info: Info) -> list[int]:
    """The categories whose feed groups an approved provider joins; NotAllowed for anyone else."""
    viewer = fresh_viewer(info)
    profile = getattr(viewer, "provider_profile", None) if viewer.role == "PROVIDER" else None
    if profile is None or not profile.is_approved:
        raise NotAllowed("Only approved providers can do this.")
    return list(profile.categories.values_list("pk", flat=True))


def _matching_request(info: Info, request_id: int) -> ServiceRequest | None:
    """The request as the viewer's feed shows it (with `match_score`), or None when it is not (or no longer) in the
    viewer's feed: another area, a category the provider dropped, taken already, or the provider lost approval."""
    viewer = fresh_viewer(info)
    profile = getattr(viewer, "provider_profile", None)
    if profile is None or not profile.is_approved:
        raise NotAllowed("Only approved providers can do this.")
    return open_requests_for(profile).select_related("category").filter(pk=request_id).first()


@strawberry.type
class ServiceRequestSubscription:
    @strawberry.subscription(
        description="The provider's live feed: each request that opens in one of the provider's categories and area, "
        "as `openRequests` would list it (with `matchScore`). Approved providers only. Categories are read when "
        "subscribing; subscribe again after changing them."
    )
    async def open_request_feed(self, info: Info) -> AsyncGenerator[ServiceRequestType, None]:
        category_ids = await in_thread(_feed_categories, info)
        if not category_ids:
            return
        async with listen(info, *(feed_group(pk) for pk in category_ids)) as events:
            async for event in events:
                request = await in_thread(_matching_request, info, event["payload"]["request_id"])
                if request is not None:
                    yield request
