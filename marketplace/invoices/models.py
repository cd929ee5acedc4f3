"""Invoices: the customer's invoice and the provider's statement for each release, numbered without gaps."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class InvoiceKind(models.TextChoices):
    CUSTOMER_INVOICE = "CUSTOMER_INVOICE", "Customer invoice"  # subtotal + tax = total
    PROVIDER_STATEMENT = "PROVIDER_STATEMENT", "Provider statement"  # subtotal − commission = net


class InvoiceSequence(models.Model):
    """The last number issued per kind; incremented under a row lock, so numbers are sequential and unique."""

    kind = models.CharField(max_length=20, choices=InvoiceKind.choices, primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.kind} {self.last_number}"


class Invoice(models.Model):
    kind = models.CharField(max_length=20, choices=InvoiceKind.choices)
    number = models.CharField(max_length=20, unique=True)
    job = models.ForeignKey("jobs.Job", on_delete=models.PROTECT, related_name="invoices")
    ledger_transaction = models.ForeignKey("payments.LedgerTransaction", on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="invoices")
    currency = models.CharField(max_length=3)
    subtotal = models.PositiveBigIntegerField()
    tax = models.PositiveBigIntegerField(default=0)
    commission = models.PositiveBigIntegerField(default=0)
    total = models.PositiveBigIntegerField(help_text="Customer invoice: subtotal + tax. Provider statement: subtotal − commission.")
    platform_name = models.CharField(max_length=100)
    platform_support_email = models.CharField(max_length=200)
    issued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["job", "kind"], name="one_invoice_per_job_and_kind"),
            models.CheckConstraint(
                condition=(models.Q(kind="CUSTOMER_INVOICE", total=models.F("subtotal") + models.F("tax"), commission=0))
                | (models.Q(kind="PROVIDER_STATEMENT", total=models.F("subtotal") - models.F("commission"), tax=0)),
                name="invoice_adds_up",
            ),
        ]

    def __str__(self) -> str:
        return self.number
