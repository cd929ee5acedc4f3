"""Who sees which rows: the one door every read goes through.

Each readable model has exactly one rule here: `rule(queryset, viewer) -> queryset` keeps the rows `viewer` (a signed-in,
active user, or None) may see. Every `node(id)`, root list and nested field filters through these rules (the GraphQL types
declare theirs with `graphql_api.visibility.guarded_by`), and the schema refuses to build when a model-backed type has none.
What is not listed is denied: `visible(queryset, viewer)` for a model without a rule returns no rows.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Model, Q, QuerySet

from marketplace.accounts.models import Role, User
from marketplace.jobs.models import Job, JobStatus
from marketplace.service_requests.models import RequestStatus, ServiceRequest

Rule = Callable[[QuerySet, "User | None"], QuerySet]


def is_platform_admin(viewer: User | None) -> bool:
    """The single "platform admin" test every rule uses (one place to change it)."""
    return viewer is not None and viewer.is_active and viewer.is_platform_admin


def _signed_in(viewer: User | None) -> bool:
    return viewer is not None and viewer.is_active


def nobody(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Default deny."""
    return queryset.none()


def platform_admins_only(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Audit entries, AI keys and AI calls: platform admins only, by every path."""
    return queryset if is_platform_admin(viewer) else queryset.none()


def visible_users(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """A user sees their own account; platform admins see every account. Nobody else reads email, phone or role."""
    if not _signed_in(viewer):
        return queryset.none()
    return queryset if is_platform_admin(viewer) else queryset.filter(pk=viewer.pk)


def visible_public_profiles(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Public provider profiles: any signed-in user sees approved, active providers; a provider also sees its own."""
    if not _signed_in(viewer):
        return queryset.none()
    if is_platform_admin(viewer):
        return queryset
    return queryset.filter(Q(status="APPROVED", user__is_active=True) | Q(user=viewer))


def visible_private_profiles(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """A provider's verification record (status, email, rejection reason, coordinates, documents): the provider and
    platform admins only."""
    if not _signed_in(viewer):
        return queryset.none()
    return queryset if is_platform_admin(viewer) else queryset.filter(user=viewer)


def visible_provider_documents(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Identity documents: the provider who uploaded them and platform admins only."""
    if not _signed_in(viewer):
        return queryset.none()
    return queryset if is_platform_admin(viewer) else queryset.filter(profile__user=viewer)


def visible_categories(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Service categories: live and active ones, for everyone (drafts and archived ones stay in the CMS)."""
    return queryset.filter(live=True, is_active=True)


def visible_requests(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Customers: their own. Providers: open requests in their categories (if approved), and those they bid on or
    hold a job for. Admins: all."""
    if not _signed_in(viewer):
        return queryset.none()
    if is_platform_admin(viewer):
        return queryset
    if viewer.role == Role.CUSTOMER:
        return queryset.filter(customer=viewer)
    if viewer.role == Role.PROVIDER:
        involved = Q(bids__provider=viewer) | Q(jobs__provider=viewer)
        profile = getattr(viewer, "provider_profile", None)
        if profile is not None and profile.is_approved:
            involved |= Q(status=RequestStatus.OPEN, category__in=profile.categories.all())
        return queryset.filter(pk__in=ServiceRequest.objects.filter(involved).values("pk"))
    return queryset.none()


def visible_request_photos(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Photos of the requests the viewer may see."""
    return queryset.filter(request__in=visible_requests(ServiceRequest.objects.all(), viewer).values("pk"))


def visible_bids(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """The request's customer and admins see every bid; a provider sees only its own (never a rival's amount)."""
    if not _signed_in(viewer):
        return queryset.none()
    if is_platform_admin(viewer):
        return queryset
    if viewer.role == Role.CUSTOMER:
        return queryset.filter(request__customer=viewer)
    if viewer.role == Role.PROVIDER:
        return queryset.filter(provider=viewer)
    return queryset.none()


def can_see_bid(bid, viewer: User | None) -> bool:
    """`visible_bids` for one loaded bid (with its request): the same rule, without a query."""
    if not _signed_in(viewer):
        return False
    if is_platform_admin(viewer):
        return True
    if viewer.role == Role.CUSTOMER:
        return bid.request.customer_id == viewer.pk
    if viewer.role == Role.PROVIDER:
        return bid.provider_id == viewer.pk
    return False


def visible_jobs(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """A job's customer, its provider and admins."""
    if not _signed_in(viewer):
        return queryset.none()
    if is_platform_admin(viewer):
        return queryset
    return queryset.filter(Q(customer=viewer) | Q(provider=viewer))


def _of_visible_jobs(queryset: QuerySet, viewer: User | None, path: str = "job") -> QuerySet:
    if not _signed_in(viewer):
        return queryset.none()
    if is_platform_admin(viewer):
        return queryset
    return queryset.filter(**{f"{path}__in": visible_jobs(Job.objects.all(), viewer).values("pk")})


def visible_job_parts(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """A job's transitions, dispute and chat messages: the job's customer, its provider and admins."""
    return _of_visible_jobs(queryset, viewer)


def visible_payments(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """A job's payment (with its client secret): the paying customer and admins, never the provider."""
    if not _signed_in(viewer):
        return queryset.none()
    return queryset if is_platform_admin(viewer) else queryset.filter(job__customer=viewer)


def visible_reviews(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Reviews of approved providers are public to signed-in users; any other review (of a customer, or of a provider
    not approved) only to the job's parties and admins."""
    if not _signed_in(viewer):
        return queryset.none()
    if is_platform_admin(viewer):
        return queryset
    public = Q(subject__role=Role.PROVIDER, subject__provider_profile__status="APPROVED", subject__is_active=True)
    return queryset.filter(public | Q(job__customer=viewer) | Q(job__provider=viewer))


def visible_notifications(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Each user sees only their own notifications (admins included)."""
    return queryset.filter(user=viewer) if _signed_in(viewer) else queryset.none()


def visible_invoices(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Each recipient sees their own; admins see all."""
    if not _signed_in(viewer):
        return queryset.none()
    return queryset if is_platform_admin(viewer) else queryset.filter(recipient=viewer)


def can_see_address(request: ServiceRequest, viewer: User | None, jobs: list[Job]) -> bool:
    """The address (and exact coordinates) go to the customer, admins, and the provider holding a live job."""
    if viewer is None:
        return False
    if is_platform_admin(viewer) or request.customer_id == viewer.pk:
        return True
    return any(job.provider_id == viewer.pk and job.status != JobStatus.CANCELLED for job in jobs)


def visible(queryset: QuerySet, viewer: User | None, rule: Rule | None = None) -> QuerySet:
    """`queryset` filtered by `rule` (or the model's registered rule); no rows when there is none (default deny)."""
    rule = rule or RULES.get(queryset.model, nobody)
    return rule(queryset, viewer)


def _rules() -> dict[type[Model], Rule]:
    from cms.models import ServiceCategory
    from marketplace.ai.models import AiCall, GeminiKey
    from marketplace.audit.models import AuditEntry
    from marketplace.bids.models import Bid
    from marketplace.chat.models import Message
    from marketplace.invoices.models import Invoice
    from marketplace.jobs.models import Dispute, JobTransition
    from marketplace.notifications.models import Notification
    from marketplace.payments.models import Payment
    from marketplace.providers.models import ProviderDocument, ProviderProfile
    from marketplace.reviews.models import Review
    from marketplace.service_requests.models import RequestPhoto

    return {
        User: visible_users,
        ProviderProfile: visible_public_profiles,
        ProviderDocument: visible_provider_documents,
        AuditEntry: platform_admins_only,
        GeminiKey: platform_admins_only,
        AiCall: platform_admins_only,
        ServiceCategory: visible_categories,
        ServiceRequest: visible_requests,
        RequestPhoto: visible_request_photos,
        Bid: visible_bids,
        Job: visible_jobs,
        JobTransition: visible_job_parts,
        Dispute: visible_job_parts,
        Message: visible_job_parts,
        Payment: visible_payments,
        Review: visible_reviews,
        Notification: visible_notifications,
        Invoice: visible_invoices,
    }


class _LazyRules(dict):
    """The model → default rule map, built on first use (models load after this module)."""

    def _load(self):
        if not super().__len__():
            self.update(_rules())

    def get(self, key, default=None):
        self._load()
        return super().get(key, default)

    def __contains__(self, key):
        self._load()
        return super().__contains__(key)


RULES: dict[type[Model], Rule] = _LazyRules()


__all__ = [
    "RULES",
    "can_see_address",
    "can_see_bid",
    "is_platform_admin",
    "platform_admins_only",
    "visible",
    "visible_bids",
    "visible_categories",
    "visible_invoices",
    "visible_job_parts",
    "visible_jobs",
    "visible_notifications",
    "visible_payments",
    "visible_private_profiles",
    "visible_provider_documents",
    "visible_public_profiles",
    "visible_request_photos",
    "visible_requests",
    "visible_reviews",
    "visible_users",
]
