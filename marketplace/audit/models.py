"""The audit log: every security- or money-relevant action, who did it, when, from where, on what.

Wagtail's log-action framework was considered: it silently skips models without a registered logger and has no
column for the client IP, and an audit trail must never drop an entry. This table is append-only from the code's
point of view; only the retention command deletes (old) rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    actor_role = models.CharField(max_length=16, blank=True, help_text="Role at the time; empty for the platform itself.")
    action = models.CharField(max_length=64, db_index=True)
    target_type = models.CharField(max_length=40, db_index=True)
    target_id = models.CharField(max_length=64, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.target_type}:{self.target_id}"
