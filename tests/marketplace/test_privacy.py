"""Privacy rules on every path: lists, node(id) and nested fields."""

from __future__ import annotations

import pytest

from marketplace.jobs import services as jobs
from marketplace.payments import services as payments
from tests.marketplace.conftest import gid

pytestmark = pytest.mark.django_db

REQUEST = "query($id: ID!) { serviceRequest(id: $id) { address latitude bids { id amount { amount } message } } }"


def test_provider_cannot_see_rival_bid_amounts_on_any_path(gql, token_for, marketplace):
    token = token_for(marketplace["provider"])
    own, rival = gid("Bid", marketplace["bid"].pk), gid("Bid", marketplace["rival_bid"].pk)
    nested = gql(REQUEST, {"id": gid("ServiceRequest", marketplace["request"].pk)}, token=token).data["serviceRequest"]["bids"]
    assert [b["id"] for b in nested] == [own]
    assert gql("query($id: ID!) { node(id: $id) { id ... on Bid { amount { amount } } } }", {"id": rival}, token=token).data["node"] is None
    assert gql("query($id: ID!) { node(id: $id) { ... on Bid { amount { amount } } } }", {"id": own}, token=token).data["node"] == {
        "amount": {"amount": 450000}
    }
    listed = gql("{ serviceRequests { edges { node { bids { id message } } } } }", token=token).data["serviceRequests"]["edges"]
    assert [b["id"] for e in listed for b in e["node"]["bids"]] == [own]


def test_address_is_hidden_from_providers_until_they_hold_the_job(gql, token_for, marketplace):
    request_id = gid("ServiceRequest", marketplace["request"].pk)
    for who in ("provider", "rival"):
        seen = gql(REQUEST, {"id": request_id}, token=token_for(marketplace[who])).data["serviceRequest"]
        assert seen["address"] is None and seen["latitude"] is None
    assert gql(REQUEST, {"id": request_id}, token=token_for(marketplace["customer"])).data["serviceRequest"]["address"] == "12 Canal Road"
    marketplace["accept"]()
    assert gql(REQUEST, {"id": request_id}, token=token_for(marketplace["provider"])).data["serviceRequest"]["address"] == "12 Canal Road"
    assert gql(REQUEST, {"id": request_id}, token=token_for(marketplace["rival"])).data["serviceRequest"]["address"] is None


@pytest.mark.parametrize(
    ("actor", "visible"),
    [("customer", True), ("provider", True), ("admin", True), ("rival", False), ("other_customer", False), ("unapproved", False)],
)
def test_jobs_are_visible_only_to_their_parties_and_admins(gql, token_for, marketplace, actor, visible):
    job = marketplace["accept"]()
    token = token_for(marketplace[actor])
    job_id = gid("Job", job.pk)
    by_id = gql("query($id: ID!) { job(id: $id) { id } }", {"id": job_id}, token=token).data["job"]
    by_node = gql("query($id: ID!) { node(id: $id) { id } }", {"id": job_id}, token=token).data["node"]
    listed = [e["node"]["id"] for e in gql("{ jobs { edges { node { id } } } }", token=token).data["jobs"]["edges"]]
    nested = gql(
        "query($id: ID!) { serviceRequest(id: $id) { job { id } } }", {"id": gid("ServiceRequest", job.request_id)}, token=token
    ).data
    assert (by_id is not None, by_node is not None, job_id in listed) == (visible, visible, visible)
    assert nested["serviceRequest"] is None or (nested["serviceRequest"]["job"] is not None) == visible


def test_anonymous_sees_nothing(gql, marketplace):
    assert gql("{ jobs { edges { node { id } } } }").error_codes() == ["UNAUTHENTICATED"]
    result = gql("query($id: ID!) { node(id: $id) { id } }", {"id": gid("ServiceRequest", marketplace["request"].pk)})
    assert result.data == {"node": None} and result.error_codes() == ["UNAUTHENTICATED"]


def test_other_customer_cannot_see_or_touch_a_request(gql, token_for, marketplace):
    token = token_for(marketplace["other_customer"])
    request_id = gid("ServiceRequest", marketplace["request"].pk)
    assert gql(REQUEST, {"id": request_id}, token=token).data["serviceRequest"] is None
    assert gql("{ serviceRequests { totalCount } }", token=token).data["serviceRequests"]["totalCount"] == 0


def test_dispute_details_stay_between_parties_and_admins(gql, token_for, marketplace):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=job.customer)
    jobs.start_job(job.pk, by=marketplace["provider"])
    jobs.open_dispute(job.pk, by=marketplace["customer"], reason="Left a mess and no fix")
    query = "query($id: ID!) { job(id: $id) { dispute { reason } } }"
    assert (
        gql(query, {"id": gid("Job", job.pk)}, token=token_for(marketplace["admin"])).data["job"]["dispute"]["reason"]
        == "Left a mess and no fix"
    )
    assert gql(query, {"id": gid("Job", job.pk)}, token=token_for(marketplace["rival"])).data["job"] is None
