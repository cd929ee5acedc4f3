"""Creating notifications: persisted first, announced to the user's live channel after commit, and emailed (after
commit, through the background runner) for the kinds that matter, unless the user opted out."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from marketplace.mail import send_email_after_commit
from realtime.events import NotificationCreated, announce

from .models import Notification

# Kinds worth an email: someone is waiting on the user, or money or their standing changed.
EMAILED_KINDS = frozenset(
    {
        "BID_PLACED",  # a customer has a new bid to consider
        "BID_ACCEPTED",
        "OFFER_ACCEPTED",
        "JOB_STATUS",  # payment held, started, delivered, completed, cancelled, dispute resolved
        "NEW_MESSAGE",  # only sent when a chat message stays unread (see marketplace/chat/reminders.py)
        "REVIEW_RECEIVED",
    }
)
# PROVIDER_APPROVED / PROVIDER_REJECTED are not listed: `providers.services` always emails the verdict itself (an
# account-status message, sent even to users who turned notification emails off).


def notify(user, kind: str, title: str, body: str = "", target: models.Model | None = None) -> Notification:
    """Persist one notification for `user` and announce it after commit."""
    return notify_many([user], kind, title, body, target)[0]


def notify_many(users: Iterable, kind: str, title: str, body: str = "", target: models.Model | None = None) -> list[Notification]:
    """The same notification for several users, in one insert; each is announced (and maybe emailed) after commit."""
    users = list(users)
    target_type = target._meta.label_lower if target is not None else ""
    target_id = str(target.pk) if target is not None else ""
    rows = Notification.objects.bulk_create(
        [Notification(user=user, kind=kind, title=title, body=body, target_type=target_type, target_id=target_id) for user in users]
    )
    for user, row in zip(users, rows, strict=True):
        announce(NotificationCreated(user_id=row.user_id, notification_id=row.pk, kind=kind))
        if kind in EMAILED_KINDS and user.email and user.email_notifications:
            send_email_after_commit(user.email, title, _email_body(body))
    return rows


def _email_body(body: str) -> str:
    lines = [body] if body else []
    lines += [
        f"Open ServeFlow: {settings.CLIENT_URL}",
        "",
        "You receive these emails because email notifications are on in your profile; turn them off there.",
    ]
    return "\n".join(lines)


@transaction.atomic
def mark_read(user, *, ids: Iterable[int] | None = None) -> int:
    """Mark the user's notifications read (those in `ids`, or all when `ids` is None). Others' ids are ignored.
    Returns how many changed."""
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=list(ids))
    return rows.update(read_at=timezone.now())


def unread_count(user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
