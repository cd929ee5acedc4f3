"""Scale-out: two uvicorn processes sharing PostgreSQL and Redis behave as one."""

from __future__ import annotations

import asyncio
import json
import os

import pytest
import websockets
from django.conf import settings
from django.db import connection

from tests.marketplace.conftest import gid

from .conftest import joined
from .servers import UvicornProcess

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"), reason="needs PostgreSQL and Redis"),
]

BID_EVENTS = "subscription($r: ID!) { bidEvents(requestId: $r) { kind bid { id amount { amount } } } }"
PLACE = "mutation($r: ID!, $a: Int!) { placeBid(requestId: $r, amount: $a) { bid { id } errors { code } } }"


@pytest.fixture
def request_with_people(make_user, make_provider, make_request, token_for):
    customer = make_user("CUSTOMER")
    request = make_request(customer)
    return {"request": request, "customer": token_for(customer), "provider": token_for(make_provider())}


async def test_subscriber_on_process_a_receives_a_bid_placed_on_process_b(request_with_people):
    env = {
        "DJANGO_SETTINGS_MODULE": "settings.test",
        # The processes use the database this test run created (the test database), not the configured name.
        "DATABASE_URL": os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"],
        "CHANNEL_LAYER_PREFIX": settings.CHANNEL_LAYERS["default"]["CONFIG"]["prefix"],
    }
    request_id = gid("ServiceRequest", request_with_people["request"].pk)
    with UvicornProcess(env) as a, UvicornProcess(env) as b:
        assert a.port != b.port
        async with websockets.connect(f"ws://127.0.0.1:{a.port}/graphql/", subprotocols=["graphql-transport-ws"]) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": {"authToken": request_with_people["customer"]}}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
            await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": BID_EVENTS, "variables": {"r": request_id}}}))
            await joined(f"request.{request_with_people['request'].pk}", in_process=False)

            placed = await asyncio.to_thread(b.graphql, PLACE, {"r": request_id, "a": 123_400}, request_with_people["provider"])
            assert placed["data"]["placeBid"]["errors"] == []
            event = json.loads(await asyncio.wait_for(ws.recv(), 10))

    assert event["type"] == "next" and event["id"] == "1"
    assert event["payload"]["data"]["bidEvents"] == {
        "kind": "PLACED",
        "bid": {"id": placed["data"]["placeBid"]["bid"]["id"], "amount": {"amount": 123_400}},
    }
