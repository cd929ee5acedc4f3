"""Must show 5 (issue 7): the AI's dispute summary reaches admins on a disputed job, and never the parties."""

from __future__ import annotations

import pytest

from marketplace.ai import rate_limits, vault
from marketplace.jobs import services as jobs
from marketplace.jobs.models import Dispute, JobStatus
from marketplace.payments import services as payments
from tests.ai.gemini_server import GeminiServer, answer
from tests.marketplace.conftest import gid

pytestmark = pytest.mark.django_db

KEY = "AIzaSyBRIEFING-key-0000042"


@pytest.fixture
def gemini(settings):
    """The Gemini-protocol server on loopback that the real google-genai client talks to."""
    rate_limits.reset()
    server = GeminiServer().start()
    settings.GEMINI_BASE_URL = server.url
    yield server
    server.stop()
    rate_limits.reset()


QUERY = "query($j: ID!) { job(id: $j) { status dispute { reason analysis { summary suggestedResolution customerSharePercent source } } } }"


def disputed_job(gql, token_for, marketplace, django_capture_on_commit_callbacks, chat: str = ""):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=marketplace["customer"])  # the offline gateway confirms at once
    jobs.start_job(job.pk, by=marketplace["provider"])
    if chat:
        sent = gql(
            "mutation($j: ID!, $b: String!) { sendMessage(jobId: $j, body: $b) { errors { code } } }",
            {"j": gid("Job", job.pk), "b": chat},
            token=token_for(marketplace["provider"]),
        )
        assert sent.data["sendMessage"]["errors"] == [], sent.body
    with django_capture_on_commit_callbacks(execute=True):
        opened = gql(
            'mutation($j: ID!) { openDispute(jobId: $j, reason: "The sink still leaks after the visit") { job { status } errors { code } } }',
            {"j": gid("Job", job.pk)},
            token=token_for(marketplace["customer"]),
        ).data["openDispute"]
    assert opened == {"job": {"status": "DISPUTED"}, "errors": []}
    return job


def test_admin_sees_the_model_summary_and_the_parties_do_not(gql, token_for, marketplace, gemini, django_capture_on_commit_callbacks):
    vault.add_key("primary", KEY)
    gemini.script(
        KEY,
        answer(
            {
                "summary": "The customer reports a leak after the visit.",
                "suggested_resolution": "SPLIT",
                "customer_share_percent": 50,
                "rationale": "Partly done.",
            }
        ),
    )
    job = disputed_job(gql, token_for, marketplace, django_capture_on_commit_callbacks)
    admin_view = gql(QUERY, {"j": gid("Job", job.pk)}, token=token_for(marketplace["admin"])).data["job"]["dispute"]
    assert admin_view["analysis"] == {
        "summary": "The customer reports a leak after the visit.", "suggestedResolution": "SPLIT", "customerSharePercent": 50, "source": "GEMINI",
    }  # fmt: skip
    for party in ("customer", "provider"):
        seen = gql(QUERY, {"j": gid("Job", job.pk)}, token=token_for(marketplace[party])).data["job"]["dispute"]
        assert seen["reason"] == "The sink still leaks after the visit" and seen["analysis"] is None
    # Advice only: the job is still disputed, nothing was resolved.
    assert Dispute.objects.get().resolution == "" and job.__class__.objects.get(pk=job.pk).status == JobStatus.DISPUTED


def test_without_keys_the_admin_gets_the_local_digest_with_the_chat(gql, token_for, marketplace, django_capture_on_commit_callbacks):
    job = disputed_job(
        gql, token_for, marketplace, django_capture_on_commit_callbacks, chat="I replaced the washer, it was dry when I left"
    )
    analysis = gql(QUERY, {"j": gid("Job", job.pk)}, token=token_for(marketplace["admin"])).data["job"]["dispute"]["analysis"]
    assert analysis["source"] == "FALLBACK" and "The sink still leaks after the visit" in analysis["summary"]
    assert "provider: I replaced the washer, it was dry when I left" in analysis["summary"]
