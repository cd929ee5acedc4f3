from __future__ import annotations

from datetime import datetime

import strawberry_django
from strawberry import Info, relay

from marketplace.chat.models import Message
from marketplace.visibility import visible_job_parts

from ..permissions import current_user
from ..visibility import guarded_by


@strawberry_django.type(Message, name="ChatMessage")
class ChatMessageType(relay.Node):
    body: str = strawberry_django.field(description="Plain text as written; clients escape it when rendering.")
    created_at: datetime

    get_queryset = guarded_by(visible_job_parts)

    @strawberry_django.field(select_related=["sender"], only=["sender__role"], description="CUSTOMER or PROVIDER.")
    def sender_role(self) -> str:
        return self.sender.role

    @strawberry_django.field(select_related=["sender"], only=["sender__first_name", "sender__last_name", "sender__email"])
    def sender_name(self) -> str:
        return self.sender.get_full_name()

    @strawberry_django.field(only=["sender_id"], description="Whether the signed-in user wrote it.")
    def is_mine(self, info: Info, root: Message) -> bool:
        viewer = current_user(info)
        return viewer is not None and root.sender_id == viewer.pk
