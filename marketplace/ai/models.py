"""The Gemini key vault and the log of every model call.

A key's secret is stored only as a Fernet token (see `vault.py`); the last four characters are kept in clear so
admins can tell keys apart. Nothing here ever holds or prints the full key.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class GeminiKeyQuerySet(models.QuerySet):
    def usable(self, now=None):
        """Active keys that are not cooling down, least recently used first (spreads load across keys)."""
        now = now or timezone.now()
        return (
            self.filter(is_active=True)
            .filter(models.Q(cooldown_until__isnull=True) | models.Q(cooldown_until__lte=now))
            .order_by(models.F("last_used_at").asc(nulls_first=True), "id")
        )


class GeminiKey(models.Model):
    """One Gemini API key in the vault."""

    label = models.CharField(max_length=80, help_text="A name for admins, e.g. the Google project it belongs to.")
    encrypted_secret = models.TextField(editable=False)
    last_four = models.CharField(max_length=4, editable=False)
    is_active = models.BooleanField(default=True, help_text="Inactive keys are never used.")
    cooldown_until = models.DateTimeField(null=True, blank=True, editable=False, help_text="Rate-limited or failing: skipped until then.")
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = GeminiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = "Gemini API key"

    def __str__(self) -> str:
        return f"{self.label} (…{self.last_four})"

    def __repr__(self) -> str:  # never the ciphertext or the secret, even in tracebacks
        return f"<GeminiKey {self.pk} …{self.last_four}>"

    @property
    def masked(self) -> str:
        return f"…{self.last_four}" if self.last_four else ""

    def is_cooling_down(self, now=None) -> bool:
        return self.cooldown_until is not None and self.cooldown_until > (now or timezone.now())


class Purpose(models.TextChoices):
    IMAGE_INTAKE = "IMAGE_INTAKE", "Request from a photo"
    DISPUTE_SUMMARY = "DISPUTE_SUMMARY", "Dispute summary"


class Outcome(models.TextChoices):
    SUCCESS = "SUCCESS", "Answered"
    RATE_LIMITED = "RATE_LIMITED", "Rate limited / quota (429)"
    SERVER_ERROR = "SERVER_ERROR", "Server error (5xx)"
    KEY_REJECTED = "KEY_REJECTED", "Key rejected (401/403)"
    REQUEST_REJECTED = "REQUEST_REJECTED", "Request rejected (4xx)"
    TIMEOUT = "TIMEOUT", "Timed out"
    UNREACHABLE = "UNREACHABLE", "Connection failed"
    MALFORMED = "MALFORMED", "Answer was not valid JSON for the schema"
    INVALID_ANSWER = "INVALID_ANSWER", "Answer failed our checks (e.g. unknown category)"
    FALLBACK = "FALLBACK", "Local fallback answered"


class AiCall(models.Model):
    """One attempt to get an answer: a model call with one key, or the local fallback (key empty)."""

    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    key = models.ForeignKey(GeminiKey, null=True, blank=True, on_delete=models.SET_NULL, related_name="calls")
    key_last_four = models.CharField(max_length=4, blank=True, help_text="Kept when the key is deleted.")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    model_name = models.CharField(max_length=80, blank=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    latency_ms = models.PositiveIntegerField(default=0)
    prompt_tokens = models.PositiveIntegerField(null=True, blank=True)
    output_tokens = models.PositiveIntegerField(null=True, blank=True)
    total_tokens = models.PositiveIntegerField(null=True, blank=True)
    cooldown_seconds = models.PositiveIntegerField(null=True, blank=True, help_text="Cool-down applied to the key after this call.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "AI call"

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} · {self.outcome} · {self.created_at:%Y-%m-%d %H:%M:%S}"
