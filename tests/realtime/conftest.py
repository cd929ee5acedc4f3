"""Websocket helpers: Strawberry's GraphQL communicator with a bearer token, and a wait for group membership."""

from __future__ import annotations

import asyncio
import contextlib
import os
import uuid

import pytest
from asgiref.sync import sync_to_async
from channels.layers import InMemoryChannelLayer, get_channel_layer
from strawberry.channels.testing import GraphQLWebsocketCommunicator

from settings.asgi import application
from tests.marketplace.conftest import categories, make_provider, make_request, marketplace  # noqa: F401  (shared fixtures)

ORIGIN = (b"origin", b"http://127.0.0.1:8000")


class Subscription:
    """One `subscribe` on a communicator; `next()` returns the next `next`/`error` message of this id."""

    def __init__(self, ws: GraphQLWebsocketCommunicator, query: str, variables: dict | None = None):
        self.ws, self.id = ws, uuid.uuid4().hex
        self.query, self.variables = query, variables or {}

    async def start(self) -> Subscription:
        await self.ws.send_json_to({"id": self.id, "type": "subscribe", "payload": {"query": self.query, "variables": self.variables}})
        return self

    async def next(self, timeout: float = 5) -> dict:
        message = await self.ws.receive_json_from(timeout=timeout)
        assert message.get("id") == self.id, message
        return message

    async def nothing_more(self, wait: float = 0.5) -> bool:
        return await self.ws.receive_nothing(timeout=wait)


@contextlib.asynccontextmanager
async def connect(token: str):
    ws = GraphQLWebsocketCommunicator(application, "/graphql/", headers=[ORIGIN], connection_params={"authToken": token})
    # Not `gql_init()`: it expects a bare ack, and ours carries `{"userId": …}`.
    assert await ws.connect() == (True, "graphql-transport-ws")
    await ws.send_json_to({"type": "connection_init", "payload": ws.connection_params})
    ack = await ws.receive_json_from(timeout=5)
    assert ack["type"] == "connection_ack", ack
    try:
        yield ws
    finally:
        await ws.disconnect()


async def group_members(group: str, *, in_process: bool = True) -> int:
    """How many channels listen to `group` on the configured layer, once the layer would deliver to them.

    Redis pub/sub subscribes once per process and group and keeps the members in process, so in-process members
    count only once Redis confirms the subscription; `in_process=False` counts subscribed processes instead."""
    layer = get_channel_layer()
    if isinstance(layer, InMemoryChannelLayer):
        return len(layer.groups.get(group, {}))
    import redis.asyncio as redis

    client = redis.from_url(os.environ["REDIS_URL"])
    try:
        if hasattr(layer, "_get_group_channel_name"):  # RedisPubSubChannelLayer
            name = layer._get_group_channel_name(group)
            [(_, processes)] = await client.pubsub_numsub(name)
            if not in_process:
                return processes
            return len(layer._get_layer().groups.get(name, ())) if processes else 0
        return await client.zcard(layer._group_key(group))  # RedisChannelLayer: a sorted set per group
    finally:
        await client.aclose()


async def joined(group: str, members: int = 1, timeout: float = 5, *, in_process: bool = True) -> None:
    """Wait until `members` subscriptions listen to `group`, so an event sent now reaches them."""
    deadline = asyncio.get_running_loop().time() + timeout
    while await group_members(group, in_process=in_process) < members:
        assert asyncio.get_running_loop().time() < deadline, f"nobody joined {group}"
        await asyncio.sleep(0.02)


@pytest.fixture
def agql(gql):
    """The `gql` HTTP client, callable from async tests (runs in Django's sync thread)."""
    return sync_to_async(gql)
