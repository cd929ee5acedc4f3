from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info

from marketplace.notifications.models import Notification

from ..permissions import IsSignedIn, current_user
from .types import NotificationConnection


@strawberry.type
class NotificationQuery:
    @strawberry_django.connection(NotificationConnection, extensions=[IsSignedIn()])
    def notifications(self, info: Info, unread_only: bool = False) -> list[Notification]:
        """The signed-in user's notifications, newest first."""
        queryset = Notification.objects.filter(user=current_user(info))
        return (queryset.filter(read_at__isnull=True) if unread_only else queryset).order_by("-created_at", "-id")
