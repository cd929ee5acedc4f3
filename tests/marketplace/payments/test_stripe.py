"""The real `stripe` SDK against a Stripe-protocol server on loopback, with real signed webhooks.

Must show 1 (Stripe), 2 (webhooks: forged, stale, replayed, refund before success) and 4 (a transfer that timed out
after Stripe made it is not made twice)."""

from __future__ import annotations

import time

import pytest
from django.test import Client

from marketplace.invoices.models import Invoice, InvoiceKind
from marketplace.jobs import services as jobs
from marketplace.jobs.models import Job, JobStatus
from marketplace.payments import ledger
from marketplace.payments import services as payments
from marketplace.payments.models import AccountKind, GatewayStatus, PaymentStatus, PayoutAccount, ProcessedStripeEvent, Transfer
from tests.stripe_fake import deliver

from ..conftest import gid
from .test_offline_flow import balances

PAY = """mutation($j: ID!) { createJobPayment(jobId: $j) {
  payment { status gateway clientSecret total { amount } } job { status } errors { code } } }"""


def paid_job(marketplace, server, webhooks):
    job = marketplace["accept"]()
    payment = payments.create_job_payment(job.pk, by=marketplace["customer"])
    assert deliver(webhooks, server.succeed(payment.external_id)) == 200
    job.refresh_from_db()
    return job, payment


def onboard(provider, server, webhooks):
    url = payments.start_payout_onboarding(provider)
    account = PayoutAccount.objects.get(provider=provider)
    assert url.endswith(account.external_id)
    server.objects[account.external_id].update(payouts_enabled=True, details_submitted=True)
    assert deliver(webhooks, server.event("account.updated", server.objects[account.external_id])) == 200


def test_full_paid_flow_on_stripe(gql, token_for, marketplace, stripe_server, django_capture_on_commit_callbacks):
    customer, provider = marketplace["customer"], marketplace["provider"]
    webhooks = Client()
    job = marketplace["accept"]()
    j = gid("Job", job.pk)

    assert gql("{ paymentGateway { name live publishableKey } }", token=token_for(customer)).data["paymentGateway"] == {
        "name": "stripe", "live": True, "publishableKey": "pk_test_serveflow",
    }  # fmt: skip
    first = gql(PAY, {"j": j}, token=token_for(customer)).data["createJobPayment"]
    assert first["payment"]["status"] == "REQUIRES_PAYMENT" and first["job"]["status"] == "PENDING_PAYMENT"
    assert first["payment"]["clientSecret"].endswith("_secret_fake") and first["payment"]["total"] == {"amount": 450_000}
    again = gql(PAY, {"j": j}, token=token_for(customer)).data["createJobPayment"]
    assert again["payment"]["clientSecret"] == first["payment"]["clientSecret"]
    intents = stripe_server.of_type("payment_intent")
    assert len(intents) == 1 and intents[0]["transfer_group"] == f"job-{job.pk}" and intents[0]["amount"] == 450_000

    assert deliver(webhooks, stripe_server.succeed(intents[0]["id"])) == 200
    job.refresh_from_db()
    assert job.status == JobStatus.ACCEPTED and balances(job)["held"] == 450_000

    onboard(provider, stripe_server, webhooks)
    jobs.start_job(job.pk, by=provider)
    jobs.mark_delivered(job.pk, by=provider)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.confirm_completion(job.pk, by=customer)

    [transfer] = stripe_server.of_type("transfer")
    account = PayoutAccount.objects.get(provider=provider)
    assert (transfer["amount"], transfer["destination"], transfer["transfer_group"]) == (360_000, account.external_id, f"job-{job.pk}")
    assert ("POST", "/v1/transfers", f"job-{job.pk}-transfer-1") in stripe_server.requests
    assert balances(job) == {
        "external": -450_000, "held": 0, "payable": 0, "payouts": 360_000, "commission": 90_000, "tax": 0, "refunds": 0,
    }  # fmt: skip
    assert ledger.total_balance() == 0
    invoice = Invoice.objects.get(job=job, kind=InvoiceKind.CUSTOMER_INVOICE)
    statement = Invoice.objects.get(job=job, kind=InvoiceKind.PROVIDER_STATEMENT)
    assert (invoice.subtotal, invoice.tax, invoice.total) == (450_000, 0, 450_000)
    assert (statement.subtotal, statement.commission, statement.total) == (450_000, 90_000, 360_000)


def test_earnings_wait_for_payout_onboarding(marketplace, stripe_server, django_capture_on_commit_callbacks):
    customer, provider = marketplace["customer"], marketplace["provider"]
    webhooks = Client()
    job, _ = paid_job(marketplace, stripe_server, webhooks)
    jobs.start_job(job.pk, by=provider)
    jobs.mark_delivered(job.pk, by=provider)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.confirm_completion(job.pk, by=customer)
    assert stripe_server.of_type("transfer") == [] and balances(job)["payable"] == 360_000
    with django_capture_on_commit_callbacks(execute=True):
        onboard(provider, stripe_server, webhooks)
    assert [t["amount"] for t in stripe_server.of_type("transfer")] == [360_000]
    assert balances(job)["payable"] == 0 and balances(job)["payouts"] == 360_000


def test_forged_signature_is_rejected_and_changes_nothing(marketplace, stripe_server):
    job = marketplace["accept"]()
    payment = payments.create_job_payment(job.pk, by=marketplace["customer"])
    event = stripe_server.succeed(payment.external_id)
    assert deliver(Client(), event, secret="whsec_not_ours") == 400
    assert Client().post("/webhooks/stripe/", data=b"{}", content_type="application/json").status_code == 400
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING_PAYMENT and ProcessedStripeEvent.objects.count() == 0 and ledger.total_balance() == 0


def test_stale_timestamp_is_rejected(marketplace, stripe_server):
    job = marketplace["accept"]()
    payment = payments.create_job_payment(job.pk, by=marketplace["customer"])
    event = stripe_server.succeed(payment.external_id)
    assert deliver(Client(), event, timestamp=int(time.time()) - 301) == 400
    job.refresh_from_db()
    assert job.status == JobStatus.PENDING_PAYMENT and ProcessedStripeEvent.objects.count() == 0
    assert deliver(Client(), event, timestamp=int(time.time()) - 240) == 200  # inside the 5-minute tolerance
    job.refresh_from_db()
    assert job.status == JobStatus.ACCEPTED


def test_replayed_event_counts_once(marketplace, stripe_server):
    job = marketplace["accept"]()
    payment = payments.create_job_payment(job.pk, by=marketplace["customer"])
    event = stripe_server.succeed(payment.external_id)
    for _ in range(3):
        assert deliver(Client(), event) == 200
    job.refresh_from_db()
    assert balances(job)["held"] == 450_000 and balances(job)["external"] == -450_000
    assert ProcessedStripeEvent.objects.filter(event_id=event["id"]).count() == 1
    # A different event for the same success (Stripe may send one again) is also harmless.
    assert deliver(Client(), stripe_server.event("payment_intent.succeeded", stripe_server.objects[payment.external_id])) == 200
    assert balances(job)["held"] == 450_000


def test_refund_arriving_before_success_ends_refunded_and_cancelled(marketplace, stripe_server):
    job = marketplace["accept"]()
    payment = payments.create_job_payment(job.pk, by=marketplace["customer"])
    succeeded = stripe_server.succeed(payment.external_id)
    charge = stripe_server.objects[stripe_server.objects[payment.external_id]["latest_charge"]]
    charge.update(amount_refunded=450_000, refunded=True)  # refunded from the Stripe dashboard
    refunded = stripe_server.event("charge.refunded", charge)
    assert deliver(Client(), refunded) == 200
    assert deliver(Client(), succeeded) == 200  # arrives late
    assert deliver(Client(), refunded) == 200  # and a replay
    job.refresh_from_db()
    payment.refresh_from_db()
    assert job.status == JobStatus.CANCELLED and payment.status == PaymentStatus.SUCCEEDED
    assert balances(job) | {"refunds": balances(job)["refunds"]} == {
        "external": -450_000, "held": 0, "payable": 0, "payouts": 0, "commission": 0, "tax": 0, "refunds": 450_000,
    }  # fmt: skip
    assert stripe_server.of_type("refund") == []  # we did not refund a second time


def test_failure_after_success_does_not_undo_it(marketplace, stripe_server):
    job = marketplace["accept"]()
    payment = payments.create_job_payment(job.pk, by=marketplace["customer"])
    intent = dict(stripe_server.objects[payment.external_id], last_payment_error={"message": "Card declined"})
    failed = stripe_server.event("payment_intent.payment_failed", intent)
    assert deliver(Client(), stripe_server.succeed(payment.external_id)) == 200
    assert deliver(Client(), failed) == 200
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCEEDED and Job.objects.get(pk=job.pk).status == JobStatus.ACCEPTED


def test_cancel_after_payment_refunds_in_full_through_stripe(marketplace, stripe_server, django_capture_on_commit_callbacks):
    job, payment = paid_job(marketplace, stripe_server, Client())
    with django_capture_on_commit_callbacks(execute=True):
        jobs.cancel_job(job.pk, by=marketplace["customer"], reason="Fixed it myself")
    [refund] = stripe_server.of_type("refund")
    assert refund["amount"] == 450_000 and refund["payment_intent"] == payment.external_id
    assert ("POST", "/v1/refunds", f"refund-{payment.refunds.get().pk}") in stripe_server.requests
    # Stripe then reports the refund we made: nothing more is booked.
    charge = stripe_server.objects[stripe_server.objects[payment.external_id]["latest_charge"]]
    assert deliver(Client(), stripe_server.event("charge.refunded", charge)) == 200
    assert balances(job)["refunds"] == 450_000 and balances(job)["held"] == 0 and payment.refunds.count() == 1


def test_a_refund_stripe_keeps_refusing_is_marked_failed_and_the_admins_are_told(
    marketplace, stripe_server, settings, django_capture_on_commit_callbacks
):
    from io import StringIO

    from django.core.management import call_command

    from marketplace.audit.models import AuditEntry
    from marketplace.notifications.models import Notification
    from marketplace.payments.models import Refund

    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    job, payment = paid_job(marketplace, stripe_server, Client())
    stripe_server.refuse["/v1/refunds"] = "The charge is disputed."
    with django_capture_on_commit_callbacks(execute=True):
        jobs.cancel_job(job.pk, by=marketplace["customer"], reason="Fixed it myself")

    refund = Refund.objects.get(payment=payment)
    key = f"refund-{refund.pk}"
    assert [r for r in stripe_server.requests if r[1] == "/v1/refunds"] == [("POST", "/v1/refunds", key)] * 6
    assert refund.status == GatewayStatus.FAILED and not stripe_server.of_type("refund")
    assert AuditEntry.objects.filter(action="payment.refund_failed", target_id=str(payment.pk)).count() == 1
    [alert] = Notification.objects.filter(kind="GATEWAY_FAILURE")
    assert alert.user == marketplace["admin"] and "retry_gateway_calls" in alert.body
    assert not Notification.objects.filter(kind="GATEWAY_FAILURE", user=marketplace["customer"]).exists()

    # Once the cause is fixed, an admin sends it again, with the same idempotency key.
    del stripe_server.refuse["/v1/refunds"]
    with django_capture_on_commit_callbacks(execute=True):
        call_command("retry_gateway_calls", stdout=(out := StringIO()))
    assert out.getvalue().strip() == "Queued 1 refund(s) and 0 transfer(s) again."
    refund.refresh_from_db()
    [made] = stripe_server.of_type("refund")
    assert refund.status == GatewayStatus.DONE and refund.external_id == made["id"] and made["amount"] == 450_000
    assert stripe_server.requests[-1] == ("POST", "/v1/refunds", key)


def test_transfer_timing_out_after_stripe_made_it_is_not_made_twice(
    marketplace, stripe_server, settings, django_capture_on_commit_callbacks
):
    """Must show 4: Stripe records the transfer, the answer comes after our timeout; the retry (background runner)
    sends the same idempotency key and gets the same transfer back."""
    settings.STRIPE_TIMEOUT_SECONDS = 0.5
    settings.STRIPE_MAX_NETWORK_RETRIES = 0  # let the background runner's retry do it
    customer, provider = marketplace["customer"], marketplace["provider"]
    webhooks = Client()
    job, _ = paid_job(marketplace, stripe_server, webhooks)
    onboard(provider, stripe_server, webhooks)
    jobs.start_job(job.pk, by=provider)
    jobs.mark_delivered(job.pk, by=provider)
    stripe_server.delay_after_recording["/v1/transfers"] = 2.0
    with django_capture_on_commit_callbacks(execute=True):
        jobs.confirm_completion(job.pk, by=customer)

    key = f"job-{job.pk}-transfer-1"
    attempts = [r for r in stripe_server.requests if r[1] == "/v1/transfers"]
    assert attempts == [("POST", "/v1/transfers", key)] * 2  # timed out once, retried with the same key
    [made] = stripe_server.of_type("transfer")
    transfer = Transfer.objects.get(job=job)
    assert transfer.status == GatewayStatus.DONE and transfer.external_id == made["id"]
    assert balances(job)["payouts"] == 360_000 and balances(job)["payable"] == 0


def test_transfer_reversal_makes_the_earnings_owed_again(marketplace, stripe_server, django_capture_on_commit_callbacks):
    customer, provider = marketplace["customer"], marketplace["provider"]
    webhooks = Client()
    job, _ = paid_job(marketplace, stripe_server, webhooks)
    onboard(provider, stripe_server, webhooks)
    jobs.start_job(job.pk, by=provider)
    jobs.mark_delivered(job.pk, by=provider)
    with django_capture_on_commit_callbacks(execute=True):
        jobs.confirm_completion(job.pk, by=customer)
    [made] = stripe_server.of_type("transfer")
    made["amount_reversed"] = 100_000
    event = stripe_server.event("transfer.reversed", made)
    assert deliver(webhooks, event) == 200 and deliver(webhooks, event) == 200
    assert balances(job)["payouts"] == 260_000 and balances(job)["payable"] == 100_000
    assert ledger.total_balance() == 0


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_replays_count_once_on_postgresql(make_user, make_provider, make_request, stripe_server):
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks and concurrent connections")
    from marketplace.bids import services as bids
    from marketplace.jobs import acceptance

    customer, provider = make_user("CUSTOMER"), make_provider()
    request = make_request(customer)
    job = acceptance.accept_bid(customer, bids.place_bid(provider, request.pk, amount=30_000).pk)
    payment = payments.create_job_payment(job.pk, by=customer)
    event = stripe_server.succeed(payment.external_id)

    def send(_):
        try:
            return deliver(Client(), event)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(send, range(4))) == [200] * 4
    assert ProcessedStripeEvent.objects.filter(event_id=event["id"]).count() == 1
    assert ledger.balance(ledger.account(AccountKind.HELD, job.currency, job=job)) == 30_000
    assert Job.objects.get(pk=job.pk).status == JobStatus.ACCEPTED
