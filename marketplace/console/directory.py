"""What the operator's console lists: people, providers and every request, with search and filters.

Plain querysets, so the API (and exports) can page and count them in SQL; the per-provider figures are
subqueries, so a page of providers costs the same number of queries whatever its length.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from marketplace.accounts.models import User
from marketplace.jobs.models import Job, JobStatus
from marketplace.payments.models import AccountKind, LedgerPosting, MovementKind
from marketplace.providers.models import ProviderProfile
from marketplace.service_requests.models import ServiceRequest


@dataclass
class UserQuery:
    roles: Iterable[str] = field(default_factory=list)
    active: bool | None = None
    search: str = ""
    joined_from: date | None = None
    joined_to: date | None = None


@dataclass
class ProviderQuery:
    statuses: Iterable[str] = field(default_factory=list)
    category_slugs: Iterable[str] = field(default_factory=list)
    city: str = ""
    search: str = ""


@dataclass
class RequestQuery:
    statuses: Iterable[str] = field(default_factory=list)
    category_slugs: Iterable[str] = field(default_factory=list)
    search: str = ""


def _words(search: str) -> list[str]:
    return [word for word in (search or "").split() if word][:5]


def users(query: UserQuery) -> QuerySet[User]:
    """Accounts newest first. `search` matches every word against email, names or phone; `joined_to` is inclusive."""
    queryset = User.objects.all()
    if query.roles:
        queryset = queryset.filter(role__in=list(query.roles))
    if query.active is not None:
        queryset = queryset.filter(is_active=query.active)
    if query.joined_from:
        queryset = queryset.filter(date_joined__date__gte=query.joined_from)
    if query.joined_to:
        queryset = queryset.filter(date_joined__date__lte=query.joined_to)
    for word in _words(query.search):
        queryset = queryset.filter(
            Q(email__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(phone__icontains=word)
        )
    return queryset.order_by("-date_joined", "-id")


def providers(query: ProviderQuery) -> QuerySet[ProviderProfile]:
    """Provider profiles newest first; `search` matches names, email, city or bio."""
    queryset = ProviderProfile.objects.all()
    if query.statuses:
        queryset = queryset.filter(status__in=list(query.statuses))
    if query.category_slugs:
        queryset = queryset.filter(pk__in=ProviderProfile.objects.filter(categories__slug__in=list(query.category_slugs)).values("pk"))
    if query.city.strip():
        queryset = queryset.filter(city__iexact=query.city.strip())
    for word in _words(query.search):
        queryset = queryset.filter(
            Q(user__email__icontains=word)
            | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(city__icontains=word)
            | Q(bio__icontains=word)
        )
    return queryset.order_by("-created_at", "-id")


def requests(query: RequestQuery) -> QuerySet[ServiceRequest]:
    """Every service request newest first; `search` matches title, description, city or the customer's email."""
    queryset = ServiceRequest.objects.all()
    if query.statuses:
        queryset = queryset.filter(status__in=list(query.statuses))
    if query.category_slugs:
        queryset = queryset.filter(category__slug__in=list(query.category_slugs))
    for word in _words(query.search):
        queryset = queryset.filter(
            Q(title__icontains=word) | Q(description__icontains=word) | Q(city__icontains=word) | Q(customer__email__icontains=word)
        )
    return queryset.order_by("-created_at", "-id")


def earnings_subquery(currency: str, user_ref: str = "user_id") -> Coalesce:
    """Net released to the provider (their payable account's RELEASE postings) in `currency`, as one subquery."""
    released = (
        LedgerPosting.objects.filter(
            account__user=OuterRef(user_ref),
            account__kind=AccountKind.PROVIDER_PAYABLE,
            account__currency=currency,
            transaction__kind=MovementKind.RELEASE,
        )
        .order_by()
        .values("account__user")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(released, output_field=IntegerField()), Value(0))


def open_disputes_subquery(user_ref: str = "user_id") -> Coalesce:
    """How many of the provider's jobs are DISPUTED now, as one subquery."""
    disputed = (
        Job.objects.filter(provider=OuterRef(user_ref), status=JobStatus.DISPUTED)
        .order_by()
        .values("provider")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(disputed, output_field=IntegerField()), Value(0))
