"""Providers' offers on BIDDING requests."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class BidStatus(models.TextChoices):
    PLACED = "PLACED", "Placed"
    ACCEPTED = "ACCEPTED", "Accepted"
    DECLINED = "DECLINED", "Declined"
    WITHDRAWN = "WITHDRAWN", "Withdrawn"


LIVE_STATUSES = (BidStatus.PLACED, BidStatus.ACCEPTED)


class Bid(models.Model):
    request = models.ForeignKey("service_requests.ServiceRequest", on_delete=models.CASCADE, related_name="bids")
    provider = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bids")
    amount = models.PositiveIntegerField(help_text="Minor units.")
    currency = models.CharField(max_length=3)
    message = models.TextField(max_length=2000, blank=True)
    estimated_hours = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=BidStatus.choices, default=BidStatus.PLACED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            # One live bid per provider per request.
            models.UniqueConstraint(
                fields=["request", "provider"], condition=models.Q(status__in=LIVE_STATUSES), name="one_live_bid_per_provider"
            ),
            # At most one accepted bid per request, whatever the application does.
            models.UniqueConstraint(fields=["request"], condition=models.Q(status=BidStatus.ACCEPTED), name="one_accepted_bid_per_request"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="bid_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"bid {self.pk} on {self.request_id}"


class OfferDecline(models.Model):
    """A provider said no to a FIXED_OFFER request; it leaves their feed."""

    request = models.ForeignKey("service_requests.ServiceRequest", on_delete=models.CASCADE, related_name="offer_declines")
    provider = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "provider"], name="one_decline_per_provider")]

    def __str__(self) -> str:
        return f"{self.provider_id} declined {self.request_id}"
