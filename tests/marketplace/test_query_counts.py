"""Must show 4: list queries issue the same number of SQL queries for 1 and 50 items."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.bids import services as bids
from marketplace.jobs import acceptance
from marketplace.jobs import services as jobs
from marketplace.payments import services as payments
from tests.marketplace.conftest import gid

pytestmark = pytest.mark.django_db

REQUESTS = """{ serviceRequests(first: 100) { totalCount edges { node {
  id title status urgency mode budget { amount currency } offer { amount } category { name slug } photos { url }
  bidCount customerName address job { id status }
} } } }"""
FEED = "{ openRequests(first: 100) { totalCount edges { node { id title matchScore category { name } bidCount address customerName } } } }"
BIDS = """query($id: ID!) { serviceRequest(id: $id) { bids { id amount { amount } status matchScore provider { displayName rating completionRate } } } }"""
JOBS = """{ jobs(first: 100) { totalCount edges { node {
  id status amount { amount } request { title category { name } } provider { displayName rating } customerName
  transitions { fromStatus toStatus actor } dispute { reason } reviewedByMe
} } } }"""
PENDING = "{ pendingProviders(first: 100) { edges { node { id email displayName city status categories { name } documents { url } } } } }"
AUDIT = "{ auditLog(first: 100) { edges { node { id action actorEmail targetType } } } }"


def count_queries(gql, query, token, variables=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        result = gql(query, variables, token=token)
    assert result.errors is None, result.errors
    return len(captured)


def grow(size, make_one):
    for _ in range(size):
        make_one()


@pytest.fixture
def world(make_user, make_provider, make_request, token_for):
    customer = make_user("CUSTOMER")
    provider = make_provider()
    admin = make_user("ADMIN")

    def add_request_with_job():
        request = make_request(customer)
        bid = bids.place_bid(provider, request.pk, amount=1000)
        job = acceptance.accept_bid(customer, bid.pk)
        payments.create_job_payment(job.pk, by=job.customer)
        jobs.start_job(job.pk, by=provider)
        return request

    return {
        "customer": customer, "provider": provider, "admin": admin, "add_request_with_job": add_request_with_job,
        "make_request": make_request, "make_provider": make_provider, "token": token_for,
    }  # fmt: skip


def measure(gql, world, query, who, add, variables=None):
    token = world["token"](world[who])
    add()
    # Warm up: the token's first use records last_used_at and per-process caches (site root paths) fill.
    gql(query, variables() if variables else None, token=token)
    one = count_queries(gql, query, token, variables() if variables else None)
    grow(49, add)
    fifty = count_queries(gql, query, token, variables() if variables else None)
    return one, fifty


def test_service_requests_list_is_constant(gql, world):
    one, fifty = measure(gql, world, REQUESTS, "customer", world["add_request_with_job"])
    assert one == fifty


def test_jobs_list_is_constant(gql, world):
    one, fifty = measure(gql, world, JOBS, "provider", world["add_request_with_job"])
    assert one == fifty


def test_open_requests_feed_is_constant(gql, world):
    one, fifty = measure(gql, world, FEED, "provider", lambda: world["make_request"](world["customer"]))
    assert one == fifty


def test_bids_on_a_request_are_constant(gql, world):
    request = world["make_request"](world["customer"])

    def add_bid():
        bids.place_bid(world["make_provider"](), request.pk, amount=5000)

    one, fifty = measure(gql, world, BIDS, "customer", add_bid, variables=lambda: {"id": gid("ServiceRequest", request.pk)})
    assert one == fifty


def test_pending_providers_and_audit_log_are_constant(gql, world):
    one, fifty = measure(gql, world, PENDING, "admin", lambda: world["make_provider"](approved=False))
    assert one == fifty
    one, fifty = measure(gql, world, AUDIT, "admin", world["add_request_with_job"])
    assert one == fifty
