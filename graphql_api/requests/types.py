from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
import strawberry_django
from django.db.models import Count, Prefetch, Q
from strawberry import Info, relay

from marketplace.bids.models import Bid, BidStatus
from marketplace.jobs.models import Job, JobStatus
from marketplace.matching import rank_bids
from marketplace.service_requests.models import RequestPhoto, ServiceRequest
from marketplace.visibility import can_see_address, visible_bids, visible_jobs, visible_request_photos, visible_requests

from ..cms.types import ServiceCategoryType
from ..money import Money, money
from ..permissions import current_user
from ..visibility import guarded_by

if TYPE_CHECKING:
    from ..accounts.types import UserType
    from ..bids.types import BidType
    from ..jobs.types import JobType


@strawberry_django.type(RequestPhoto, name="RequestPhoto")
class RequestPhotoType:
    get_queryset = guarded_by(visible_request_photos)

    width: int
    height: int

    @strawberry_django.field(only=["image"])
    def url(self) -> str:
        return self.image.url


def _bids_prefetch(info: Info) -> Prefetch:
    viewer = current_user(info)
    return Prefetch(
        "bids", queryset=rank_bids(visible_bids(Bid.objects.select_related("provider__provider_profile"), viewer)), to_attr="visible_bids"
    )


def _jobs_prefetch(info: Info) -> Prefetch:
    return Prefetch("jobs", queryset=visible_jobs(Job.objects.all(), current_user(info)), to_attr="visible_jobs")


@strawberry_django.type(ServiceRequest, name="ServiceRequest")
class ServiceRequestType(relay.Node):
    title: str
    description: str
    urgency: str
    mode: str
    status: str
    city: str
    preferred_date: date | None
    created_at: datetime
    updated_at: datetime
    category: ServiceCategoryType
    photos: list[RequestPhotoType]

    get_queryset = guarded_by(visible_requests)

    @strawberry_django.field(only=["budget_amount", "currency"])
    def budget(self) -> Money | None:
        return money(self.budget_amount, self.currency)

    @strawberry_django.field(only=["offer_amount", "currency"], description="The fixed price of a FIXED_OFFER request.")
    def offer(self) -> Money | None:
        return money(self.offer_amount, self.currency)

    @strawberry_django.field(description="Match score 0-100 for the signed-in provider (only in `openRequests`).")
    def match_score(self) -> int | None:
        score = getattr(self, "match_score", None)
        return None if score is None else max(0, min(100, round(score)))

    @strawberry_django.field(select_related=["customer"], only=["customer__first_name", "customer__last_name"])
    def customer_name(self) -> str:
        """First name and last initial: enough to be polite, not enough to find someone."""
        first, last = self.customer.first_name, self.customer.last_name
        return f"{first} {last[:1]}.".strip() if last else (first or "Customer")

    @strawberry_django.field(
        select_related=["customer"],
        description="The customer's account: for admins (and the customer themself); null for providers.",
    )
    def customer(self, info: Info) -> Annotated[UserType, strawberry.lazy("graphql_api.accounts.types")] | None:
        viewer = current_user(info)
        if viewer is not None and (viewer.is_platform_admin or viewer.pk == self.customer_id):
            return self.customer
        return None

    @strawberry_django.field(
        prefetch_related=[_jobs_prefetch], only=["address", "customer_id"], description="Shown to a provider only once they hold the job."
    )
    def address(self, info: Info) -> str | None:
        return self.address if can_see_address(self, current_user(info), _jobs(self, info)) else None

    @strawberry_django.field(prefetch_related=[_jobs_prefetch], only=["latitude", "customer_id"])
    def latitude(self, info: Info) -> float | None:
        return self.latitude if can_see_address(self, current_user(info), _jobs(self, info)) else None

    @strawberry_django.field(prefetch_related=[_jobs_prefetch], only=["longitude", "customer_id"])
    def longitude(self, info: Info) -> float | None:
        return self.longitude if can_see_address(self, current_user(info), _jobs(self, info)) else None

    @strawberry_django.field(
        annotate={"live_bid_count": lambda info: Count("bids", filter=Q(bids__status__in=[BidStatus.PLACED, BidStatus.ACCEPTED]))},
        description="How many live bids the request has (amounts stay private).",
    )
    def bid_count(self, root: ServiceRequest) -> int:
        count = getattr(root, "live_bid_count", None)
        return count if count is not None else root.bids.filter(status__in=[BidStatus.PLACED, BidStatus.ACCEPTED]).count()

    @strawberry_django.field(
        prefetch_related=[_bids_prefetch],
        description="Bids the viewer may see, best match first: all of them for the customer and admins, only its own for a provider.",
    )
    def bids(self, info: Info) -> list[Annotated[BidType, strawberry.lazy("graphql_api.bids.types")]]:
        if hasattr(self, "visible_bids"):
            return self.visible_bids
        return list(
            rank_bids(visible_bids(Bid.objects.filter(request=self).select_related("provider__provider_profile"), current_user(info)))
        )

    @strawberry_django.field(prefetch_related=[_jobs_prefetch], description="The live job, for its parties and admins.")
    def job(self, info: Info) -> Annotated[JobType, strawberry.lazy("graphql_api.jobs.types")] | None:
        return next((job for job in _jobs(self, info) if job.status != JobStatus.CANCELLED), None)


def _jobs(request: ServiceRequest, info: Info) -> list[Job]:
    if hasattr(request, "visible_jobs"):
        return request.visible_jobs
    return list(visible_jobs(Job.objects.filter(request=request), current_user(info)))


@strawberry.input
class ServiceRequestInput:
    category_slug: str
    title: str
    description: str
    city: str
    urgency: str = "MEDIUM"
    mode: str = strawberry.field(default="BIDDING", description="BIDDING or FIXED_OFFER.")
    budget_amount: int | None = strawberry.field(default=None, description="Minor units.")
    offer_amount: int | None = strawberry.field(default=None, description="Minor units; required for FIXED_OFFER.")
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    preferred_date: date | None = None


@strawberry.input
class ServiceRequestChanges:
    category_slug: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    city: str | None = strawberry.UNSET
    urgency: str | None = strawberry.UNSET
    budget_amount: int | None = strawberry.UNSET
    offer_amount: int | None = strawberry.UNSET
    address: str | None = strawberry.UNSET
    latitude: float | None = strawberry.UNSET
    longitude: float | None = strawberry.UNSET
    preferred_date: date | None = strawberry.UNSET


__all__ = ["RequestPhotoType", "ServiceRequestChanges", "ServiceRequestInput", "ServiceRequestType"]
