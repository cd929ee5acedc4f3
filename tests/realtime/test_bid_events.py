"""`bidEvents(requestId)`: the request's customer and admins see every bid live; a provider only its own."""

import pytest
from channels.db import database_sync_to_async

from marketplace import platform_settings
from tests.marketplace.conftest import gid

from .conftest import Subscription, connect, joined

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BID_EVENTS = """subscription($r: ID!) { bidEvents(requestId: $r) { kind bid { id status amount { amount currency } } } }"""
RANKED = """subscription($r: ID!) { bidEvents(requestId: $r) { bid { id matchScore } } }"""
BID_LIST = """query($r: ID!) { serviceRequest(id: $r) { bids { id matchScore } } }"""
PLACE = "mutation($r: ID!, $a: Int!) { placeBid(requestId: $r, amount: $a) { bid { id } errors { code } } }"
UPDATE = "mutation($b: ID!, $a: Int!) { updateBid(bidId: $b, amount: $a) { bid { id } errors { code } } }"
ACCEPT = "mutation($b: ID!) { acceptBid(bidId: $b) { job { id } errors { code } } }"


@pytest.fixture
def bidding(make_user, make_provider, make_request, token_for):
    from marketplace.accounts.models import Role

    customer = make_user(Role.CUSTOMER)
    provider, rival = make_provider(), make_provider()
    request = make_request(customer)
    tokens = {name: token_for(user) for name, user in {"customer": customer, "provider": provider, "rival": rival}.items()}
    tokens["admin"] = token_for(make_user(Role.ADMIN))
    tokens["other_customer"] = token_for(make_user(Role.CUSTOMER))
    return {"request": gid("ServiceRequest", request.pk), "request_pk": request.pk, "tokens": tokens}


async def test_customer_receives_a_bid_placed_over_http(bidding, agql):
    currency = await database_sync_to_async(platform_settings.currency)()
    async with connect(bidding["tokens"]["customer"]) as ws:
        sub = await Subscription(ws, BID_EVENTS, {"r": bidding["request"]}).start()
        await joined(f"request.{bidding['request_pk']}")
        placed = await agql(PLACE, {"r": bidding["request"], "a": 450_000}, token=bidding["tokens"]["provider"])
        assert placed.data["placeBid"]["errors"] == []
        message = await sub.next()
    event = message["payload"]["data"]["bidEvents"]
    assert message["type"] == "next"
    assert event == {
        "kind": "PLACED",
        "bid": {
            "id": placed.data["placeBid"]["bid"]["id"],
            "status": "PLACED",
            "amount": {"amount": 450_000, "currency": currency},
        },
    }


async def test_a_live_bid_carries_the_match_score_the_request_s_bid_list_gives_it(bidding, agql):
    async with connect(bidding["tokens"]["customer"]) as ws:
        sub = await Subscription(ws, RANKED, {"r": bidding["request"]}).start()
        await joined(f"request.{bidding['request_pk']}")
        await agql(PLACE, {"r": bidding["request"], "a": 450_000}, token=bidding["tokens"]["provider"])
        live = (await sub.next())["payload"]["data"]["bidEvents"]["bid"]
    [listed] = (await agql(BID_LIST, {"r": bidding["request"]}, token=bidding["tokens"]["customer"])).data["serviceRequest"]["bids"]
    assert live == listed and live["matchScore"] is not None


async def test_rival_provider_receives_only_its_own_bid_events(bidding, agql):
    currency = await database_sync_to_async(platform_settings.currency)()
    tokens, request = bidding["tokens"], bidding["request"]
    async with connect(tokens["rival"]) as rival_ws, connect(tokens["admin"]) as admin_ws:
        rival_sub = await Subscription(rival_ws, BID_EVENTS, {"r": request}).start()
        admin_sub = await Subscription(admin_ws, BID_EVENTS, {"r": request}).start()
        await joined(f"request.{bidding['request_pk']}", members=2)
        mine = (await agql(PLACE, {"r": request, "a": 420_000}, token=tokens["provider"])).data["placeBid"]["bid"]["id"]
        await agql(UPDATE, {"b": mine, "a": 410_000}, token=tokens["provider"])
        theirs = (await agql(PLACE, {"r": request, "a": 400_000}, token=tokens["rival"])).data["placeBid"]["bid"]["id"]
        await agql(ACCEPT, {"b": mine}, token=tokens["customer"])

        rival_got = (await rival_sub.next())["payload"]["data"]["bidEvents"]
        assert rival_got == {
            "kind": "PLACED",
            "bid": {"id": theirs, "status": "PLACED", "amount": {"amount": 400_000, "currency": currency}},
        }
        declined = (await rival_sub.next())["payload"]["data"]["bidEvents"]
        assert (declined["kind"], declined["bid"]["id"], declined["bid"]["status"]) == ("DECLINED", theirs, "DECLINED")
        # Nothing about the other provider's bid (placed, updated at 410 000, accepted) ever reached the rival.
        assert await rival_sub.nothing_more()

        admin_kinds = [(await admin_sub.next())["payload"]["data"]["bidEvents"] for _ in range(5)]
    assert [(e["kind"], e["bid"]["id"]) for e in admin_kinds] == [
        ("PLACED", mine), ("UPDATED", mine), ("PLACED", theirs), ("ACCEPTED", mine), ("DECLINED", theirs),
    ]  # fmt: skip
    assert admin_kinds[1]["bid"]["amount"]["amount"] == 410_000


@pytest.mark.parametrize("who", ["other_customer"])
async def test_stranger_cannot_subscribe_to_a_request_s_bids(bidding, who):
    async with connect(bidding["tokens"][who]) as ws:
        message = await Subscription(ws, BID_EVENTS, {"r": bidding["request"]}).start()
        reply = await message.next()
    assert reply["type"] == "next" and reply["payload"]["data"] is None
    assert reply["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_subscription_whose_token_is_revoked_stops_at_the_next_event(bidding, agql):
    from marketplace.accounts.models import ApiToken, User
    from marketplace.accounts.tokens import revoke_all_tokens

    tokens, request = bidding["tokens"], bidding["request"]
    async with connect(tokens["provider"]) as ws:
        sub = await Subscription(ws, BID_EVENTS, {"r": request}).start()
        await joined(f"request.{bidding['request_pk']}")
        bid = (await agql(PLACE, {"r": request, "a": 420_000}, token=tokens["provider"])).data["placeBid"]["bid"]["id"]
        assert (await sub.next())["payload"]["data"]["bidEvents"]["bid"]["id"] == bid
        provider = await database_sync_to_async(lambda: ApiToken.objects.get(user__bids__isnull=False).user)()
        await database_sync_to_async(revoke_all_tokens)(provider)
        assert not await database_sync_to_async(User.objects.filter(pk=provider.pk, bearer_tokens__revoked_at__isnull=True).exists)()
        await agql(ACCEPT, {"b": bid}, token=tokens["customer"])
        ended = await sub.next()
    assert ended["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
