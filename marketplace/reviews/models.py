"""Reviews after completion: the customer reviews the provider and the provider reviews the customer."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Review(models.Model):
    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews_written")
    subject = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviews_received")
    rating = models.PositiveSmallIntegerField()
    comment = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "author"], name="one_review_per_side_per_job"),
            models.CheckConstraint(condition=models.Q(rating__gte=1, rating__lte=5), name="rating_one_to_five"),
        ]

    def __str__(self) -> str:
        return f"{self.rating}★ by {self.author_id} on job {self.job_id}"
