"""Payment gateways behind one interface: Stripe, and the offline gateway of the embedded default.

Stripe uses "separate charges and transfers": the customer's PaymentIntent is charged on the platform account
with `transfer_group=job-<id>`, the money stays there (held), and the provider's net is transferred to their
Connect Express account on release. Every call carries an idempotency key derived from our own row, so a retry
after a timeout (by the SDK or by the background runner) can never charge, refund or transfer twice.

The offline gateway confirms everything at once, locally. It is for development and demos only: it says so in
the API (`paymentGateway.live == false`) and refuses to run under production settings.
"""

from __future__ import annotations

from dataclasses import dataclass

import stripe
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .models import Payment, PayoutAccount, Refund, Transfer


@dataclass(frozen=True)
class Intent:
    id: str
    client_secret: str


class OfflineGateway:
    name = "offline"
    live = False
    confirms_at_once = True
    publishable_key = ""

    def __init__(self) -> None:
        if not settings.OFFLINE_PAYMENTS_ALLOWED:
            raise ImproperlyConfigured("The offline payment gateway cannot run with production settings; set STRIPE_SECRET_KEY.")

    def create_intent(self, payment: Payment) -> Intent:
        return Intent(id=f"offline_pi_{payment.pk}", client_secret="")

    def refund(self, refund: Refund) -> str:
        return f"offline_re_{refund.pk}"

    def payout_destination(self, provider) -> str | None:
        return f"offline_acct_{provider.pk}"

    def transfer(self, transfer: Transfer, destination: str) -> str:
        return f"offline_tr_{transfer.pk}"

    def onboarding_link(self, provider) -> str | None:
        return None


class StripeGateway:
    name = "stripe"
    live = True
    confirms_at_once = False

    def __init__(self) -> None:
        self.publishable_key = settings.STRIPE_PUBLISHABLE_KEY
        self.client = stripe.StripeClient(
            settings.STRIPE_SECRET_KEY,
            base_addresses={"api": settings.STRIPE_API_BASE, "connect": settings.STRIPE_API_BASE},
            http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT_SECONDS),
            max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
        )

    def create_intent(self, payment: Payment) -> Intent:
        intent = self.client.v1.payment_intents.create(
            params={
                "amount": payment.total,
                "currency": payment.currency,
                "transfer_group": f"job-{payment.job_id}",
                "automatic_payment_methods": {"enabled": True},
                "metadata": {"job_id": str(payment.job_id), "payment_id": str(payment.pk)},
            },
            options={"idempotency_key": f"payment-{payment.pk}-intent"},
        )
        return Intent(id=intent.id, client_secret=intent.client_secret or "")

    def refund(self, refund: Refund) -> str:
        created = self.client.v1.refunds.create(
            params={"payment_intent": refund.payment.external_id, "amount": refund.amount, "metadata": {"refund_id": str(refund.pk)}},
            options={"idempotency_key": refund.idempotency_key},
        )
        return created.id

    def payout_destination(self, provider) -> str | None:
        account = PayoutAccount.objects.filter(provider=provider, payouts_enabled=True).first()
        return account.external_id if account else None

    def transfer(self, transfer: Transfer, destination: str) -> str:
        created = self.client.v1.transfers.create(
            params={
                "amount": transfer.amount,
                "currency": transfer.currency,
                "destination": destination,
                "transfer_group": f"job-{transfer.job_id}",
                "metadata": {"transfer_id": str(transfer.pk), "job_id": str(transfer.job_id)},
            },
            options={"idempotency_key": transfer.idempotency_key},
        )
        return created.id

    def onboarding_link(self, provider) -> str | None:
        account = PayoutAccount.objects.filter(provider=provider).first()
        if account is None:
            created = self.client.v1.accounts.create(
                params={"type": "express", "email": provider.email, "metadata": {"provider_id": str(provider.pk)}},
                options={"idempotency_key": f"provider-{provider.pk}-payout-account"},
            )
            account, _ = PayoutAccount.objects.get_or_create(provider=provider, defaults={"external_id": created.id})
        link = self.client.v1.account_links.create(
            params={
                "account": account.external_id,
                "type": "account_onboarding",
                "refresh_url": f"{settings.CLIENT_URL}/provider/payouts?refresh=1",
                "return_url": f"{settings.CLIENT_URL}/provider/payouts?done=1",
            }
        )
        return link.url


def active_gateway() -> OfflineGateway | StripeGateway:
    """Stripe when a secret key is configured; otherwise the offline gateway (never under production settings)."""
    return StripeGateway() if settings.STRIPE_SECRET_KEY else OfflineGateway()
