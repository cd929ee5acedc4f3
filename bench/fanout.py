"""Fan-out benchmark: N websocket clients subscribe to one request's `bidEvents` on ONE uvicorn process; a bid changes;
how long until every client has the event, and what each connection costs in server memory.

    .venv/bin/python -m bench.fanout                      # N = 100, 1000, 4000; both Redis layers; 5 rounds each
    .venv/bin/python -m bench.fanout --sizes 100,1000 --layers pubsub --rounds 3

Needs Redis (REDIS_URL, default redis://127.0.0.1:6379/0). The database is a fresh SQLite file in a temporary
directory unless --database-url is given (use an empty PostgreSQL database there, it is migrated).

For each N it measures, in the same run and on the same machine:
- baseline: a bare `websockets` server process (bench/broadcast_baseline.py) broadcasting the same payload bytes;
- graphql/<layer>: uvicorn + Channels + Strawberry with RedisPubSubChannelLayer (`pubsub`) and RedisChannelLayer
  (`core`). Every delivery re-checks the subscriber's token and the bid's visibility in the database, as in production.

Latency = the moment the bid update's transaction commits (the event is published on commit) → the moment the
client's receive loop has the message. Clients run in this process on one event loop (uvloop when installed), so
client-side scheduling is included equally in every column. RSS/conn = (server RSS after subscribing − before) / N.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"pubsub": "channels_redis.pubsub.RedisPubSubChannelLayer", "core": "channels_redis.core.RedisChannelLayer"}
SUBSCRIPTION = "subscription($r: ID!) { bidEvents(requestId: $r) { kind bid { id status amount { amount currency } } } }"


@dataclass
class Result:
    name: str
    clients: int
    latencies_ms: list[float]
    rss_per_connection_kib: float
    missing: int

    def row(self) -> str:
        lat = sorted(self.latencies_ms)
        if not lat:
            return f"| {self.clients:>6} | {self.name:<15} |      – |      – |      – | {self.rss_per_connection_kib:>12.1f} | {self.missing:>7} |"  # noqa: E501
        p50, p95 = statistics.median(lat), lat[min(len(lat) - 1, int(len(lat) * 0.95))]
        return (
            f"| {self.clients:>6} | {self.name:<15} | {p50:>6.1f} | {p95:>6.1f} | {lat[-1]:>6.1f} | "
            f"{self.rss_per_connection_kib:>12.1f} | {self.missing:>7} |"
        )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def raise_fd_limit() -> int:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


@contextlib.contextmanager
def server(command: list[str], env: dict[str, str], ready):
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not ready(process):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start: {process.stdout.read().decode()[-3000:]}")
            time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def http_ok(url: str):
    def ready(_process) -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    return ready


class Clients:
    """N websocket clients on this event loop; each records when it received each round's message."""

    def __init__(self) -> None:
        self.sockets: list = []
        self.received: dict[int, float] = {}
        self.tasks: list[asyncio.Task] = []

    async def open(self, url: str, count: int, hello=None, subprotocols=None) -> None:
        import websockets

        gate = asyncio.Semaphore(64)

        async def one(index: int):
            async with gate:
                ws = await websockets.connect(url, subprotocols=subprotocols, max_size=2**20, ping_interval=None, open_timeout=60)
                if hello is not None:
                    await hello(ws)
                return ws

        self.sockets = await asyncio.gather(*(one(i) for i in range(count)))
        self.tasks = [asyncio.create_task(self._listen(i, ws)) for i, ws in enumerate(self.sockets)]

    async def _listen(self, index: int, ws) -> None:
        with contextlib.suppress(Exception):
            async for _message in ws:
                self.received.setdefault(index, time.perf_counter())

    async def round(self, trigger, timeout: float) -> tuple[list[float], int]:
        """Fire `trigger` (returns the publish time) and wait until every client got one message (or timeout)."""
        self.received = {}
        started = await trigger()
        deadline = time.perf_counter() + timeout
        while len(self.received) < len(self.sockets) and time.perf_counter() < deadline:
            await asyncio.sleep(0.005)
        return [(t - started) * 1000 for t in self.received.values()], len(self.sockets) - len(self.received)

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*(ws.close() for ws in self.sockets), return_exceptions=True)


async def measure(name, clients_count, url, hello, subprotocols, trigger, server_pid, rounds, timeout) -> tuple[Result, str | None]:
    before = rss_kib(server_pid)
    clients = Clients()
    await clients.open(url, clients_count, hello, subprotocols)
    sample = None
    for _ in range(10):  # warm-up until every client is subscribed (a round reaches all of them)
        _, missing = await clients.round(trigger, timeout=3)
        if missing == 0:
            break
    after = rss_kib(server_pid)
    latencies, missing_total = [], 0
    for _ in range(rounds):
        got, missing = await clients.round(trigger, timeout)
        latencies += got
        missing_total += missing
        await asyncio.sleep(0.2)
    with contextlib.suppress(Exception):
        sample = getattr(clients, "last_payload", None)
    await clients.close()
    return Result(name, clients_count, latencies, (after - before) / clients_count, missing_total), sample


def build_world():
    """A category, a customer with an open BIDDING request, and one provider's bid on it — through the services."""
    from cms.demo import load_categories
    from marketplace.accounts.models import Role, User
    from marketplace.accounts.tokens import issue_token
    from marketplace.bids import services as bids
    from marketplace.providers.models import ProviderProfile, VerificationStatus
    from marketplace.service_requests import services as requests

    category = next(c for c in load_categories() if c.slug == "plumbing")
    customer = User.objects.create_user(email="bench-customer@example.com", password="x" * 16, role=Role.CUSTOMER)
    provider = User.objects.create_user(email="bench-provider@example.com", password="x" * 16, role=Role.PROVIDER)
    profile, _ = ProviderProfile.objects.get_or_create(user=provider)
    profile.status, profile.city = VerificationStatus.APPROVED, "Lahore"
    profile.save()
    profile.categories.set([category])
    request = requests.create_request(
        customer, category_slug="plumbing", title="Bench request", description="A request for the fan-out benchmark.", city="Lahore",
        address="1 Mall Road", budget_amount=500_000,
    )  # fmt: skip
    bid = bids.place_bid(provider, request.pk, amount=400_000)
    return {"customer_token": issue_token(customer)[0], "provider": provider, "bid": bid, "request": request}


async def run(args) -> None:
    from asgiref.sync import sync_to_async
    from channels.layers import channel_layers
    from django.conf import settings
    from django.db import transaction
    from strawberry import relay

    from marketplace.bids import services as bids

    world = await sync_to_async(build_world)()
    request_gid = relay.to_base64("ServiceRequest", world["request"].pk)
    amount = [world["bid"].amount]

    def update_bid() -> float:
        amount[0] += 1
        with transaction.atomic():
            bids.update_bid(world["provider"], world["bid"].pk, amount=amount[0])
            started = time.perf_counter()  # the commit (and the publish it triggers) starts here
        return started

    async def bid_trigger() -> float:
        return await sync_to_async(update_bid)()

    async def graphql_hello(ws) -> None:
        await ws.send(json.dumps({"type": "connection_init", "payload": {"authToken": world["customer_token"]}}))
        ack = json.loads(await ws.recv())
        assert ack["type"] == "connection_ack", ack
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTION, "variables": {"r": request_gid}}}))

    results: list[Result] = []
    bid = {"id": relay.to_base64("Bid", world["bid"].pk), "status": "PLACED", "amount": {"amount": 400_001, "currency": "pkr"}}
    payload = json.dumps({"id": "1", "type": "next", "payload": {"data": {"bidEvents": {"kind": "UPDATED", "bid": bid}}}})
    env = dict(os.environ)
    for size in args.sizes:
        # Baseline: a bare websockets broadcast of the same payload.
        port = free_port()
        command = [sys.executable, "-m", "bench.broadcast_baseline", str(port)]
        with server(command, env, lambda p: p.stdout.readline().strip() == b"ready") as process:
            import websockets

            control = await websockets.connect(f"ws://127.0.0.1:{port}/", ping_interval=None)

            async def go(control=control) -> float:
                started = time.perf_counter()
                await control.send("go:" + payload)
                return started

            result, _ = await measure("baseline", size, f"ws://127.0.0.1:{port}/", None, None, go, process.pid, args.rounds, args.timeout)
            await control.close()
        results.append(result)
        print(result.row(), flush=True)

        for layer in args.layers:
            settings.CHANNEL_LAYERS["default"]["BACKEND"] = LAYERS[layer]
            channel_layers.backends.clear()
            port = free_port()
            command = [sys.executable, "-m", "uvicorn", "settings.asgi:application", "--host", "127.0.0.1", "--port", str(port)]
            command += ["--ws", "websockets", "--lifespan", "off", "--log-level", "warning", "--backlog", "4096"]
            layer_env = env | {"CHANNEL_LAYER_BACKEND": LAYERS[layer]}
            with server(command, layer_env, http_ok(f"http://127.0.0.1:{port}/healthz")) as process:
                result, _ = await measure(
                    f"graphql/{layer}", size, f"ws://127.0.0.1:{port}/graphql/", graphql_hello, ["graphql-transport-ws"],
                    bid_trigger, process.pid, args.rounds, args.timeout,
                )  # fmt: skip
            results.append(result)
            print(result.row(), flush=True)
    print()
    print(f"fan-out of one bid event, {args.rounds} rounds per row (latency in ms, commit → client has it)")
    print("|      N | server          |    p50 |    p95 |    max | RSS/conn KiB | missing |")
    print("|-------:|-----------------|-------:|-------:|-------:|-------------:|--------:|")
    for result in results:
        print(result.row())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,4000", type=lambda s: [int(x) for x in s.split(",")])
    parser.add_argument("--layers", default="pubsub,core", type=lambda s: s.split(","))
    parser.add_argument("--rounds", default=5, type=int)
    parser.add_argument("--timeout", default=20.0, type=float, help="seconds to wait for one round to reach everyone")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    # A plain SIGTERM would skip the `finally` that stops the servers this run started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    limit = raise_fd_limit()
    if max(args.sizes) * 2 + 100 > limit:
        sys.exit(f"the fd limit ({limit}) is too low for {max(args.sizes)} clients plus their server ends")
    workdir = tempfile.mkdtemp(prefix="serveflow-bench-")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "settings.test",  # DEBUG off, no outgoing email, tasks inline
            "DATABASE_URL": args.database_url or f"sqlite:///{workdir}/bench.sqlite3",
            "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
            "CHANNEL_LAYER_PREFIX": f"bench{os.getpid()}",
        }
    )
    print(f"migrating {os.environ['DATABASE_URL']} …", flush=True)
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, check=True)
    import django

    django.setup()
    try:
        import uvloop

        uvloop.run(run(args))
    except ImportError:
        asyncio.run(run(args))


if __name__ == "__main__":
    main()
