"""'You have an unread message': a deferred task per message, acting only if it is still unread when it runs."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction

from marketplace.background import durable_task


def reminder_delay() -> timedelta:
    return timedelta(minutes=settings.CHAT_UNREAD_REMINDER_MINUTES)


@durable_task(max_attempts=3, backoff_seconds=60)
def remind_unread_message(message_id: int) -> None:
    from .services import remind_if_unread

    remind_if_unread(message_id)


def schedule_reminder(message) -> None:
    """After commit, defer the reminder until the message has had time to be read."""

    def enqueue():
        if remind_unread_message.get_backend().supports_defer:
            remind_unread_message.using(run_after=message.created_at + reminder_delay()).enqueue(message.pk)
        # Backends that cannot defer (tests' immediate runner) would remind at once: skip, like job timers do.

    transaction.on_commit(enqueue)
