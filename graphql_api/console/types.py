"""Inputs of the operator's console lists (platform admins only)."""

from __future__ import annotations

from datetime import date

import strawberry

from ..enums import RequestStatusEnum, RoleEnum, VerificationStatusEnum


@strawberry.input(description="Narrows `users`. Every given condition must hold; omitted ones do not filter.")
class UserFilter:
    roles: list[RoleEnum] | None = strawberry.field(default=None, description="Only accounts with one of these roles.")
    active: bool | None = strawberry.field(
        default=None, description="true: accounts that may sign in; false: suspended (or otherwise deactivated) ones."
    )
    search: str | None = strawberry.field(
        default=None, description="Words that must each appear in the email, first or last name or phone (case-insensitive)."
    )
    joined_from: date | None = strawberry.field(default=None, description="Joined on or after this day (UTC).")
    joined_to: date | None = strawberry.field(default=None, description="Joined on or before this day (UTC, inclusive).")


@strawberry.input(description="Narrows `providers`. Every given condition must hold.")
class ProviderFilter:
    statuses: list[VerificationStatusEnum] | None = strawberry.field(default=None, description="Verification statuses to include.")
    categories: list[str] | None = strawberry.field(default=None, description="Category slugs; providers offering any of them.")
    city: str | None = strawberry.field(default=None, description="Exact city of the service area (case-insensitive).")
    search: str | None = strawberry.field(default=None, description="Words that must each appear in the name, email, city or bio.")


@strawberry.input(description="Narrows `allServiceRequests`. Every given condition must hold.")
class ServiceRequestAdminFilter:
    statuses: list[RequestStatusEnum] | None = strawberry.field(default=None, description="Request statuses to include.")
    categories: list[str] | None = strawberry.field(default=None, description="Category slugs.")
    search: str | None = strawberry.field(
        default=None, description="Words that must each appear in the title, description, city or the customer's email."
    )
