"""Marketplace fixtures: real categories, providers in known states, and a request with bids, built through services."""

from __future__ import annotations

import pytest
from strawberry import relay

from cms.demo import load_categories
from marketplace.accounts.models import Role
from marketplace.bids import services as bids
from marketplace.jobs import acceptance
from marketplace.providers.models import ProviderProfile, VerificationStatus
from marketplace.service_requests import services as requests


def gid(type_name: str, pk: int) -> str:
    return relay.to_base64(type_name, pk)


@pytest.fixture
def categories(db):
    return {c.slug: c for c in load_categories()}


@pytest.fixture
def make_provider(make_user, categories):
    def make(approved: bool = True, city: str = "Lahore", slugs=("plumbing",), **fields):
        user = make_user(Role.PROVIDER, **fields)
        profile = user.provider_profile
        profile.status = VerificationStatus.APPROVED if approved else VerificationStatus.PENDING
        profile.city = city
        profile.save()
        profile.categories.set([categories[s] for s in slugs])
        return user

    return make


@pytest.fixture
def make_request(categories):
    def make(customer, **overrides):
        fields = {
            "category_slug": "plumbing",
            "title": "Kitchen sink leaking",
            "description": "Water drips from the trap under the sink all day.",
            "city": "Lahore",
            "address": "12 Canal Road",
            "budget_amount": 500_000,
        } | overrides
        return requests.create_request(customer, **fields)

    return make


@pytest.fixture
def marketplace(make_user, make_provider, make_request):
    """A customer's open BIDDING request with bids from two approved providers, plus bystanders of every role."""
    customer = make_user(Role.CUSTOMER)
    other_customer = make_user(Role.CUSTOMER)
    provider = make_provider()
    rival = make_provider()
    unapproved = make_provider(approved=False)
    admin = make_user(Role.ADMIN)
    request = make_request(customer)
    bid = bids.place_bid(provider, request.pk, amount=450_000, message="Can come today")
    rival_bid = bids.place_bid(rival, request.pk, amount=420_000, message="Cheapest in town")
    return {
        "customer": customer, "other_customer": other_customer, "provider": provider, "rival": rival,
        "unapproved": unapproved, "admin": admin, "request": request, "bid": bid, "rival_bid": rival_bid,
        "accept": lambda: acceptance.accept_bid(customer, bid.pk),
    }  # fmt: skip


@pytest.fixture
def approve(db):
    def approve(user):
        ProviderProfile.objects.filter(user=user).update(status=VerificationStatus.APPROVED)

    return approve
