from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry import Info, relay

from marketplace.chat.models import Message
from marketplace.chat.services import readable_job
from realtime.events import chat_group

from ..ids import decode
from ..live import fresh_viewer, in_thread, listen
from .types import ChatMessageType

REPLAY_PAGE = 100


def _messages_after(info: Info, job_id: int, after: int, limit: int | None = REPLAY_PAGE) -> list[Message]:
    """Persisted messages with an id above `after`, oldest first, if the viewer (re-checked) may read the chat."""
    job = readable_job(job_id, fresh_viewer(info))
    queryset = Message.objects.filter(job=job, pk__gt=after).select_related("sender").order_by("id")
    return list(queryset[:limit] if limit else queryset)


def _check(info: Info, job_id: int) -> None:
    readable_job(job_id, fresh_viewer(info))


def _message(info: Info, job_id: int, message_id: int) -> Message | None:
    job = readable_job(job_id, fresh_viewer(info))
    return Message.objects.filter(job=job, pk=message_id).select_related("sender").first()


@strawberry.type
class ChatSubscription:
    @strawberry.subscription(
        description="A job's chat messages: with `afterId`, first every saved message after it, then new ones as they "
        "are sent — each exactly once. Only the job's customer, its provider and admins."
    )
    async def chat_messages(
        self, info: Info, job_id: relay.GlobalID, after_id: relay.GlobalID | None = None
    ) -> AsyncGenerator[ChatMessageType, None]:
        pk = decode(job_id, "Job")
        cursor = decode(after_id, "ChatMessage") if after_id is not None else None
        # Join the room before reading the backlog: a message committed meanwhile arrives live and is deduplicated.
        async with listen(info, chat_group(pk)) as events:
            replayed: set[int] = set()
            if cursor is None:
                await in_thread(_check, info, pk)
            else:
                high_water = cursor
                while page := await in_thread(_messages_after, info, pk, high_water):
                    for message in page:
                        replayed.add(message.pk)
                        yield message
                    high_water = page[-1].pk
            async for event in events:
                message_id = event["payload"]["message_id"]
                # Ids are allocated before commit, so a lower id may commit (and arrive) after a higher one: only
                # what the replay already delivered is dropped, never merely "anything below the high-water mark".
                if message_id in replayed or (cursor is not None and message_id <= cursor):
                    continue
                message = await in_thread(_message, info, pk, message_id)
                if message is not None:
                    yield message
