"""The baseline for `bench.fanout`: a bare `websockets` server that broadcasts one payload to every client.

Run as its own process (like uvicorn is): `python -m bench.broadcast_baseline PORT`. Clients connect on `/`; the
first message a client sends with text "go:<payload>" makes the server broadcast `<payload>` to all other clients.
"""

from __future__ import annotations

import asyncio
import sys

import websockets
from websockets.asyncio.server import broadcast, serve

CLIENTS: set = set()


async def handler(socket) -> None:
    CLIENTS.add(socket)
    try:
        async for message in socket:
            if isinstance(message, str) and message.startswith("go:"):
                broadcast([c for c in CLIENTS if c is not socket], message[3:])
    except websockets.ConnectionClosed:
        pass
    finally:
        CLIENTS.discard(socket)


async def main(port: int) -> None:
    async with serve(handler, "127.0.0.1", port, max_size=2**20, ping_interval=None):
        print("ready", flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
