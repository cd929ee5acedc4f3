"""With the channel layer unreachable, writes still succeed and persist; clients recover with `afterId`."""

import copy
import logging
import socket

import pytest
from channels.layers import channel_layers

from marketplace.chat.models import Message
from tests.marketplace.conftest import gid

from .conftest import Subscription, connect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEND = "mutation($j: ID!, $b: String!) { sendMessage(jobId: $j, body: $b) { message { id body } errors { code } } }"
CHAT = "subscription($j: ID!, $after: ID) { chatMessages(jobId: $j, afterId: $after) { id body } }"


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def job(marketplace, token_for):
    return {"job": marketplace["accept"](), "customer": token_for(marketplace["customer"]), "provider": token_for(marketplace["provider"])}


@pytest.mark.parametrize("backend", ["channels_redis.pubsub.RedisPubSubChannelLayer", "channels_redis.core.RedisChannelLayer"])
async def test_send_message_succeeds_without_a_channel_layer_and_is_there_on_reconnect(job, agql, settings, caplog, backend):
    job, customer, provider = job["job"], job["customer"], job["provider"]
    working = copy.deepcopy(settings.CHANNEL_LAYERS)
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": backend, "CONFIG": {"hosts": [f"redis://127.0.0.1:{closed_port()}"]}}}
    channel_layers.backends.clear()
    try:
        with caplog.at_level(logging.ERROR, logger="realtime.events"):
            sent = await agql(SEND, {"j": gid("Job", job.pk), "b": "Sent while Redis was down"}, token=customer)
    finally:
        settings.CHANNEL_LAYERS = working
        channel_layers.backends.clear()

    assert sent.data["sendMessage"]["errors"] == [] and sent.data["sendMessage"]["message"]["body"] == "Sent while Redis was down"
    assert await Message.objects.filter(job=job, body="Sent while Redis was down").aexists()
    assert any("could not publish chat.message" in r.getMessage() for r in caplog.records)

    # The provider's client reconnects with the last id it had (none from this job yet) and gets the message.
    async with connect(provider) as ws:
        sub = await Subscription(ws, CHAT, {"j": gid("Job", job.pk), "after": gid("ChatMessage", 0)}).start()
        replayed = await sub.next()
    assert replayed["payload"]["data"]["chatMessages"] == sent.data["sendMessage"]["message"] | {"body": "Sent while Redis was down"}
