"""Maintenance mode: while a site's `maintenanceMode` is on, every root field outside the allow-list fails with
`extensions.code` MAINTENANCE for everyone but platform admins.

Gating by root-field name (not by listing marketplace fields) means a field added later is gated automatically;
only content and session fields stay open, so the client can still load and show the notice.
"""

from __future__ import annotations

import asyncio
from typing import Any

from asgiref.sync import sync_to_async
from django.http import HttpRequest
from graphql import GraphQLResolveInfo
from strawberry.extensions import SchemaExtension
from strawberry.utils.await_maybe import await_maybe
from strawberry_django.auth.utils import get_current_user
from wagtail.models import Site

from cms.settings import platform_settings
from marketplace.accounts.authority import is_platform_admin
from marketplace.errors import DomainError

OPEN_DURING_MAINTENANCE = frozenset({"site", "page", "pagePreview", "categories", "me", "login", "logout"})


class UnderMaintenance(DomainError):
    """The platform is in maintenance mode; try again later."""

    code = "MAINTENANCE"


def _in_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class MaintenanceGate(SchemaExtension):
    def __init__(self, *, execution_context=None):
        self._refusal: UnderMaintenance | bool | None = False  # False: not decided yet for this operation

    def _refusal_for(self, info: GraphQLResolveInfo) -> UnderMaintenance | None:
        """Decided once per operation: the error to raise, or None when the caller may proceed."""
        if self._refusal is False:
            request = info.context.request if hasattr(info.context, "request") else info.context.get("request")
            site = Site.find_for_request(request) if isinstance(request, HttpRequest) else None
            terms = platform_settings(site)
            self._refusal = None
            if terms.maintenance_mode:
                user = get_current_user(info)
                if not is_platform_admin(user):
                    self._refusal = UnderMaintenance(terms.maintenance_message)
        return self._refusal

    def resolve(self, _next, root, info: GraphQLResolveInfo, *args: Any, **kwargs: Any) -> Any:
        if info.path.prev is not None or info.field_name in OPEN_DURING_MAINTENANCE or info.field_name.startswith("__"):
            return _next(root, info, *args, **kwargs)
        if _in_event_loop():  # websocket / async execution: the settings lookup must leave the event loop

            async def gated():
                refusal = await sync_to_async(self._refusal_for)(info)
                if refusal is not None:
                    raise refusal
                return await await_maybe(_next(root, info, *args, **kwargs))

            return gated()
        refusal = self._refusal_for(info)
        if refusal is not None:
            raise refusal
        return _next(root, info, *args, **kwargs)
