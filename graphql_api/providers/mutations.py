from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay
from strawberry.file_uploads import Upload

from marketplace.providers import services

from ..errors import FieldError, attempt
from ..ids import decode
from ..permissions import IsPlatformAdmin, IsProvider, require_user
from .types import ProviderDocumentType, ProviderProfileType


@strawberry.type
class ProviderProfilePayload:
    provider: ProviderProfileType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class ProviderDocumentPayload:
    document: ProviderDocumentType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


def _profile_id(id: relay.GlobalID) -> int:
    return decode(id, "ProviderProfile" if id.type_name == "ProviderProfile" else "ProviderPublicProfile")


@strawberry.type
class ProviderMutation:
    @strawberry_django.mutation(extensions=[IsProvider()])
    def update_provider_profile(
        self,
        info: Info,
        bio: str | None = None,
        city: str | None = None,
        category_slugs: list[str] | None = None,
        latitude: float | None = strawberry.UNSET,
        longitude: float | None = strawberry.UNSET,
        service_radius_km: int | None = None,
    ) -> ProviderProfilePayload:
        user = require_user(info)
        coords = {k: v for k, v in (("latitude", latitude), ("longitude", longitude)) if v is not strawberry.UNSET}
        return attempt(
            ProviderProfilePayload,
            lambda: ProviderProfilePayload(
                provider=services.update_profile(
                    user, bio=bio, city=city, category_slugs=category_slugs, service_radius_km=service_radius_km, **coords
                )
            ),
        )

    @strawberry_django.mutation(
        extensions=[IsProvider()],
        description="A rejected provider asks for another review (after updating the profile or documents).",
    )
    def request_provider_review(self, info: Info) -> ProviderProfilePayload:
        user = require_user(info)
        return attempt(ProviderProfilePayload, lambda: ProviderProfilePayload(provider=services.request_review(user)))

    @strawberry_django.mutation(extensions=[IsProvider()])
    def upload_provider_document(self, info: Info, kind: str, file: Upload) -> ProviderDocumentPayload:
        user = require_user(info)
        return attempt(
            ProviderDocumentPayload, lambda: ProviderDocumentPayload(document=services.add_document(user, kind=kind, upload=file))
        )

    @strawberry_django.mutation(extensions=[IsPlatformAdmin()])
    def approve_provider(self, info: Info, provider_id: relay.GlobalID) -> ProviderProfilePayload:
        admin = require_user(info)
        return attempt(
            ProviderProfilePayload, lambda: ProviderProfilePayload(provider=services.approve(_profile_id(provider_id), by=admin))
        )

    @strawberry_django.mutation(extensions=[IsPlatformAdmin()])
    def reject_provider(self, info: Info, provider_id: relay.GlobalID, reason: str) -> ProviderProfilePayload:
        admin = require_user(info)
        return attempt(
            ProviderProfilePayload,
            lambda: ProviderProfilePayload(provider=services.reject(_profile_id(provider_id), reason=reason, by=admin)),
        )
