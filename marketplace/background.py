"""Durable background work on django-tasks, with retries.

django-tasks (the API Django itself adopted) records every run in the database backend, so work survives a
restart; it has no retry policy of its own, so `durable_task` adds one: a failed run is re-enqueued with
exponential back-off until `max_attempts`, and the failure stays visible in the task results.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

logger = logging.getLogger(__name__)


def durable_task(
    *, max_attempts: int = 5, backoff_seconds: int = 30, on_give_up: Callable | None = None, **task_options
) -> Callable[[Callable], Task]:
    """Declare a background task that is retried with exponential back-off when it raises.

    `on_give_up(*args, **kwargs)` runs once after the last attempt failed, so the work can be marked as needing a
    person (a refund the gateway keeps refusing must not look as if it were on its way)."""

    def decorate(func: Callable) -> Task:
        @functools.wraps(func)
        def run(*args, attempt: int = 1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception:
                if attempt >= max_attempts:
                    logger.exception("task %s failed for good after %s attempts", func.__qualname__, attempt)
                    if on_give_up is not None:
                        try:
                            on_give_up(*args, **kwargs)
                        except Exception:
                            logger.exception("the give-up handler of task %s failed", func.__qualname__)
                    raise
                delay = timedelta(seconds=backoff_seconds * 2 ** (attempt - 1))
                logger.warning("task %s failed (attempt %s), retrying in %s", func.__qualname__, attempt, delay)
                retry = registered
                if retry.get_backend().supports_defer:
                    retry = retry.using(run_after=timezone.now() + delay)
                retry.enqueue(*args, attempt=attempt + 1, **kwargs)
                raise

        registered = task(**task_options)(run)
        return registered

    return decorate


def enqueue_after_commit(background_task: Task, *args, **kwargs) -> None:
    """Queue `background_task` once the current transaction commits (never for one that rolls back)."""
    transaction.on_commit(lambda: background_task.enqueue(*args, **kwargs))
