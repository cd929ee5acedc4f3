"""Plumbing shared by the subscriptions: join channel-layer groups on this websocket and re-check the viewer.

A subscription joins its groups *before* it reads anything from the database, so an event committed while it
reads a backlog is still delivered (and de-duplicated by the subscription). Every event carries ids only; the
subscription re-reads the row through `marketplace.visibility` with a freshly checked viewer, so a revoked token,
a deactivated account or a lost right stops delivery at the next event.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter, OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.db import connection, connections
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
    """Run database work off the event loop.

    On PostgreSQL not thread-sensitive: concurrent subscribers' checks run in parallel on pooled connections instead
    of queueing behind Django's one sync thread, and each worker's connection goes back to the pool after the call.
    SQLite (the single-process embedded default) allows one writer, and a reader in another thread would meet
    "database table is locked", so there everything stays on Django's sync thread."""
    if connection.vendor == "sqlite":
        return await database_sync_to_async(function)(*args)
    return await sync_to_async(_closing_connections(function), thread_sensitive=False)(*args)


def _closing_connections(function: Callable[..., T]) -> Callable[..., T]:
    def run(*args: Any) -> T:
        try:
            return function(*args)
        finally:
            connections.close_all()

    return run


class SubscribedTokens:
    """The tokens behind this process's live subscriptions, so one query per event re-checks all of them."""

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()

    @contextlib.contextmanager
    def holding(self, info: Info):
        token_id = info.context["ws"].scope["api_token"].pk
        self.counts[token_id] += 1
        try:
            yield token_id
        finally:
            self.counts[token_id] -= 1
            if self.counts[token_id] <= 0:
                del self.counts[token_id]

    def usable_users(self) -> dict[int, User]:
        """token id → its user, for every subscribed token still usable (not revoked or expired, user active)."""
        tokens = ApiToken.objects.usable().filter(pk__in=list(self.counts), user__is_active=True).select_related("user")
        return {token.pk: token.user for token in tokens}


class SharedReads:
    """Per-process memo of one database read per event: the first subscriber to handle an event starts it, the others
    (thousands, for a popular request) await the same result. Keeps the last `size` events."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.reads: OrderedDict[str, asyncio.Future] = OrderedDict()

    def get(self, event: dict[str, Any], read: Callable[[], T]) -> Awaitable[T]:
        key = event["id"]
        if key not in self.reads:
            self.reads[key] = asyncio.ensure_future(in_thread(read))
            while len(self.reads) > self.size:
                self.reads.popitem(last=False)
        return asyncio.shield(self.reads[key])


subscribed_tokens = SubscribedTokens()
shared_reads = SharedReads()
