"""The provider side of an account: profile and verification status."""

from django.conf import settings
from django.db import models


class VerificationStatus(models.TextChoices):
    PENDING = "PENDING", "Pending review"
    APPROVED = "APPROVED", "Approved"
    REJECTED = "REJECTED", "Rejected"


class ProviderProfile(models.Model):
    """Created with every provider account. Only APPROVED providers are matched, bid or get paid."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_profile")
    bio = models.TextField(blank=True)
    city = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=16, choices=VerificationStatus.choices, default=VerificationStatus.PENDING)
    rejection_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"provider {self.user}"

    @property
    def is_approved(self) -> bool:
        return self.status == VerificationStatus.APPROVED
