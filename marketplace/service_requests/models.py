"""What a customer asks for: a service request, with photos, in BIDDING or FIXED_OFFER mode."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Urgency(models.TextChoices):
    LOW = "LOW", "Low"
    MEDIUM = "MEDIUM", "Medium"
    HIGH = "HIGH", "High"
    EMERGENCY = "EMERGENCY", "Emergency"


class RequestMode(models.TextChoices):
    BIDDING = "BIDDING", "Providers bid"
    FIXED_OFFER = "FIXED_OFFER", "Fixed-price offer"


class RequestStatus(models.TextChoices):
    OPEN = "OPEN", "Open"
    ASSIGNED = "ASSIGNED", "Assigned"
    CLOSED = "CLOSED", "Closed"
    CANCELLED = "CANCELLED", "Cancelled"
    EXPIRED = "EXPIRED", "Expired"


class ServiceRequest(models.Model):
    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="service_requests")
    # PROTECT: a category in use cannot be deleted; editors archive it (is_active=False) instead.
    category = models.ForeignKey("cms.ServiceCategory", on_delete=models.PROTECT, related_name="service_requests")
    title = models.CharField(max_length=140)
    description = models.TextField(max_length=5000)
    urgency = models.CharField(max_length=16, choices=Urgency.choices, default=Urgency.MEDIUM)
    mode = models.CharField(max_length=16, choices=RequestMode.choices, default=RequestMode.BIDDING)
    budget_amount = models.PositiveIntegerField(null=True, blank=True, help_text="Minor units; a guide for bidders.")
    offer_amount = models.PositiveIntegerField(null=True, blank=True, help_text="Minor units; the fixed price in FIXED_OFFER mode.")
    currency = models.CharField(max_length=3)
    city = models.CharField(max_length=120)
    address = models.CharField(max_length=255, blank=True, help_text="Shown to a provider only once they hold the job.")
    latitude = models.FloatField(null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)])
    longitude = models.FloatField(null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)])
    preferred_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "category"]), models.Index(fields=["customer", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mode="FIXED_OFFER") | models.Q(offer_amount__gt=0),
                name="fixed_offer_has_price",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN


def photo_path(instance: RequestPhoto, filename: str) -> str:
    return f"request-photos/{instance.request_id}/{filename}"


class RequestPhoto(models.Model):
    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(upload_to=photo_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"photo {self.pk} of request {self.request_id}"
