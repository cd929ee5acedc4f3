"""Per-user and global budgets for model calls, on the `limits` library.

`limits` (rather than django-ratelimit) because these limits guard a domain use case, not a view: it is called
from the service with any identifier, offers moving windows, and shares counters across instances through Redis
(`AI_RATE_LIMIT_STORAGE`), while django-ratelimit is built around decorating request handlers and Django's cache.
"""

from __future__ import annotations

import math
import time
from functools import lru_cache

from django.conf import settings
from limits import parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from marketplace.errors import Throttled


@lru_cache(maxsize=4)
def _limiter(uri: str, prefix: str) -> MovingWindowRateLimiter:
    options = {"key_prefix": prefix} if uri.startswith(("redis://", "rediss://")) else {}
    return MovingWindowRateLimiter(storage_from_string(uri, **options))


def limiter() -> MovingWindowRateLimiter:
    return _limiter(settings.AI_RATE_LIMIT_STORAGE, settings.AI_RATE_LIMIT_PREFIX)


def check_user_allowance(user) -> None:
    """Count one analysis for `user`, or raise Throttled (with retry_after) if the per-user budget is spent."""
    active = limiter()
    for limit in parse_many(settings.AI_RATE_LIMIT_PER_USER):
        if not active.hit(limit, "ai-user", str(user.pk)):
            reset_at = active.get_window_stats(limit, "ai-user", str(user.pk)).reset_time
            retry_after = max(1, math.ceil(reset_at - time.time()))
            raise Throttled(f"Too many photo analyses; try again in {retry_after} seconds.", retry_after=retry_after, field="image")


def take_global_allowance() -> bool:
    """Count one model call against the platform-wide budget; False when it is spent (callers use the fallback)."""
    active = limiter()
    return all(active.hit(limit, "ai-global") for limit in parse_many(settings.AI_RATE_LIMIT_GLOBAL))


def reset() -> None:
    """Forget all counters (tests, or an admin lifting a budget early)."""
    limiter().storage.reset()
