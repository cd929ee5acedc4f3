"""One chat room per job: the job itself. Messages are plain text (clients escape them); read state is a marker."""

from __future__ import annotations

from django.conf import settings
from django.db import models

MAX_BODY_LENGTH = 4000


class Message(models.Model):
    """A message in a job's chat. Ids only grow, so `id` is the resume cursor (`chatMessages(afterId)`)."""

    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["job", "id"])]

    def __str__(self) -> str:
        return f"message {self.pk} on job {self.job_id}"


class ReadMarker(models.Model):
    """How far a user has read a job's chat: every message with a larger id (and not their own) is unread."""

    job = models.ForeignKey("jobs.Job", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_read_message_id = models.PositiveBigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "user"], name="chat_one_read_marker_per_user_and_job")]

    def __str__(self) -> str:
        return f"{self.user_id} read job {self.job_id} up to {self.last_read_message_id}"
