"""Money rows: the double-entry ledger (the book of record) and the gateway-facing records around it.

Ledger: `LedgerAccount` (one per kind, currency and owner), `LedgerTransaction` (one business movement, unique
`key`), `LedgerPosting` (append-only, integer minor units; every transaction sums to zero). The database enforces
what it can: non-zero postings, append-only postings and transactions (triggers), and on PostgreSQL a deferred
constraint trigger that rejects, at commit, any transaction that does not balance or any account other than the
external one that would go negative. `marketplace.payments.ledger.post` is the only writer and checks the same.

Gateway records: `Payment` (one per job; amounts fixed when it is created), `Refund` and `Transfer` (outbox rows
the background runner sends to the gateway with idempotency keys derived from their ids), `PayoutAccount`
(a provider's Stripe Connect Express account) and `ProcessedStripeEvent` (each webhook event id at most once).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AccountKind(models.TextChoices):
    EXTERNAL = "EXTERNAL", "External world"  # the only account that may go negative: money that came in
    CUSTOMER_FUNDING = "CUSTOMER_FUNDING", "Customer funding"  # per customer: what they paid passes through here
    HELD = "HELD", "Held funds"  # per job: paid, not yet released or refunded
    PROVIDER_PAYABLE = "PROVIDER_PAYABLE", "Provider payable"  # per provider: released, not yet paid out
    PLATFORM_COMMISSION = "PLATFORM_COMMISSION", "Platform commission"
    TAX_PAYABLE = "TAX_PAYABLE", "Tax payable"
    REFUNDS = "REFUNDS", "Refunds"  # per customer: returned to them
    PAYOUTS = "PAYOUTS", "Payouts"  # per provider: transferred to them


class LedgerAccount(models.Model):
    key = models.CharField(max_length=80, unique=True, help_text="kind:currency:owner — one account per owner.")
    kind = models.CharField(max_length=24, choices=AccountKind.choices)
    currency = models.CharField(max_length=3)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["kind", "currency"])]

    def __str__(self) -> str:
        return self.key


class MovementKind(models.TextChoices):
    HOLD = "HOLD", "Payment held"
    RELEASE = "RELEASE", "Released to provider"
    REFUND = "REFUND", "Refund"
    PAYOUT = "PAYOUT", "Payout"
    REVERSAL = "REVERSAL", "Reversal"


class LedgerTransaction(models.Model):
    key = models.CharField(max_length=120, unique=True, help_text="The business action; at most one transaction each.")
    kind = models.CharField(max_length=10, choices=MovementKind.choices)
    currency = models.CharField(max_length=3)
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.PROTECT, related_name="ledger_transactions")
    memo = models.CharField(max_length=200, blank=True)
    reverses = models.OneToOneField("self", null=True, blank=True, on_delete=models.PROTECT, related_name="reversed_by")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.key


class LedgerPosting(models.Model):
    transaction = models.ForeignKey(LedgerTransaction, on_delete=models.PROTECT, related_name="postings")
    account = models.ForeignKey(LedgerAccount, on_delete=models.PROTECT, related_name="postings")
    amount = models.BigIntegerField(help_text="Minor units; positive adds to the account, negative takes from it.")

    class Meta:
        ordering = ["id"]
        constraints = [models.CheckConstraint(condition=~models.Q(amount=0), name="posting_amount_not_zero")]

    def __str__(self) -> str:
        return f"{self.account_id} {self.amount:+d}"


class PaymentStatus(models.TextChoices):
    REQUIRES_PAYMENT = "REQUIRES_PAYMENT", "Awaiting payment"
    FAILED = "FAILED", "Last attempt failed"
    SUCCEEDED = "SUCCEEDED", "Succeeded"


class Payment(models.Model):
    """What the customer pays for one job. Amounts and rates are fixed when it is created."""

    job = models.OneToOneField("jobs.Job", on_delete=models.PROTECT, related_name="payment")
    gateway = models.CharField(max_length=10)
    currency = models.CharField(max_length=3)
    subtotal = models.PositiveBigIntegerField()
    tax = models.PositiveBigIntegerField()
    total = models.PositiveBigIntegerField()
    tax_rate_bps = models.PositiveIntegerField()
    commission_rate_bps = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.REQUIRES_PAYMENT)
    external_id = models.CharField(max_length=100, null=True, blank=True, unique=True, help_text="PaymentIntent id.")
    client_secret = models.CharField(max_length=200, blank=True)
    charge_id = models.CharField(max_length=100, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    succeeded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(total=models.F("subtotal") + models.F("tax")), name="payment_total_adds_up")
        ]

    def __str__(self) -> str:
        return f"payment {self.pk} for job {self.job_id} ({self.status})"


class GatewayStatus(models.TextChoices):
    PENDING = "PENDING", "Waiting for the gateway"
    DONE = "DONE", "Done at the gateway"
    REVERSED = "REVERSED", "Reversed"
    FAILED = "FAILED", "Failed at the gateway: needs an admin"


class Refund(models.Model):
    """Money returned to the customer. Posted to the ledger when decided; sent to the gateway after commit."""

    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    key = models.CharField(max_length=120, unique=True, help_text="The business action that refunded (one refund each).")
    amount = models.PositiveBigIntegerField()
    reason = models.CharField(max_length=200, blank=True)
    initiated_by_gateway = models.BooleanField(default=False, help_text="Made outside ServeFlow (e.g. the Stripe dashboard).")
    status = models.CharField(max_length=10, choices=GatewayStatus.choices, default=GatewayStatus.PENDING)
    external_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive")]

    def __str__(self) -> str:
        return f"refund {self.pk} of {self.amount} ({self.status})"

    @property
    def idempotency_key(self) -> str:
        return f"refund-{self.pk}"


class Transfer(models.Model):
    """A provider's net earnings from one release, sent to their payout account (Stripe: a Connect transfer)."""

    job = models.ForeignKey("jobs.Job", on_delete=models.PROTECT, related_name="transfers")
    provider = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="transfers")
    sequence = models.PositiveSmallIntegerField(help_text="n in the idempotency key job-<id>-transfer-<n>.")
    amount = models.PositiveBigIntegerField()
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=10, choices=GatewayStatus.choices, default=GatewayStatus.PENDING)
    external_id = models.CharField(max_length=100, blank=True, db_index=True)
    amount_reversed = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "sequence"], name="one_transfer_per_job_sequence"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="transfer_amount_positive"),
        ]

    def __str__(self) -> str:
        return self.idempotency_key

    @property
    def idempotency_key(self) -> str:
        return f"job-{self.job_id}-transfer-{self.sequence}"


class PayoutAccount(models.Model):
    """A provider's Stripe Connect Express account; transfers wait until payouts are enabled on it."""

    provider = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="payout_account")
    external_id = models.CharField(max_length=100, unique=True)
    details_submitted = models.BooleanField(default=False)
    payouts_enabled = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.external_id


class ProcessedStripeEvent(models.Model):
    """Each Stripe event id, inserted in the same transaction as its effect: a replay finds it and does nothing."""

    event_id = models.CharField(max_length=100, unique=True)
    type = models.CharField(max_length=60)
    processed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.event_id
