"""Who may manage AI keys and read the AI call log in the Wagtail admin: platform admins only.

Django model permissions are deliberately not consulted, so granting an editors' group "all permissions" can never
expose the vault; `actions` narrows a model to e.g. read-only.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy


def is_platform_admin(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and (user.is_superuser or getattr(user, "is_platform_admin", False))
    )


class PlatformAdminsOnly(BasePermissionPolicy):
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
        users = get_user_model().objects.filter(is_active=True)
        if not any(self._allows(action) for action in actions):
            return users.none()
        return users.filter(Q(is_superuser=True) | Q(role="ADMIN"))

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
