from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay

from marketplace.notifications import services

from ..errors import FieldError
from ..ids import decode
from ..permissions import IsSignedIn, require_user


@strawberry.type
class MarkNotificationsReadPayload:
    marked_count: int = 0
    unread_count: int = 0
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class NotificationMutation:
    @strawberry_django.mutation(extensions=[IsSignedIn()])
    def mark_notifications_read(
        self, info: Info, ids: list[relay.GlobalID] | None = None, all: bool = False
    ) -> MarkNotificationsReadPayload:
        """Mark the given notifications (or, with `all: true`, every one) read. Others' ids are ignored."""
        user = require_user(info)
        if not all and not ids:
            return MarkNotificationsReadPayload(errors=[FieldError(field="ids", message="Give ids or all: true.", code="REQUIRED")])
        marked = services.mark_read(user, ids=None if all else [decode(i, "Notification") for i in ids])
        return MarkNotificationsReadPayload(marked_count=marked, unread_count=services.unread_count(user))
