"""The event bus: domain code publishes typed events after commit; subscribers listen on channel-layer groups.

Publishing never fails the caller: the data is already committed, so a channel-layer outage is logged and
clients catch up from persisted state (e.g. `chatMessages(afterId)`).
"""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def publish(group: str, event_type: str, payload: dict[str, Any]) -> bool:
    """Send one event to a channel-layer group now. Returns False (and logs) when the layer is unreachable."""
    layer = get_channel_layer()
    if layer is None:
        return False
    try:
        async_to_sync(layer.group_send)(group, {"type": "serveflow.event", "event": event_type, "payload": payload})
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


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def feed_group(category_id: int) -> str:
    """New open requests in a category (providers' live feed)."""
    return f"feed.{category_id}"
