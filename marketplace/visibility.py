"""Who sees which rows. Every list, `node(id)` and nested field goes through these querysets."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from marketplace.accounts.models import Role, User
from marketplace.jobs.models import Job, JobStatus
from marketplace.service_requests.models import RequestStatus, ServiceRequest


def visible_users(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """A user's account (email, phone, suspension): the user themself and admins."""
    if viewer is None:
        return queryset.none()
    if viewer.is_platform_admin:
        return queryset
    return queryset.filter(pk=viewer.pk)


def visible_provider_profiles(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """The full provider profile (documents, exact location, earnings, disputes): its provider and admins.
    Everyone signed in sees the public profile (`ProviderProfile.objects.approved()`) instead."""
    if viewer is None:
        return queryset.none()
    if viewer.is_platform_admin:
        return queryset
    return queryset.filter(user=viewer)


def visible_requests(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """Customers: their own. Providers: open requests in their categories (if approved), and those they bid on or
    hold a job for. Admins: all."""
    if viewer is None:
        return queryset.none()
    if viewer.is_platform_admin:
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


def visible_bids(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """The request's customer and admins see every bid; a provider sees only its own (never a rival's amount)."""
    if viewer is None:
        return queryset.none()
    if viewer.is_platform_admin:
        return queryset
    if viewer.role == Role.CUSTOMER:
        return queryset.filter(request__customer=viewer)
    if viewer.role == Role.PROVIDER:
        return queryset.filter(provider=viewer)
    return queryset.none()


def can_see_bid(bid, viewer: User | None) -> bool:
    """`visible_bids` for one loaded bid (with its request): the same rule, without a query."""
    if viewer is None or not viewer.is_active:
        return False
    if viewer.is_platform_admin:
        return True
    if viewer.role == Role.CUSTOMER:
        return bid.request.customer_id == viewer.pk
    if viewer.role == Role.PROVIDER:
        return bid.provider_id == viewer.pk
    return False


def visible_jobs(queryset: QuerySet, viewer: User | None) -> QuerySet:
    """A job's customer, its provider and admins."""
    if viewer is None:
        return queryset.none()
    if viewer.is_platform_admin:
        return queryset
    return queryset.filter(Q(customer=viewer) | Q(provider=viewer))


def can_see_address(request: ServiceRequest, viewer: User | None, jobs: list[Job]) -> bool:
    """The address (and exact coordinates) go to the customer, admins, and the provider holding a live job."""
    if viewer is None:
        return False
    if viewer.is_platform_admin or request.customer_id == viewer.pk:
        return True
    return any(job.provider_id == viewer.pk and job.status != JobStatus.CANCELLED for job in jobs)


__all__ = ["can_see_bid", "visible_bids", "visible_jobs", "visible_provider_profiles", "visible_requests", "visible_users"]
