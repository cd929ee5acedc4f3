"""Must show 3: concurrent accepts on one request — exactly one job, on PostgreSQL with real row locks."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection

from marketplace.bids import services as bids
from marketplace.bids.models import Bid, BidStatus
from marketplace.errors import DomainError, InvalidState
from marketplace.jobs import acceptance
from marketplace.jobs.models import Job

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks and concurrent connections"),
]


def race(functions):
    """Run the functions in threads released at the same instant; returns each one's result or exception."""
    barrier = threading.Barrier(len(functions))
    results: list = [None] * len(functions)

    def run(index, function):
        try:
            barrier.wait()
            results[index] = function()
        except Exception as exc:
            results[index] = exc
        finally:
            close_old_connections()

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_concurrent_accepts_of_different_bids_create_exactly_one_job(make_user, make_provider, make_request):
    customer = make_user("CUSTOMER")
    request = make_request(customer)
    placed = [bids.place_bid(make_provider(), request.pk, amount=100_000 + i) for i in range(6)]
    results = race([lambda bid=bid: acceptance.accept_bid(customer, bid.pk) for bid in placed])
    winners = [r for r in results if isinstance(r, Job)]
    losers = [r for r in results if isinstance(r, (DomainError, InvalidState))]
    assert len(winners) == 1 and len(losers) == 5, results
    assert {getattr(e, "code", None) for e in losers} <= {"ALREADY_ASSIGNED", "INVALID_STATE"}
    assert Job.objects.filter(request=request).count() == 1
    assert Bid.objects.filter(request=request, status=BidStatus.ACCEPTED).count() == 1
    assert Bid.objects.filter(request=request, status=BidStatus.DECLINED).count() == 5


def test_concurrent_fixed_offer_takers_create_exactly_one_job(make_user, make_provider, make_request):
    request = make_request(make_user("CUSTOMER"), mode="FIXED_OFFER", offer_amount=250_000)
    providers = [make_provider() for _ in range(6)]
    results = race([lambda p=p: acceptance.respond_to_offer(p, request.pk, accept=True) for p in providers])
    winners = [r for r in results if isinstance(r, Job)]
    assert len(winners) == 1, results
    assert all(isinstance(r, DomainError) and r.code == "ALREADY_ASSIGNED" for r in results if not isinstance(r, Job))
    assert Job.objects.filter(request=request).count() == 1


def test_database_refuses_a_second_live_job_even_without_the_lock(make_user, make_provider, make_request):
    """The constraint is the last line of defence: a second live job for one request cannot be inserted."""
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    customer = make_user("CUSTOMER")
    request = make_request(customer)
    provider = make_provider()
    Job.objects.create(request=request, customer=customer, provider=provider, amount=1, currency="pkr", payment_due_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Job.objects.create(request=request, customer=customer, provider=provider, amount=2, currency="pkr", payment_due_at=timezone.now())
