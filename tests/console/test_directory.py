"""`users`, `providers` and `allServiceRequests`: platform admins only, with search, filters, paging and constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace import platform_settings
from marketplace.accounts.models import Role
from marketplace.jobs import services as jobs
from marketplace.jobs.models import Job
from marketplace.payments import services as payments
from marketplace.reviews import services as reviews
from tests.marketplace.conftest import gid

from .conftest import NON_ADMINS

USERS = """query($f: UserFilter, $first: Int, $after: String) {
  users(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id email role displayName phone isActive suspendedAt suspensionReason dateJoined } }
  } }"""
PROVIDERS = """query($f: ProviderFilter) { providers(filter: $f) { totalCount edges { node {
  id displayName email city status rating jobsCompleted openDisputes earnings { amount currency }
  account { id isActive } categories { slug } } } } }"""
REQUESTS = """query($f: ServiceRequestAdminFilter) { allServiceRequests(filter: $f) { totalCount edges { node {
  id title status customer { email } category { slug } } } } }"""


def _nodes(result, field):
    return [edge["node"] for edge in result.data[field]["edges"]]


@pytest.mark.parametrize("actor", NON_ADMINS)
@pytest.mark.parametrize("query,field", [(USERS, "users"), (PROVIDERS, "providers"), (REQUESTS, "allServiceRequests")])
def test_only_platform_admins_list_people_providers_and_requests(gql, actors, actor, query, field):
    result = gql(query, token=actors[actor])
    assert result.data is None or result.data.get(field) is None
    assert result.error_codes() == (["UNAUTHENTICATED"] if actor == "anonymous" else ["FORBIDDEN"])


def test_admin_lists_users_filtered_by_role_search_activity_and_join_dates(gql, actors, marketplace, make_user):
    make_user(Role.CUSTOMER, email="zainab.malik@example.com", first_name="Zainab", last_name="Malik", phone="+92 300 1234567")
    customers = gql(USERS, {"f": {"roles": ["CUSTOMER"]}}, token=actors["admin"])
    assert {n["role"] for n in _nodes(customers, "users")} == {"CUSTOMER"}
    assert customers.data["users"]["totalCount"] == 4  # customer, other customer, editor, Zainab

    by_phone = gql(USERS, {"f": {"search": "1234567"}}, token=actors["admin"])
    assert [n["email"] for n in _nodes(by_phone, "users")] == ["zainab.malik@example.com"]
    by_name = gql(USERS, {"f": {"search": "zainab MALIK"}}, token=actors["admin"])
    assert [n["displayName"] for n in _nodes(by_name, "users")] == ["Zainab Malik"]

    marketplace["other_customer"].__class__.objects.filter(pk=marketplace["other_customer"].pk).update(is_active=False)
    inactive = gql(USERS, {"f": {"active": False}}, token=actors["admin"])
    assert [n["email"] for n in _nodes(inactive, "users")] == [marketplace["other_customer"].email]

    future = gql(USERS, {"f": {"joinedFrom": "2999-01-01"}}, token=actors["admin"])
    assert future.data["users"]["totalCount"] == 0
    everyone = gql(USERS, {"f": {"joinedTo": "2999-01-01"}}, token=actors["admin"])
    assert everyone.data["users"]["totalCount"] == 8


def test_users_page_with_cursors(gql, actors):
    first = gql(USERS, {"first": 3}, token=actors["admin"])
    assert len(first.data["users"]["edges"]) == 3 and first.data["users"]["pageInfo"]["hasNextPage"]
    rest = gql(USERS, {"first": 100, "after": first.data["users"]["pageInfo"]["endCursor"]}, token=actors["admin"])
    seen = [n["id"] for n in _nodes(first, "users")] + [n["id"] for n in _nodes(rest, "users")]
    assert len(seen) == len(set(seen)) == first.data["users"]["totalCount"]


def test_providers_show_rating_jobs_completed_earnings_and_open_disputes(
    gql, actors, marketplace, platform_terms, django_capture_on_commit_callbacks
):
    platform_terms(commission_rate_bps=2000, tax_rate_bps=0)
    with django_capture_on_commit_callbacks(execute=True):
        job = marketplace["accept"]()
        payments.create_job_payment(job.pk, by=job.customer)
        jobs.start_job(job.pk, by=marketplace["provider"])
        jobs.mark_delivered(job.pk, by=marketplace["provider"])
        jobs.confirm_completion(job.pk, by=marketplace["customer"])
        reviews.submit_review(marketplace["customer"], job.pk, rating=4, comment="Tidy work")
    result = gql(PROVIDERS, {"f": {"search": marketplace["provider"].email}}, token=actors["admin"])
    [node] = _nodes(result, "providers")
    assert node["jobsCompleted"] == 1
    assert node["rating"] == 4.0
    assert node["earnings"] == {"amount": 450_000 - 90_000, "currency": platform_settings.currency()}  # net of the 20% commission
    assert node["openDisputes"] == 0
    assert node["account"]["isActive"] is True


def test_providers_count_their_open_disputes(gql, actors, marketplace):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=job.customer)
    jobs.start_job(job.pk, by=marketplace["provider"])
    jobs.open_dispute(job.pk, by=marketplace["customer"], reason="The leak is back the same evening.")
    result = gql(PROVIDERS, {"f": {"search": marketplace["provider"].email}}, token=actors["admin"])
    assert [n["openDisputes"] for n in _nodes(result, "providers")] == [1]
    assert Job.objects.get(pk=job.pk).status == "DISPUTED"


def test_providers_filter_by_status_category_and_city(gql, actors, make_provider):
    make_provider(city="Karachi", slugs=("electrical",), email="sparky@example.com")
    pending = gql(PROVIDERS, {"f": {"statuses": ["PENDING"]}}, token=actors["admin"])
    assert {n["status"] for n in _nodes(pending, "providers")} == {"PENDING"}
    electrical = gql(PROVIDERS, {"f": {"categories": ["electrical"], "city": "karachi"}}, token=actors["admin"])
    assert [n["email"] for n in _nodes(electrical, "providers")] == ["sparky@example.com"]


def test_all_service_requests_lists_every_customer_s_requests_with_filters(gql, actors, marketplace, make_request, make_user):
    other = make_user(Role.CUSTOMER, email="ayesha@example.com")
    make_request(
        other, title="Paint the living room walls", description="Two coats, white, about 40 square metres.", category_slug="painting"
    )
    everything = gql(REQUESTS, token=actors["admin"])
    assert everything.data["allServiceRequests"]["totalCount"] == 2
    painting = gql(REQUESTS, {"f": {"categories": ["painting"], "statuses": ["OPEN"]}}, token=actors["admin"])
    assert [n["customer"]["email"] for n in _nodes(painting, "allServiceRequests")] == ["ayesha@example.com"]
    by_text = gql(REQUESTS, {"f": {"search": "sink"}}, token=actors["admin"])
    assert [n["title"] for n in _nodes(by_text, "allServiceRequests")] == ["Kitchen sink leaking"]
    closed = gql(REQUESTS, {"f": {"statuses": ["CANCELLED"]}}, token=actors["admin"])
    assert closed.data["allServiceRequests"]["totalCount"] == 0


def test_a_provider_never_sees_a_request_s_customer_account(gql, actors, marketplace):
    query = """query($r: ID!) { serviceRequest(id: $r) { customer { email } } }"""
    result = gql(query, {"r": gid("ServiceRequest", marketplace["request"].pk)}, token=actors["provider"])
    assert result.data["serviceRequest"] == {"customer": None}


def _count(gql, query, token) -> int:
    with CaptureQueriesContext(connection) as ctx:
        result = gql(query, token=token)
    assert result.errors is None, result.errors
    return len(ctx.captured_queries)


def test_console_lists_cost_the_same_queries_for_1_and_50_rows(gql, actors, make_user, make_provider, make_request, marketplace):
    gql(USERS, token=actors["admin"])  # the token's first use of the day writes last_used_at
    counts_before = [_count(gql, q, actors["admin"]) for q in (USERS, PROVIDERS, REQUESTS)]
    for n in range(50):
        customer = make_user(Role.CUSTOMER)
        make_provider(slugs=("plumbing", "electrical"))
        make_request(customer, title=f"Leaking pipe number {n}")
    counts_after = [_count(gql, q, actors["admin"]) for q in (USERS, PROVIDERS, REQUESTS)]
    assert counts_after == counts_before
