"""Payment use cases: paying for a job, the gateway telling us how that went, admin refunds, payout onboarding.

Lock order everywhere: the job row, then the payment row. Gateway calls are never made while rows are locked
except by the offline gateway (which makes no network call).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from marketplace import platform_settings
from marketplace.accounts.models import Role, User
from marketplace.audit.services import record
from marketplace.errors import InvalidState, NotAllowed
from marketplace.jobs import services as jobs
from marketplace.jobs.models import JobStatus
from marketplace.notifications.services import notify_many

from . import amounts, movements
from .gateways import active_gateway
from .models import GatewayStatus, Payment, PaymentStatus, Refund

HELD_STATUSES = (JobStatus.ACCEPTED, JobStatus.STARTED, JobStatus.DELIVERED, JobStatus.DISPUTED)


def create_job_payment(job_id: int, *, by: User) -> Payment:
    """The job's customer starts paying a PENDING_PAYMENT job: a payment for subtotal + tax at today's rates
    (fixed from then on). Stripe: returns the PaymentIntent's client secret; the job is accepted when the
    `payment_intent.succeeded` webhook arrives. Offline: the payment succeeds at once. Calling again returns the
    same payment (and the same PaymentIntent)."""
    gateway = active_gateway()
    with transaction.atomic():
        job = jobs.lock_job(job_id, by)
        if job.customer_id != by.pk:
            raise NotAllowed("Only the job's customer pays for it.")
        if job.status != JobStatus.PENDING_PAYMENT:
            raise InvalidState("This job is not awaiting payment.")
        payment = Payment.objects.filter(job=job).first()
        if payment is None:
            terms = platform_settings.terms()  # one read of the site settings; the rates are frozen on the Payment
            price = amounts.price(job.amount, tax_rate_bps=terms.tax_rate_bps, commission_rate_bps=terms.commission_rate_bps)
            payment = Payment.objects.create(
                job=job,
                gateway=gateway.name,
                currency=job.currency,
                subtotal=price.subtotal,
                tax=price.tax,
                total=price.total,
                tax_rate_bps=terms.tax_rate_bps,
                commission_rate_bps=terms.commission_rate_bps,
            )
            record("payment.created", payment, actor=by, data={"job": job.pk, "total": payment.total, "gateway": gateway.name})
    if not payment.external_id:
        # Outside the transaction: a network call. A timeout leaves external_id empty and the next call repeats
        # the request with the same idempotency key, getting the same PaymentIntent back.
        intent = gateway.create_intent(payment)
        Payment.objects.filter(pk=payment.pk, external_id__isnull=True).update(external_id=intent.id, client_secret=intent.client_secret)
        payment.refresh_from_db()
    if gateway.confirms_at_once and payment.status != PaymentStatus.SUCCEEDED:
        payment = payment_succeeded(payment.pk, charge_id=f"offline_ch_{payment.pk}")
    return payment


@transaction.atomic
def payment_succeeded(payment_id: int, *, charge_id: str = "") -> Payment:
    """The gateway took the customer's money. Idempotent. A job still awaiting payment becomes ACCEPTED with the
    money held; a job that was cancelled or expired meanwhile gets the money held and refunded in full at once."""
    job_id = Payment.objects.values_list("job_id", flat=True).get(pk=payment_id)
    job = jobs.lock_job(job_id, None)
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    if payment.status == PaymentStatus.SUCCEEDED:
        return payment
    payment.status, payment.succeeded_at, payment.last_error = PaymentStatus.SUCCEEDED, timezone.now(), ""
    payment.charge_id = charge_id or payment.charge_id
    payment.save(update_fields=["status", "succeeded_at", "last_error", "charge_id"])
    if job.status == JobStatus.PENDING_PAYMENT:
        jobs.mark_paid(job.pk)
    else:
        job.payment = payment
        movements.hold_payment(payment)
        movements.refund_held_funds(
            job, payment.total, key=f"job-{job.pk}-late-payment", reason=f"paid after the job was {job.status.lower()}"
        )
        record("payment.late_refunded", payment, data={"job": job.pk, "job_status": job.status})
    return payment


@transaction.atomic
def payment_failed(payment_id: int, *, message: str = "") -> Payment:
    """An attempt failed; the customer may try again. A payment that already succeeded stays succeeded (events can
    arrive out of order)."""
    payment = Payment.objects.select_for_update().select_related("job__customer").get(pk=payment_id)
    if payment.status != PaymentStatus.SUCCEEDED:
        payment.status, payment.last_error = PaymentStatus.FAILED, (message or "The payment failed.")[:500]
        payment.save(update_fields=["status", "last_error"])
        notify_many([payment.job.customer], "PAYMENT_FAILED", "Your payment did not go through", payment.last_error, payment.job)
    return payment


@transaction.atomic
def refund_payment(job_id: int, amount: int, *, by: User, reason: str = "") -> Refund:
    """An admin refunds part or all of what is still held for a job (never more). The job's state does not change."""
    if not by.is_platform_admin:
        raise NotAllowed("Only platform admins refund payments.")
    job = jobs.lock_job(job_id, by)
    if job.status not in HELD_STATUSES:
        raise InvalidState("Nothing is held for this job.")
    held = movements.held_balance(job)
    if amount <= 0 or amount > held:
        raise ValidationError({"amount": ValidationError(f"Refund between 1 and {held} (what is held).", code="OUT_OF_RANGE")})
    sequence = Refund.objects.filter(payment__job=job).count() + 1
    refund = movements.refund_held_funds(job, amount, key=f"job-{job.pk}-admin-refund-{sequence}", reason=reason or "refund by admin")
    record("payment.refunded", job.payment, actor=by, data={"job": job.pk, "amount": amount, "reason": reason[:200]})
    notify_many([job.customer], "PAYMENT_REFUNDED", f"Refund for {job.request.title}", f"{amount} {job.currency.upper()}", job)
    return refund


@transaction.atomic
def gateway_refunded(payment_id: int, *, amount_refunded: int, charge_id: str = "") -> None:
    """The gateway reports that `amount_refunded` (cumulative) went back to the customer. Refunds we made are
    already booked; any excess was made outside ServeFlow (e.g. the Stripe dashboard) and is booked now, from what
    is held. A refund reported before the success event implies the success, which is booked first."""
    payment_succeeded(payment_id, charge_id=charge_id)
    job = jobs.lock_job(Payment.objects.values_list("job_id", flat=True).get(pk=payment_id), None)
    booked = sum(Refund.objects.filter(payment_id=payment_id).values_list("amount", flat=True))
    excess = min(amount_refunded - booked, movements.held_balance(job))
    if excess <= 0:
        return
    movements.refund_held_funds(
        job, excess, key=f"payment-{payment_id}-gateway-refunded-{amount_refunded}", reason="refunded at the gateway", by_gateway=True
    )
    record("payment.refunded_at_gateway", job.payment, data={"job": job.pk, "amount": excess})
    if job.status == JobStatus.ACCEPTED and movements.held_balance(job) == 0:
        jobs.cancel_refunded(job.pk)


def start_payout_onboarding(provider: User) -> str | None:
    """A Stripe Connect Express onboarding link for the provider (creating their account once); None offline,
    where earnings are paid out at once."""
    if provider.role != Role.PROVIDER:
        raise NotAllowed("Only providers receive payouts.")
    return active_gateway().onboarding_link(provider)


@transaction.atomic
def payout_account_updated(external_id: str, *, payouts_enabled: bool, details_submitted: bool) -> None:
    from .models import PayoutAccount
    from .outbox import send_waiting_transfers

    account = PayoutAccount.objects.select_for_update().filter(external_id=external_id).first()
    if account is None:
        return
    became_ready = payouts_enabled and not account.payouts_enabled
    account.payouts_enabled, account.details_submitted = payouts_enabled, details_submitted
    account.save(update_fields=["payouts_enabled", "details_submitted", "updated_at"])
    if became_ready:
        send_waiting_transfers(account.provider_id)


@transaction.atomic
def transfer_reversed(external_id: str, *, amount_reversed: int) -> None:
    from .models import Transfer

    transfer = Transfer.objects.select_for_update().select_related("provider", "job").filter(external_id=external_id).first()
    if transfer is None:
        return
    movements.record_transfer_reversal(transfer, amount_reversed)
    if amount_reversed > transfer.amount_reversed:
        transfer.amount_reversed = amount_reversed
        transfer.status = GatewayStatus.REVERSED if amount_reversed >= transfer.amount else transfer.status
        transfer.save(update_fields=["amount_reversed", "status"])
        record("transfer.reversed", transfer, data={"amount_reversed": amount_reversed})
