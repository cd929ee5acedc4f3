"""Must show 1: the whole marketplace flow through GraphQL only."""

import pytest

from cms.models import ServiceCategory
from marketplace import platform_settings
from marketplace.bids.models import Bid, BidStatus
from marketplace.jobs.models import Job, JobStatus
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def login(gql, email):
    return gql("mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }", {"e": email, "p": PASSWORD}).data[
        "login"
    ]["token"]


def register(gql, email, role):
    payload = gql(
        "mutation($i: RegisterInput!) { register(input: $i) { user { id } errors { field code } } }",
        {"i": {"email": email, "password": PASSWORD, "role": role, "firstName": email.split("@")[0].title(), "lastName": "Test"}},
    ).data["register"]
    assert payload["errors"] == []
    return login(gql, email)


CREATE = """
mutation($input: ServiceRequestInput!) {
  createServiceRequest(input: $input) { serviceRequest { id status mode offer { amount currency } } errors { field code message } }
}"""
BIDS = """
query($id: ID!) {
  serviceRequest(id: $id) { id status bidCount bids { id amount { amount currency } message status matchScore provider { displayName } } }
}
"""


def become_approved_plumber(gql, email, admin_token):
    token = register(gql, email, "PROVIDER")
    profile = gql(
        'mutation { updateProviderProfile(city: "Lahore", categorySlugs: ["plumbing"]) { provider { id status } errors { field code } } }',
        token=token,
    ).data["updateProviderProfile"]
    assert profile["errors"] == [] and profile["provider"]["status"] == "PENDING"
    queue = gql("{ pendingProviders { edges { node { id email } } } }", token=admin_token).data["pendingProviders"]["edges"]
    pending_id = next(edge["node"]["id"] for edge in queue if edge["node"]["email"] == email)
    approved = gql(
        "mutation($id: ID!) { approveProvider(providerId: $id) { provider { status } errors { code } } }",
        {"id": pending_id},
        token=admin_token,
    )
    assert approved.data["approveProvider"] == {"provider": {"status": "APPROVED"}, "errors": []}
    return token


def test_bidding_flow_through_graphql(gql, make_user, categories):
    admin = make_user("ADMIN", email="boss@example.com")
    admin_token = login(gql, admin.email)
    plumber = become_approved_plumber(gql, "pia@example.com", admin_token)
    rival = become_approved_plumber(gql, "rob@example.com", admin_token)
    customer = register(gql, "cat@example.com", "CUSTOMER")

    created = gql(
        CREATE,
        {"input": {"categorySlug": "plumbing", "title": "Burst pipe in the bathroom", "description": "Water everywhere, need help today.",
                   "city": "Lahore", "address": "7 Mall Road", "urgency": "EMERGENCY", "budgetAmount": 800000}},
        token=customer,
    ).data["createServiceRequest"]  # fmt: skip
    assert created["errors"] == [] and created["serviceRequest"]["status"] == "OPEN"
    request_id = created["serviceRequest"]["id"]

    feed = gql("{ openRequests { edges { node { id matchScore address } } } }", token=plumber).data["openRequests"]["edges"]
    assert [(e["node"]["id"], e["node"]["address"]) for e in feed] == [(request_id, None)]
    assert 0 < feed[0]["node"]["matchScore"] <= 100

    place = 'mutation($r: ID!, $a: Int!) { placeBid(requestId: $r, amount: $a, message: "ok") { bid { id status } errors { code } } }'
    bid_id = gql(place, {"r": request_id, "a": 700000}, token=plumber).data["placeBid"]["bid"]["id"]
    rival_bid_id = gql(place, {"r": request_id, "a": 650000}, token=rival).data["placeBid"]["bid"]["id"]

    seen_by_customer = gql(BIDS, {"id": request_id}, token=customer).data["serviceRequest"]
    assert {b["id"] for b in seen_by_customer["bids"]} == {bid_id, rival_bid_id}
    assert {b["amount"]["amount"] for b in seen_by_customer["bids"]} == {700000, 650000}
    seen_by_plumber = gql(BIDS, {"id": request_id}, token=plumber).data["serviceRequest"]
    assert [b["id"] for b in seen_by_plumber["bids"]] == [bid_id]
    assert seen_by_plumber["bidCount"] == 2

    accepted = gql(
        "mutation($b: ID!) { acceptBid(bidId: $b) { job { id status amount { amount } } errors { code } } }", {"b": bid_id}, token=customer
    ).data["acceptBid"]
    assert accepted["errors"] == [] and accepted["job"]["status"] == "PENDING_PAYMENT" and accepted["job"]["amount"]["amount"] == 700000
    statuses = {b["id"]: b["status"] for b in gql(BIDS, {"id": request_id}, token=customer).data["serviceRequest"]["bids"]}
    assert statuses == {bid_id: "ACCEPTED", rival_bid_id: "DECLINED"}
    assert gql(BIDS, {"id": request_id}, token=customer).data["serviceRequest"]["status"] == "ASSIGNED"
    # The winner now sees the address; the rival never sees the job.
    job_id = accepted["job"]["id"]
    assert (
        gql("query($id: ID!) { job(id: $id) { request { address } } }", {"id": job_id}, token=plumber).data["job"]["request"]["address"]
        == "7 Mall Road"
    )
    assert gql("query($id: ID!) { job(id: $id) { id } }", {"id": job_id}, token=rival).data["job"] is None
    assert Job.objects.get().status == JobStatus.PENDING_PAYMENT


def test_fixed_offer_goes_to_the_first_provider_who_accepts(gql, make_user, make_provider, token_for, categories):
    first, second = make_provider(), make_provider()
    customer = make_user("CUSTOMER")
    created = gql(
        CREATE,
        {"input": {"categorySlug": "plumbing", "title": "Replace kitchen tap", "description": "Old tap, new one bought already.",
                   "city": "Lahore", "mode": "FIXED_OFFER", "offerAmount": 300000}},
        token=token_for(customer),
    ).data["createServiceRequest"]  # fmt: skip
    assert created["serviceRequest"]["offer"] == {"amount": 300000, "currency": platform_settings.currency()}
    respond = (
        "mutation($r: ID!) { respondToOffer(requestId: $r, accept: true) { job { status amount { amount } } errors { code message } } }"
    )
    won = gql(respond, {"r": created["serviceRequest"]["id"]}, token=token_for(first)).data["respondToOffer"]
    assert won == {"job": {"status": "PENDING_PAYMENT", "amount": {"amount": 300000}}, "errors": []}
    lost = gql(respond, {"r": created["serviceRequest"]["id"]}, token=token_for(second)).data["respondToOffer"]
    assert lost["job"] is None and lost["errors"][0]["code"] == "ALREADY_ASSIGNED"
    assert Job.objects.get().provider == first


def test_fixed_offer_request_needs_a_price(gql, make_user, token_for, categories):
    result = gql(
        CREATE,
        {"input": {"categorySlug": "plumbing", "title": "Replace kitchen tap", "description": "Old tap, new one bought already.",
                   "city": "Lahore", "mode": "FIXED_OFFER"}},
        token=token_for(make_user("CUSTOMER")),
    ).data["createServiceRequest"]  # fmt: skip
    assert result["serviceRequest"] is None and [(e["field"], e["code"]) for e in result["errors"]] == [("offerAmount", "REQUIRED")]


def test_archived_category_takes_no_new_requests(gql, make_user, token_for, categories):
    ServiceCategory.objects.filter(slug="painting").update(is_active=False)
    result = gql(
        CREATE,
        {
            "input": {
                "categorySlug": "painting",
                "title": "Paint the hall",
                "description": "Two coats, white, about 20 m2.",
                "city": "Lahore",
            }
        },
        token=token_for(make_user("CUSTOMER")),
    ).data["createServiceRequest"]
    assert [(e["field"], e["code"]) for e in result["errors"]] == [("categorySlug", "INVALID_CHOICE")]


def test_bid_is_one_per_provider_and_can_be_updated_and_withdrawn(gql, marketplace, token_for):
    token = token_for(marketplace["provider"])
    request_id = f"{marketplace['request'].pk}"
    from tests.marketplace.conftest import gid

    again = gql(
        "mutation($r: ID!) { placeBid(requestId: $r, amount: 1000) { bid { id } errors { code } } }",
        {"r": gid("ServiceRequest", int(request_id))},
        token=token,
    ).data["placeBid"]
    assert again == {"bid": None, "errors": [{"code": "ALREADY_BID"}]}
    bid_id = gid("Bid", marketplace["bid"].pk)
    updated = gql(
        "mutation($b: ID!) { updateBid(bidId: $b, amount: 400000) { bid { amount { amount } } errors { code } } }",
        {"b": bid_id},
        token=token,
    )
    assert updated.data["updateBid"] == {"bid": {"amount": {"amount": 400000}}, "errors": []}
    withdrawn = gql("mutation($b: ID!) { withdrawBid(bidId: $b) { bid { status } errors { code } } }", {"b": bid_id}, token=token)
    assert withdrawn.data["withdrawBid"] == {"bid": {"status": "WITHDRAWN"}, "errors": []}
    assert Bid.objects.get(pk=marketplace["bid"].pk).status == BidStatus.WITHDRAWN
