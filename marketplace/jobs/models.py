"""A job: the accepted work between one customer and one provider, and its state machine.

```
PENDING_PAYMENT --pay--> ACCEPTED --start--> STARTED --deliver--> DELIVERED --confirm/auto-release--> COMPLETED
PENDING_PAYMENT | ACCEPTED --cancel--> CANCELLED
STARTED | DELIVERED --dispute--> DISPUTED --resolve--> COMPLETED (release, split) | REFUNDED (refund)
```
The transitions are declared with django-fsm-2 (the status field cannot be assigned directly); who may run them
and what else happens is decided in `marketplace.jobs.services`, which locks the row first.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django_fsm import FSMField, FSMModelMixin, transition


class JobStatus(models.TextChoices):
    PENDING_PAYMENT = "PENDING_PAYMENT", "Awaiting payment"
    ACCEPTED = "ACCEPTED", "Paid, not started"
    STARTED = "STARTED", "In progress"
    DELIVERED = "DELIVERED", "Delivered, awaiting confirmation"
    COMPLETED = "COMPLETED", "Completed"
    CANCELLED = "CANCELLED", "Cancelled"
    DISPUTED = "DISPUTED", "Disputed"
    REFUNDED = "REFUNDED", "Refunded"


TERMINAL_STATUSES = frozenset({JobStatus.COMPLETED, JobStatus.CANCELLED, JobStatus.REFUNDED})
ACTIVE_STATUSES = frozenset({JobStatus.PENDING_PAYMENT, JobStatus.ACCEPTED, JobStatus.STARTED, JobStatus.DELIVERED, JobStatus.DISPUTED})


class Job(FSMModelMixin, models.Model):
    request = models.ForeignKey("service_requests.ServiceRequest", on_delete=models.PROTECT, related_name="jobs")
    bid = models.OneToOneField("bids.Bid", null=True, blank=True, on_delete=models.PROTECT, related_name="job")
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="jobs_as_customer")
    provider = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="jobs_as_provider")
    amount = models.PositiveIntegerField(help_text="Subtotal in minor units (tax is added at payment).")
    currency = models.CharField(max_length=3)
    status = FSMField(max_length=20, choices=JobStatus.choices, default=JobStatus.PENDING_PAYMENT, protected=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    payment_due_at = models.DateTimeField()
    paid_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    auto_release_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    cancellation_reason = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "payment_due_at"]), models.Index(fields=["status", "auto_release_at"])]
        constraints = [
            # One live job per request, enforced by the database: concurrent accepts cannot both win. A cancelled
            # job frees the request for another provider.
            models.UniqueConstraint(fields=["request"], condition=~models.Q(status="CANCELLED"), name="one_live_job_per_request"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="job_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"job {self.pk} ({self.status})"

    @property
    def is_terminal(self) -> bool:
        return self.status in TERMINAL_STATUSES

    def is_party(self, user) -> bool:
        return user is not None and user.pk in (self.customer_id, self.provider_id)

    # Transitions: only the state change itself; services do the rest.
    @transition(field=status, source=JobStatus.PENDING_PAYMENT, target=JobStatus.ACCEPTED)
    def mark_paid(self):
        pass

    @transition(field=status, source=JobStatus.ACCEPTED, target=JobStatus.STARTED)
    def start(self):
        pass

    @transition(field=status, source=JobStatus.STARTED, target=JobStatus.DELIVERED)
    def deliver(self):
        pass

    @transition(field=status, source=JobStatus.DELIVERED, target=JobStatus.COMPLETED)
    def complete(self):
        pass

    @transition(field=status, source=[JobStatus.PENDING_PAYMENT, JobStatus.ACCEPTED], target=JobStatus.CANCELLED)
    def cancel(self):
        pass

    @transition(field=status, source=[JobStatus.STARTED, JobStatus.DELIVERED], target=JobStatus.DISPUTED)
    def raise_dispute(self):
        pass

    @transition(field=status, source=JobStatus.DISPUTED, target=JobStatus.COMPLETED)
    def resolve_for_provider(self):
        pass

    @transition(field=status, source=JobStatus.DISPUTED, target=JobStatus.REFUNDED)
    def resolve_for_customer(self):
        pass


class JobTransition(models.Model):
    """The job's timeline: every state change, who made it (null: the platform's timers) and when."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=JobStatus.choices)
    to_status = models.CharField(max_length=20, choices=JobStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.job_id}: {self.from_status} → {self.to_status}"


class DisputeResolution(models.TextChoices):
    RELEASE = "RELEASE", "Release to provider"
    REFUND = "REFUND", "Refund customer"
    SPLIT = "SPLIT", "Split"


class Dispute(models.Model):
    job = models.OneToOneField(Job, on_delete=models.CASCADE, related_name="dispute")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(max_length=4000)
    opened_at = models.DateTimeField(auto_now_add=True)
    resolution = models.CharField(max_length=8, choices=DisputeResolution.choices, blank=True)
    provider_share_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    resolution_note = models.TextField(blank=True)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    resolved_at = models.DateTimeField(null=True, blank=True)
    # The AI's reading of the dispute, for admins only. Advice: it never changes anything by itself.
    analysis_summary = models.TextField(blank=True)
    analysis_suggestion = models.CharField(max_length=16, blank=True)
    analysis_customer_share_percent = models.PositiveSmallIntegerField(null=True, blank=True)
    analysis_rationale = models.TextField(blank=True)
    analysis_source = models.CharField(max_length=16, blank=True, help_text="GEMINI or FALLBACK")
    analysed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(provider_share_percent__lte=100) | models.Q(provider_share_percent__isnull=True),
                name="share_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"dispute on job {self.job_id}"
