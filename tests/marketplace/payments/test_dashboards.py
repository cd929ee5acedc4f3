"""Dashboards and the revenue report come from the ledger, in a constant number of SQL queries."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace.bids import services as bids
from marketplace.jobs import acceptance
from marketplace.jobs import services as jobs
from marketplace.payments import services as payments

CUSTOMER = "{ customerDashboard { totalRequests activeRequests completedRequests spent { amount currency } } }"
PROVIDER = """{ providerDashboard { totalMissions successfulEnds revenue { amount } trustRating successRate payoutsEnabled
  earnings { held { amount } available { amount } paidOut { amount } } } }"""
ADMIN = """{ adminDashboard { customers providers activeJobs netRevenue { amount } heldFunds { amount } verificationQueue
  providersOwed { email amount { amount } } } }"""
REPORT = """query($f: DateTime!, $t: DateTime!) { revenueReport(from: $f, to: $t) {
  total { gross { amount } commission { amount } tax { amount } refunds { amount } }
  byCategory { key gross { amount } commission { amount } } byDay { key gross { amount } refunds { amount } } } }"""


def make_jobs(marketplace, make_request, n, *, complete=True, capture=None):
    customer, provider = marketplace["customer"], marketplace["provider"]
    for _ in range(n):
        request = make_request(customer)
        job = acceptance.accept_bid(customer, bids.place_bid(provider, request.pk, amount=10_000).pk)
        payments.create_job_payment(job.pk, by=customer)
        jobs.start_job(job.pk, by=provider)
        if complete:
            jobs.mark_delivered(job.pk, by=provider)
            jobs.confirm_completion(job.pk, by=customer)


def queries(gql, query, variables=None, token=None):
    with CaptureQueriesContext(connection) as captured:
        result = gql(query, variables, token=token)
    assert result.errors is None, result.body
    return result.data, len(captured)


def test_dashboards_report_the_ledger(gql, token_for, marketplace, make_request, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_jobs(marketplace, make_request, 2)  # 2 × 10 000 completed, paid out at once offline
        make_jobs(marketplace, make_request, 1, complete=False)  # 10 000 held
        held_job = marketplace["provider"].jobs_as_provider.filter(status="STARTED").get()
        payments.refund_payment(held_job.pk, 2_500, by=marketplace["admin"])
    result = gql(CUSTOMER, token=token_for(marketplace["customer"]))
    assert result.errors is None, result.body
    customer = result.data["customerDashboard"]
    # 4 requests (marketplace fixture's open one + 3), 1 active (fixture) + 1 assigned, 2 closed; 30 000 in, 2 500 back.
    assert customer == {
        "totalRequests": 4, "activeRequests": 2, "completedRequests": 2, "spent": {"amount": 27_500, "currency": "pkr"},
    }  # fmt: skip
    provider = gql(PROVIDER, token=token_for(marketplace["provider"])).data["providerDashboard"]
    assert provider["revenue"] == {"amount": 16_000} and provider["successfulEnds"] == 2 and provider["totalMissions"] == 3
    assert provider["earnings"] == {"held": {"amount": 6_000}, "available": {"amount": 0}, "paidOut": {"amount": 16_000}}
    admin = gql(ADMIN, token=token_for(marketplace["admin"])).data["adminDashboard"]
    assert admin["netRevenue"] == {"amount": 4_000} and admin["heldFunds"] == {"amount": 7_500} and admin["activeJobs"] == 1
    assert admin["verificationQueue"] == 1 and admin["providersOwed"] == []
    now = timezone.now()
    report = gql(
        REPORT,
        {"f": (now - timedelta(days=1)).isoformat(), "t": (now + timedelta(days=1)).isoformat()},
        token=token_for(marketplace["admin"]),
    )
    assert report.errors is None, report.body
    total = report.data["revenueReport"]["total"]
    assert total == {"gross": {"amount": 30_000}, "commission": {"amount": 4_000}, "tax": {"amount": 0}, "refunds": {"amount": 2_500}}
    assert report.data["revenueReport"]["byCategory"][0]["key"] == "Plumbing"
    assert [d["gross"]["amount"] for d in report.data["revenueReport"]["byDay"]] == [30_000]
    empty = gql(
        REPORT,
        {"f": (now + timedelta(days=1)).isoformat(), "t": (now + timedelta(days=2)).isoformat()},
        token=token_for(marketplace["admin"]),
    )
    assert empty.data["revenueReport"]["total"]["gross"] == {"amount": 0}


@pytest.mark.parametrize("query,actor", [(CUSTOMER, "customer"), (PROVIDER, "provider"), (ADMIN, "admin"), (REPORT, "admin")])
def test_dashboards_take_the_same_queries_for_1_and_20_jobs(
    gql, token_for, marketplace, make_request, query, actor, django_capture_on_commit_callbacks
):
    now = timezone.now()
    variables = {"f": (now - timedelta(days=1)).isoformat(), "t": (now + timedelta(days=1)).isoformat()}
    token = token_for(marketplace[actor])
    with django_capture_on_commit_callbacks(execute=True):
        make_jobs(marketplace, make_request, 1)
        make_jobs(marketplace, make_request, 1, complete=False)
    queries(gql, query, variables, token)  # warm-up: the token's first use is recorded once
    _, few = queries(gql, query, variables, token)
    with django_capture_on_commit_callbacks(execute=True):
        make_jobs(marketplace, make_request, 10)
        make_jobs(marketplace, make_request, 10, complete=False)
    _, many = queries(gql, query, variables, token)
    assert few == many


@pytest.mark.parametrize("query,allowed", [(CUSTOMER, "customer"), (PROVIDER, "provider"), (ADMIN, "admin"), (REPORT, "admin")])
@pytest.mark.parametrize("actor", ["anonymous", "customer", "provider", "admin"])
def test_each_dashboard_is_for_its_role(gql, token_for, marketplace, query, allowed, actor):
    now = timezone.now().isoformat()
    result = gql(query, {"f": now, "t": now}, token=None if actor == "anonymous" else token_for(marketplace[actor]))
    if actor == allowed:
        assert result.errors is None
    else:
        assert result.data is None and set(result.error_codes()) <= {"FORBIDDEN", "UNAUTHENTICATED"}
