"""The verification queue in the Wagtail admin: the same `approve` / `reject` services the API calls."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from marketplace.accounts.authority import is_platform_admin
from marketplace.errors import DomainError

from . import services
from .models import ProviderProfile, VerificationStatus


def _require_platform_admin(request) -> None:
    if not is_platform_admin(request.user):
        raise PermissionDenied


def verification_queue(request):
    _require_platform_admin(request)
    pending = (
        ProviderProfile.objects.filter(status=VerificationStatus.PENDING, user__is_active=True)
        .select_related("user")
        .prefetch_related("categories", "documents")
        .order_by("created_at", "id")
    )
    return TemplateResponse(request, "providers/verification_queue.html", {"pending": pending})


@require_POST
def decide(request, pk: int, decision: str):
    _require_platform_admin(request)
    try:
        if decision == "approve":
            profile = services.approve(pk, by=request.user)
        else:
            profile = services.reject(pk, reason=request.POST.get("reason", ""), by=request.user)
    except (ValidationError, DomainError) as exc:
        messages.error(request, "; ".join(getattr(exc, "messages", None) or [str(exc)]))
    else:
        messages.success(request, f"{profile.user.email}: {profile.get_status_display()}.")
    return redirect("provider_verification_queue")
