"""A Gemini-protocol HTTP server on loopback, so tests run the real google-genai client end to end.

It speaks the REST surface the SDK uses for `models.generate_content`
(`POST /{version}/models/{model}:generateContent`, key in `x-goog-api-key`) and Google's error envelope
(`{"error": {"code", "message", "status", "details"}}`). Each API key has a queue of scripted replies; every
request is recorded (key, model, parsed body) for assertions.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PATH = re.compile(r"^/(?P<version>v[0-9a-z]+)/models/(?P<model>[^:/]+):generateContent$")


@dataclass
class Reply:
    status: int = 200
    body: dict | str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class RecordedCall:
    api_key: str
    model: str
    body: dict

    @property
    def prompt_text(self) -> str:
        """All text parts the client sent (system instruction and user turn)."""
        texts = [p.get("text", "") for c in self.body.get("contents", []) for p in c.get("parts", [])]
        system = self.body.get("systemInstruction") or self.body.get("system_instruction") or {}
        texts += [p.get("text", "") for p in system.get("parts", [])]
        return "\n".join(texts)

    @property
    def system_text(self) -> str:
        system = self.body.get("systemInstruction") or {}
        return "\n".join(p.get("text", "") for p in system.get("parts", []))

    @property
    def user_text(self) -> str:
        return "\n".join(p.get("text", "") for c in self.body.get("contents", []) for p in c.get("parts", []) if "text" in p)


def answer(payload: dict | str, *, prompt_tokens: int = 120, output_tokens: int = 40) -> Reply:
    """A successful generateContent reply whose text is `payload` (JSON-encoded unless already a string)."""
    text = payload if isinstance(payload, str) else json.dumps(payload)
    return Reply(
        body={
            "candidates": [{"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": "STOP", "index": 0}],
            "usageMetadata": {
                "promptTokenCount": prompt_tokens,
                "candidatesTokenCount": output_tokens,
                "totalTokenCount": prompt_tokens + output_tokens,
            },
            "modelVersion": "gemini-test",
        }
    )


def rate_limited(retry_after: int | None = 30, *, retry_delay: str | None = None) -> Reply:
    details = []
    if retry_delay:
        details.append({"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": retry_delay})
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
    body = {
        "error": {
            "code": 429,
            "message": "Resource has been exhausted (e.g. check quota).",
            "status": "RESOURCE_EXHAUSTED",
            "details": details,
        }
    }
    return Reply(status=429, body=body, headers=headers)


def server_error(status: int = 503) -> Reply:
    return Reply(status=status, body={"error": {"code": status, "message": "The model is overloaded.", "status": "UNAVAILABLE"}})


def invalid_key() -> Reply:
    return Reply(
        status=400,
        body={"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT"}},
    )


class GeminiServer:
    def __init__(self) -> None:
        self.calls: list[RecordedCall] = []
        self.scripts: dict[str, deque[Reply]] = defaultdict(deque)
        self.default: Reply | None = None
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def script(self, api_key: str, *replies: Reply) -> None:
        """Queue replies for requests made with `api_key` (served in order; then `default`)."""
        self.scripts[api_key].extend(replies)

    def keys_called(self) -> list[str]:
        return [call.api_key for call in self.calls]

    def start(self) -> GeminiServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _next_reply(self, api_key: str) -> Reply:
        with self._lock:
            queue = self.scripts.get(api_key)
            if queue:
                return queue.popleft()
        if self.default is not None:
            return self.default
        return Reply(status=403, body={"error": {"code": 403, "message": "No scripted reply for this key.", "status": "PERMISSION_DENIED"}})

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                match = PATH.match(self.path.split("?")[0])
                if match is None:
                    self._send(Reply(status=404, body={"error": {"code": 404, "message": "Not found", "status": "NOT_FOUND"}}))
                    return
                api_key = self.headers.get("x-goog-api-key", "")
                with server._lock:
                    server.calls.append(RecordedCall(api_key=api_key, model=match["model"], body=json.loads(raw or b"{}")))
                reply = server._next_reply(api_key)
                if reply.delay:
                    time.sleep(reply.delay)
                self._send(reply)

            def _send(self, reply: Reply) -> None:
                data = reply.body if isinstance(reply.body, str) else json.dumps(reply.body)
                encoded = data.encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json; charset=UTF-8")
                    self.send_header("Content-Length", str(len(encoded)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(encoded)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout tests)

        return Handler
