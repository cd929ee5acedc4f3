"""The job state machine's use cases. Each is one transaction that locks the job row, checks who may act and from
which state, records the transition and the audit entry, and announces the change after commit.

The money for each step (hold, release, refund, split) is posted by the payments module from inside these
functions, so a state change and its money commit or roll back together.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_fsm import can_proceed

from marketplace import platform_settings
from marketplace.accounts.models import User
from marketplace.audit.services import record
from marketplace.background import enqueue_after_commit
from marketplace.bids.models import Bid, BidStatus
from marketplace.errors import InvalidState, NotAllowed, NotFound
from marketplace.notifications.services import notify_many
from marketplace.payments import movements
from marketplace.payments.models import Payment, PaymentStatus
from marketplace.providers.models import ProviderProfile
from marketplace.service_requests.models import RequestStatus
from realtime.events import JobChanged, announce

from .dispute_analysis import analyse_dispute
from .models import Dispute, DisputeResolution, Job, JobStatus, JobTransition
from .timers import schedule_auto_release

Rule = Callable[[Job, User], bool]


def is_customer(job: Job, user: User) -> bool:
    return job.customer_id == user.pk


def is_provider(job: Job, user: User) -> bool:
    return job.provider_id == user.pk


def is_either_party(job: Job, user: User) -> bool:
    return job.is_party(user)


def is_admin(job: Job, user: User) -> bool:
    return user.is_platform_admin


def lock_job(job_id: int, viewer: User | None) -> Job:
    """The job, row-locked, if `viewer` may see it (a party or an admin; None = the platform itself)."""
    job = Job.objects.select_for_update().select_related("request", "customer", "provider").filter(pk=job_id).first()
    if job is None or (viewer is not None and not (job.is_party(viewer) or viewer.is_platform_admin)):
        raise NotFound("job")
    return job


def _apply(job: Job, transition: str, *, by: User | None, rule: Rule | None, who: str, note: str = "", data: dict | None = None) -> str:
    """Run one declared transition on a locked job; returns the previous status."""
    if by is not None and rule is not None and not rule(job, by):
        raise NotAllowed(f"Only {who} can do this.")
    method = getattr(job, transition)
    if not can_proceed(method):
        raise InvalidState(f"Not possible while the job is {job.get_status_display().lower()}.")
    before = job.status
    method()
    job.save()
    JobTransition.objects.create(job=job, from_status=before, to_status=job.status, actor=by, note=note[:500])
    record(f"job.{transition}", job, actor=by, data={"from": before, "to": job.status, **(data or {})})
    announce(JobChanged(job_id=job.pk, status=job.status))
    return before


def _tell_parties(job: Job, title: str, *, except_user: User | None = None) -> None:
    users = [u for u in (job.customer, job.provider) if except_user is None or u.pk != except_user.pk]
    notify_many(users, "JOB_STATUS", title, job.get_status_display(), job)


def _count_for_provider(job: Job, *, completed: bool) -> None:
    field = "jobs_completed" if completed else "jobs_failed"
    ProviderProfile.objects.filter(user_id=job.provider_id).update(**{field: F(field) + 1})


@transaction.atomic
def mark_paid(job_id: int) -> Job:
    """PENDING_PAYMENT → ACCEPTED, called by the payments module once the payment has succeeded; the whole payment
    is held for the job."""
    job = lock_job(job_id, None)
    payment = Payment.objects.select_for_update().filter(job=job, status=PaymentStatus.SUCCEEDED).first()
    if payment is None:
        raise InvalidState("No payment has succeeded for this job.")
    _apply(job, "mark_paid", by=None, rule=None, who="the platform")
    movements.hold_payment(payment)
    job.paid_at = timezone.now()
    job.save(update_fields=["paid_at"])
    _tell_parties(job, f"Payment held for {job.request.title}")
    return job


@transaction.atomic
def start_job(job_id: int, *, by: User) -> Job:
    job = lock_job(job_id, by)
    _apply(job, "start", by=by, rule=is_provider, who="the job's provider")
    job.started_at = timezone.now()
    job.save(update_fields=["started_at"])
    _tell_parties(job, f"Work started: {job.request.title}", except_user=by)
    return job


@transaction.atomic
def mark_delivered(job_id: int, *, by: User) -> Job:
    """STARTED → DELIVERED; the customer confirms, or the platform completes it after the auto-release period."""
    job = lock_job(job_id, by)
    _apply(job, "deliver", by=by, rule=is_provider, who="the job's provider")
    job.delivered_at = timezone.now()
    job.auto_release_at = job.delivered_at + platform_settings.auto_release_after()
    job.save(update_fields=["delivered_at", "auto_release_at"])
    schedule_auto_release(job)
    _tell_parties(job, f"Work delivered: {job.request.title}. Please confirm.", except_user=by)
    return job


def _complete(job: Job, *, by: User | None, note: str) -> None:
    _apply(job, "complete", by=by, rule=is_customer, who="the job's customer", note=note)
    job.completed_at = timezone.now()
    job.save(update_fields=["completed_at"])
    job.request.status = RequestStatus.CLOSED
    job.request.save(update_fields=["status", "updated_at"])
    _count_for_provider(job, completed=True)
    movements.release_held_funds(job, memo=note)
    _tell_parties(job, f"Job completed: {job.request.title}", except_user=by)


@transaction.atomic
def confirm_completion(job_id: int, *, by: User) -> Job:
    """DELIVERED → COMPLETED by the customer; the held payment is released to the provider."""
    job = lock_job(job_id, by)
    _complete(job, by=by, note="confirmed by the customer")
    return job


@transaction.atomic
def auto_release(job_id: int) -> Job | None:
    """The platform completes a DELIVERED job once its auto-release time has passed. Idempotent: any other state,
    or a time not yet reached, does nothing."""
    job = lock_job(job_id, None)
    if job.status != JobStatus.DELIVERED or job.auto_release_at is None or job.auto_release_at > timezone.now():
        return None
    _complete(job, by=None, note="auto-released")
    return job


def _cancel(job: Job, *, by: User | None, reason: str) -> None:
    was = _apply(job, "cancel", by=by, rule=is_either_party, who="the job's customer or provider", note=reason, data={"reason": reason})
    job.cancelled_at, job.cancelled_by, job.cancellation_reason = timezone.now(), by, reason[:500]
    job.save(update_fields=["cancelled_at", "cancelled_by", "cancellation_reason"])
    if job.bid_id:
        Bid.objects.filter(pk=job.bid_id).update(status=BidStatus.DECLINED)
    # A job the customer cancels ends the request; otherwise the request opens again for other providers.
    customer_ended_it = by is not None and by.pk == job.customer_id
    job.request.status = RequestStatus.CANCELLED if customer_ended_it else RequestStatus.OPEN
    job.request.save(update_fields=["status", "updated_at"])
    if by is not None and by.pk == job.provider_id and was == JobStatus.ACCEPTED:
        _count_for_provider(job, completed=False)
    if was == JobStatus.ACCEPTED:
        movements.refund_held_funds(job, movements.held_balance(job), key=f"job-{job.pk}-cancel-refund", reason="job cancelled")
    _tell_parties(job, f"Job cancelled: {job.request.title}", except_user=by)


@transaction.atomic
def cancel_job(job_id: int, *, by: User, reason: str = "") -> Job:
    """PENDING_PAYMENT or ACCEPTED → CANCELLED by either party; a paid job is refunded in full."""
    job = lock_job(job_id, by)
    _cancel(job, by=by, reason=(reason or "").strip())
    return job


@transaction.atomic
def cancel_refunded(job_id: int) -> Job | None:
    """The platform cancels an ACCEPTED job whose held money was refunded in full at the gateway. Idempotent."""
    job = lock_job(job_id, None)
    if job.status != JobStatus.ACCEPTED or movements.held_balance(job) != 0:
        return None
    _cancel(job, by=None, reason="payment refunded")
    return job


@transaction.atomic
def expire_unpaid(job_id: int) -> Job | None:
    """The platform cancels a job still unpaid at its payment deadline. Idempotent."""
    job = lock_job(job_id, None)
    if job.status != JobStatus.PENDING_PAYMENT or job.payment_due_at > timezone.now():
        return None
    _cancel(job, by=None, reason="payment not received in time")
    return job


@transaction.atomic
def open_dispute(job_id: int, *, by: User, reason: str) -> Job:
    """STARTED or DELIVERED → DISPUTED by the customer; an admin resolves it. Auto-release stops."""
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise ValidationError({"reason": ValidationError("Describe the problem (at least 10 characters).", code="REQUIRED")})
    job = lock_job(job_id, by)
    _apply(job, "raise_dispute", by=by, rule=is_customer, who="the job's customer", note=reason, data={"reason": reason[:500]})
    dispute = Dispute.objects.create(job=job, opened_by=by, reason=reason[:4000])
    enqueue_after_commit(analyse_dispute, dispute.pk)
    _tell_parties(job, f"Dispute opened on {job.request.title}", except_user=by)
    notify_many(User.objects.filter(role="ADMIN", is_active=True), "DISPUTE_OPENED", f"Dispute on job {job.pk}", reason[:200], job)
    return job


@transaction.atomic
def resolve_dispute(job_id: int, *, by: User, resolution: str, provider_share_percent: int | None = None, note: str = "") -> Job:
    """DISPUTED → COMPLETED (RELEASE, or SPLIT with the provider's share) or REFUNDED (REFUND), by an admin."""
    if resolution not in DisputeResolution.values:
        raise ValidationError({"resolution": ValidationError("Choose RELEASE, REFUND or SPLIT.", code="INVALID_CHOICE")})
    if resolution == DisputeResolution.SPLIT and (provider_share_percent is None or not 0 < provider_share_percent < 100):
        raise ValidationError(
            {"provider_share_percent": ValidationError("A split gives the provider between 1 and 99 percent.", code="OUT_OF_RANGE")}
        )
    job = lock_job(job_id, by)
    if not by.is_platform_admin:
        raise NotAllowed("Only platform admins resolve disputes.")
    to_provider = resolution != DisputeResolution.REFUND
    _apply(
        job,
        "resolve_for_provider" if to_provider else "resolve_for_customer",
        by=by,
        rule=is_admin,
        who="a platform admin",
        note=note,
        data={"resolution": resolution, "provider_share_percent": provider_share_percent},
    )
    now = timezone.now()
    share = {DisputeResolution.RELEASE: 100, DisputeResolution.REFUND: 0}.get(resolution, provider_share_percent)
    Dispute.objects.filter(job=job).update(
        resolution=resolution, provider_share_percent=share, resolution_note=note[:4000], resolved_by=by, resolved_at=now
    )
    job.completed_at = now
    job.save(update_fields=["completed_at"])
    job.request.status = RequestStatus.CLOSED
    job.request.save(update_fields=["status", "updated_at"])
    _count_for_provider(job, completed=to_provider)
    if to_provider:
        movements.release_held_funds(job, provider_share_percent=share, memo=f"dispute resolved: {resolution.lower()}")
    else:
        movements.refund_held_funds(job, movements.held_balance(job), key=f"job-{job.pk}-dispute-refund", reason="dispute resolved: refund")
    _tell_parties(job, f"Dispute resolved on {job.request.title}: {resolution.lower()}")
    return job
