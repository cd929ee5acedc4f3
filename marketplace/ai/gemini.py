"""Calls Gemini through google-genai with the vault's keys: rotation on 429/5xx, cool-downs, timeouts, a call log.

`ask_for_json` tries usable keys in turn. A 429 / RESOURCE_EXHAUSTED or a 5xx cools that key down (Retry-After or
the RetryInfo delay honoured) and moves to the next key; a rejected key cools down for an hour. A timeout,
a connection failure, another 4xx, or an answer that does not fit the schema stops the attempt: those are not
the key's fault, and retrying them elsewhere would only multiply latency and cost. Every attempt is recorded as an
`AiCall` (key id, latency, outcome, tokens). Secrets are used only to build the client and never logged.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Generic, TypeVar

from django.conf import settings
from django.utils import timezone
from google import genai
from google.genai import errors as genai_errors
from google.genai import types
from pydantic import BaseModel, ValidationError

from . import vault
from .models import AiCall, GeminiKey, Outcome

logger = logging.getLogger(__name__)

T = TypeVar("T")


class InvalidAnswer(Exception):
    """The model answered in the schema but the answer fails our own checks (e.g. an unknown category)."""


@dataclass
class ModelAnswer(Generic[T]):
    value: T
    call: AiCall


@dataclass
class _Attempt:
    outcome: str
    http_status: int | None = None
    cooldown: int | None = None
    try_next_key: bool = False


def ask_for_json(
    *,
    purpose: str,
    system_instruction: str,
    contents: list,
    response_schema: dict,
    answer_model: type[BaseModel],
    accept: Callable[[BaseModel], T],
    user=None,
) -> ModelAnswer[T] | None:
    """The accepted answer of the first key that gives one, or None (no usable key, or every attempt failed).

    `accept` turns the schema-valid answer into the caller's value or raises InvalidAnswer. Never raises for
    service failures: callers fall back to their local answer on None.
    """
    keys = vault.usable_keys()[: settings.AI_MAX_KEYS_PER_REQUEST]
    for key in keys:
        started = time.monotonic()
        response = None
        try:
            response = _generate(key, system_instruction, contents, response_schema)
            parsed = answer_model.model_validate_json(response.text or "")
            value = accept(parsed)
        except genai_errors.APIError as exc:
            attempt = _classify_api_error(exc)
        except (ValidationError, json.JSONDecodeError, ValueError):
            attempt = _Attempt(Outcome.MALFORMED, http_status=200)
        except InvalidAnswer:
            attempt = _Attempt(Outcome.INVALID_ANSWER, http_status=200)
        except Exception as exc:  # transport errors of the SDK's HTTP client (httpx / aiohttp variants)
            if not _is_transport_error(exc):
                raise
            attempt = _Attempt(Outcome.TIMEOUT if _is_timeout(exc) else Outcome.UNREACHABLE)
        else:
            call = _record(purpose, key, user, Outcome.SUCCESS, 200, started, response)
            vault.mark_used(key)
            return ModelAnswer(value=value, call=call)

        if attempt.cooldown:
            vault.cool_down(key, attempt.cooldown)
        _record(purpose, key, user, attempt.outcome, attempt.http_status, started, response, cooldown=attempt.cooldown)
        if not attempt.try_next_key:
            return None
    return None


def _generate(key: GeminiKey, system_instruction: str, contents: list, response_schema: dict):
    http_options = types.HttpOptions(
        timeout=int(settings.GEMINI_TIMEOUT_SECONDS * 1000),  # milliseconds
        retry_options=types.HttpRetryOptions(attempts=1),  # rotation across keys is ours
        base_url=settings.GEMINI_BASE_URL or None,
    )
    with genai.Client(api_key=vault.reveal(key), vertexai=False, http_options=http_options) as client:
        return client.models.generate_content(
            model=settings.GEMINI_MODEL,
            contents=contents,
            config=types.GenerateContentConfig(
                system_instruction=system_instruction,
                response_mime_type="application/json",
                response_schema=response_schema,
                temperature=0.2,
                max_output_tokens=settings.GEMINI_MAX_OUTPUT_TOKENS,
            ),
        )


def _classify_api_error(exc: genai_errors.APIError) -> _Attempt:
    code = int(exc.code or 0)
    if code == 429 or exc.status == "RESOURCE_EXHAUSTED":
        return _Attempt(Outcome.RATE_LIMITED, code, _retry_after(exc, settings.AI_KEY_COOLDOWN_SECONDS), try_next_key=True)
    if code >= 500:
        return _Attempt(Outcome.SERVER_ERROR, code, _retry_after(exc, settings.AI_KEY_SERVER_ERROR_COOLDOWN_SECONDS), try_next_key=True)
    if code in (401, 403) or "API key" in str(exc.message or ""):
        return _Attempt(Outcome.KEY_REJECTED, code, settings.AI_KEY_REJECTED_COOLDOWN_SECONDS, try_next_key=True)
    return _Attempt(Outcome.REQUEST_REJECTED, code)


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)s\s*$")


def _retry_after(exc: genai_errors.APIError, default: int) -> int:
    """Seconds to rest the key: the Retry-After header, else Google's RetryInfo delay, else `default`; capped."""
    seconds: float | None = None
    headers = getattr(exc.response, "headers", None) or {}
    header = headers.get("retry-after") if hasattr(headers, "get") else None
    if header:
        try:
            seconds = float(header)
        except ValueError:
            try:
                seconds = (parsedate_to_datetime(header) - timezone.now()).total_seconds()
            except (TypeError, ValueError):
                seconds = None
    if seconds is None:
        details = (exc.details or {}).get("error", {}).get("details", []) if isinstance(exc.details, dict) else []
        for detail in details if isinstance(details, list) else []:
            match = _DURATION.match(str(detail.get("retryDelay", ""))) if isinstance(detail, dict) else None
            if match:
                seconds = float(match[1])
    if seconds is None:
        seconds = default
    return int(min(max(seconds, 1), settings.AI_KEY_MAX_COOLDOWN_SECONDS) + 0.999)


def _is_transport_error(exc: Exception) -> bool:
    names = {cls.__name__ for cls in type(exc).__mro__}
    return isinstance(exc, (TimeoutError, ConnectionError)) or bool(names & {"TransportError", "HTTPError", "ClientError"})


def _is_timeout(exc: Exception) -> bool:
    return isinstance(exc, TimeoutError) or any("Timeout" in cls.__name__ for cls in type(exc).__mro__)


def _record(purpose, key, user, outcome, http_status, started, response, *, cooldown=None) -> AiCall:
    usage = getattr(response, "usage_metadata", None)
    call = AiCall.objects.create(
        purpose=purpose,
        key=key,
        key_last_four=key.last_four if key else "",
        user=user if getattr(user, "pk", None) else None,
        model_name=settings.GEMINI_MODEL if key else "",
        outcome=outcome,
        http_status=http_status,
        latency_ms=int((time.monotonic() - started) * 1000),
        prompt_tokens=getattr(usage, "prompt_token_count", None),
        output_tokens=getattr(usage, "candidates_token_count", None),
        total_tokens=getattr(usage, "total_token_count", None),
        cooldown_seconds=cooldown,
    )
    logger.info(
        "ai call purpose=%s key_id=%s outcome=%s status=%s latency_ms=%s cooldown=%s",
        purpose,
        key.pk if key else None,
        outcome,
        http_status,
        call.latency_ms,
        cooldown,
    )
    return call


def record_fallback(purpose: str, user=None, *, started: float) -> AiCall:
    """Log that the local fallback answered (no key, no tokens)."""
    return _record(purpose, None, user, Outcome.FALLBACK, None, started, None)
