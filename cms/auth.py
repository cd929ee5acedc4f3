"""Django permissions, and with them the Wagtail admin, belong to staff only."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend


class StaffPermissionBackend(ModelBackend):
    """Django's ModelBackend, except that a user without `is_staff` holds no permissions at all.

    So a customer or provider never reaches `/cms/`, even if someone puts them in the Editors group by mistake;
    an editor is `is_staff` plus membership of "Editors", whatever their marketplace role. Superusers keep every
    permission (Django checks `is_superuser` before asking backends).
    """

    def _get_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_active or not user_obj.is_staff:
            return set()
        return super()._get_permissions(user_obj, obj, from_name)
