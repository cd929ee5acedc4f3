"""Bids on BIDDING requests: place, update, withdraw while the request is open."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from marketplace.accounts.models import User
from marketplace.audit.services import record
from marketplace.errors import DomainError, InvalidState, NotFound
from marketplace.notifications.services import notify
from marketplace.providers.services import approved_profile
from marketplace.service_requests.models import RequestMode, RequestStatus, ServiceRequest
from realtime.events import BidChanged, announce

from .models import Bid, BidStatus

MAX_AMOUNT = 100_000_000


def _validate(amount: int | None, message: str | None, estimated_hours: int | None) -> None:
    errors = {}
    if amount is not None and not 0 < amount <= MAX_AMOUNT:
        errors["amount"] = ValidationError("Must be a positive amount in minor units.", code="OUT_OF_RANGE")
    if message is not None and len(message) > 2000:
        errors["message"] = ValidationError("At most 2000 characters.", code="TOO_LONG")
    if estimated_hours is not None and not 0 < estimated_hours <= 24 * 90:
        errors["estimated_hours"] = ValidationError("Between 1 hour and 90 days.", code="OUT_OF_RANGE")
    if errors:
        raise ValidationError(errors)


def bid_event(bid: Bid, kind: str) -> None:
    """Announce a bid change to the request's group after commit (subscribers filter by viewer)."""
    announce(BidChanged(request_id=bid.request_id, bid_id=bid.pk, provider_id=bid.provider_id, kind=kind))


@transaction.atomic
def place_bid(provider: User, request_id: int, *, amount: int, message: str = "", estimated_hours: int | None = None) -> Bid:
    """An approved provider in the request's category offers a price. One live bid per provider per request."""
    profile = approved_profile(provider)
    _validate(amount, message, estimated_hours)
    request = ServiceRequest.objects.select_for_update().select_related("customer").filter(pk=request_id).first()
    if request is None or not profile.categories.filter(pk=request.category_id).exists():
        raise NotFound("service request")
    if request.status != RequestStatus.OPEN or request.mode != RequestMode.BIDDING:
        raise InvalidState("This request is not open for bids.")
    if Bid.objects.filter(request=request, provider=provider, status__in=[BidStatus.PLACED, BidStatus.ACCEPTED]).exists():
        raise DomainError("You already have a live bid on this request; update it instead.", code="ALREADY_BID")
    try:
        with transaction.atomic():
            bid = Bid.objects.create(
                request=request,
                provider=provider,
                amount=amount,
                currency=request.currency,
                message=message.strip(),
                estimated_hours=estimated_hours,
            )
    except IntegrityError:
        raise DomainError("You already have a live bid on this request; update it instead.", code="ALREADY_BID") from None
    record("bid.placed", bid, actor=provider, data={"request": request.pk, "amount": amount})
    notify(request.customer, "BID_PLACED", f"New bid on {request.title}", provider.get_full_name(), request)
    bid_event(bid, "placed")
    return bid


def _lock_own_bid(provider: User, bid_id: int) -> Bid:
    bid = Bid.objects.select_for_update().select_related("request").filter(pk=bid_id, provider=provider).first()
    if bid is None:
        raise NotFound("bid")
    if bid.status != BidStatus.PLACED or bid.request.status != RequestStatus.OPEN:
        raise InvalidState("Only a placed bid on an open request can change.")
    return bid


@transaction.atomic
def update_bid(
    provider: User, bid_id: int, *, amount: int | None = None, message: str | None = None, estimated_hours: int | None = None
) -> Bid:
    approved_profile(provider)
    _validate(amount, message, estimated_hours)
    bid = _lock_own_bid(provider, bid_id)
    ServiceRequest.objects.select_for_update().filter(pk=bid.request_id).first()  # serialise with accepts
    bid.refresh_from_db()
    if bid.status != BidStatus.PLACED:
        raise InvalidState("Only a placed bid on an open request can change.")
    before = bid.amount
    if amount is not None:
        bid.amount = amount
    if message is not None:
        bid.message = message.strip()
    if estimated_hours is not None:
        bid.estimated_hours = estimated_hours
    bid.save()
    record("bid.updated", bid, actor=provider, data={"amount_before": before, "amount": bid.amount})
    bid_event(bid, "updated")
    return bid


@transaction.atomic
def withdraw_bid(provider: User, bid_id: int) -> Bid:
    bid = _lock_own_bid(provider, bid_id)
    bid.status = BidStatus.WITHDRAWN
    bid.save(update_fields=["status", "updated_at"])
    record("bid.withdrawn", bid, actor=provider)
    bid_event(bid, "withdrawn")
    return bid
