"""Must show 5: random actors and transitions never leave a terminal state and never accept two bids."""

from __future__ import annotations

import contextlib

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from marketplace.bids import services as bids
from marketplace.bids.models import Bid, BidStatus
from marketplace.errors import DomainError
from marketplace.jobs import acceptance
from marketplace.jobs import services as jobs
from marketplace.jobs.models import TERMINAL_STATUSES, Job, JobTransition
from marketplace.payments import services as payments

ACTIONS = [
    "pay",
    "start",
    "deliver",
    "confirm",
    "cancel",
    "dispute",
    "resolve_release",
    "resolve_refund",
    "resolve_split",
    "auto_release",
    "expire",
]
ACTORS = ["customer", "provider", "rival", "admin", "stranger"]


@pytest.mark.django_db
def test_job_lifecycle_state_machine(make_user, make_provider, make_request):
    """Random interleavings of accepts and transitions by random actors, checked after every step."""

    class JobLifecycle(RuleBasedStateMachine):
        @initialize()
        def setup(self):
            self.actors = {
                "customer": make_user("CUSTOMER"), "provider": make_provider(), "rival": make_provider(),
                "admin": make_user("ADMIN"), "stranger": make_user("CUSTOMER"),
            }  # fmt: skip
            self.request = make_request(self.actors["customer"])
            self.bids = [bids.place_bid(self.actors[p], self.request.pk, amount=10_000 + i) for i, p in enumerate(["provider", "rival"])]
            self.terminal_seen: dict[int, str] = {}

        @rule(bid_index=st.integers(0, 1), actor=st.sampled_from(ACTORS))
        def accept(self, bid_index, actor):
            with contextlib.suppress(DomainError, ValidationError):
                acceptance.accept_bid(self.actors[actor], self.bids[bid_index].pk)

        @rule(action=st.sampled_from(ACTIONS), actor=st.sampled_from(ACTORS))
        def transition(self, action, actor):
            job = Job.objects.filter(request=self.request).order_by("-pk").first()
            if job is None:
                return
            user = self.actors[actor]
            calls = {
                "pay": lambda: payments.create_job_payment(job.pk, by=user),
                "start": lambda: jobs.start_job(job.pk, by=user),
                "deliver": lambda: jobs.mark_delivered(job.pk, by=user),
                "confirm": lambda: jobs.confirm_completion(job.pk, by=user),
                "cancel": lambda: jobs.cancel_job(job.pk, by=user, reason="random"),
                "dispute": lambda: jobs.open_dispute(job.pk, by=user, reason="random dispute reason"),
                "resolve_release": lambda: jobs.resolve_dispute(job.pk, by=user, resolution="RELEASE"),
                "resolve_refund": lambda: jobs.resolve_dispute(job.pk, by=user, resolution="REFUND"),
                "resolve_split": lambda: jobs.resolve_dispute(job.pk, by=user, resolution="SPLIT", provider_share_percent=40),
                "auto_release": lambda: Job.objects.filter(pk=job.pk).update(auto_release_at=job.created_at) and jobs.auto_release(job.pk),
                "expire": lambda: Job.objects.filter(pk=job.pk).update(payment_due_at=job.created_at) and jobs.expire_unpaid(job.pk),
            }
            with contextlib.suppress(DomainError, ValidationError):
                calls[action]()

        @invariant()
        def terminal_states_are_never_left(self):
            for job in Job.objects.filter(request=self.request):
                if job.pk in self.terminal_seen:
                    assert job.status == self.terminal_seen[job.pk], (job.pk, self.terminal_seen[job.pk], job.status)
                elif job.status in TERMINAL_STATUSES:
                    self.terminal_seen[job.pk] = job.status
                # No transition out of a terminal state was ever recorded.
                assert not JobTransition.objects.filter(job=job, from_status__in=TERMINAL_STATUSES).exists()

        @invariant()
        def at_most_one_accepted_bid_and_one_live_job(self):
            assert Bid.objects.filter(request=self.request, status=BidStatus.ACCEPTED).count() <= 1
            assert Job.objects.filter(request=self.request).exclude(status="CANCELLED").count() <= 1

    JobLifecycle.TestCase.settings = settings(
        max_examples=25,
        stateful_step_count=15,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    JobLifecycle.TestCase().runTest()
