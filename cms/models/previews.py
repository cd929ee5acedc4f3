"""Snapshots of unsaved drafts, handed to the web client's preview route behind a random, expiring token."""

from __future__ import annotations

from django.db import models


class PreviewSnapshot(models.Model):
    """The content an editor was previewing, frozen when they pressed Preview.

    Only the SHA-256 of the token is stored, so a leaked table does not open previews; rows past `expires_at`
    are never served and are deleted when the next preview is made.
    """

    token_hash = models.CharField(max_length=64, unique=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64, blank=True, help_text="Empty for an object not saved yet.")
    content_json = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"preview of {self.content_type} {self.object_id or '(new)'}"
