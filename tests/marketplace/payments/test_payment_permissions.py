"""Must show 5: only the job's customer pays; only admins refund or resolve; nobody reads another's invoice."""

from __future__ import annotations

import pytest
from django.test import Client

from marketplace.invoices.models import Invoice
from marketplace.jobs import services as jobs
from marketplace.payments import services as payments
from marketplace.payments.models import LedgerPosting, Payment, Refund

from ..conftest import gid
from ..test_permissions import ACTORS, call, refused, snapshot


def money_snapshot():
    return (
        snapshot(),
        list(Payment.objects.order_by("pk").values()),
        list(Refund.objects.order_by("pk").values()),
        LedgerPosting.objects.count(),
        Invoice.objects.count(),
    )


PAY = "mutation($j: ID!) { createJobPayment(jobId: $j) { payment { status } job { status } errors { code } } }"
REFUND = "mutation($j: ID!) { refundPayment(jobId: $j, amount: 1000) { refunded { amount } job { status } errors { code } } }"
RESOLVE = (
    'mutation($j: ID!) { resolveDispute(jobId: $j, resolution: "SPLIT", providerSharePercent: 60) { job { status } errors { code } } }'
)


@pytest.mark.parametrize("actor", ACTORS)
def test_only_the_jobs_customer_pays(gql, token_for, marketplace, actor):
    job = marketplace["accept"]()
    before = money_snapshot()
    result = call(gql, token_for, marketplace, actor, PAY, {"j": gid("Job", job.pk)})
    if actor == "customer":
        assert result.data["createJobPayment"]["job"]["status"] == "ACCEPTED"
    else:
        assert refused(result, "createJobPayment"), result.body
        assert money_snapshot() == before


@pytest.mark.parametrize("actor", ACTORS)
def test_only_admins_refund(gql, token_for, marketplace, actor):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=marketplace["customer"])
    before = money_snapshot()
    result = call(gql, token_for, marketplace, actor, REFUND, {"j": gid("Job", job.pk)})
    if actor == "admin":
        assert result.data["refundPayment"] == {"refunded": {"amount": 1000}, "job": {"status": "ACCEPTED"}, "errors": []}
        assert Refund.objects.get().amount == 1000
    else:
        assert refused(result, "refundPayment"), result.body
        assert money_snapshot() == before


def test_refund_never_exceeds_what_is_held(gql, token_for, marketplace):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=marketplace["customer"])
    before = money_snapshot()
    query = "mutation($j: ID!, $a: Int!) { refundPayment(jobId: $j, amount: $a) { refunded { amount } errors { field code } } }"
    for amount in (450_001, 0, -1):
        result = gql(query, {"j": gid("Job", job.pk), "a": amount}, token=token_for(marketplace["admin"]))
        assert result.data["refundPayment"] == {"refunded": None, "errors": [{"field": "amount", "code": "OUT_OF_RANGE"}]}
    assert money_snapshot() == before


@pytest.mark.parametrize("actor", ACTORS)
def test_only_admins_resolve_disputes_with_money(gql, token_for, marketplace, actor, django_capture_on_commit_callbacks):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=marketplace["customer"])
    jobs.start_job(job.pk, by=marketplace["provider"])
    jobs.open_dispute(job.pk, by=marketplace["customer"], reason="Half of the work is missing")
    before = money_snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        result = call(gql, token_for, marketplace, actor, RESOLVE, {"j": gid("Job", job.pk)})
    if actor == "admin":
        assert result.data["resolveDispute"]["job"]["status"] == "COMPLETED"
        # 60% of 450 000 released (commission 20% of it), 40% refunded.
        assert Refund.objects.get().amount == 180_000
        assert Invoice.objects.get(job=job, kind="PROVIDER_STATEMENT").total == 216_000
    else:
        assert refused(result, "resolveDispute"), result.body
        assert money_snapshot() == before


def test_nobody_reads_anothers_invoice(gql, token_for, marketplace, django_capture_on_commit_callbacks):
    job = marketplace["accept"]()
    customer, provider = marketplace["customer"], marketplace["provider"]
    payments.create_job_payment(job.pk, by=customer)
    jobs.start_job(job.pk, by=provider)
    jobs.mark_delivered(job.pk, by=provider)
    jobs.confirm_completion(job.pk, by=customer)
    invoice = Invoice.objects.get(job=job, kind="CUSTOMER_INVOICE")
    query = "query($id: ID!) { invoice(id: $id) { number pdfUrl } node(id: $id) { id } }"
    for actor in ACTORS:
        result = call(gql, token_for, marketplace, actor, query, {"id": gid("Invoice", invoice.pk)})
        if actor in ("customer", "admin"):
            assert result.data["invoice"]["number"] == invoice.number
        elif actor == "anonymous":
            assert not (result.data or {}).get("invoice") and "UNAUTHENTICATED" in result.error_codes()
        else:
            assert result.data == {"invoice": None, "node": None}, (actor, result.body)
    url = gql(query, {"id": gid("Invoice", invoice.pk)}, token=token_for(customer)).data["invoice"]["pdfUrl"]
    path = url.replace("http://testserver", "")
    assert Client().get(path).status_code == 200
    swapped = "y" if path[-6] == "x" else "x"  # a different character, whatever the signature holds
    assert Client().get(path[:-6] + swapped + path[-5:]).status_code == 404  # tampered link
    customer.is_active = False
    customer.save()
    assert Client().get(path).status_code == 404  # the link re-checks the viewer
