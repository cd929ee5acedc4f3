from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay
from strawberry_django.relay import DjangoListConnection

from marketplace.chat.models import Message
from marketplace.chat.services import readable_job

from ..ids import decode
from ..permissions import IsSignedIn, current_user
from .types import ChatMessageType


@strawberry.type
class ChatQuery:
    @strawberry_django.connection(DjangoListConnection[ChatMessageType], extensions=[IsSignedIn()])
    def messages(self, info: Info, job_id: relay.GlobalID) -> list[Message]:
        """A job's chat, oldest first: page forward with `first`/`after`, or fetch the latest with `last`/`before`.
        Only the job's customer, its provider and admins (others get NOT_FOUND)."""
        job = readable_job(decode(job_id, "Job"), current_user(info))
        return Message.objects.filter(job=job).order_by("id")
