"""A job's payment-expiry timer acts exactly once, though two task workers and two sweeps race for it."""

from __future__ import annotations

import subprocess
import time

import httpx
import pytest
from wagtail.models import Site

from cms.demo import load_categories
from cms.models import PlatformSettings
from marketplace.accounts.models import Role, User
from marketplace.accounts.tokens import issue_token
from marketplace.audit.models import AuditEntry
from marketplace.bids import services as bids
from marketplace.jobs.models import Job, JobStatus, JobTransition
from marketplace.providers.models import ProviderProfile, VerificationStatus
from marketplace.service_requests import services as requests
from tests.marketplace.conftest import gid

from .cluster import PYTHON, ROOT
from .conftest import needs_postgres_and_redis

pytestmark = [needs_postgres_and_redis, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_unpaid_job_expires_once_with_two_workers_and_two_sweeps(cluster):
    assert len(cluster.workers) == 2
    categories = {c.slug: c for c in load_categories()}
    terms = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
    terms.payment_expiry_minutes = 0  # due the moment the job exists
    terms.save()
    customer = User.objects.create_user(email="timer-customer@example.com", password="x" * 12, role=Role.CUSTOMER)
    provider = User.objects.create_user(email="timer-provider@example.com", password="x" * 12, role=Role.PROVIDER)
    profile = ProviderProfile.objects.create(user=provider, status=VerificationStatus.APPROVED, city="Lahore")
    profile.categories.set([categories["plumbing"]])
    request = requests.create_request(
        customer, category_slug="plumbing", title="Leaking tap in kitchen", description="Drips all night long.", city="Lahore"
    )
    bid = bids.place_bid(provider, request.pk, amount=1000)

    # Accepted through instance A: the deferred expiry task lands in the database queue both workers poll.
    with httpx.Client(
        base_url=cluster.instances[0].url, timeout=30, headers={"Authorization": f"Bearer {issue_token(customer)[0]}"}
    ) as client:
        body = client.post(
            "/graphql/",
            json={
                "query": "mutation($b: ID!) { acceptBid(bidId: $b) { job { id } errors { code } } }",
                "variables": {"b": gid("Bid", bid.pk)},
            },
        ).json()
    assert body["data"]["acceptBid"]["errors"] == [], body
    env = cluster.process_env()
    sweeps = [
        subprocess.Popen([PYTHON, "manage.py", "run_job_timers"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for _ in range(2)
    ]
    outputs = [sweep.communicate(timeout=120)[0].decode() for sweep in sweeps]

    deadline = time.monotonic() + 60
    while Job.objects.get(request=request).status != JobStatus.CANCELLED and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(2)  # a second, duplicate run would have landed by now

    job = Job.objects.get(request=request)
    assert job.status == JobStatus.CANCELLED, (outputs, cluster.logs())
    assert JobTransition.objects.filter(job=job, to_status=JobStatus.CANCELLED).count() == 1
    assert AuditEntry.objects.filter(action="job.cancel", target_id=str(job.pk)).count() == 1
