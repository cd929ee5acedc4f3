from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay

from marketplace.jobs.models import Job
from marketplace.payments import services

from ..errors import FieldError, attempt
from ..ids import decode
from ..jobs.types import JobType
from ..money import Money
from ..permissions import IsCustomer, IsPlatformAdmin, IsProvider, require_user
from .types import JobPaymentType


@strawberry.type
class JobPaymentPayload:
    payment: JobPaymentType | None = None
    job: JobType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class RefundPayload:
    refunded: Money | None = None
    job: JobType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class PayoutOnboardingPayload:
    url: str | None = strawberry.field(default=None, description="Stripe Connect onboarding; null offline (no onboarding).")
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class PaymentMutation:
    @strawberry_django.mutation(extensions=[IsCustomer()])
    def create_job_payment(self, info: Info, job_id: relay.GlobalID) -> JobPaymentPayload:
        """Start (or resume) paying a PENDING_PAYMENT job; the job becomes ACCEPTED when the payment succeeds."""
        user = require_user(info)

        def pay() -> JobPaymentPayload:
            payment = services.create_job_payment(decode(job_id, "Job"), by=user)
            return JobPaymentPayload(payment=payment, job=Job.objects.get(pk=payment.job_id))

        return attempt(JobPaymentPayload, pay)

    @strawberry_django.mutation(extensions=[IsPlatformAdmin()])
    def refund_payment(self, info: Info, job_id: relay.GlobalID, amount: int, reason: str = "") -> RefundPayload:
        """Refund part or all of what is held for a job (minor units; never more than is held)."""
        user = require_user(info)

        def refund() -> RefundPayload:
            done = services.refund_payment(decode(job_id, "Job"), amount, by=user, reason=reason)
            return RefundPayload(refunded=Money(amount=done.amount, currency=done.payment.currency), job=done.payment.job)

        return attempt(RefundPayload, refund)

    @strawberry_django.mutation(extensions=[IsProvider()])
    def start_payout_onboarding(self, info: Info) -> PayoutOnboardingPayload:
        user = require_user(info)
        return attempt(PayoutOnboardingPayload, lambda: PayoutOnboardingPayload(url=services.start_payout_onboarding(user)))
