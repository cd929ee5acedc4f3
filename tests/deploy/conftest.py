"""Fixtures for the multi-process tests: a loopback S3 server, a loopback SMTP server, and a running cluster.

These tests need what production needs: PostgreSQL (shared by every process) and Redis (the channel layer).
On the embedded default (SQLite, in-memory layer) they are skipped.
"""

from __future__ import annotations

import os
import threading
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from .cluster import Cluster, free_port
from .s3_server import ACCESS_KEY, REGION, SECRET_KEY, LoopbackS3Server

MEDIA_BUCKET = "serveflow-media"
MEDIA_URL_EXPIRY_SECONDS = 5

needs_postgres_and_redis = pytest.mark.skipif(
    connection.vendor != "postgresql" or not settings.REDIS_URL,
    reason="several processes share state only through PostgreSQL and Redis (set DATABASE_URL and REDIS_URL)",
)


class MailSink:
    """A real SMTP server (aiosmtpd) that keeps every message it accepts."""

    def __init__(self):
        self.messages = []
        self._lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        with self._lock:
            self.messages.append(envelope)
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        with self._lock:
            return [rcpt for message in self.messages for rcpt in message.rcpt_tos]

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.controller.port}"


@pytest.fixture(scope="package")
def s3_server():
    server = LoopbackS3Server().start()
    server.client().create_bucket(Bucket=MEDIA_BUCKET)
    yield server
    server.stop()


@pytest.fixture(scope="package")
def mail_sink():
    sink = MailSink()
    sink.controller.start()
    yield sink
    sink.controller.stop()


def shared_database_url() -> str:
    """The URL of the database pytest-django created, so the processes see what the tests write."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="package")
def cluster(django_db_setup, django_db_blocker, s3_server, mail_sink):
    """Two ASGI instances and two task workers, all on production settings, sharing PostgreSQL, Redis and S3."""
    with django_db_blocker.unblock():
        database_url = shared_database_url()
    env = {
        "DATABASE_URL": database_url,
        "REDIS_URL": settings.REDIS_URL,
        "CHANNEL_LAYER_PREFIX": os.environ.get("CHANNEL_LAYER_PREFIX", "serveflow") + "-cluster",
        "MEDIA_BUCKET": MEDIA_BUCKET,
        "S3_ENDPOINT_URL": s3_server.endpoint_url,
        "S3_ADDRESSING_STYLE": "path",
        "AWS_REGION": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "MEDIA_URL_EXPIRY_SECONDS": str(MEDIA_URL_EXPIRY_SECONDS),
        "EMAIL_URL": mail_sink.url,
        "LOGIN_FAILURE_LIMIT": "1000",  # every request comes from 127.0.0.1
        "AI_VAULT_KEY": "bqJxZ0d5ZQ2mC6m5pW2G9l1Hh0k3s4V7x8Y9zA1B2C4=",  # a sample Fernet key (production requires one)
    }
    running = Cluster(env).start(instances=2, workers=2)
    yield running
    running.stop()
