"""Must show 1 (offline gateway): pay → ACCEPTED → start → deliver → confirm; 80/20 split, tax to tax payable,
the ledger balances, invoice and statement match it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from marketplace.invoices.models import Invoice, InvoiceKind
from marketplace.jobs.models import JobStatus
from marketplace.payments import ledger
from marketplace.payments.gateways import OfflineGateway
from marketplace.payments.models import AccountKind, GatewayStatus, Payment, Transfer

from ..conftest import gid

PAY = """mutation($j: ID!) { createJobPayment(jobId: $j) {
  payment { status gateway clientSecret subtotal { amount currency } tax { amount } total { amount } }
  job { status } errors { field code } } }"""
STEP = "mutation($j: ID!) {{ {name}(jobId: $j) {{ job {{ status }} errors {{ code }} }} }}"
INVOICES = """{ invoices { edges { node { id kind number subtotal { amount } tax { amount } commission { amount } total { amount } pdfUrl } } } }"""


def balances(job):
    def of(kind, **owner):
        return ledger.balance(ledger.account(kind, job.currency, **owner))

    return {
        "external": of(AccountKind.EXTERNAL),
        "held": of(AccountKind.HELD, job=job),
        "payable": of(AccountKind.PROVIDER_PAYABLE, user=job.provider),
        "payouts": of(AccountKind.PAYOUTS, user=job.provider),
        "commission": of(AccountKind.PLATFORM_COMMISSION),
        "tax": of(AccountKind.TAX_PAYABLE),
        "refunds": of(AccountKind.REFUNDS, user=job.customer),
    }


def test_paid_flow_on_the_offline_gateway_splits_80_20_and_invoices_from_the_ledger(
    gql, token_for, marketplace, platform_terms, django_capture_on_commit_callbacks
):
    platform_terms(tax_rate_bps=1700)  # 17%
    job = marketplace["accept"]()  # subtotal 450 000
    customer, provider = marketplace["customer"], marketplace["provider"]
    ct, pt = token_for(customer), token_for(provider)
    j = gid("Job", job.pk)

    gateway = gql("{ paymentGateway { name live } }", token=ct)
    assert gateway.data == {"paymentGateway": {"name": "offline", "live": False}}

    paid = gql(PAY, {"j": j}, token=ct).data["createJobPayment"]
    assert paid["errors"] == [] and paid["job"]["status"] == "ACCEPTED"
    assert paid["payment"] == {
        "status": "SUCCEEDED", "gateway": "offline", "clientSecret": "",
        "subtotal": {"amount": 450_000, "currency": "pkr"}, "tax": {"amount": 76_500}, "total": {"amount": 526_500},
    }  # fmt: skip
    job.refresh_from_db()
    assert balances(job) | {} == {
        "external": -526_500, "held": 526_500, "payable": 0, "payouts": 0, "commission": 0, "tax": 0, "refunds": 0,
    }  # fmt: skip
    # Paying again changes nothing.
    assert gql(PAY, {"j": j}, token=ct).data["createJobPayment"]["errors"][0]["code"] == "INVALID_STATE"

    for name, token in (("startJob", pt), ("markJobDelivered", pt), ("confirmJobCompletion", ct)):
        with django_capture_on_commit_callbacks(execute=True):
            result = gql(STEP.format(name=name), {"j": j}, token=token)
        assert result.data[name]["errors"] == [], result.body
    job.refresh_from_db()
    assert job.status == JobStatus.COMPLETED
    # Provider: 80% of the subtotal, transferred at once offline; platform 20%; tax to tax payable.
    assert balances(job) == {
        "external": -526_500, "held": 0, "payable": 0, "payouts": 360_000, "commission": 90_000, "tax": 76_500, "refunds": 0,
    }  # fmt: skip
    assert ledger.total_balance() == 0
    transfer = Transfer.objects.get(job=job)
    assert (transfer.amount, transfer.status, transfer.idempotency_key) == (360_000, GatewayStatus.DONE, f"job-{job.pk}-transfer-1")

    invoice = gql(INVOICES, token=ct).data["invoices"]["edges"]
    statement = gql(INVOICES, token=pt).data["invoices"]["edges"]
    assert [e["node"]["kind"] for e in invoice] == ["CUSTOMER_INVOICE"]
    assert [e["node"]["kind"] for e in statement] == ["PROVIDER_STATEMENT"]
    inv, st = invoice[0]["node"], statement[0]["node"]
    assert (inv["subtotal"]["amount"], inv["tax"]["amount"], inv["total"]["amount"]) == (450_000, 76_500, 526_500)
    assert (st["subtotal"]["amount"], st["commission"]["amount"], st["total"]["amount"]) == (450_000, 90_000, 360_000)
    assert inv["number"].startswith("INV-") and st["number"].startswith("ST-")

    pdf = Client().get(inv["pdfUrl"].replace("http://testserver", ""))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_invoice_numbers_are_sequential(marketplace, make_request, make_provider):
    from marketplace.bids import services as bids
    from marketplace.jobs import acceptance
    from marketplace.jobs import services as jobs
    from marketplace.payments import services as payments

    customer, provider = marketplace["customer"], marketplace["provider"]
    numbers = []
    for _ in range(3):
        request = make_request(customer)
        job = acceptance.accept_bid(customer, bids.place_bid(provider, request.pk, amount=10_001).pk)
        payments.create_job_payment(job.pk, by=customer)
        jobs.start_job(job.pk, by=provider)
        jobs.mark_delivered(job.pk, by=provider)
        jobs.confirm_completion(job.pk, by=customer)
        numbers.append(Invoice.objects.get(job=job, kind=InvoiceKind.CUSTOMER_INVOICE).number)
    assert numbers == ["INV-000001", "INV-000002", "INV-000003"]


def test_offline_gateway_refuses_production_settings(settings):
    settings.OFFLINE_PAYMENTS_ALLOWED = False
    with pytest.raises(ImproperlyConfigured):
        OfflineGateway()


def test_payment_amounts_are_fixed_when_created(marketplace, platform_terms):
    from marketplace.payments import services as payments

    platform_terms(tax_rate_bps=1000, commission_rate_bps=1500)
    job = marketplace["accept"]()
    payment = payments.create_job_payment(job.pk, by=marketplace["customer"])
    assert (payment.subtotal, payment.tax, payment.total, payment.commission_rate_bps) == (450_000, 45_000, 495_000, 1500)
    assert Payment.objects.filter(job=job).count() == 1
