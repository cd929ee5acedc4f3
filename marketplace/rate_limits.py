"""Per-user and per-IP budgets for abusable mutations (RATE_LIMITS in settings), on the `limits` library.

Same library and storage rules as the AI budgets (marketplace/ai/rate_limits.py): moving windows, Redis when
REDIS_URL is set (shared by every instance), memory otherwise. "User" is the signed-in account or, for anonymous
account mutations, the address they name, so one mailbox cannot be flooded from many IPs.
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
    return _limiter(settings.RATE_LIMIT_STORAGE, settings.RATE_LIMIT_PREFIX)


def throttle(action: str, *, user: str | int | None = None, ip: str | None = None, field: str | None = None) -> None:
    """Count one `action` for the user and for the IP, or raise Throttled with retry_after when either budget is spent.

    Every window is checked before any is counted, so a refused attempt does not use up budget."""
    rules = settings.RATE_LIMITS[action]
    active = limiter()
    keys = [(scope, str(value)) for scope, value in (("user", user), ("ip", ip)) if value not in (None, "") and rules.get(scope)]
    windows = [(limit, scope, key) for scope, key in keys for limit in parse_many(rules[scope])]
    for limit, scope, key in windows:
        if not active.test(limit, action, scope, key):
            reset_at = active.get_window_stats(limit, action, scope, key).reset_time
            retry_after = max(1, math.ceil(reset_at - time.time()))
            raise Throttled(f"Too many attempts; try again in {retry_after} seconds.", retry_after=retry_after, field=field)
    for limit, scope, key in windows:
        active.hit(limit, action, scope, key)


def reset() -> None:
    """Forget all counters (tests, or an admin lifting a limit early)."""
    limiter().storage.reset()
