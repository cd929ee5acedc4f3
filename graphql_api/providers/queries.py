from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay
from strawberry_django.relay import DjangoListConnection

from marketplace.providers.models import ProviderProfile, VerificationStatus

from ..ids import decode
from ..permissions import IsPlatformAdmin, IsSignedIn, current_user
from .types import ProviderProfileType, ProviderPublicProfileType


@strawberry.type
class ProviderQuery:
    @strawberry_django.connection(DjangoListConnection[ProviderProfileType], extensions=[IsPlatformAdmin()])
    def pending_providers(self) -> list[ProviderProfile]:
        """The verification queue, oldest first."""
        return ProviderProfile.objects.filter(status=VerificationStatus.PENDING, user__is_active=True).order_by("created_at", "id")

    @strawberry_django.field(extensions=[IsSignedIn()])
    def provider(self, id: relay.GlobalID) -> ProviderPublicProfileType | None:
        """A provider's public profile (approved providers only)."""
        for type_name in ("ProviderPublicProfile", "ProviderProfile"):
            if id.type_name == type_name:
                return ProviderProfile.objects.approved().filter(pk=decode(id, type_name)).first()
        return None

    @strawberry_django.field(extensions=[IsSignedIn()], description="The signed-in provider's own profile and verification status.")
    def my_provider_profile(self, info: Info) -> ProviderProfileType | None:
        user = current_user(info)
        return ProviderProfile.objects.filter(user=user).first()
