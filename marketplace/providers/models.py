"""The provider side of an account: profile, service area, documents and verification status."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class VerificationStatus(models.TextChoices):
    PENDING = "PENDING", "Pending review"
    APPROVED = "APPROVED", "Approved"
    REJECTED = "REJECTED", "Rejected"


class ProviderProfileQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=VerificationStatus.APPROVED, user__is_active=True)


class ProviderProfile(models.Model):
    """Created with every provider account. Only APPROVED providers are matched, bid or get paid.

    Rating and completion counters are kept here by the services that end jobs and record reviews, so feeds and
    bid lists can order by them without aggregating over every job.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="provider_profile")
    bio = models.TextField(blank=True)
    city = models.CharField(max_length=120, blank=True)
    categories = models.ManyToManyField("cms.ServiceCategory", blank=True, related_name="providers")
    latitude = models.FloatField(null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)])
    service_radius_km = models.PositiveIntegerField(default=25)
    status = models.CharField(max_length=16, choices=VerificationStatus.choices, default=VerificationStatus.PENDING)
    rejection_reason = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    rating_sum = models.PositiveIntegerField(default=0)
    rating_count = models.PositiveIntegerField(default=0)
    jobs_completed = models.PositiveIntegerField(default=0)
    jobs_failed = models.PositiveIntegerField(default=0, help_text="Jobs the provider cancelled or lost in a dispute.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProviderProfileQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"provider {self.user}"

    @property
    def is_approved(self) -> bool:
        return self.status == VerificationStatus.APPROVED

    @property
    def rating(self) -> float | None:
        return round(self.rating_sum / self.rating_count, 2) if self.rating_count else None

    @property
    def completion_rate(self) -> float | None:
        ended = self.jobs_completed + self.jobs_failed
        return round(self.jobs_completed / ended, 4) if ended else None


def document_path(instance: ProviderDocument, filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"provider-documents/{instance.profile_id}/{instance.kind.lower()}-{instance.uploaded_at:%Y%m%d%H%M%S}.{suffix}"


class ProviderDocument(models.Model):
    """Evidence for verification (ID, licence, certificate). Seen only by its provider and admins."""

    class Kind(models.TextChoices):
        IDENTITY = "IDENTITY", "Identity document"
        LICENCE = "LICENCE", "Trade licence"
        CERTIFICATE = "CERTIFICATE", "Certificate"
        OTHER = "OTHER", "Other"

    profile = models.ForeignKey(ProviderProfile, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(upload_to=document_path)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} of {self.profile_id}"
