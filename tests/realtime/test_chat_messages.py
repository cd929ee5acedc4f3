"""`chatMessages(jobId, afterId)`: only the job's parties and admins; replay after `afterId`, then live, each once."""

import asyncio

import pytest
from channels.db import database_sync_to_async

from marketplace.chat import services as chat
from tests.marketplace.conftest import gid

from .conftest import Subscription, connect, joined

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHAT = "subscription($j: ID!, $after: ID) { chatMessages(jobId: $j, afterId: $after) { id body senderRole isMine } }"
SEND = "mutation($j: ID!, $b: String!) { sendMessage(jobId: $j, body: $b) { message { id } errors { code } } }"


@pytest.fixture
def room(marketplace, token_for):
    job = marketplace["accept"]()
    people = ("customer", "provider", "rival", "other_customer", "admin")
    return marketplace | {"job": job, "job_id": gid("Job", job.pk), "tokens": {name: token_for(marketplace[name]) for name in people}}


def body_of(message: dict) -> str:
    assert message["type"] == "next", message
    return message["payload"]["data"]["chatMessages"]["body"]


@pytest.mark.parametrize("stranger", ["rival", "other_customer"])
async def test_stranger_cannot_subscribe_to_another_job_s_chat(room, stranger):
    await database_sync_to_async(chat.send_message)(room["job"].pk, by=room["customer"], body="Gate code is 4411")
    async with connect(room["tokens"][stranger]) as ws:
        reply = await (await Subscription(ws, CHAT, {"j": room["job_id"], "after": gid("ChatMessage", 0)}).start()).next()
        assert reply["payload"]["data"] is None
        assert reply["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert "4411" not in str(reply)
        assert (await ws.receive_json_from())["type"] == "complete"


async def test_after_id_replays_missed_messages_exactly_once_then_streams_live(room, agql):
    send = database_sync_to_async(chat.send_message)
    job, customer, provider = room["job"].pk, room["customer"], room["provider"]
    seen = await send(job, by=customer, body="Hello")  # the client already had this one
    await send(job, by=provider, body="Missed 1")
    await send(job, by=customer, body="Missed 2")

    async with connect(room["tokens"]["provider"]) as ws:
        sub = await Subscription(ws, CHAT, {"j": room["job_id"], "after": gid("ChatMessage", seen.pk)}).start()
        replayed = [await sub.next(), await sub.next()]
        await joined(f"chat.{job}")
        sent = await agql(SEND, {"j": room["job_id"], "b": "Live one"}, token=room["tokens"]["customer"])
        assert sent.data["sendMessage"]["errors"] == []
        live = await sub.next()
        assert await sub.nothing_more()

    assert [body_of(m) for m in replayed] == ["Missed 1", "Missed 2"]
    assert replayed[0]["payload"]["data"]["chatMessages"] == {
        "id": gid("ChatMessage", seen.pk + 1),
        "body": "Missed 1",
        "senderRole": "PROVIDER",
        "isMine": True,
    }
    assert body_of(live) == "Live one" and live["payload"]["data"]["chatMessages"]["id"] == sent.data["sendMessage"]["message"]["id"]


async def test_a_message_committed_during_the_replay_arrives_once(room):
    """The subscription joins the room before reading the backlog; the live copy of a replayed message is dropped."""
    job, customer = room["job"].pk, room["customer"]
    for n in range(150):  # more than one replay page
        await database_sync_to_async(chat.send_message)(job, by=customer, body=f"m{n}")
    async with connect(room["tokens"]["provider"]) as ws:
        sub = await Subscription(ws, CHAT, {"j": room["job_id"], "after": gid("ChatMessage", 0)}).start()
        await joined(f"chat.{job}")
        writer = asyncio.ensure_future(database_sync_to_async(chat.send_message)(job, by=customer, body="during"))
        bodies = [body_of(await sub.next()) for _ in range(151)]
        await writer
        assert await sub.nothing_more()
    assert bodies[:150] == [f"m{n}" for n in range(150)]
    assert bodies[150] == "during" and bodies.count("during") == 1


async def test_admin_reads_the_chat_live(room, agql):
    async with connect(room["tokens"]["admin"]) as ws:
        sub = await Subscription(ws, CHAT, {"j": room["job_id"]}).start()
        await joined(f"chat.{room['job'].pk}")
        await agql(SEND, {"j": room["job_id"], "b": "Arriving at 5"}, token=room["tokens"]["provider"])
        message = await sub.next()
    assert message["payload"]["data"]["chatMessages"]["body"] == "Arriving at 5"
    assert message["payload"]["data"]["chatMessages"]["isMine"] is False
