"""Chat use cases: post (persist, then announce after commit), read state, unread counts, unread reminders.

Who: the job's customer and provider read and write; platform admins read (disputes need the conversation as
evidence) but do not write, so every message in a room is from one of the two people doing the work.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Expression, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from marketplace.accounts.models import User
from marketplace.errors import InvalidState, NotAllowed, NotFound
from marketplace.jobs.models import Job, JobStatus
from marketplace.notifications.services import notify
from marketplace.visibility import visible_jobs
from realtime.events import MessagePosted, announce

from .models import MAX_BODY_LENGTH, Message, ReadMarker
from .reminders import reminder_delay, schedule_reminder


def readable_job(job_id: int, viewer: User | None) -> Job:
    """The job if `viewer` may read its chat (a party or an admin); NotFound otherwise (same as a missing job)."""
    job = visible_jobs(Job.objects.select_related("request"), viewer).filter(pk=job_id).first()
    if job is None:
        raise NotFound("job")
    return job


def clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": ValidationError("Write a message.", code="REQUIRED")})
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError({"body": ValidationError(f"At most {MAX_BODY_LENGTH} characters.", code="TOO_LONG")})
    return body


@transaction.atomic
def send_message(job_id: int, *, by: User, body: str) -> Message:
    """Persist a message from one of the job's parties, then announce it after commit. The sender has read it."""
    body = clean_body(body)
    job = readable_job(job_id, by)
    if not job.is_party(by):
        raise NotAllowed("Only the job's customer and provider write in its chat.")
    if job.status == JobStatus.CANCELLED:
        raise InvalidState("This job was cancelled; its chat is read-only.")
    message = Message.objects.create(job=job, sender=by, body=body)
    _advance_marker(job, by, message.pk)
    announce(MessagePosted(job_id=job.pk, message_id=message.pk))
    schedule_reminder(message)
    return message


def _advance_marker(job: Job, user: User, up_to: int) -> None:
    marker, _ = ReadMarker.objects.select_for_update().get_or_create(job=job, user=user)
    if up_to > marker.last_read_message_id:
        marker.last_read_message_id = up_to
        marker.save(update_fields=["last_read_message_id", "updated_at"])


@transaction.atomic
def mark_read(job_id: int, *, by: User, up_to_message_id: int | None = None) -> int:
    """Mark the job's messages read up to `up_to_message_id` (default: all). Never moves backwards. Returns the
    number still unread for `by`."""
    job = readable_job(job_id, by)
    latest = Message.objects.filter(job=job).order_by("-id").values_list("pk", flat=True).first() or 0
    up_to = latest if up_to_message_id is None else min(up_to_message_id, latest)
    _advance_marker(job, by, up_to)
    return unread_count(job.pk, by)


def unread_messages(viewer: User) -> Expression:
    """An annotation for a Job queryset: how many of its messages `viewer` has not read (others' messages only)."""
    last_read = ReadMarker.objects.filter(job_id=OuterRef("job_id"), user=viewer).values("last_read_message_id")[:1]
    counted = (
        Message.objects.filter(job_id=OuterRef("pk"))
        .exclude(sender=viewer)
        .filter(pk__gt=Coalesce(Subquery(last_read), Value(0)))
        .order_by()
        .values("job_id")
        .annotate(unread=Count("pk"))
        .values("unread")
    )
    return Coalesce(Subquery(counted), Value(0))


def unread_count(job_id: int, viewer: User) -> int:
    return Job.objects.filter(pk=job_id).annotate(unread=unread_messages(viewer)).values_list("unread", flat=True).first() or 0


def remind_if_unread(message_id: int) -> bool:
    """Tell the recipient about a message still unread after the reminder delay (notification + email).

    One reminder per burst: a message followed by another from the same sender leaves it to the later one."""
    message = Message.objects.select_related("job__request", "job__customer", "job__provider", "sender").filter(pk=message_id).first()
    if message is None or message.created_at + reminder_delay() > timezone.now():
        return False
    job = message.job
    recipient = job.provider if message.sender_id == job.customer_id else job.customer
    if Message.objects.filter(job=job, sender=message.sender, pk__gt=message.pk).exists():
        return False
    read_up_to = ReadMarker.objects.filter(job=job, user=recipient).values_list("last_read_message_id", flat=True).first() or 0
    if read_up_to >= message.pk or not recipient.is_active:
        return False
    with transaction.atomic():
        notify(
            recipient,
            "NEW_MESSAGE",
            f"New message about {job.request.title}",
            f"{message.sender.get_full_name()}: {message.body[:200]}",
            job,
        )
    return True
