"""Plumbing shared by the subscriptions: join channel-layer groups on this websocket and re-check the viewer.

A subscription joins its groups *before* it reads anything from the database, so an event committed while it
reads a backlog is still delivered (and de-duplicated by the subscription). Every event carries ids only; the
subscription re-reads the row through `marketplace.visibility` with a freshly checked viewer, so a revoked token,
a deactivated account or a lost right stops delivery at the next event.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

from asgiref.sync import sync_to_async
from django.db import connections
from strawberry import Info

from marketplace.accounts.models import ApiToken, User
from marketplace.errors import NotAuthenticated
from realtime.events import MESSAGE_TYPE

T = TypeVar("T")


@contextlib.asynccontextmanager
async def listen(info: Info, *groups: str) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
    """Join `groups` now; yields an iterator over the events sent to them (`{"event", "payload", "group"}`).

    One websocket may run several subscriptions, and the consumer hands every channel-layer message to each of
    them, so events of other subscriptions' groups are dropped here."""
    consumer = info.context["ws"]
    wanted = set(groups)
    async with consumer.listen_to_channel(MESSAGE_TYPE, groups=groups) as messages:

        async def events() -> AsyncIterator[dict[str, Any]]:
            async for message in messages:
                if message.get("group") in wanted:
                    yield message

        yield events()


def fresh_viewer(info: Info) -> User:
    """The websocket's user re-read with its token: NotAuthenticated once the token is revoked or expired, or the
    account deactivated. Runs in a worker thread (see `in_thread`)."""
    token = info.context["ws"].scope.get("api_token")
    fresh = ApiToken.objects.usable().select_related("user").filter(pk=getattr(token, "pk", None)).first()
    if fresh is None or not fresh.user.is_active:
        raise NotAuthenticated("Your session ended; sign in again.")
    return fresh.user


async def in_thread(function: Callable[..., T], *args: Any) -> T:
    """Run database work off the event loop. Not thread-sensitive: concurrent subscribers' checks run in parallel
    instead of queueing behind Django's one sync thread. The worker's connection goes back to the pool (or is
    closed) after each call, so idle executor threads never hold connections."""
    return await sync_to_async(_closing_connections(function), thread_sensitive=False)(*args)


def _closing_connections(function: Callable[..., T]) -> Callable[..., T]:
    def run(*args: Any) -> T:
        try:
            return function(*args)
        finally:
            connections.close_all()

    return run
