"""Must show 2: every marketplace operation refused for the wrong actor or state, with nothing changed."""

from __future__ import annotations

import pytest

from marketplace.audit.models import AuditEntry
from marketplace.bids.models import Bid
from marketplace.jobs.models import Dispute, Job, JobTransition
from marketplace.providers.models import ProviderProfile
from marketplace.reviews.models import Review
from marketplace.service_requests.models import ServiceRequest
from tests.marketplace.conftest import gid

pytestmark = pytest.mark.django_db

ACTORS = ["anonymous", "customer", "other_customer", "provider", "rival", "unapproved", "admin"]


def snapshot():
    """Everything a marketplace operation could change."""
    return (
        list(ServiceRequest.objects.order_by("pk").values()),
        list(Bid.objects.order_by("pk").values()),
        list(Job.objects.order_by("pk").values()),
        list(JobTransition.objects.order_by("pk").values()),
        list(Dispute.objects.order_by("pk").values()),
        list(Review.objects.order_by("pk").values()),
        list(ProviderProfile.objects.order_by("pk").values("status", "rejection_reason")),
        AuditEntry.objects.count(),
    )


def call(gql, token_for, marketplace, actor, query, variables):
    token = None if actor == "anonymous" else token_for(marketplace[actor])
    return gql(query, variables, token=token)


def refused(result, field) -> bool:
    """A permission error with no data, or a payload with errors and no object."""
    if result.errors:
        return result.data is None and set(result.error_codes()) <= {"UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"}
    payload = result.data[field]
    return bool(payload["errors"]) and all(value is None for key, value in payload.items() if key != "errors")


# operation name → (GraphQL, variables builder, actors allowed to succeed)
OPERATIONS = {
    "placeBid": (
        "mutation($r: ID!) { placeBid(requestId: $r, amount: 1000) { bid { id } errors { code } } }",
        lambda m: {"r": gid("ServiceRequest", m["request"].pk)},
        set(),  # both approved providers already bid; nobody else may
    ),
    "updateBid": (
        "mutation($b: ID!) { updateBid(bidId: $b, amount: 1234) { bid { id } errors { code } } }",
        lambda m: {"b": gid("Bid", m["bid"].pk)},
        {"provider"},
    ),
    "withdrawBid": (
        "mutation($b: ID!) { withdrawBid(bidId: $b) { bid { id } errors { code } } }",
        lambda m: {"b": gid("Bid", m["bid"].pk)},
        {"provider"},
    ),
    "acceptBid": (
        "mutation($b: ID!) { acceptBid(bidId: $b) { job { id } errors { code } } }",
        lambda m: {"b": gid("Bid", m["bid"].pk)},
        {"customer"},
    ),
    "cancelServiceRequest": (
        "mutation($r: ID!) { cancelServiceRequest(id: $r) { serviceRequest { id } errors { code } } }",
        lambda m: {"r": gid("ServiceRequest", m["request"].pk)},
        {"customer"},
    ),
    "updateServiceRequest": (
        """mutation($r: ID!) {
          updateServiceRequest(id: $r, changes: {title: "A brand new title"}) { serviceRequest { id } errors { code } }
        }""",
        lambda m: {"r": gid("ServiceRequest", m["request"].pk)},
        {"customer"},
    ),
    "approveProvider": (
        "mutation($p: ID!) { approveProvider(providerId: $p) { provider { id } errors { code } } }",
        lambda m: {"p": gid("ProviderProfile", m["unapproved"].provider_profile.pk)},
        {"admin"},
    ),
    "rejectProvider": (
        'mutation($p: ID!) { rejectProvider(providerId: $p, reason: "Documents unreadable") { provider { id } errors { code } } }',
        lambda m: {"p": gid("ProviderProfile", m["unapproved"].provider_profile.pk)},
        {"admin"},
    ),
}


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
@pytest.mark.parametrize("actor", ACTORS)
def test_request_and_bid_operations_by_actor(gql, token_for, marketplace, operation, actor):
    query, variables, allowed = OPERATIONS[operation]
    before = snapshot()
    result = call(gql, token_for, marketplace, actor, query, variables(marketplace))
    if actor in allowed:
        assert result.errors is None and result.data[operation]["errors"] == [], result.body
        assert snapshot() != before
    else:
        assert refused(result, operation), result.body
        assert snapshot() == before


JOB_OPERATIONS = {
    # name: (mutation, state the job is put in first, actor allowed)
    "startJob": ("startJob(jobId: $j)", "ACCEPTED", {"provider"}),
    "markJobDelivered": ("markJobDelivered(jobId: $j)", "STARTED", {"provider"}),
    "confirmJobCompletion": ("confirmJobCompletion(jobId: $j)", "DELIVERED", {"customer"}),
    "cancelJob": ('cancelJob(jobId: $j, reason: "No longer needed")', "ACCEPTED", {"customer", "provider"}),
    "openDispute": ('openDispute(jobId: $j, reason: "The tap still leaks badly")', "DELIVERED", {"customer"}),
    "resolveDispute": ('resolveDispute(jobId: $j, resolution: "REFUND")', "DISPUTED", {"admin"}),
}


def bring_job_to(marketplace, status):
    from marketplace.jobs import services
    from marketplace.payments import services as payments

    job = marketplace["accept"]()
    customer, provider = marketplace["customer"], marketplace["provider"]
    paid = [lambda: payments.create_job_payment(job.pk, by=customer)]
    started = [*paid, lambda: services.start_job(job.pk, by=provider)]
    steps = {
        "ACCEPTED": paid,
        "STARTED": started,
        "DELIVERED": [*started, lambda: services.mark_delivered(job.pk, by=provider)],
        "DISPUTED": [*started, lambda: services.open_dispute(job.pk, by=customer, reason="It was never fixed at all")],
    }
    for step in steps[status]:
        step()
    return job


@pytest.mark.parametrize("operation", sorted(JOB_OPERATIONS))
@pytest.mark.parametrize("actor", ACTORS)
def test_job_transitions_by_actor(gql, token_for, marketplace, operation, actor):
    mutation, state, allowed = JOB_OPERATIONS[operation]
    job = bring_job_to(marketplace, state)
    before = snapshot()
    result = call(
        gql,
        token_for,
        marketplace,
        actor,
        f"mutation($j: ID!) {{ {mutation} {{ job {{ status }} errors {{ code }} }} }}",
        {"j": gid("Job", job.pk)},
    )
    if actor in allowed:
        assert result.errors is None and result.data[operation]["errors"] == [], result.body
        assert snapshot() != before
    else:
        assert refused(result, operation), result.body
        assert snapshot() == before


WRONG_STATE = [
    # (mutation, state, actor): the right actor in the wrong state
    ("startJob(jobId: $j)", "PENDING_PAYMENT", "provider"),
    ("startJob(jobId: $j)", "STARTED", "provider"),
    ("markJobDelivered(jobId: $j)", "ACCEPTED", "provider"),
    ("confirmJobCompletion(jobId: $j)", "STARTED", "customer"),
    ('openDispute(jobId: $j, reason: "Nothing happened at all")', "ACCEPTED", "customer"),
    ('cancelJob(jobId: $j, reason: "changed my mind")', "STARTED", "customer"),
    ('resolveDispute(jobId: $j, resolution: "RELEASE")', "DELIVERED", "admin"),
]


@pytest.mark.parametrize(("mutation", "state", "actor"), WRONG_STATE)
def test_transition_from_the_wrong_state_is_refused_and_changes_nothing(gql, token_for, marketplace, mutation, state, actor):
    job = marketplace["accept"]() if state == "PENDING_PAYMENT" else bring_job_to(marketplace, state)
    before = snapshot()
    name = mutation.split("(")[0]
    result = call(
        gql,
        token_for,
        marketplace,
        actor,
        f"mutation($j: ID!) {{ {mutation} {{ job {{ status }} errors {{ code }} }} }}",
        {"j": gid("Job", job.pk)},
    )
    assert result.data[name] == {"job": None, "errors": [{"code": "INVALID_STATE"}]}
    assert snapshot() == before


@pytest.mark.parametrize("actor", ["unapproved"])
def test_unapproved_provider_has_no_feed(gql, token_for, marketplace, actor):
    result = gql("{ openRequests { edges { node { id } } } }", token=token_for(marketplace[actor]))
    assert result.data is None and result.error_codes() == ["FORBIDDEN"]
