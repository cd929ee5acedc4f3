"""Provider profiles and their verification by platform admins."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cms.models import ServiceCategory
from marketplace.accounts.models import Role, User
from marketplace.audit.services import record
from marketplace.errors import InvalidState, NotAllowed, NotFound
from marketplace.images import clean_image
from marketplace.mail import send_email_after_commit
from marketplace.notifications.services import notify

from .models import ProviderDocument, ProviderProfile, VerificationStatus

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
UNSET = object()


def _own_profile(user: User) -> ProviderProfile:
    if user.role != Role.PROVIDER:
        raise NotAllowed("Only providers have a provider profile.")
    profile, _ = ProviderProfile.objects.select_for_update().get_or_create(user=user)
    return profile


@transaction.atomic
def update_profile(
    user: User,
    *,
    bio: str | None = None,
    city: str | None = None,
    category_slugs: list[str] | None = None,
    latitude=UNSET,
    longitude=UNSET,
    service_radius_km: int | None = None,
) -> ProviderProfile:
    """Change the provider's own profile. Categories must be live and active."""
    profile = _own_profile(user)
    errors = {}
    if bio is not None:
        profile.bio = bio.strip()[:4000]
    if city is not None:
        profile.city = city.strip()[:120]
    if service_radius_km is not None:
        if not 1 <= service_radius_km <= 500:
            errors["service_radius_km"] = ValidationError("Between 1 and 500 km.", code="OUT_OF_RANGE")
        profile.service_radius_km = service_radius_km
    if latitude is not UNSET or longitude is not UNSET:
        lat = profile.latitude if latitude is UNSET else latitude
        lng = profile.longitude if longitude is UNSET else longitude
        if (lat is None) != (lng is None):
            errors["latitude"] = ValidationError("Give both latitude and longitude, or neither.", code="INVALID")
        elif lat is not None and not (-90 <= lat <= 90 and -180 <= lng <= 180):
            errors["latitude"] = ValidationError("Not a valid coordinate.", code="OUT_OF_RANGE")
        profile.latitude, profile.longitude = lat, lng
    categories = None
    if category_slugs is not None:
        categories = list(ServiceCategory.objects.available().filter(slug__in=category_slugs))
        unknown = set(category_slugs) - {c.slug for c in categories}
        if unknown:
            errors["category_slugs"] = ValidationError(f"Unknown categories: {', '.join(sorted(unknown))}.", code="INVALID_CHOICE")
    if errors:
        raise ValidationError(errors)
    profile.save()
    if categories is not None:
        profile.categories.set(categories)
    return profile


@transaction.atomic
def add_document(user: User, *, kind: str, upload) -> ProviderDocument:
    """Attach a verification document (PDF or image) to the provider's own profile."""
    profile = _own_profile(user)
    if kind not in ProviderDocument.Kind.values:
        raise ValidationError({"kind": ValidationError("Unknown document kind.", code="INVALID_CHOICE")})
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        if upload.size > MAX_DOCUMENT_BYTES:
            raise ValidationError({"file": ValidationError("Documents may be at most 10 MB.", code="FILE_TOO_LARGE")})
        content, name = upload, "document.pdf"
    else:
        content = clean_image(upload, field="file", max_bytes=MAX_DOCUMENT_BYTES)
        name = content.name
    document = ProviderDocument(profile=profile, kind=kind)
    document.uploaded_at = timezone.now()
    document.file.save(name, content, save=True)
    record("provider.document_added", profile, actor=user, data={"document": document.pk, "kind": kind})
    return document


@transaction.atomic
def request_review(user: User) -> ProviderProfile:
    """REJECTED → PENDING: the provider fixed what the admin asked for and goes back in the verification queue.
    The last rejection reason stays on the profile for the reviewing admin (and in the audit log)."""
    profile = _own_profile(user)
    if profile.status != VerificationStatus.REJECTED:
        raise InvalidState("Only a rejected application can be sent for review again.")
    profile.status = VerificationStatus.PENDING
    profile.save(update_fields=["status"])
    record("provider.review_requested", profile, actor=user, data={"previous_reason": profile.rejection_reason})
    return profile


def _profile_for_review(profile_id: int) -> ProviderProfile:
    profile = ProviderProfile.objects.select_for_update().select_related("user").filter(pk=profile_id).first()
    if profile is None:
        raise NotFound("provider")
    return profile


def _require_admin(user: User) -> None:
    if not user.is_platform_admin:
        raise NotAllowed("Only platform admins review providers.")


@transaction.atomic
def approve(profile_id: int, *, by: User) -> ProviderProfile:
    """PENDING or REJECTED → APPROVED. The provider is notified and emailed."""
    _require_admin(by)
    profile = _profile_for_review(profile_id)
    if profile.status == VerificationStatus.APPROVED:
        raise InvalidState("This provider is already approved.")
    profile.status = VerificationStatus.APPROVED
    profile.rejection_reason = ""
    profile.reviewed_at, profile.reviewed_by = timezone.now(), by
    profile.save()
    record("provider.approved", profile, actor=by)
    notify(profile.user, "PROVIDER_APPROVED", "Your provider account is approved", "You can now bid on matching requests.", profile)
    send_email_after_commit(
        profile.user.email, "You are approved on ServeFlow", "Your provider account was approved. Matching requests now reach you."
    )
    return profile


@transaction.atomic
def reject(profile_id: int, *, reason: str, by: User) -> ProviderProfile:
    """PENDING or APPROVED → REJECTED with a reason the provider sees. Existing jobs are not affected."""
    _require_admin(by)
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise ValidationError({"reason": ValidationError("Tell the provider why (at least 5 characters).", code="REQUIRED")})
    profile = _profile_for_review(profile_id)
    if profile.status == VerificationStatus.REJECTED:
        raise InvalidState("This provider is already rejected.")
    profile.status = VerificationStatus.REJECTED
    profile.rejection_reason = reason[:2000]
    profile.reviewed_at, profile.reviewed_by = timezone.now(), by
    profile.save()
    record("provider.rejected", profile, actor=by, data={"reason": profile.rejection_reason})
    notify(profile.user, "PROVIDER_REJECTED", "Your provider application was not approved", profile.rejection_reason, profile)
    send_email_after_commit(
        profile.user.email,
        "Your ServeFlow provider application",
        f"Your provider account was not approved.\n\nReason: {profile.rejection_reason}\n",
    )
    return profile


def approved_profile(user: User) -> ProviderProfile:
    """The caller's profile if they are an approved provider; otherwise NotAllowed."""
    profile = getattr(user, "provider_profile", None) if user.role == Role.PROVIDER else None
    if profile is None or not profile.is_approved or not user.is_active:
        raise NotAllowed("Only approved providers can do this.")
    return profile
