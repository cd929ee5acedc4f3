from __future__ import annotations

from datetime import datetime

import strawberry

from ..money import Money


@strawberry.type
class CustomerDashboard:
    total_requests: int
    active_requests: int
    completed_requests: int
    spent: Money = strawberry.field(description="Paid in, minus refunds.")


@strawberry.type
class ProviderEarnings:
    held: Money = strawberry.field(description="Your net share of payments held for your jobs (not yet released).")
    available: Money = strawberry.field(description="Released to you, not yet paid out.")
    paid_out: Money


@strawberry.type
class ProviderDashboard:
    total_missions: int
    successful_ends: int
    revenue: Money = strawberry.field(description="Net earned (after commission) from released jobs.")
    trust_rating: float | None
    success_rate: float | None
    earnings: ProviderEarnings
    payouts_enabled: bool


@strawberry.type
class ProviderOwed:
    provider_id: strawberry.ID
    name: str
    email: str
    amount: Money


@strawberry.type
class AdminDashboard:
    customers: int
    providers: int
    active_jobs: int
    net_revenue: Money = strawberry.field(description="Commission earned.")
    held_funds: Money
    verification_queue: int
    providers_owed: list[ProviderOwed]


@strawberry.type
class RevenueLine:
    key: str = strawberry.field(description="Category name, day (YYYY-MM-DD) or 'total'.")
    gross: Money
    commission: Money
    tax: Money
    refunds: Money


@strawberry.type
class RevenueReport:
    start: datetime
    end: datetime
    total: RevenueLine
    by_category: list[RevenueLine]
    by_day: list[RevenueLine]
