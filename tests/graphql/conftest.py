"""A world with a row of every readable type, built through the services, and one user of every actor."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from marketplace.accounts.models import Role
from marketplace.bids import services as bids
from marketplace.chat import services as chat
from marketplace.jobs import acceptance
from marketplace.jobs import services as jobs
from marketplace.notifications import services as notifications
from marketplace.payments import services as payments
from marketplace.providers import services as providers
from marketplace.providers.models import ProviderDocument
from marketplace.reviews import services as reviews
from tests.marketplace.conftest import categories, make_provider, make_request  # noqa: F401  (fixtures)

ACTORS = ("anonymous", "customer", "other_customer", "provider", "other_provider", "pending_provider", "editor", "admin")


def _document(user, name: str) -> ProviderDocument:
    return providers.add_document(user, kind=ProviderDocument.Kind.IDENTITY, upload=ContentFile(b"%PDF-1.4 id card", name=name))


@pytest.fixture
def world(make_user, make_provider, make_request, platform_terms):  # noqa: F811  (fixtures imported above)
    """Two customers, two approved providers bidding against each other, a pending provider, an editor and an admin;
    a completed, paid, reviewed and invoiced job with chat; a disputed job; an open request; documents; audit entries;
    notifications."""
    platform_terms(currency_code="PKR")
    customer = make_user(Role.CUSTOMER)
    other_customer = make_user(Role.CUSTOMER)
    provider = make_provider()
    other_provider = make_provider()
    pending_provider = make_provider(approved=False)
    editor = make_user(Role.CUSTOMER, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    admin = make_user(Role.ADMIN)

    done = make_request(customer)
    bid = bids.place_bid(provider, done.pk, amount=450_000, message="Can come today")
    bids.place_bid(other_provider, done.pk, amount=420_000, message="Cheapest in town")
    job = acceptance.accept_bid(customer, bid.pk)
    payments.create_job_payment(job.pk, by=customer)
    jobs.start_job(job.pk, by=provider)
    chat.send_message(job.pk, by=customer, body="Please bring a spare trap")
    chat.send_message(job.pk, by=provider, body="Will do")
    jobs.mark_delivered(job.pk, by=provider)
    jobs.confirm_completion(job.pk, by=customer)
    reviews.submit_review(customer, job.pk, rating=5, comment="Great")
    reviews.submit_review(provider, job.pk, rating=4, comment="Kind customer")

    disputed = make_request(customer, title="Bathroom tap broken")
    rival_bid = bids.place_bid(other_provider, disputed.pk, amount=300_000, message="Tomorrow")
    bids.place_bid(provider, disputed.pk, amount=310_000, message="Today")
    second = acceptance.accept_bid(customer, rival_bid.pk)
    payments.create_job_payment(second.pk, by=customer)
    jobs.start_job(second.pk, by=other_provider)
    jobs.open_dispute(second.pk, by=customer, reason="The tap still drips")

    make_request(other_customer, title="Paint the hallway", category_slug="plumbing")
    _document(provider, "provider-id.pdf")
    _document(pending_provider, "pending-id.pdf")
    notifications.notify(admin, "SYSTEM", "Welcome", "Hello admin")
    return {
        "anonymous": None,
        "customer": customer,
        "other_customer": other_customer,
        "provider": provider,
        "other_provider": other_provider,
        "pending_provider": pending_provider,
        "editor": editor,
        "admin": admin,
    }
