"""`/webhooks/stripe/`: verify the signature on the raw body, answer at once, do the work in the background.

Each event's effect runs in one transaction that first inserts its id into `ProcessedStripeEvent` (unique): a
replayed or concurrently delivered event finds the id taken and does nothing. Handlers merge monotonically
(a payment never goes back from SUCCEEDED; refunds are booked up to Stripe's cumulative `amount_refunded`), so
events arriving out of order end in the same state.
"""

from __future__ import annotations

import json
import logging

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.audit.services import record
from marketplace.background import durable_task
from marketplace.notifications.services import notify_many

from . import services
from .models import Payment, ProcessedStripeEvent

logger = logging.getLogger(__name__)
TOLERANCE_SECONDS = 300


@csrf_exempt
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    try:
        event = stripe.Webhook.construct_event(
            request.body, request.headers.get("Stripe-Signature", ""), settings.STRIPE_WEBHOOK_SECRET, tolerance=TOLERANCE_SECONDS
        )
    except (ValueError, stripe.SignatureVerificationError):
        return JsonResponse({"error": "invalid signature"}, status=400)
    # The task's arguments are stored by the background runner's database backend before we answer.
    process_stripe_event.enqueue(json.loads(request.body))
    return JsonResponse({"received": True, "id": event.id})


@durable_task(max_attempts=8, backoff_seconds=15)
def process_stripe_event(event: dict) -> None:
    with transaction.atomic():
        try:
            with transaction.atomic():
                ProcessedStripeEvent.objects.create(event_id=event["id"], type=event["type"][:60])
        except IntegrityError:
            return  # already processed (a replay, or a concurrent delivery that committed first)
        handler = HANDLERS.get(event["type"])
        if handler is not None:
            handler(event["data"]["object"])


def _payment(intent_id: str | None) -> Payment | None:
    return Payment.objects.filter(external_id=intent_id).first() if intent_id else None


def _payment_intent_succeeded(intent: dict) -> None:
    payment = _payment(intent["id"])
    if payment is not None:
        services.payment_succeeded(payment.pk, charge_id=intent.get("latest_charge") or "")


def _payment_intent_failed(intent: dict) -> None:
    payment = _payment(intent["id"])
    if payment is not None:
        error = intent.get("last_payment_error") or {}
        services.payment_failed(payment.pk, message=error.get("message", ""))


def _charge_refunded(charge: dict) -> None:
    payment = _payment(charge.get("payment_intent"))
    if payment is not None:
        services.gateway_refunded(payment.pk, amount_refunded=charge["amount_refunded"], charge_id=charge["id"])


def _charge_dispute_created(dispute: dict) -> None:
    """A chargeback: nothing moves automatically (Stripe debits the platform); admins are told to act."""
    payment = _payment(dispute.get("payment_intent"))
    if payment is None:
        return
    record("payment.chargeback", payment, data={"dispute": dispute["id"], "amount": dispute.get("amount"), "reason": dispute.get("reason")})
    from marketplace.accounts.models import User

    admins = User.objects.filter(role="ADMIN", is_active=True)
    notify_many(admins, "CHARGEBACK", f"Chargeback on job {payment.job_id}", str(dispute.get("reason", "")), payment.job)


def _transfer_reversed(transfer: dict) -> None:
    services.transfer_reversed(transfer["id"], amount_reversed=transfer.get("amount_reversed", 0))


def _account_updated(account: dict) -> None:
    services.payout_account_updated(
        account["id"], payouts_enabled=bool(account.get("payouts_enabled")), details_submitted=bool(account.get("details_submitted"))
    )


HANDLERS = {
    "payment_intent.succeeded": _payment_intent_succeeded,
    "payment_intent.payment_failed": _payment_intent_failed,
    "charge.refunded": _charge_refunded,
    "charge.dispute.created": _charge_dispute_created,
    "transfer.reversed": _transfer_reversed,
    "account.updated": _account_updated,
}
