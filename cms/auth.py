"""Django permissions, and with them the Wagtail admin, belong to staff only."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from marketplace.accounts.authority import PLATFORM_ADMINS_GROUP, is_platform_admin


class StaffPermissionBackend(ModelBackend):
    """Django's ModelBackend, except that a user without `is_staff` holds no permissions at all, and the
    "Platform admins" group's permissions follow the platform-admin rule rather than membership.

    So a customer or provider never reaches `/cms/`, even if someone puts them in the Editors group by mistake;
    an editor is `is_staff` plus membership of "Editors", whatever their marketplace role. A staff member with role
    ADMIN holds the "Platform admins" group's permissions whether or not they are a member; a member whose role is
    not ADMIN gets nothing from that group (see `marketplace.accounts.authority`). Superusers keep every permission
    (Django checks `is_superuser` before asking backends; a constraint keeps superusers to role ADMIN).
    """

    def _get_permissions(self, user_obj, obj, from_name):
        if not user_obj.is_active or not user_obj.is_staff:
            return set()
        return super()._get_permissions(user_obj, obj, from_name)

    def _get_group_permissions(self, user_obj):
        groups = user_obj.groups.exclude(name=PLATFORM_ADMINS_GROUP)
        if is_platform_admin(user_obj):
            groups = Group.objects.filter(Q(user=user_obj) | Q(name=PLATFORM_ADMINS_GROUP))
        return Permission.objects.filter(group__in=groups).distinct()
