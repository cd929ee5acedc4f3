from __future__ import annotations

from datetime import datetime

import strawberry
import strawberry_django
from strawberry import relay

from marketplace.accounts.models import User
from marketplace.visibility import visible_users

from ..visibility import guarded_by


@strawberry_django.type(
    User, name="User", fields=["email", "role", "first_name", "last_name", "phone", "date_joined", "email_notifications"]
)
class UserType(relay.Node):
    """A ServeFlow user. Only the user themself (and admins) see this type in full."""

    get_queryset = guarded_by(visible_users)

    is_active: bool = strawberry_django.field(description="Whether the account may sign in (false while suspended).")
    suspended_at: datetime | None = strawberry_django.field(description="When an admin suspended the account; null if not suspended.")
    suspension_reason: str = strawberry_django.field(description="The admin's reason for the suspension; empty if not suspended.")
    last_login: datetime | None = strawberry_django.field(description="The last successful sign-in; null if never.")

    @strawberry_django.field(only=["email_verified_at"])
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    @strawberry_django.field(only=["avatar"])
    def avatar_url(self) -> str | None:
        return self.avatar.url if self.avatar else None

    @strawberry_django.field(only=["first_name", "last_name", "email"])
    def display_name(self) -> str:
        return self.get_full_name()


@strawberry.input
class RegisterInput:
    email: str
    password: str
    role: str = strawberry.field(description="CUSTOMER or PROVIDER. Admin accounts are never self-registered.")
    first_name: str = ""
    last_name: str = ""
    phone: str = ""


@strawberry.type
class Heartbeat:
    at: str
    email: str
