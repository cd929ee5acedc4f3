"""`jobUpdates(jobId)` and `notifications`: live for the right people only; a lost right ends the stream."""

import pytest
from channels.db import database_sync_to_async

from marketplace.jobs import services as jobs
from marketplace.jobs.models import Job
from marketplace.payments import services as payments
from tests.marketplace.conftest import gid

from .conftest import Subscription, connect, joined

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

JOB_UPDATES = "subscription($j: ID!) { jobUpdates(jobId: $j) { status job { id status } } }"
NOTIFICATIONS = "subscription { notifications { kind title isRead targetId } }"


@pytest.fixture
def job(marketplace, token_for):
    job = marketplace["accept"]()
    people = ("customer", "provider", "rival", "admin")
    return marketplace | {"job": job, "job_id": gid("Job", job.pk), "tokens": {name: token_for(marketplace[name]) for name in people}}


async def test_parties_receive_the_current_state_then_every_change(job):
    async with connect(job["tokens"]["customer"]) as customer_ws, connect(job["tokens"]["admin"]) as admin_ws:
        customer_sub = await Subscription(customer_ws, JOB_UPDATES, {"j": job["job_id"]}).start()
        admin_sub = await Subscription(admin_ws, JOB_UPDATES, {"j": job["job_id"]}).start()
        first = [(await s.next())["payload"]["data"]["jobUpdates"]["status"] for s in (customer_sub, admin_sub)]
        await database_sync_to_async(payments.create_job_payment)(job["job"].pk, by=job["customer"])
        await database_sync_to_async(jobs.start_job)(job["job"].pk, by=job["provider"])
        customer_saw = [(await customer_sub.next())["payload"]["data"]["jobUpdates"]["status"] for _ in range(2)]
        admin_saw = [(await admin_sub.next())["payload"]["data"]["jobUpdates"]["status"] for _ in range(2)]
    assert first == ["PENDING_PAYMENT", "PENDING_PAYMENT"]
    assert customer_saw == admin_saw == ["ACCEPTED", "STARTED"]


async def test_rival_provider_cannot_follow_someone_else_s_job(job):
    async with connect(job["tokens"]["rival"]) as ws:
        reply = await (await Subscription(ws, JOB_UPDATES, {"j": job["job_id"]}).start()).next()
    assert reply["payload"]["data"] is None and reply["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_party_who_loses_the_job_stops_receiving_it(job):
    """Visibility is re-read for every event: once the job is no longer theirs, the stream ends with NOT_FOUND."""
    async with connect(job["tokens"]["provider"]) as ws:
        sub = await Subscription(ws, JOB_UPDATES, {"j": job["job_id"]}).start()
        assert (await sub.next())["payload"]["data"]["jobUpdates"]["status"] == "PENDING_PAYMENT"
        # Staff reassign the job to the rival (an admin-tool action; the rule under test is the per-event re-check).
        await database_sync_to_async(lambda: Job.objects.filter(pk=job["job"].pk).update(provider=job["rival"]))()
        await database_sync_to_async(payments.create_job_payment)(job["job"].pk, by=job["customer"])
        ended = await sub.next()
    assert ended["payload"]["data"] is None and ended["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_notifications_stream_the_signed_in_user_s_own_notifications(job):
    async with connect(job["tokens"]["provider"]) as provider_ws, connect(job["tokens"]["customer"]) as customer_ws:
        provider_sub = await Subscription(provider_ws, NOTIFICATIONS).start()
        customer_sub = await Subscription(customer_ws, NOTIFICATIONS).start()
        await joined(f"user.{job['provider'].pk}")
        await joined(f"user.{job['customer'].pk}")
        await database_sync_to_async(payments.create_job_payment)(job["job"].pk, by=job["customer"])
        await database_sync_to_async(jobs.start_job)(job["job"].pk, by=job["provider"])
        provider_got = [(await provider_sub.next())["payload"]["data"]["notifications"]]
        customer_got = [(await customer_sub.next())["payload"]["data"]["notifications"] for _ in range(2)]
        assert await provider_sub.nothing_more()
    assert provider_got == [
        {"kind": "JOB_STATUS", "title": "Payment held for Kitchen sink leaking", "isRead": False, "targetId": job["job_id"]}
    ]
    assert [n["title"] for n in customer_got] == ["Payment held for Kitchen sink leaking", "Work started: Kitchen sink leaking"]


async def test_the_admin_s_open_dispute_page_receives_the_ai_briefing_when_it_is_ready(job):
    query = "subscription($j: ID!) { jobUpdates(jobId: $j) { status job { dispute { reason analysis { summary } } } } }"
    pk, customer, provider = job["job"].pk, job["customer"], job["provider"]
    await database_sync_to_async(payments.create_job_payment)(pk, by=customer)
    await database_sync_to_async(jobs.start_job)(pk, by=provider)
    await database_sync_to_async(jobs.mark_delivered)(pk, by=provider)
    async with connect(job["tokens"]["admin"]) as ws:
        sub = await Subscription(ws, query, {"j": job["job_id"]}).start()
        assert (await sub.next())["payload"]["data"]["jobUpdates"]["job"]["dispute"] is None
        # The briefing is written by a background task after the dispute commits (the local fallback here).
        await database_sync_to_async(jobs.open_dispute)(pk, by=customer, reason="The tap still drips.")
        updates = [(await sub.next())["payload"]["data"]["jobUpdates"] for _ in range(2)]
    assert [u["status"] for u in updates] == ["DISPUTED", "DISPUTED"]
    disputes = [u["job"]["dispute"] for u in updates]
    assert all(d["reason"] == "The tap still drips." for d in disputes)
    assert disputes[-1]["analysis"]["summary"]
