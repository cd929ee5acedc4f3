"""Creating notifications: persisted first, announced to the user's live channel after commit."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models

from realtime.events import publish_after_commit, user_group

from .models import Notification


def notify(user, kind: str, title: str, body: str = "", target: models.Model | None = None) -> Notification:
    """Persist one notification for `user` and announce it after commit."""
    return notify_many([user], kind, title, body, target)[0]


def notify_many(users: Iterable, kind: str, title: str, body: str = "", target: models.Model | None = None) -> list[Notification]:
    """The same notification for several users, in one insert."""
    target_type = target._meta.label_lower if target is not None else ""
    target_id = str(target.pk) if target is not None else ""
    rows = Notification.objects.bulk_create(
        [Notification(user=user, kind=kind, title=title, body=body, target_type=target_type, target_id=target_id) for user in users]
    )
    for row in rows:
        publish_after_commit(user_group(row.user_id), "notification.created", {"id": row.pk, "kind": kind})
    return rows
