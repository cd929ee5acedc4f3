from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
import strawberry_django
from strawberry import Info, relay

from marketplace.payments import reports

from ..money import Money
from ..permissions import IsCustomer, IsPlatformAdmin, IsProvider, require_user
from . import types


def _line(line: reports.RevenueLine, currency: str) -> types.RevenueLine:
    def m(amount: int) -> Money:
        return Money(amount=amount, currency=currency)

    return types.RevenueLine(key=line.key, gross=m(line.gross), commission=m(line.commission), tax=m(line.tax), refunds=m(line.refunds))


@strawberry.type
class DashboardQuery:
    @strawberry_django.field(extensions=[IsCustomer()])
    def customer_dashboard(self, info: Info) -> types.CustomerDashboard:
        d = reports.customer_dashboard(require_user(info))
        return types.CustomerDashboard(
            total_requests=d.total_requests,
            active_requests=d.active_requests,
            completed_requests=d.completed_requests,
            spent=Money(amount=d.spent, currency=d.currency),
        )

    @strawberry_django.field(extensions=[IsProvider()])
    def provider_dashboard(self, info: Info) -> types.ProviderDashboard:
        d = reports.provider_dashboard(require_user(info))
        return types.ProviderDashboard(
            total_missions=d.total_missions,
            successful_ends=d.successful_ends,
            revenue=Money(amount=d.revenue, currency=d.currency),
            trust_rating=d.trust_rating,
            success_rate=d.success_rate,
            earnings=types.ProviderEarnings(
                held=Money(amount=d.held, currency=d.currency),
                available=Money(amount=d.available, currency=d.currency),
                paid_out=Money(amount=d.paid_out, currency=d.currency),
            ),
            payouts_enabled=d.payouts_enabled,
        )

    @strawberry_django.field(extensions=[IsPlatformAdmin()])
    def admin_dashboard(self) -> types.AdminDashboard:
        d = reports.admin_dashboard()
        return types.AdminDashboard(
            customers=d.customers,
            providers=d.providers,
            active_jobs=d.active_jobs,
            net_revenue=Money(amount=d.net_revenue, currency=d.currency),
            held_funds=Money(amount=d.held_funds, currency=d.currency),
            verification_queue=d.verification_queue,
            providers_owed=[
                types.ProviderOwed(
                    provider_id=strawberry.ID(str(relay.GlobalID("ProviderProfile", str(o.provider_profile_id)))),
                    name=o.name,
                    email=o.email,
                    amount=Money(amount=o.amount, currency=d.currency),
                )
                for o in d.providers_owed
            ],
        )

    @strawberry_django.field(extensions=[IsPlatformAdmin()])
    def revenue_report(self, from_: Annotated[datetime, strawberry.argument(name="from")], to: datetime) -> types.RevenueReport:
        """Gross, commission, tax and refunds booked in [from, to), by category and by day."""
        r = reports.revenue_report(from_, to)
        return types.RevenueReport(
            start=r.start,
            end=r.end,
            total=_line(r.total, r.currency),
            by_category=[_line(line, r.currency) for line in r.by_category],
            by_day=[_line(line, r.currency) for line in r.by_day],
        )
