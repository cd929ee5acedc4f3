from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
import strawberry_django
from django.db.models import Prefetch, Value
from strawberry import relay

from marketplace import platform_settings
from marketplace.accounts.models import User
from marketplace.console.directory import earnings_subquery, open_disputes_subquery
from marketplace.providers.models import ProviderDocument, ProviderProfile
from marketplace.visibility import visible_private_profiles, visible_provider_documents, visible_public_profiles

from ..cms.types import ServiceCategoryType
from ..money import Money
from ..visibility import guarded_by

if TYPE_CHECKING:
    from ..accounts.types import UserType


def providers_with_profiles(info=None) -> Prefetch:
    """For fields that hop from a provider user to their public profile: one query for any number of rows."""
    return Prefetch("provider", queryset=User.objects.select_related("provider_profile").prefetch_related("provider_profile__categories"))


@strawberry_django.type(ProviderProfile, name="ProviderPublicProfile")
class ProviderPublicProfileType(relay.Node):
    """What anyone signed in may see of a provider: name, area, skills, rating and reviews."""

    get_queryset = guarded_by(visible_public_profiles)

    bio: str
    city: str
    categories: list[ServiceCategoryType]

    @strawberry_django.field(select_related=["user"], only=["user__first_name", "user__last_name", "user__email"])
    def display_name(self) -> str:
        return self.user.get_full_name()

    @strawberry_django.field(select_related=["user"], only=["user__avatar"])
    def avatar_url(self) -> str | None:
        return self.user.avatar.url if self.user.avatar else None

    @strawberry_django.field(only=["rating_sum", "rating_count"], description="Average stars (1-5), null until reviewed.")
    def rating(self) -> float | None:
        return self.rating

    @strawberry_django.field(only=["rating_count"])
    def review_count(self) -> int:
        return self.rating_count

    @strawberry_django.field(only=["jobs_completed", "jobs_failed"], description="Completed / (completed + failed); null without history.")
    def completion_rate(self) -> float | None:
        return self.completion_rate

    @strawberry_django.field(only=["jobs_completed"])
    def jobs_completed(self) -> int:
        return self.jobs_completed

    @strawberry_django.field(only=["status"])
    def verified(self) -> bool:
        return self.is_approved


@strawberry_django.type(ProviderDocument, name="ProviderDocument")
class ProviderDocumentType(relay.Node):
    """An identity document: the provider who uploaded it and platform admins only."""

    get_queryset = guarded_by(visible_provider_documents)
    kind: str
    uploaded_at: strawberry.auto

    @strawberry_django.field(only=["file"])
    def url(self) -> str:
        """A signed, expiring link that downloads the file (never rendered inline on a web origin)."""
        return document_url(self.file)


def document_url(file) -> str:
    storage = file.storage
    if hasattr(storage, "bucket_name"):  # S3 (django-storages): S3 answers with the download headers itself
        name = file.name.rsplit("/", 1)[-1]
        return storage.url(
            file.name,
            parameters={"ResponseContentDisposition": f'attachment; filename="{name}"', "ResponseContentType": "application/octet-stream"},
        )
    return file.url  # the local signer: marketplace/local_media.py sends the same headers


@strawberry_django.type(ProviderProfile, name="ProviderProfile")
class ProviderProfileType(ProviderPublicProfileType):
    """The provider's own view (and admins'): verification status, exact location, documents."""

    get_queryset = guarded_by(visible_private_profiles)

    status: str
    rejection_reason: str
    latitude: float | None
    longitude: float | None
    service_radius_km: int
    reviewed_at: strawberry.auto
    created_at: strawberry.auto
    documents: list[ProviderDocumentType]

    @strawberry_django.field(select_related=["user"], only=["user__email"])
    def email(self) -> str:
        return self.user.email

    @strawberry_django.field(
        prefetch_related=[lambda info: Prefetch("user", queryset=User.objects.all(), to_attr="account_row")],
        description="The provider's account (active/suspended, contact details); seen by the provider and admins.",
    )
    def account(self) -> Annotated[UserType, strawberry.lazy("graphql_api.accounts.types")]:
        return getattr(self, "account_row", None) or self.user

    @strawberry_django.field(
        annotate={
            "earnings_amount": lambda info: earnings_subquery(platform_settings.currency()),
            "earnings_currency": lambda info: Value(platform_settings.currency()),
        },
        description="Net amount released to the provider so far (after commission), in the platform currency.",
    )
    def earnings(self, root: ProviderProfile) -> Money:
        amount = getattr(root, "earnings_amount", None)
        if amount is None:
            found = ProviderProfile.objects.filter(pk=root.pk).annotate(a=earnings_subquery(platform_settings.currency())).first()
            amount = found.a if found else 0
        return Money(amount=amount, currency=getattr(root, "earnings_currency", None) or platform_settings.currency())

    @strawberry_django.field(
        annotate={"open_dispute_count": lambda info: open_disputes_subquery()},
        description="How many of the provider's jobs are in dispute right now.",
    )
    def open_disputes(self, root: ProviderProfile) -> int:
        count = getattr(root, "open_dispute_count", None)
        if count is None:
            count = ProviderProfile.objects.filter(pk=root.pk).annotate(n=open_disputes_subquery()).values_list("n", flat=True).first()
        return count or 0
