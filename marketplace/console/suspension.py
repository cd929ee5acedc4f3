"""Suspending and reactivating accounts (platform admins only).

A suspended account is inactive: every token is revoked (so HTTP calls fail and live subscriptions end at their
next event, `graphql_api.live`), sign-in is refused with ACCOUNT_SUSPENDED, and what it had open in the
marketplace is closed: a customer's OPEN requests are cancelled (their bids declined), a provider's PLACED bids
are withdrawn (announced on `bidEvents`, so the customer sees it live). Jobs already under way are left to the
job state machine and the dispute process: cancelling them here would move money without a decision.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from marketplace.accounts import tokens
from marketplace.accounts.models import User
from marketplace.audit.services import record
from marketplace.bids.models import Bid, BidStatus
from marketplace.bids.services import bid_event
from marketplace.errors import DomainError, NotAllowed, NotFound
from marketplace.mail import send_email_after_commit
from marketplace.notifications.services import notify_many
from marketplace.service_requests.models import RequestStatus, ServiceRequest
from realtime.events import RequestChanged, announce

MAX_REASON = 500


def _require_admin(actor: User) -> None:
    if actor is None or not actor.is_platform_admin:
        raise NotAllowed("Only platform admins can do this.")


def _lock(user_id: int) -> User:
    user = User.objects.select_for_update().filter(pk=user_id).first()
    if user is None:
        raise NotFound("user")
    return user


@transaction.atomic
def suspend_user(actor: User, user_id: int, *, reason: str) -> User:
    """Suspend an account: inactive, tokens revoked, open requests cancelled, open bids withdrawn, audited.

    Refused (nothing changed) for the admin themself (CANNOT_SUSPEND_SELF), another admin (ADMIN_ACCOUNT: admins are
    managed in the Wagtail admin), an already suspended account (ALREADY_SUSPENDED) or a blank reason."""
    _require_admin(actor)
    reason = (reason or "").strip()
    if not reason or len(reason) > MAX_REASON:
        raise ValidationError({"reason": ValidationError(f"Give a reason of 1 to {MAX_REASON} characters.", code="REQUIRED")})
    user = _lock(user_id)
    if user.pk == actor.pk:
        raise DomainError("You cannot suspend your own account.", code="CANNOT_SUSPEND_SELF")
    if user.role == "ADMIN" or user.is_superuser:
        raise DomainError("Admin accounts are managed in the CMS, not suspended here.", code="ADMIN_ACCOUNT")
    if user.is_suspended:
        raise DomainError("This account is already suspended.", code="ALREADY_SUSPENDED")

    user.is_active = False
    user.suspended_at = timezone.now()
    user.suspension_reason = reason
    user.save(update_fields=["is_active", "suspended_at", "suspension_reason"])
    revoked = tokens.revoke_all_tokens(user)
    closed = _cancel_open_requests(user, actor)
    withdrawn = _withdraw_open_bids(user, actor)
    record(
        "user.suspended",
        user,
        actor=actor,
        data={"reason": reason, "tokens_revoked": revoked, "requests_cancelled": closed, "bids_withdrawn": withdrawn},
    )
    send_email_after_commit(
        user.email,
        "Your ServeFlow account is suspended",
        f"Hello {user.get_short_name()},\n\nYour account was suspended by the platform team.\nReason: {reason}\n\n"
        "Your open requests were closed and your open bids withdrawn. Reply to this email if you think this is a mistake.\n",
    )
    return user


def _cancel_open_requests(user: User, actor: User) -> int:
    requests = list(ServiceRequest.objects.select_for_update().filter(customer=user, status=RequestStatus.OPEN))
    for request in requests:
        request.status = RequestStatus.CANCELLED
        request.save(update_fields=["status", "updated_at"])
        bids = list(Bid.objects.select_for_update().filter(request=request, status=BidStatus.PLACED).select_related("provider"))
        Bid.objects.filter(pk__in=[b.pk for b in bids]).update(status=BidStatus.DECLINED)
        if bids:
            notify_many([b.provider for b in bids], "REQUEST_CANCELLED", f"Request closed: {request.title}", "", request)
        record("request.cancelled", request, actor=actor, data={"why": "customer suspended"})
        for bid in bids:
            bid_event(bid, "declined")
        announce(RequestChanged(request_id=request.pk, kind="cancelled"))
    return len(requests)


def _withdraw_open_bids(user: User, actor: User) -> int:
    bids = list(Bid.objects.select_for_update().filter(provider=user, status=BidStatus.PLACED))
    for bid in bids:
        bid.status = BidStatus.WITHDRAWN
        bid.save(update_fields=["status", "updated_at"])
        record("bid.withdrawn", bid, actor=actor, data={"why": "provider suspended"})
        bid_event(bid, "withdrawn")
    return len(bids)


@transaction.atomic
def reactivate_user(actor: User, user_id: int) -> User:
    """Lift a suspension: the account may sign in again (with new tokens). Closed requests and bids stay closed.

    Refused with NOT_SUSPENDED for an account that is not suspended."""
    _require_admin(actor)
    user = _lock(user_id)
    if not user.is_suspended:
        raise DomainError("This account is not suspended.", code="NOT_SUSPENDED")
    reason = user.suspension_reason
    user.is_active = True
    user.suspended_at = None
    user.suspension_reason = ""
    user.save(update_fields=["is_active", "suspended_at", "suspension_reason"])
    record("user.reactivated", user, actor=actor, data={"suspension_reason": reason})
    send_email_after_commit(
        user.email,
        "Your ServeFlow account is active again",
        f"Hello {user.get_short_name()},\n\nYour account was reactivated; you can sign in again.\n",
    )
    return user
