"""Time-driven transitions: unpaid jobs expire, delivered jobs auto-release.

Each job schedules its own deferred task on the background runner; `manage.py run_job_timers` sweeps for any
that are due (a backstop for a lost task or a backend that cannot defer). Both paths call idempotent services that
lock the row and re-check the state and the time, so a timer that fires twice, or on two workers, acts once.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from marketplace.background import durable_task


@durable_task(max_attempts=5, backoff_seconds=60)
def expire_unpaid_job(job_id: int) -> None:
    from .services import expire_unpaid

    expire_unpaid(job_id)


@durable_task(max_attempts=5, backoff_seconds=60)
def auto_release_job(job_id: int) -> None:
    from .services import auto_release

    auto_release(job_id)


def _schedule(task, job_id: int, when) -> None:
    def enqueue():
        if task.get_backend().supports_defer:
            task.using(run_after=when).enqueue(job_id)
        # Backends that cannot defer (tests' immediate runner) rely on the sweep.

    transaction.on_commit(enqueue)


def schedule_payment_expiry(job) -> None:
    _schedule(expire_unpaid_job, job.pk, job.payment_due_at)


def schedule_auto_release(job) -> None:
    _schedule(auto_release_job, job.pk, job.auto_release_at)


def run_due_timers(now=None) -> dict[str, int]:
    """Expire every unpaid job past its deadline and auto-release every delivered job past its time."""
    from .models import Job, JobStatus
    from .services import auto_release, expire_unpaid

    now = now or timezone.now()
    expired = [
        job_id
        for job_id in Job.objects.filter(status=JobStatus.PENDING_PAYMENT, payment_due_at__lte=now).values_list("pk", flat=True)
        if expire_unpaid(job_id)
    ]
    released = [
        job_id
        for job_id in Job.objects.filter(status=JobStatus.DELIVERED, auto_release_at__lte=now).values_list("pk", flat=True)
        if auto_release(job_id)
    ]
    return {"expired": len(expired), "released": len(released)}
