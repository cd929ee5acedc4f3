from __future__ import annotations

import pytest

from tests.stripe_fake import WEBHOOK_SECRET, FakeStripe


@pytest.fixture
def stripe_server(settings):
    """The Stripe gateway, pointed at a Stripe-protocol server on loopback."""
    server = FakeStripe()
    settings.STRIPE_SECRET_KEY = "sk_test_serveflow"
    settings.STRIPE_PUBLISHABLE_KEY = "pk_test_serveflow"
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = server.url
    settings.STRIPE_TIMEOUT_SECONDS = 5
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _prices_in_rupees(platform_terms):
    """These specifications are written in PKR minor units (paisa), as in the brief's example."""
    platform_terms(currency_code="PKR", currency_symbol="Rs")
