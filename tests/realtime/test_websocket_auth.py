"""The websocket on /graphql/ authenticates with the same bearer token, sent in `connection_init`."""

from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from marketplace.accounts.models import ApiToken, User
from marketplace.accounts.tokens import issue_token, revoke_token
from settings.asgi import application

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ORIGIN = (b"origin", b"http://127.0.0.1:8000")


def communicator(origin=ORIGIN, protocol="graphql-transport-ws"):
    return WebsocketCommunicator(application, "/graphql/", headers=[origin], subprotocols=[protocol])


@database_sync_to_async
def new_token(**changes) -> str:
    user = User.objects.create_user(email=f"ws{User.objects.count()}@example.com", password="x" * 12)
    raw, token = issue_token(user)
    for field, value in changes.items():
        setattr(token, field, value)
    token.save()
    return raw


async def init(ws, payload) -> dict:
    connected, subprotocol = await ws.connect()
    assert connected and subprotocol == "graphql-transport-ws"
    await ws.send_json_to({"type": "connection_init", "payload": payload})
    return await ws.receive_output(timeout=3)


async def test_valid_token_is_acknowledged_and_heartbeat_streams():
    ws = communicator()
    raw = await new_token()
    ack = await init(ws, {"authToken": raw})
    assert ack["type"] == "websocket.send" and '"connection_ack"' in ack["text"]
    await ws.send_json_to({"id": "1", "type": "subscribe", "payload": {"query": "subscription { heartbeat(everySeconds: 1) { email } }"}})
    message = await ws.receive_json_from(timeout=3)
    assert message["type"] == "next" and message["payload"]["data"]["heartbeat"]["email"].startswith("ws")
    await ws.disconnect()


@pytest.mark.parametrize("payload", [{}, {"authToken": "sf_not-a-real-token"}, {"authToken": 42}, {"token": "x"}])
async def test_missing_or_bad_token_is_closed_with_4403(payload):
    ws = communicator()
    closed = await init(ws, payload)
    assert closed == {"type": "websocket.close", "code": 4403, "reason": "Forbidden"}


async def test_expired_token_is_closed_with_4403():
    ws = communicator()
    raw = await new_token(expires_at=timezone.now() - timedelta(minutes=1))
    assert (await init(ws, {"authToken": raw}))["code"] == 4403


async def test_revoked_token_is_closed_with_4403():
    ws = communicator()
    raw = await new_token()
    await database_sync_to_async(lambda: revoke_token(ApiToken.objects.get()))()
    assert (await init(ws, {"authToken": raw}))["code"] == 4403


async def test_foreign_origin_is_refused():
    ws = communicator(origin=(b"origin", b"https://evil.example"))
    connected, _ = await ws.connect()
    assert not connected


async def test_legacy_protocol_is_refused():
    ws = communicator(protocol="graphql-ws")
    await ws.connect()
    assert await ws.receive_output(timeout=3) == {"type": "websocket.close", "code": 4406, "reason": "Subprotocol not acceptable"}


async def test_subscriptions_per_connection_are_capped(settings):
    ws = communicator()
    raw = await new_token()
    await init(ws, {"authToken": raw})
    for i in range(settings.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION + 1):
        await ws.send_json_to(
            {"id": str(i), "type": "subscribe", "payload": {"query": "subscription { heartbeat(everySeconds: 60) { at } }"}}
        )
    limit = settings.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION
    messages = [await ws.receive_json_from(timeout=3) for _ in range(limit + 1)]
    errors = [m for m in messages if m["type"] == "error"]
    assert [e["id"] for e in errors] == [str(limit)]
    assert errors[0]["payload"][0]["message"] == "Subscription limit reached"
    assert sum(m["type"] == "next" for m in messages) == limit
    await ws.disconnect()


async def test_heartbeat_stops_once_its_token_is_revoked():
    ws = communicator()
    raw = await new_token()
    await init(ws, {"authToken": raw})
    await ws.send_json_to({"id": "1", "type": "subscribe", "payload": {"query": "subscription { heartbeat(everySeconds: 1) { email } }"}})
    assert (await ws.receive_json_from(timeout=3))["type"] == "next"
    await database_sync_to_async(lambda: revoke_token(ApiToken.objects.get()))()
    message = await ws.receive_json_from(timeout=3)
    # The next tick re-checks the token: an error ends the stream instead of another heartbeat.
    assert message["type"] == "next" and message["payload"]["data"] is None, message
    assert message["payload"]["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED", message
    assert (await ws.receive_json_from(timeout=3))["type"] == "complete"
    await ws.disconnect()
