from __future__ import annotations

from datetime import datetime

import strawberry
import strawberry_django
from strawberry import Info, relay

from marketplace.chat.services import unread_count, unread_messages
from marketplace.jobs.models import Dispute, Job, JobTransition
from marketplace.reviews.models import Review
from marketplace.visibility import visible_job_parts, visible_jobs, visible_reviews

from ..money import Money
from ..permissions import current_user
from ..providers.types import ProviderPublicProfileType, providers_with_profiles
from ..requests.types import ServiceRequestType
from ..visibility import guarded_by


@strawberry_django.type(JobTransition, name="JobTransition")
class JobTransitionType:
    get_queryset = guarded_by(visible_job_parts)

    from_status: str
    to_status: str
    note: str
    at: datetime

    @strawberry_django.field(
        select_related=["job"],
        only=["actor_id", "job__customer_id", "job__provider_id"],
        description="CUSTOMER, PROVIDER, ADMIN or PLATFORM (timers).",
    )
    def actor(self, root: JobTransition) -> str:
        job = root.job
        if root.actor_id is None:
            return "PLATFORM"
        return "CUSTOMER" if root.actor_id == job.customer_id else "PROVIDER" if root.actor_id == job.provider_id else "ADMIN"


@strawberry.type(name="DisputeAnalysis", description="The AI's neutral reading of a dispute: advice for admins, never acted on.")
class DisputeAnalysisType:
    summary: str
    suggested_resolution: str
    customer_share_percent: int | None
    rationale: str
    source: str
    analysed_at: datetime


@strawberry_django.type(Dispute, name="Dispute")
class DisputeType:
    get_queryset = guarded_by(visible_job_parts)

    reason: str
    opened_at: datetime
    resolution: str
    provider_share_percent: int | None
    resolution_note: str
    resolved_at: datetime | None

    @strawberry_django.field(description="Platform admins only; null for everyone else and until the analysis is ready.")
    def analysis(self, info: Info) -> DisputeAnalysisType | None:
        viewer = current_user(info)
        if viewer is None or not viewer.is_platform_admin or self.analysed_at is None:
            return None
        return DisputeAnalysisType(
            summary=self.analysis_summary,
            suggested_resolution=self.analysis_suggestion,
            customer_share_percent=self.analysis_customer_share_percent,
            rationale=self.analysis_rationale,
            source=self.analysis_source,
            analysed_at=self.analysed_at,
        )


@strawberry_django.type(Review, name="Review")
class ReviewType(relay.Node):
    get_queryset = guarded_by(visible_reviews)

    rating: int
    comment: str
    created_at: datetime

    @strawberry_django.field(select_related=["author"], only=["author__first_name", "author__last_name", "author__email"])
    def author_name(self) -> str:
        return self.author.get_full_name()

    @strawberry_django.field(only=["author_id", "job_id"], description="CUSTOMER or PROVIDER: which side wrote it.")
    def author_role(self) -> str:
        return self.author.role


@strawberry_django.type(Job, name="Job")
class JobType(relay.Node):
    status: str
    created_at: datetime
    payment_due_at: datetime
    paid_at: datetime | None
    started_at: datetime | None
    delivered_at: datetime | None
    auto_release_at: datetime | None
    completed_at: datetime | None
    cancelled_at: datetime | None
    cancellation_reason: str
    request: ServiceRequestType
    transitions: list[JobTransitionType]
    reviews: list[ReviewType]

    get_queryset = guarded_by(visible_jobs)

    @strawberry_django.field(only=["amount", "currency"], description="The subtotal agreed (tax is added at payment).")
    def amount(self) -> Money:
        return Money(amount=self.amount, currency=self.currency)

    @strawberry_django.field(prefetch_related=[providers_with_profiles], only=["provider_id"])
    def provider(self) -> ProviderPublicProfileType:
        return self.provider.provider_profile

    @strawberry_django.field(select_related=["customer"], only=["customer__first_name", "customer__last_name", "customer__email"])
    def customer_name(self) -> str:
        return self.customer.get_full_name()

    @strawberry_django.field(select_related=["dispute"])
    def dispute(self) -> DisputeType | None:
        return getattr(self, "dispute", None)

    @strawberry_django.field(prefetch_related=["reviews"], description="Whether the signed-in user has reviewed this job.")
    def reviewed_by_me(self, info: Info, root: Job) -> bool:
        viewer = current_user(info)
        return viewer is not None and any(review.author_id == viewer.pk for review in root.reviews.all())

    @strawberry_django.field(
        annotate={"viewer_unread_messages": lambda info: unread_messages(current_user(info))},
        description="Chat messages from the other party the signed-in user has not read yet.",
    )
    def unread_message_count(self, info: Info, root: Job) -> int:
        counted = getattr(root, "viewer_unread_messages", None)  # annotated in lists; a single job asks directly
        return counted if counted is not None else unread_count(root.pk, current_user(info))


__all__ = ["DisputeAnalysisType", "DisputeType", "JobTransitionType", "JobType", "ReviewType"]
