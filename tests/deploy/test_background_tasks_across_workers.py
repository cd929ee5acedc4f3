"""Work queued through one instance runs exactly once even when two task workers compete for it."""

from __future__ import annotations

import time
from collections import Counter

import httpx
import pytest
from django_tasks_db.models import DBTaskResult

from .conftest import needs_postgres_and_redis

pytestmark = [needs_postgres_and_redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

REGISTER = """
mutation($email: String!) {
  register(input: {email: $email, password: "a-long-passphrase-42", role: "CUSTOMER"}) { user { id } errors { code } }
}"""


def test_each_email_queued_through_one_instance_is_delivered_exactly_once_by_two_workers(cluster, mail_sink):
    assert len(cluster.workers) == 2
    emails = [f"scale-{n}@example.com" for n in range(12)]
    already = len(mail_sink.recipients())

    with httpx.Client(base_url=cluster.instances[0].url, timeout=30) as client:
        for email in emails:
            body = client.post("/graphql/", json={"query": REGISTER, "variables": {"email": email}}).json()
            assert body["data"]["register"]["errors"] == [], body

    deadline = time.monotonic() + 60
    while len(mail_sink.recipients()) - already < len(emails) and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # both workers poll every 0.2 s: a duplicate run would have landed by now

    delivered = Counter(mail_sink.recipients()[already:])
    assert delivered == Counter(emails), cluster.logs()
    results = DBTaskResult.objects.filter(task_path="marketplace.mail.deliver_email")
    assert results.count() == len(emails)
    assert set(results.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert all(len(result.worker_ids) == 1 for result in results)
