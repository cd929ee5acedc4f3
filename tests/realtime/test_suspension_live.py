"""Must show 2: a suspended person's live subscription stops at the next event, and the customer watching their
request sees the suspended provider's bid withdrawn live."""

import pytest

from tests.marketplace.conftest import gid

from .conftest import Subscription, connect, joined

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BID_EVENTS = """subscription($r: ID!) { bidEvents(requestId: $r) { kind bid { id status } } }"""
PLACE = "mutation($r: ID!, $a: Int!) { placeBid(requestId: $r, amount: $a) { bid { id } errors { code } } }"
SUSPEND = """mutation($id: ID!) { suspendUser(id: $id, reason: "Fake documents") { errors { code } } }"""


@pytest.fixture
def people(make_user, make_provider, make_request, token_for):
    from marketplace.accounts.models import Role

    customer, provider, rival = make_user(Role.CUSTOMER), make_provider(), make_provider()
    request = make_request(customer)
    return {
        "request": gid("ServiceRequest", request.pk),
        "group": f"request.{request.pk}",
        "provider_id": gid("User", provider.pk),
        "tokens": {
            "customer": token_for(customer),
            "provider": token_for(provider),
            "rival": token_for(rival),
            "admin": token_for(make_user(Role.ADMIN)),
        },
    }


async def test_suspension_ends_the_provider_s_subscription_and_the_customer_sees_the_bid_withdrawn(people, agql):
    tokens = people["tokens"]
    async with connect(tokens["customer"]) as customer_ws, connect(tokens["provider"]) as provider_ws:
        watching = await Subscription(customer_ws, BID_EVENTS, {"r": people["request"]}).start()
        suspended = await Subscription(provider_ws, BID_EVENTS, {"r": people["request"]}).start()
        await joined(people["group"], members=2)
        bid = (await agql(PLACE, {"r": people["request"], "a": 420_000}, token=tokens["provider"])).data["placeBid"]["bid"]["id"]
        assert (await watching.next())["payload"]["data"]["bidEvents"]["kind"] == "PLACED"
        assert (await suspended.next())["payload"]["data"]["bidEvents"]["kind"] == "PLACED"

        result = await agql(SUSPEND, {"id": people["provider_id"]}, token=tokens["admin"])
        assert result.data["suspendUser"]["errors"] == []

        withdrawn = (await watching.next())["payload"]["data"]["bidEvents"]
        assert withdrawn == {"kind": "WITHDRAWN", "bid": {"id": bid, "status": "WITHDRAWN"}}
        ended = await suspended.next()
        assert ended["type"] == "next" and ended["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
        assert (await suspended.next())["type"] == "complete"

        # The customer keeps receiving later events; the suspended provider gets nothing more.
        await agql(PLACE, {"r": people["request"], "a": 410_000}, token=tokens["rival"])
        assert (await watching.next())["payload"]["data"]["bidEvents"]["kind"] == "PLACED"
        assert await suspended.nothing_more()
