from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

import strawberry
from django.utils import timezone
from strawberry import Info

from graphql_api.permissions import current_user
from marketplace.errors import NotAuthenticated

from ..live import fresh_viewer, in_thread
from .types import Heartbeat


@strawberry.type
class AccountSubscription:
    @strawberry.subscription(
        description="Ticks every `everySeconds` for the signed-in user; proves the authenticated socket. Each tick "
        "re-checks the token, so the stream ends with an error once it is revoked or expires."
    )
    async def heartbeat(self, info: Info, every_seconds: int = 10) -> AsyncGenerator[Heartbeat, None]:
        if current_user(info) is None:
            raise NotAuthenticated("Sign in to subscribe.")
        every = min(max(every_seconds, 1), 60)
        while True:
            user = await in_thread(fresh_viewer, info)  # NotAuthenticated once the token is revoked
            yield Heartbeat(at=timezone.now().isoformat(), email=user.email)
            await asyncio.sleep(every)
