"""Who is a platform admin: one rule, asked by every admin-only surface.

A platform admin is an active user whose role is ADMIN. Nothing else makes one: not `is_staff`, not membership of
the "Platform admins" group, not `is_superuser` on its own (a database constraint keeps superusers to role ADMIN, so
Django's and Wagtail's superuser shortcuts never reach anyone else).

Why the role and not the group: the role is set only by `createsuperuser`, the demo loader or a shell, while group
membership is a tick box in the Wagtail users screen. Money (commission, refunds, payouts, dispute splits) should
need the harder-to-change fact. The "Platform admins" group is the set of Django permissions admins hold in the
Wagtail admin: `cms.auth.StaffPermissionBackend` gives it to every role-ADMIN staff member whether or not they are a
member, and gives nothing from it to a member whose role is not ADMIN.

Callers: GraphQL's `IsPlatformAdmin`, `User.is_platform_admin`, the AI vault and call log, the verification queue,
platform and publishing settings, the maintenance gate, and the permission backend.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

PLATFORM_ADMINS_GROUP = "Platform admins"
ADMIN_ROLE = "ADMIN"  # marketplace.accounts.models.Role.ADMIN (no import: the model module calls this one)


def is_platform_admin(user) -> bool:
    """True only for an authenticated, active user with role ADMIN."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and getattr(user, "is_active", False)
        and getattr(user, "role", None) == ADMIN_ROLE
    )


def platform_admins():
    """The users `is_platform_admin` is true for, as a queryset."""
    return get_user_model().objects.filter(is_active=True, role=ADMIN_ROLE)


class PlatformAdminsOnly(BasePermissionPolicy):
    """A Wagtail permission policy: platform admins may do `actions` (all when None); Django model permissions are
    deliberately not consulted, so granting a group "all permissions" can never open the screen to anyone else."""

    def __init__(self, model, actions: set[str] | None = None):
        super().__init__(model)
        self.actions = actions

    def _allows(self, action: str) -> bool:
        return self.actions is None or action in self.actions

    def user_has_permission(self, user, action):
        return is_platform_admin(user) and self._allows(action)

    def user_has_any_permission(self, user, actions):
        return is_platform_admin(user) and any(self._allows(action) for action in actions)

    def users_with_any_permission(self, actions):
        if not any(self._allows(action) for action in actions):
            return get_user_model().objects.none()
        return platform_admins()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
