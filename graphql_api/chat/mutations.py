from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay

from marketplace.chat import services

from ..errors import FieldError, attempt
from ..ids import decode
from ..permissions import IsSignedIn, require_user
from ..throttle import throttle
from .types import ChatMessageType


@strawberry.type
class SendMessagePayload:
    message: ChatMessageType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class MarkMessagesReadPayload:
    unread_count: int | None = strawberry.field(default=None, description="Messages still unread in this job's chat.")
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class ChatMutation:
    @strawberry_django.mutation(extensions=[IsSignedIn()])
    def send_message(self, info: Info, job_id: relay.GlobalID, body: str) -> SendMessagePayload:
        """Post in a job's chat (its customer or provider; admins read only). Saved first, then delivered live."""
        user = require_user(info)
        return attempt(
            SendMessagePayload,
            lambda: (
                throttle(info, "send_message", field="body")
                or SendMessagePayload(message=services.send_message(decode(job_id, "Job"), by=user, body=body))
            ),
        )

    @strawberry_django.mutation(extensions=[IsSignedIn()])
    def mark_messages_read(
        self, info: Info, job_id: relay.GlobalID, up_to_message_id: relay.GlobalID | None = None
    ) -> MarkMessagesReadPayload:
        """Mark the job's chat read up to a message (default: everything so far)."""
        user = require_user(info)
        up_to = decode(up_to_message_id, "ChatMessage") if up_to_message_id is not None else None
        return attempt(
            MarkMessagesReadPayload,
            lambda: MarkMessagesReadPayload(unread_count=services.mark_read(decode(job_id, "Job"), by=user, up_to_message_id=up_to)),
        )
