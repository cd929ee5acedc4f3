from __future__ import annotations

from datetime import datetime

import strawberry
import strawberry_django
from strawberry import Info, relay
from strawberry_django.relay import DjangoListConnection

from marketplace.notifications.models import Notification
from marketplace.notifications.services import unread_count
from marketplace.visibility import visible_notifications

from ..permissions import current_user
from ..visibility import guarded_by


@strawberry_django.type(Notification, name="Notification")
class NotificationType(relay.Node):
    kind: str = strawberry_django.field(description="e.g. BID_PLACED, BID_ACCEPTED, JOB_STATUS, NEW_MESSAGE, REVIEW_RECEIVED.")
    title: str
    body: str
    target_type: str = strawberry_django.field(description="What it is about, e.g. jobs.job, service_requests.servicerequest.")
    created_at: datetime
    read_at: datetime | None

    get_queryset = guarded_by(visible_notifications)

    @strawberry_django.field(only=["read_at"])
    def is_read(self) -> bool:
        return self.read_at is not None

    @strawberry_django.field(
        only=["target_type", "target_id"], description="The global ID of the job or request it is about, when there is one."
    )
    def target_id(self) -> relay.GlobalID | None:
        type_name = {"jobs.job": "Job", "service_requests.servicerequest": "ServiceRequest"}.get(self.target_type)
        return relay.GlobalID(type_name, self.target_id) if type_name and self.target_id else None


@strawberry.type(name="NotificationConnection")
class NotificationConnection(DjangoListConnection[NotificationType]):
    @strawberry.field(description="How many of the signed-in user's notifications are unread (all of them, not this page).")
    def unread_count(self, info: Info) -> int:
        viewer = current_user(info)
        return unread_count(viewer) if viewer is not None else 0
