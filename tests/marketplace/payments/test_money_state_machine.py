"""Must show 3: random pay / cancel / start / deliver / confirm / dispute / resolve / refund / duplicate webhook
sequences, by random actors, over several jobs: after every step the ledger sums to zero, no held balance is
negative, and what was released plus refunded never exceeds what was paid."""

from __future__ import annotations

import contextlib

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, initialize, invariant, rule

from marketplace.bids import services as bids
from marketplace.errors import DomainError
from marketplace.jobs import acceptance
from marketplace.jobs import services as jobs
from marketplace.jobs.models import Job
from marketplace.payments import ledger
from marketplace.payments import services as payments
from marketplace.payments.models import AccountKind, LedgerPosting, MovementKind, Payment
from marketplace.payments.webhooks import process_stripe_event

ACTORS = ["customer", "provider", "admin", "stranger"]
REFUSED = (DomainError, ValidationError)


@pytest.mark.django_db
def test_money_state_machine(make_user, make_provider, make_request, django_capture_on_commit_callbacks):
    class Money(RuleBasedStateMachine):
        jobs = Bundle("jobs")

        @initialize()
        def setup(self):
            self.actors = {
                "customer": make_user("CUSTOMER"),
                "provider": make_provider(),
                "admin": make_user("ADMIN"),
                "stranger": make_user("CUSTOMER"),
            }
            self.job_ids: list[int] = []

        def act(self, call):
            with django_capture_on_commit_callbacks(execute=True), contextlib.suppress(*REFUSED):
                call()

        @rule(target=jobs, amount=st.integers(1, 2_000_000))
        def new_job(self, amount):
            request = make_request(self.actors["customer"])
            job = acceptance.accept_bid(self.actors["customer"], bids.place_bid(self.actors["provider"], request.pk, amount=amount).pk)
            self.job_ids.append(job.pk)
            return job.pk

        @rule(job=jobs, actor=st.sampled_from(ACTORS))
        def pay(self, job, actor):
            self.act(lambda: payments.create_job_payment(job, by=self.actors[actor]))

        @rule(job=jobs)
        def duplicate_webhook(self, job):
            payment = Payment.objects.filter(job_id=job).first()
            if payment is None:
                return
            event = {"id": f"evt_{payment.pk}", "type": "payment_intent.succeeded", "data": {"object": {"id": payment.external_id}}}
            for _ in range(2):
                self.act(lambda: process_stripe_event.call(event))

        @rule(job=jobs, actor=st.sampled_from(ACTORS), step=st.sampled_from(["start", "deliver", "confirm", "cancel", "dispute"]))
        def transition(self, job, actor, step):
            user = self.actors[actor]
            calls = {
                "start": lambda: jobs.start_job(job, by=user),
                "deliver": lambda: jobs.mark_delivered(job, by=user),
                "confirm": lambda: jobs.confirm_completion(job, by=user),
                "cancel": lambda: jobs.cancel_job(job, by=user, reason="random"),
                "dispute": lambda: jobs.open_dispute(job, by=user, reason="random dispute reason"),
            }
            self.act(calls[step])

        @rule(job=jobs, actor=st.sampled_from(ACTORS), resolution=st.sampled_from(["RELEASE", "REFUND", "SPLIT"]), share=st.integers(1, 99))
        def resolve(self, job, actor, resolution, share):
            self.act(lambda: jobs.resolve_dispute(job, by=self.actors[actor], resolution=resolution, provider_share_percent=share))

        @rule(job=jobs, actor=st.sampled_from(ACTORS), amount=st.integers(-5, 2_500_000))
        def refund(self, job, actor, amount):
            self.act(lambda: payments.refund_payment(job, amount, by=self.actors[actor]))

        @invariant()
        def ledger_sums_to_zero(self):
            assert ledger.total_balance() == 0

        @invariant()
        def held_never_negative_and_outflows_never_exceed_payments(self):
            for job in Job.objects.filter(pk__in=self.job_ids).select_related("customer"):
                held = ledger.balance(ledger.account(AccountKind.HELD, job.currency, job=job))
                paid = Payment.objects.filter(job=job, status="SUCCEEDED").aggregate(t=Sum("total"))["t"] or 0
                outflow = -(
                    LedgerPosting.objects.filter(
                        transaction__job=job,
                        account__kind=AccountKind.HELD,
                        transaction__kind__in=[MovementKind.RELEASE, MovementKind.REFUND],
                    ).aggregate(t=Sum("amount"))["t"]
                    or 0
                )
                assert held >= 0 and outflow + held == paid and outflow <= paid
                if job.status in ("COMPLETED", "CANCELLED", "REFUNDED", "PENDING_PAYMENT"):
                    assert held == 0, (job.status, held)

        @invariant()
        def no_account_but_external_is_negative(self):
            negative = LedgerPosting.objects.values("account_id", "account__kind").annotate(b=Sum("amount")).filter(b__lt=0)
            assert {row["account__kind"] for row in negative} <= {AccountKind.EXTERNAL}

    Money.TestCase.settings = settings(
        max_examples=20,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    Money.TestCase().runTest()
