"""Dashboards and the revenue report, computed from the ledger (money) and counters (activity), each in a fixed
number of SQL queries whatever the number of rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncDate

from marketplace import platform_settings
from marketplace.accounts.models import Role, User
from marketplace.jobs.models import ACTIVE_STATUSES, Job, JobStatus
from marketplace.providers.models import ProviderProfile, VerificationStatus
from marketplace.service_requests.models import RequestStatus, ServiceRequest

from . import amounts
from .models import AccountKind, LedgerPosting, MovementKind, PayoutAccount


def _balances_by_kind(**filters) -> dict[str, int]:
    rows = LedgerPosting.objects.filter(**filters).values("account__kind").annotate(total=Sum("amount"))
    return defaultdict(int, {row["account__kind"]: row["total"] for row in rows})


@dataclass
class CustomerDashboard:
    total_requests: int
    active_requests: int
    completed_requests: int
    spent: int
    currency: str


def customer_dashboard(customer: User) -> CustomerDashboard:
    """Spent = what the customer paid in, minus what was refunded to them (2 queries plus the site settings read)."""
    counts = ServiceRequest.objects.filter(customer=customer).aggregate(
        total=Count("pk"),
        active=Count("pk", filter=Q(status__in=[RequestStatus.OPEN, RequestStatus.ASSIGNED])),
        completed=Count("pk", filter=Q(status=RequestStatus.CLOSED)),
    )
    currency = platform_settings.currency()
    money = LedgerPosting.objects.filter(account__user=customer, account__currency=currency).aggregate(
        paid_in=Sum("amount", filter=Q(account__kind=AccountKind.CUSTOMER_FUNDING, amount__gt=0)),
        refunded=Sum("amount", filter=Q(account__kind=AccountKind.REFUNDS)),
    )
    return CustomerDashboard(
        total_requests=counts["total"],
        active_requests=counts["active"],
        completed_requests=counts["completed"],
        spent=(money["paid_in"] or 0) - (money["refunded"] or 0),
        currency=currency,
    )


@dataclass
class ProviderDashboard:
    total_missions: int
    successful_ends: int
    revenue: int
    trust_rating: float | None
    success_rate: float | None
    held: int
    available: int
    paid_out: int
    payouts_enabled: bool
    currency: str


def provider_dashboard(provider: User) -> ProviderDashboard:
    """Revenue = net released to the provider; earnings held (their net share of money still held for their jobs),
    available (released, not yet paid out) and paid out (5 queries)."""
    currency = platform_settings.currency()
    profile = ProviderProfile.objects.get(user=provider)
    missions = Job.objects.filter(provider=provider).exclude(status__in=[JobStatus.PENDING_PAYMENT, JobStatus.CANCELLED]).count()
    mine = LedgerPosting.objects.filter(account__user=provider, account__currency=currency).aggregate(
        revenue=Sum("amount", filter=Q(account__kind=AccountKind.PROVIDER_PAYABLE, transaction__kind=MovementKind.RELEASE)),
        available=Sum("amount", filter=Q(account__kind=AccountKind.PROVIDER_PAYABLE)),
        paid_out=Sum("amount", filter=Q(account__kind=AccountKind.PAYOUTS)),
    )
    held_rows = (
        LedgerPosting.objects.filter(account__kind=AccountKind.HELD, account__currency=currency, account__job__provider=provider)
        .values(
            "account__job_id", "account__job__payment__subtotal", "account__job__payment__tax", "account__job__payment__commission_rate_bps"
        )
        .annotate(held=Sum("amount"))
        .filter(held__gt=0)
    )
    held = sum(
        amounts.allocate(
            row["held"],
            subtotal=row["account__job__payment__subtotal"],
            tax=row["account__job__payment__tax"],
            commission_rate_bps=row["account__job__payment__commission_rate_bps"],
        ).provider_net
        for row in held_rows
    )
    return ProviderDashboard(
        total_missions=missions,
        successful_ends=profile.jobs_completed,
        revenue=mine["revenue"] or 0,
        trust_rating=profile.rating,
        success_rate=profile.completion_rate,
        held=held,
        available=mine["available"] or 0,
        paid_out=mine["paid_out"] or 0,
        payouts_enabled=PayoutAccount.objects.filter(provider=provider, payouts_enabled=True).exists(),
        currency=currency,
    )


@dataclass
class ProviderOwed:
    provider_profile_id: int
    name: str
    email: str
    amount: int


@dataclass
class AdminDashboard:
    customers: int
    providers: int
    active_jobs: int
    net_revenue: int
    held_funds: int
    verification_queue: int
    currency: str
    providers_owed: list[ProviderOwed] = field(default_factory=list)


def admin_dashboard() -> AdminDashboard:
    """Net revenue = commission earned (net of reversals); held funds = money held for jobs; what each provider is
    owed (released, not yet paid out). 5 queries."""
    currency = platform_settings.currency()
    users = User.objects.aggregate(customers=Count("pk", filter=Q(role=Role.CUSTOMER)), providers=Count("pk", filter=Q(role=Role.PROVIDER)))
    ledger = _balances_by_kind(account__currency=currency)
    owed = (
        LedgerPosting.objects.filter(account__kind=AccountKind.PROVIDER_PAYABLE, account__currency=currency)
        .values("account__user__provider_profile__id", "account__user__first_name", "account__user__last_name", "account__user__email")
        .annotate(amount=Sum("amount"))
        .filter(amount__gt=0)
        .order_by("-amount")
    )
    return AdminDashboard(
        customers=users["customers"],
        providers=users["providers"],
        active_jobs=Job.objects.filter(status__in=ACTIVE_STATUSES).exclude(status=JobStatus.PENDING_PAYMENT).count(),
        net_revenue=ledger[AccountKind.PLATFORM_COMMISSION],
        held_funds=ledger[AccountKind.HELD],
        verification_queue=ProviderProfile.objects.filter(status=VerificationStatus.PENDING).count(),
        currency=currency,
        providers_owed=[
            ProviderOwed(
                provider_profile_id=row["account__user__provider_profile__id"],
                name=f"{row['account__user__first_name']} {row['account__user__last_name']}".strip(),
                email=row["account__user__email"],
                amount=row["amount"],
            )
            for row in owed
        ],
    )


@dataclass
class RevenueLine:
    key: str
    gross: int = 0
    commission: int = 0
    tax: int = 0
    refunds: int = 0


@dataclass
class RevenueReport:
    start: datetime
    end: datetime
    currency: str
    total: RevenueLine
    by_category: list[RevenueLine]
    by_day: list[RevenueLine]


def revenue_report(start: datetime, end: datetime) -> RevenueReport:
    """Money movements booked in [start, end): gross paid in, commission and tax earned (releases), refunds; by the
    job's category and by day. One query."""
    currency = platform_settings.currency()
    rows = (
        LedgerPosting.objects.filter(transaction__created_at__gte=start, transaction__created_at__lt=end, account__currency=currency)
        .filter(
            Q(account__kind=AccountKind.EXTERNAL)
            | Q(account__kind__in=[AccountKind.PLATFORM_COMMISSION, AccountKind.TAX_PAYABLE, AccountKind.REFUNDS])
        )
        .annotate(day=TruncDate("transaction__created_at"), category=F("transaction__job__request__category__name"))
        .values("account__kind", "day", "category")
        .annotate(amount=Sum("amount"))
    )
    total = RevenueLine(key="total")
    categories: dict[str, RevenueLine] = {}
    days: dict[date, RevenueLine] = {}
    column = {
        AccountKind.EXTERNAL: "gross",
        AccountKind.PLATFORM_COMMISSION: "commission",
        AccountKind.TAX_PAYABLE: "tax",
        AccountKind.REFUNDS: "refunds",
    }
    for row in rows:
        name = column[row["account__kind"]]
        amount = -row["amount"] if name == "gross" else row["amount"]
        category = row["category"] or "—"
        for line in (
            total,
            categories.setdefault(category, RevenueLine(key=category)),
            days.setdefault(row["day"], RevenueLine(key=row["day"].isoformat())),
        ):
            setattr(line, name, getattr(line, name) + amount)
    return RevenueReport(
        start=start,
        end=end,
        currency=currency,
        total=total,
        by_category=sorted(categories.values(), key=lambda line: line.key),
        by_day=[days[d] for d in sorted(days)],
    )
