from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry import Info

from marketplace.notifications.models import Notification
from realtime.events import user_group

from ..live import fresh_viewer, in_thread, listen
from .types import NotificationType


def _notification(info: Info, notification_id: int) -> Notification | None:
    return Notification.objects.filter(pk=notification_id, user=fresh_viewer(info)).first()


@strawberry.type
class NotificationSubscription:
    @strawberry.subscription(description="The signed-in user's notifications as they are created.")
    async def notifications(self, info: Info) -> AsyncGenerator[NotificationType, None]:
        user_id = (await in_thread(fresh_viewer, info)).pk
        async with listen(info, user_group(user_id)) as events:
            async for event in events:
                notification = await in_thread(_notification, info, event["payload"]["notification_id"])
                if notification is not None:
                    yield notification
