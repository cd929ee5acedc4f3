"""Reviews: once per side per completed job; the provider's rating follows."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from marketplace.accounts.models import User
from marketplace.audit.services import record
from marketplace.errors import DomainError, InvalidState
from marketplace.jobs.models import JobStatus
from marketplace.jobs.services import lock_job
from marketplace.notifications.services import notify
from marketplace.providers.models import ProviderProfile

from .models import Review


@transaction.atomic
def submit_review(author: User, job_id: int, *, rating: int, comment: str = "") -> Review:
    """The customer reviews the provider, or the provider the customer, after completion."""
    errors = {}
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        errors["rating"] = ValidationError("Give 1 to 5 stars.", code="OUT_OF_RANGE")
    if len(comment or "") > 2000:
        errors["comment"] = ValidationError("At most 2000 characters.", code="TOO_LONG")
    if errors:
        raise ValidationError(errors)
    job = lock_job(job_id, author)
    if not job.is_party(author):
        raise InvalidState("Only the job's customer and provider review it.")
    if job.status != JobStatus.COMPLETED:
        raise InvalidState("Reviews open once the job is completed.")
    subject = job.provider if author.pk == job.customer_id else job.customer
    try:
        with transaction.atomic():
            review = Review.objects.create(job=job, author=author, subject=subject, rating=rating, comment=(comment or "").strip())
    except IntegrityError:
        raise DomainError("You already reviewed this job.", code="ALREADY_REVIEWED") from None
    if subject.pk == job.provider_id:
        ProviderProfile.objects.filter(user_id=subject.pk).update(rating_sum=F("rating_sum") + rating, rating_count=F("rating_count") + 1)
    record("review.submitted", review, actor=author, data={"job": job.pk, "rating": rating})
    notify(subject, "REVIEW_RECEIVED", f"New {rating}-star review", review.comment[:200], job)
    return review
