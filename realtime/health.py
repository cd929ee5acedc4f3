"""Liveness of the parts a request depends on, for `/healthz`."""

from __future__ import annotations

import asyncio
import uuid

from channels.layers import get_channel_layer
from django.db import connection


def database_health() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:
        return f"error: {exc.__class__.__name__}"
    return "ok"


async def channel_layer_health(timeout: float = 2.0) -> str:
    """Round-trips one message through the channel layer."""
    layer = get_channel_layer()
    if layer is None:
        return "error: not configured"
    try:
        channel = await asyncio.wait_for(layer.new_channel("healthz."), timeout)
        token = uuid.uuid4().hex
        await asyncio.wait_for(layer.send(channel, {"type": "healthz", "token": token}), timeout)
        message = await asyncio.wait_for(layer.receive(channel), timeout)
    except Exception as exc:
        return f"error: {exc.__class__.__name__}"
    return "ok" if message.get("token") == token else "error: wrong message"


async def healthz(request):
    """`GET /healthz`: 200 with `{"status": "ok", …}` when every part answers, 503 otherwise."""
    from asgiref.sync import sync_to_async
    from django.http import JsonResponse

    checks = {
        "database": await sync_to_async(database_health)(),
        "channel_layer": await channel_layer_health(),
    }
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if healthy else "degraded", **checks}, status=200 if healthy else 503)
