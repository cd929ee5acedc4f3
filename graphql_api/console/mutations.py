"""Suspending and reactivating accounts (platform admins only)."""

from __future__ import annotations

from typing import Annotated

import strawberry
import strawberry_django
from strawberry import Info, relay

from marketplace.console import suspension

from ..accounts.types import UserType
from ..errors import FieldError, attempt
from ..ids import decode
from ..permissions import IsPlatformAdmin, require_user

UserId = Annotated[relay.GlobalID, strawberry.argument(description="The User's global id.")]


@strawberry.type(description="The account after a suspension change, or the errors that refused it (nothing changed).")
class AccountStatusPayload:
    user: UserType | None = strawberry.field(default=None, description="The account as it is now.")
    errors: list[FieldError] = strawberry.field(
        default_factory=list,
        description="REQUIRED (reason), CANNOT_SUSPEND_SELF, ADMIN_ACCOUNT, ALREADY_SUSPENDED or NOT_SUSPENDED.",
    )


@strawberry.type
class ConsoleMutation:
    @strawberry_django.mutation(
        handle_django_errors=False,
        extensions=[IsPlatformAdmin()],
        description="Suspend an account (platform admins only): it can no longer sign in, its tokens are revoked and "
        "its live subscriptions end at their next event, its open requests are cancelled and its open bids withdrawn "
        "(customers see that live on `bidEvents`). Audited as user.suspended. NOT_FOUND for an unknown id.",
    )
    def suspend_user(
        self,
        info: Info,
        id: UserId,
        reason: Annotated[str, strawberry.argument(description="Why (1-500 characters); stored, audited and emailed to the person.")],
    ) -> AccountStatusPayload:
        actor = require_user(info)
        pk = decode(id, "User")
        return attempt(AccountStatusPayload, lambda: AccountStatusPayload(user=suspension.suspend_user(actor, pk, reason=reason)))

    @strawberry_django.mutation(
        handle_django_errors=False,
        extensions=[IsPlatformAdmin()],
        description="Lift a suspension (platform admins only): the person may sign in again; cancelled requests and "
        "withdrawn bids stay so. Audited as user.reactivated.",
    )
    def reactivate_user(self, info: Info, id: UserId) -> AccountStatusPayload:
        actor = require_user(info)
        pk = decode(id, "User")
        return attempt(AccountStatusPayload, lambda: AccountStatusPayload(user=suspension.reactivate_user(actor, pk)))
