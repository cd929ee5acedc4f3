"""How a job comes to exist: a customer accepts a bid, or an approved provider takes a fixed offer.

Both lock the request row first, and the database allows one live job per request and one accepted bid per
request, so of any number of concurrent accepts exactly one wins; the others get ALREADY_ASSIGNED.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from marketplace import platform_settings
from marketplace.accounts.models import User
from marketplace.audit.services import record
from marketplace.bids.models import Bid, BidStatus, OfferDecline
from marketplace.bids.services import bid_event
from marketplace.errors import DomainError, InvalidState, NotFound
from marketplace.notifications.services import notify, notify_many
from marketplace.providers.services import approved_profile
from marketplace.service_requests.models import RequestMode, RequestStatus, ServiceRequest
from realtime.events import RequestChanged, announce

from .models import Job
from .timers import schedule_payment_expiry

TAKEN = "This request has already been assigned."


def _open_job(request: ServiceRequest, provider: User, amount: int, bid: Bid | None) -> Job:
    try:
        with transaction.atomic():
            job = Job.objects.create(
                request=request,
                bid=bid,
                customer=request.customer,
                provider=provider,
                amount=amount,
                currency=request.currency,
                payment_due_at=timezone.now() + platform_settings.payment_expiry(),
            )
    except IntegrityError:
        raise DomainError(TAKEN, code="ALREADY_ASSIGNED") from None
    request.status = RequestStatus.ASSIGNED
    request.save(update_fields=["status", "updated_at"])
    schedule_payment_expiry(job)
    announce(RequestChanged(request_id=request.pk, kind="assigned", job_id=job.pk))
    return job


@transaction.atomic
def accept_bid(customer: User, bid_id: int) -> Job:
    """The request's customer accepts one placed bid: a job in PENDING_PAYMENT at the bid's amount; the other
    live bids are declined and bidding closes."""
    bid = Bid.objects.filter(pk=bid_id).only("request_id").first()
    if bid is None:
        raise NotFound("bid")
    request = ServiceRequest.objects.select_for_update(of=("self",)).select_related("customer").get(pk=bid.request_id)
    if request.customer_id != customer.pk:
        raise NotFound("bid")
    bid = Bid.objects.select_for_update(of=("self",)).select_related("provider__provider_profile").get(pk=bid_id)
    if request.status != RequestStatus.OPEN:
        raise (
            DomainError(TAKEN, code="ALREADY_ASSIGNED")
            if request.status == RequestStatus.ASSIGNED
            else InvalidState("This request is closed.")
        )
    if bid.status != BidStatus.PLACED:
        raise InvalidState("Only a placed bid can be accepted.")
    if not bid.provider.provider_profile.is_approved or not bid.provider.is_active:
        raise InvalidState("This provider can no longer take jobs.")
    job = _open_job(request, bid.provider, bid.amount, bid)
    bid.status = BidStatus.ACCEPTED
    bid.save(update_fields=["status", "updated_at"])
    others = list(Bid.objects.select_for_update(of=("self",)).filter(request=request, status=BidStatus.PLACED).select_related("provider"))
    Bid.objects.filter(pk__in=[b.pk for b in others]).update(status=BidStatus.DECLINED)
    record("bid.accepted", bid, actor=customer, data={"job": job.pk, "amount": bid.amount, "declined": [b.pk for b in others]})
    notify(bid.provider, "BID_ACCEPTED", f"Your bid on {request.title} was accepted", "The job starts once the customer pays.", job)
    if others:
        notify_many([b.provider for b in others], "BID_DECLINED", f"Another bid was chosen for {request.title}", "", request)
    bid_event(bid, "accepted")
    for other in others:
        bid_event(other, "declined")
    return job


@transaction.atomic
def respond_to_offer(provider: User, request_id: int, *, accept: bool) -> Job | None:
    """An approved provider takes (first one wins) or declines a FIXED_OFFER request in their categories."""
    profile = approved_profile(provider)
    request = ServiceRequest.objects.select_for_update(of=("self",)).select_related("customer").filter(pk=request_id).first()
    if request is None or not profile.categories.filter(pk=request.category_id).exists():
        raise NotFound("service request")
    if request.mode != RequestMode.FIXED_OFFER:
        raise InvalidState("This request takes bids, not offer responses.")
    if request.status != RequestStatus.OPEN:
        raise (
            DomainError(TAKEN, code="ALREADY_ASSIGNED")
            if request.status == RequestStatus.ASSIGNED
            else InvalidState("This request is closed.")
        )
    if not accept:
        OfferDecline.objects.get_or_create(request=request, provider=provider)
        record("offer.declined", request, actor=provider)
        return None
    job = _open_job(request, provider, request.offer_amount, None)
    record("offer.accepted", request, actor=provider, data={"job": job.pk, "amount": request.offer_amount})
    notify(
        request.customer, "OFFER_ACCEPTED", f"{provider.get_full_name()} took your offer: {request.title}", "Pay to confirm the job.", job
    )
    return job
