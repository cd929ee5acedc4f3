"""Customers' service requests: create, edit while open, cancel; matching providers are told."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from cms.models import ServiceCategory
from marketplace import platform_settings
from marketplace.accounts.models import Role, User
from marketplace.audit.services import record
from marketplace.bids.models import Bid, BidStatus
from marketplace.errors import InvalidState, NotAllowed, NotFound
from marketplace.images import clean_image
from marketplace.notifications.services import notify_many
from marketplace.providers.models import ProviderProfile
from realtime.events import BidChanged, RequestChanged, RequestOpened, announce

from .models import RequestMode, RequestPhoto, RequestStatus, ServiceRequest, Urgency

MAX_AMOUNT = 100_000_000  # minor units; a sanity bound, not a business rule
UNSET = object()


def _require_customer(user: User) -> None:
    if user.role != Role.CUSTOMER:
        raise NotAllowed("Only customers post service requests.")


def _validate(fields: dict, errors: dict) -> None:
    """Field-level checks shared by create and update (fields hold only what is being set)."""
    if "title" in fields and not 5 <= len(fields["title"].strip()) <= 140:
        errors["title"] = ValidationError("Between 5 and 140 characters.", code="INVALID_LENGTH")
    if "description" in fields and not 10 <= len(fields["description"].strip()) <= 5000:
        errors["description"] = ValidationError("Between 10 and 5000 characters.", code="INVALID_LENGTH")
    if "urgency" in fields and fields["urgency"] not in Urgency.values:
        errors["urgency"] = ValidationError("Choose LOW, MEDIUM, HIGH or EMERGENCY.", code="INVALID_CHOICE")
    for name in ("budget_amount", "offer_amount"):
        value = fields.get(name)
        if value is not None and not 0 < value <= MAX_AMOUNT:
            errors[name] = ValidationError("Must be a positive amount in minor units.", code="OUT_OF_RANGE")
    if "city" in fields and not fields["city"].strip():
        errors["city"] = ValidationError("Where is the work?", code="REQUIRED")
    lat, lng = fields.get("latitude"), fields.get("longitude")
    if (lat is None) != (lng is None):
        errors["latitude"] = ValidationError("Give both latitude and longitude, or neither.", code="INVALID")
    elif lat is not None and not (-90 <= lat <= 90 and -180 <= lng <= 180):
        errors["latitude"] = ValidationError("Not a valid coordinate.", code="OUT_OF_RANGE")
    preferred = fields.get("preferred_date")
    if preferred is not None and preferred < date.today():
        errors["preferred_date"] = ValidationError("The preferred date is in the past.", code="IN_THE_PAST")


@transaction.atomic
def create_request(
    customer: User,
    *,
    category_slug: str,
    title: str,
    description: str,
    city: str,
    urgency: str = Urgency.MEDIUM,
    mode: str = RequestMode.BIDDING,
    budget_amount: int | None = None,
    offer_amount: int | None = None,
    address: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    preferred_date: date | None = None,
    photos: list | None = None,
) -> ServiceRequest:
    """Post a request. FIXED_OFFER needs `offer_amount`. Matching approved providers are notified."""
    _require_customer(customer)
    fields = {
        "title": title, "description": description, "city": city, "urgency": urgency, "budget_amount": budget_amount,
        "offer_amount": offer_amount, "latitude": latitude, "longitude": longitude, "preferred_date": preferred_date,
    }  # fmt: skip
    errors: dict = {}
    _validate(fields, errors)
    category = ServiceCategory.objects.available().filter(slug=category_slug).first()
    if category is None:
        errors["category_slug"] = ValidationError("Choose one of the offered categories.", code="INVALID_CHOICE")
    if mode not in RequestMode.values:
        errors["mode"] = ValidationError("Choose BIDDING or FIXED_OFFER.", code="INVALID_CHOICE")
    elif mode == RequestMode.FIXED_OFFER and not offer_amount:
        errors["offer_amount"] = ValidationError("A fixed offer needs a price.", code="REQUIRED")
    photos = photos or []
    if len(photos) > settings.REQUEST_PHOTO_LIMIT:
        errors["photos"] = ValidationError(f"At most {settings.REQUEST_PHOTO_LIMIT} photos.", code="TOO_MANY")
    cleaned_photos = []
    if not errors:
        for photo in photos:  # decoded only once the rest is valid: it is the expensive check
            try:
                cleaned_photos.append(clean_image(photo, field="photos"))
            except ValidationError as exc:
                errors.update(exc.error_dict)
                break
    if errors:
        raise ValidationError(errors)

    request = ServiceRequest.objects.create(
        customer=customer,
        category=category,
        title=title.strip(),
        description=description.strip(),
        urgency=urgency,
        mode=mode,
        budget_amount=budget_amount,
        offer_amount=offer_amount if mode == RequestMode.FIXED_OFFER else None,
        currency=platform_settings.currency(),
        city=city.strip(),
        address=address.strip()[:255],
        latitude=latitude,
        longitude=longitude,
        preferred_date=preferred_date,
    )
    for cleaned in cleaned_photos:
        photo = RequestPhoto(request=request)
        photo.image.save(cleaned.name, cleaned, save=True)
    record("request.created", request, actor=customer, data={"mode": mode, "category": category.slug})
    _announce_to_matching_providers(request)
    return request


def _announce_to_matching_providers(request: ServiceRequest) -> None:
    from marketplace.matching import open_requests_for

    candidates = (
        ProviderProfile.objects.approved().filter(categories=request.category).select_related("user").prefetch_related("categories")
    )
    matching = [p.user for p in candidates if open_requests_for(p, ServiceRequest.objects.filter(pk=request.pk)).exists()]
    if matching:
        kind = "OFFER_NEW" if request.mode == RequestMode.FIXED_OFFER else "REQUEST_NEW"
        notify_many(matching, kind, f"New {request.category.name.lower()} request: {request.title}", request.city, request)
    announce(RequestOpened(category_id=request.category_id, request_id=request.pk))


def _lock_own_request(customer: User, request_id: int) -> ServiceRequest:
    request = ServiceRequest.objects.select_for_update().filter(pk=request_id).first()
    if request is None or (request.customer_id != customer.pk and not customer.is_platform_admin):
        raise NotFound("service request")
    return request


@transaction.atomic
def update_request(customer: User, request_id: int, **changes) -> ServiceRequest:
    """Edit an open request. The mode cannot change once providers have bid."""
    request = _lock_own_request(customer, request_id)
    if request.status != RequestStatus.OPEN:
        raise InvalidState("Only open requests can be edited.")
    changes = {k: v for k, v in changes.items() if v is not UNSET}
    errors: dict = {}
    if "latitude" in changes or "longitude" in changes:
        changes.setdefault("latitude", request.latitude)
        changes.setdefault("longitude", request.longitude)
    _validate(changes, errors)
    if "category_slug" in changes:
        category = ServiceCategory.objects.available().filter(slug=changes.pop("category_slug")).first()
        if category is None:
            errors["category_slug"] = ValidationError("Choose one of the offered categories.", code="INVALID_CHOICE")
        elif category.pk != request.category_id and request.bids.exists():
            errors["category_slug"] = ValidationError("The category cannot change once providers have bid.", code="LOCKED")
        else:
            request.category = category
    if "offer_amount" in changes and request.mode != RequestMode.FIXED_OFFER:
        errors["offer_amount"] = ValidationError("Only fixed-offer requests have an offer price.", code="INVALID")
    if errors:
        raise ValidationError(errors)
    for name, value in changes.items():
        setattr(request, name, value.strip() if isinstance(value, str) else value)
    request.save()
    record("request.updated", request, actor=customer, data={"fields": sorted(changes)})
    announce(RequestChanged(request_id=request.pk, kind="updated"))
    return request


@transaction.atomic
def cancel_request(customer: User, request_id: int) -> ServiceRequest:
    """OPEN → CANCELLED; live bids are declined and their providers told. A request with a job is cancelled via the job."""
    request = _lock_own_request(customer, request_id)
    if request.status != RequestStatus.OPEN:
        raise InvalidState("Only open requests can be cancelled; cancel the job instead.")
    request.status = RequestStatus.CANCELLED
    request.save(update_fields=["status", "updated_at"])
    bids = list(Bid.objects.select_for_update().filter(request=request, status=BidStatus.PLACED).select_related("provider"))
    Bid.objects.filter(pk__in=[b.pk for b in bids]).update(status=BidStatus.DECLINED)
    if bids:
        notify_many([b.provider for b in bids], "REQUEST_CANCELLED", f"Request cancelled: {request.title}", "", request)
    record("request.cancelled", request, actor=customer)
    for bid in bids:
        announce(BidChanged(request_id=request.pk, bid_id=bid.pk, provider_id=bid.provider_id, kind="declined"))
    announce(RequestChanged(request_id=request.pk, kind="cancelled"))
    return request
