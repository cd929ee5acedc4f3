"""Outgoing email: composed in the domain, sent by the background runner after the transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage

from .background import durable_task, enqueue_after_commit


@durable_task(max_attempts=6, backoff_seconds=60)
def deliver_email(to: list[str], subject: str, body: str) -> None:
    """Send one plain-text email through Django's mail API (SMTP in production, console in development)."""
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to).send()


def send_email_after_commit(to: str, subject: str, body: str) -> None:
    """Queue an email that goes out only if the surrounding transaction commits."""
    enqueue_after_commit(deliver_email, [to], subject, body)
