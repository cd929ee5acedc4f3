"""A Stripe-protocol HTTP server on loopback, for the real `stripe` SDK (real HTTP, form-encoded requests, JSON
answers, idempotency-key replay like Stripe's), plus signed webhook deliveries in Stripe's scheme:
`Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the webhook secret>`.

Only the endpoints ServeFlow calls are implemented. `delay_after_recording[path] = seconds` makes the next request
to `path` be recorded (and its idempotent answer stored) before the server sleeps past the client's timeout.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import itertools
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

WEBHOOK_SECRET = "whsec_test_serveflow"


def _nest(pairs: list[tuple[str, str]]) -> dict:
    """a[b][c]=v → {"a": {"b": {"c": v}}} (Stripe's form encoding)."""
    out: dict = {}
    for key, value in pairs:
        parts = key.replace("]", "").split("[")
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = int(value) if parts[-1] in {"amount"} and value.isdigit() else value
    return out


class FakeStripe:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ids = itertools.count(1)
        self.objects: dict[str, dict] = {}
        self.idempotent: dict[str, tuple[int, bytes]] = {}
        self.requests: list[tuple[str, str, str | None]] = []  # (method, path, idempotency key)
        self.delay_after_recording: dict[str, float] = {}
        self.refuse: dict[str, str] = {}  # path -> message: answer 400 invalid_request_error, record nothing
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                obj = fake.objects.get(self.path.rsplit("/", 1)[-1])
                self._send(200 if obj else 404, obj or {"error": {"type": "invalid_request_error", "message": "No such object"}})

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                key = self.headers.get("Idempotency-Key")
                with fake.lock:
                    fake.requests.append(("POST", self.path, key))
                    if self.path in fake.refuse:
                        return self._send(400, {"error": {"type": "invalid_request_error", "message": fake.refuse[self.path]}})
                    replay = fake.idempotent.get(key) if key else None
                    if replay is None:
                        status, obj = fake.create(self.path, _nest(parse_qsl(body)))
                        replay = (status, json.dumps(obj).encode())
                        if key:
                            fake.idempotent[key] = replay
                    delay = fake.delay_after_recording.pop(self.path, 0)
                if delay:
                    time.sleep(delay)  # the work is done; the answer arrives after the client gave up
                self._send_raw(*replay)

            def _send(self, status, obj):
                self._send_raw(status, json.dumps(obj).encode())

            def _send_raw(self, status, raw):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(raw)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _id(self, prefix: str) -> str:
        return f"{prefix}_fake{next(self.ids):06d}"

    def of_type(self, object_type: str) -> list[dict]:
        return [o for o in self.objects.values() if o["object"] == object_type]

    def create(self, path: str, params: dict) -> tuple[int, dict]:
        if path == "/v1/payment_intents":
            obj = {
                "id": self._id("pi"), "object": "payment_intent", "amount": params["amount"], "currency": params["currency"],
                "status": "requires_payment_method", "transfer_group": params.get("transfer_group"),
                "metadata": params.get("metadata", {}), "latest_charge": None, "last_payment_error": None,
            }  # fmt: skip
            obj["client_secret"] = f"{obj['id']}_secret_fake"
        elif path == "/v1/refunds":
            intent = self.objects[params["payment_intent"]]
            charge = self.objects[intent["latest_charge"]]
            charge["amount_refunded"] += params["amount"]
            charge["refunded"] = charge["amount_refunded"] == charge["amount"]
            obj = {
                "id": self._id("re"),
                "object": "refund",
                "amount": params["amount"],
                "payment_intent": intent["id"],
                "status": "succeeded",
            }
        elif path == "/v1/transfers":
            obj = {
                "id": self._id("tr"), "object": "transfer", "amount": params["amount"], "currency": params["currency"],
                "destination": params["destination"], "transfer_group": params.get("transfer_group"), "amount_reversed": 0,
                "metadata": params.get("metadata", {}),
            }  # fmt: skip
        elif path == "/v1/accounts":
            obj = {"id": self._id("acct"), "object": "account", "type": "express", "payouts_enabled": False, "details_submitted": False}
        elif path == "/v1/account_links":
            obj = {"object": "account_link", "url": f"{self.url}/connect/onboarding/{params['account']}"}
            return 200, obj
        else:
            return 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized request URL {path}"}}
        self.objects[obj["id"]] = obj
        return 200, obj

    # What Stripe does on its side, and the events it sends.
    def succeed(self, intent_id: str) -> dict:
        intent = self.objects[intent_id]
        charge = {
            "id": self._id("ch"), "object": "charge", "amount": intent["amount"], "amount_refunded": 0, "refunded": False,
            "payment_intent": intent_id, "currency": intent["currency"],
        }  # fmt: skip
        self.objects[charge["id"]] = charge
        intent.update(status="succeeded", latest_charge=charge["id"])
        return self.event("payment_intent.succeeded", intent)

    def event(self, event_type: str, obj: dict) -> dict:
        return {
            "id": self._id("evt"), "object": "event", "type": event_type, "api_version": "2025-01-27.acacia",
            "created": int(time.time()), "livemode": False, "data": {"object": json.loads(json.dumps(obj))},
        }  # fmt: skip


def signed(event: dict, *, secret: str = WEBHOOK_SECRET, timestamp: int | None = None) -> tuple[bytes, str]:
    payload = json.dumps(event).encode()
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(secret.encode(), f"{timestamp}.".encode() + payload, hashlib.sha256).hexdigest()
    return payload, f"t={timestamp},v1={signature}"


def deliver(client, event: dict, **sign) -> int:
    payload, header = signed(event, **sign)
    return client.post("/webhooks/stripe/", data=payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header).status_code
