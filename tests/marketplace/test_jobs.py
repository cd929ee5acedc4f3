"""Job lifecycle details: timers, cancellation rules, disputes, reviews, counters and the timeline."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from marketplace.jobs import services as jobs
from marketplace.jobs.models import Job, JobStatus
from marketplace.jobs.timers import run_due_timers
from marketplace.notifications.models import Notification
from marketplace.payments import services as payments
from marketplace.providers.models import ProviderProfile
from marketplace.service_requests.models import RequestStatus
from tests.marketplace.conftest import gid

pytestmark = pytest.mark.django_db


def test_unpaid_job_expires_and_the_request_reopens(marketplace):
    job = marketplace["accept"]()
    assert run_due_timers() == {"expired": 0, "released": 0}  # not yet due
    Job.objects.filter(pk=job.pk).update(payment_due_at=timezone.now() - timedelta(seconds=1))
    assert run_due_timers() == {"expired": 1, "released": 0}
    job.refresh_from_db()
    assert job.status == JobStatus.CANCELLED and job.cancelled_by is None
    assert job.request.status == RequestStatus.OPEN
    assert run_due_timers() == {"expired": 0, "released": 0}  # idempotent
    assert jobs.expire_unpaid(job.pk) is None


def test_delivered_job_auto_releases_after_the_site_hours(marketplace):
    from wagtail.models import Site

    from cms.models import PlatformSettings

    terms = PlatformSettings.for_site(Site.objects.get(is_default_site=True))
    terms.auto_release_hours = 48
    terms.save()
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=job.customer)
    jobs.start_job(job.pk, by=marketplace["provider"])
    job = jobs.mark_delivered(job.pk, by=marketplace["provider"])
    assert timedelta(hours=47, minutes=59) < job.auto_release_at - job.delivered_at <= timedelta(hours=48)
    assert jobs.auto_release(job.pk) is None
    Job.objects.filter(pk=job.pk).update(auto_release_at=timezone.now() - timedelta(seconds=1))
    call_command("run_job_timers")
    job.refresh_from_db()
    assert job.status == JobStatus.COMPLETED and job.request.status == RequestStatus.CLOSED
    assert job.transitions.last().actor is None and job.transitions.last().note == "auto-released"
    assert ProviderProfile.objects.get(user=marketplace["provider"]).jobs_completed == 1


def test_dispute_stops_auto_release(marketplace):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=job.customer)
    jobs.start_job(job.pk, by=marketplace["provider"])
    jobs.mark_delivered(job.pk, by=marketplace["provider"])
    jobs.open_dispute(job.pk, by=marketplace["customer"], reason="The pipe leaks again already")
    Job.objects.filter(pk=job.pk).update(auto_release_at=timezone.now() - timedelta(seconds=1))
    assert run_due_timers()["released"] == 0
    assert Job.objects.get(pk=job.pk).status == JobStatus.DISPUTED


def test_provider_cancelling_a_paid_job_counts_against_them_and_reopens_the_request(marketplace):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=job.customer)
    jobs.cancel_job(job.pk, by=marketplace["provider"], reason="Sick")
    job.refresh_from_db()
    assert job.request.status == RequestStatus.OPEN
    profile = ProviderProfile.objects.get(user=marketplace["provider"])
    assert (profile.jobs_failed, profile.completion_rate) == (1, 0.0)


def test_customer_cancelling_ends_the_request(marketplace):
    job = marketplace["accept"]()
    jobs.cancel_job(job.pk, by=marketplace["customer"], reason="Fixed it myself")
    job.refresh_from_db()
    assert job.request.status == RequestStatus.CANCELLED


def test_split_resolution_records_the_share(gql, token_for, marketplace):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=job.customer)
    jobs.start_job(job.pk, by=marketplace["provider"])
    jobs.open_dispute(job.pk, by=marketplace["customer"], reason="Only half of the work was done")
    bad = gql(
        'mutation($j: ID!) { resolveDispute(jobId: $j, resolution: "SPLIT", providerSharePercent: 150) { job { status } errors { field code } } }',
        {"j": gid("Job", job.pk)},
        token=token_for(marketplace["admin"]),
    ).data["resolveDispute"]
    assert bad == {"job": None, "errors": [{"field": "providerSharePercent", "code": "OUT_OF_RANGE"}]}
    ok = gql(
        'mutation($j: ID!) { resolveDispute(jobId: $j, resolution: "SPLIT", providerSharePercent: 50) { job { status dispute { resolution providerSharePercent } } errors { code } } }',
        {"j": gid("Job", job.pk)},
        token=token_for(marketplace["admin"]),
    ).data["resolveDispute"]
    assert ok == {"job": {"status": "COMPLETED", "dispute": {"resolution": "SPLIT", "providerSharePercent": 50}}, "errors": []}


REVIEW = 'mutation($j: ID!, $r: Int!) { submitReview(jobId: $j, rating: $r, comment: "Great") { review { rating authorRole } errors { field code } } }'


def completed_job(marketplace):
    job = marketplace["accept"]()
    payments.create_job_payment(job.pk, by=job.customer)
    jobs.start_job(job.pk, by=marketplace["provider"])
    jobs.mark_delivered(job.pk, by=marketplace["provider"])
    jobs.confirm_completion(job.pk, by=marketplace["customer"])
    return job


def test_reviews_once_per_side_update_the_provider_rating(gql, token_for, marketplace):
    job = completed_job(marketplace)
    customer, provider = token_for(marketplace["customer"]), token_for(marketplace["provider"])
    variables = {"j": gid("Job", job.pk), "r": 4}
    assert gql(REVIEW, variables, token=customer).data["submitReview"] == {"review": {"rating": 4, "authorRole": "CUSTOMER"}, "errors": []}
    assert gql(REVIEW, variables, token=customer).data["submitReview"]["errors"] == [{"field": None, "code": "ALREADY_REVIEWED"}]
    assert gql(REVIEW, variables | {"r": 5}, token=provider).data["submitReview"]["errors"] == []
    profile = ProviderProfile.objects.get(user=marketplace["provider"])
    assert (profile.rating, profile.rating_count, profile.completion_rate) == (4.0, 1, 1.0)
    public = gql(
        "query($p: ID!) { provider(id: $p) { rating reviewCount jobsCompleted } }",
        {"p": gid("ProviderPublicProfile", profile.pk)},
        token=token_for(marketplace["other_customer"]),
    )
    assert public.data["provider"] == {"rating": 4.0, "reviewCount": 1, "jobsCompleted": 1}
    assert Notification.objects.filter(user=marketplace["provider"], kind="REVIEW_RECEIVED").exists()


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_review_rating_must_be_one_to_five(gql, token_for, marketplace, rating):
    job = completed_job(marketplace)
    result = gql(REVIEW, {"j": gid("Job", job.pk), "r": rating}, token=token_for(marketplace["customer"])).data["submitReview"]
    assert result == {"review": None, "errors": [{"field": "rating", "code": "OUT_OF_RANGE"}]}


def test_review_before_completion_and_by_a_stranger_are_refused(gql, token_for, marketplace):
    job = marketplace["accept"]()
    early = gql(REVIEW, {"j": gid("Job", job.pk), "r": 5}, token=token_for(marketplace["customer"])).data["submitReview"]
    assert early["errors"][0]["code"] == "INVALID_STATE"
    stranger = gql(REVIEW, {"j": gid("Job", job.pk), "r": 5}, token=token_for(marketplace["other_customer"]))
    assert stranger.data is None and stranger.error_codes() == ["NOT_FOUND"]


def test_job_timeline_lists_every_transition_with_its_actor(gql, token_for, marketplace):
    job = completed_job(marketplace)
    timeline = gql(
        "query($j: ID!) { job(id: $j) { transitions { fromStatus toStatus actor } } }",
        {"j": gid("Job", job.pk)},
        token=token_for(marketplace["customer"]),
    ).data["job"]["transitions"]
    assert [(t["fromStatus"], t["toStatus"], t["actor"]) for t in timeline] == [
        ("PENDING_PAYMENT", "ACCEPTED", "PLATFORM"),
        ("ACCEPTED", "STARTED", "PROVIDER"),
        ("STARTED", "DELIVERED", "PROVIDER"),
        ("DELIVERED", "COMPLETED", "CUSTOMER"),
    ]
