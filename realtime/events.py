"""The event bus: domain code publishes typed events after commit; subscribers listen on channel-layer groups.

This module is the one place that maps a domain event to the group it is announced on:

| event                 | group                   | who listens (filtered again per viewer by the subscription) |
|-----------------------|-------------------------|--------------------------------------------------------------|
| `BidChanged`          | `request.<request id>`  | `bidEvents(requestId)`                                       |
| `RequestChanged`      | `request.<request id>`  | (request pages; not yet a subscription)                     |
| `RequestOpened`       | `feed.<category id>`    | `openRequestFeed` (approved providers, per category joined)  |
| `JobChanged`          | `job.<job id>`          | `jobUpdates(jobId)`                                          |
| `MessagePosted`       | `chat.<job id>`         | `chatMessages(jobId, afterId)`                               |
| `NotificationCreated` | `user.<user id>`        | `notifications`                                              |

Events carry ids only, never amounts or text: every subscriber re-reads the row through `marketplace.visibility`,
so what a viewer receives is exactly what that viewer may query.

Publishing never fails the caller: the data is already committed, so a channel-layer outage is logged and
clients catch up from persisted state (e.g. `chatMessages(afterId)`, the `notifications` query).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import asdict, dataclass
from typing import Any, ClassVar

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)

# The channel-layer message type every subscription listens for (`ChannelsConsumer.listen_to_channel`).
MESSAGE_TYPE = "serveflow.event"


def publish(group: str, event_type: str, payload: dict[str, Any]) -> bool:
    """Send one event to a channel-layer group now. Returns False (and logs) when the layer is unreachable."""
    layer = get_channel_layer()
    if layer is None:
        return False
    # `id` lets every subscriber in a process share one database read per event (graphql_api.live.SharedReads).
    message = {"type": MESSAGE_TYPE, "id": uuid.uuid4().hex, "group": group, "event": event_type, "payload": payload}
    try:
        async_to_sync(layer.group_send)(group, message)
    except Exception:
        logger.exception("could not publish %s to %s", event_type, group)
        return False
    return True


def publish_after_commit(group: str, event_type: str, payload: dict[str, Any]) -> None:
    """Publish once the current transaction commits; nothing is announced for a rolled-back change."""
    transaction.on_commit(lambda: publish(group, event_type, payload))


# Channel-layer groups. Names: ASCII letters, digits, hyphens, underscores and periods, under 100 characters.
def request_group(request_id: int) -> str:
    """Everything about one request's bids (the customer and admins see all; providers are filtered per event)."""
    return f"request.{request_id}"


def job_group(job_id: int) -> str:
    return f"job.{job_id}"


def chat_group(job_id: int) -> str:
    """The job's chat room (separate from `job.<id>` so chatter does not wake job-status subscribers)."""
    return f"chat.{job_id}"


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def feed_group(category_id: int) -> str:
    """New open requests in a category (providers' live feed)."""
    return f"feed.{category_id}"


@dataclass(frozen=True)
class DomainEvent:
    """A typed event; `group` and `event_type` say where it goes, the fields are its payload (ids only)."""

    event_type: ClassVar[str] = ""

    @property
    def group(self) -> str:
        raise NotImplementedError

    def payload(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class BidChanged(DomainEvent):
    request_id: int
    bid_id: int
    provider_id: int
    kind: str  # placed | updated | withdrawn | accepted | declined

    @property
    def event_type(self) -> str:  # type: ignore[override]
        return f"bid.{self.kind}"

    @property
    def group(self) -> str:
        return request_group(self.request_id)


@dataclass(frozen=True)
class RequestChanged(DomainEvent):
    request_id: int
    kind: str  # updated | assigned | cancelled
    job_id: int | None = None

    @property
    def event_type(self) -> str:  # type: ignore[override]
        return f"request.{self.kind}"

    @property
    def group(self) -> str:
        return request_group(self.request_id)


@dataclass(frozen=True)
class RequestOpened(DomainEvent):
    event_type: ClassVar[str] = "request.opened"
    category_id: int
    request_id: int

    @property
    def group(self) -> str:
        return feed_group(self.category_id)


@dataclass(frozen=True)
class JobChanged(DomainEvent):
    event_type: ClassVar[str] = "job.updated"
    job_id: int
    status: str

    @property
    def group(self) -> str:
        return job_group(self.job_id)


@dataclass(frozen=True)
class MessagePosted(DomainEvent):
    event_type: ClassVar[str] = "chat.message"
    job_id: int
    message_id: int

    @property
    def group(self) -> str:
        return chat_group(self.job_id)


@dataclass(frozen=True)
class NotificationCreated(DomainEvent):
    event_type: ClassVar[str] = "notification.created"
    user_id: int
    notification_id: int
    kind: str

    @property
    def group(self) -> str:
        return user_group(self.user_id)


def announce(event: DomainEvent) -> None:
    """Publish a typed domain event to its group once the current transaction commits."""
    publish_after_commit(event.group, event.event_type, event.payload())
