"""Who may call what. Each field declares its rule once, as an extension: `extensions=[IsSignedIn()]`."""

from __future__ import annotations

from typing import Any, ClassVar

from strawberry import Info
from strawberry_django.auth.utils import get_current_user
from strawberry_django.permissions import DjangoPermissionExtension
from strawberry_django.resolvers import django_resolver

from marketplace.accounts.authority import is_platform_admin
from marketplace.accounts.models import Role, User
from marketplace.errors import NotAllowed, NotAuthenticated


def current_user(info: Info) -> User | None:
    """The signed-in user of this operation (HTTP bearer token or websocket `connection_init`), or None."""
    user = get_current_user(info)
    return user if user is not None and user.is_authenticated and user.is_active else None


def require_user(info: Info) -> User:
    user = current_user(info)
    if user is None:
        raise NotAuthenticated("Sign in to do this.")
    return user


class RoleRule(DjangoPermissionExtension):
    """Base rule: the caller must be signed in and satisfy `allows(user)`; otherwise a permission error."""

    DEFAULT_ERROR_MESSAGE: ClassVar[str] = "You do not have permission to do this."
    SCHEMA_DIRECTIVE_DESCRIPTION: ClassVar[str | None] = None

    def allows(self, user: User) -> bool:
        return True

    @django_resolver(qs_hook=None)
    def resolve_for_user(self, resolver, user, *, info: Info, source: Any):
        if user is None or not user.is_authenticated or not user.is_active:
            raise NotAuthenticated("Sign in to do this.")
        if not self.allows(user):
            raise NotAllowed(self.message)
        return resolver()

    def handle_no_permission(self, exception: BaseException, *, info: Info):
        if isinstance(exception, NotAllowed):
            raise exception
        raise NotAllowed(self.message) from exception


class IsSignedIn(RoleRule):
    """Any active, signed-in user."""


class IsCustomer(RoleRule):
    def allows(self, user: User) -> bool:
        return user.role == Role.CUSTOMER


class IsProvider(RoleRule):
    def allows(self, user: User) -> bool:
        return user.role == Role.PROVIDER


class IsPlatformAdmin(RoleRule):
    """Platform admins only: `marketplace.accounts.authority.is_platform_admin` (active, role ADMIN)."""

    def allows(self, user: User) -> bool:
        return is_platform_admin(user)


class IsApprovedProvider(RoleRule):
    DEFAULT_ERROR_MESSAGE: ClassVar[str] = "Only approved providers can do this."

    def allows(self, user: User) -> bool:
        profile = getattr(user, "provider_profile", None) if user.role == Role.PROVIDER else None
        return profile is not None and profile.is_approved
