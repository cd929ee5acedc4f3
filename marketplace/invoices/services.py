"""Issuing invoices from the ledger, and who may read them."""

from __future__ import annotations

from django.conf import settings
from django.core import signing

from marketplace import platform_settings
from marketplace.accounts.models import User
from marketplace.payments.models import AccountKind, LedgerTransaction
from marketplace.visibility import visible_invoices

from .models import Invoice, InvoiceKind, InvoiceSequence

PREFIX = {InvoiceKind.CUSTOMER_INVOICE: "INV", InvoiceKind.PROVIDER_STATEMENT: "ST"}
LINK_SALT = "invoices.pdf"


def next_number(kind: str) -> str:
    """The next number of `kind` (INV-000001, ST-000001…); call inside the issuing transaction (gapless)."""
    InvoiceSequence.objects.get_or_create(kind=kind)
    sequence = InvoiceSequence.objects.select_for_update().get(kind=kind)
    sequence.last_number += 1
    sequence.save(update_fields=["last_number"])
    return f"{PREFIX[kind]}-{sequence.last_number:06d}"


def issue_for_release(entry: LedgerTransaction) -> list[Invoice]:
    """The customer invoice (subtotal, tax, total) and the provider statement (subtotal, commission, net) of one
    release, read from its postings, so they always agree with the books."""
    parts = dict.fromkeys(AccountKind.values, 0)
    for posting in entry.postings.select_related("account"):
        parts[posting.account.kind] += posting.amount
    net, commission, tax = parts[AccountKind.PROVIDER_PAYABLE], parts[AccountKind.PLATFORM_COMMISSION], parts[AccountKind.TAX_PAYABLE]
    subtotal = net + commission
    job = entry.job
    platform = platform_settings.platform_details()
    common = {"job": job, "ledger_transaction": entry, "currency": entry.currency, "subtotal": subtotal}
    common |= {"platform_name": platform["name"], "platform_support_email": platform["support_email"]}
    return [
        Invoice.objects.create(
            kind=InvoiceKind.CUSTOMER_INVOICE, number=next_number(InvoiceKind.CUSTOMER_INVOICE), recipient_id=job.customer_id,
            tax=tax, total=subtotal + tax, **common,
        ),
        Invoice.objects.create(
            kind=InvoiceKind.PROVIDER_STATEMENT, number=next_number(InvoiceKind.PROVIDER_STATEMENT), recipient_id=job.provider_id,
            commission=commission, total=net, **common,
        ),
    ]  # fmt: skip


def pdf_link_token(invoice: Invoice, viewer: User) -> str:
    """A signed, short-lived token naming the invoice and the viewer; the download re-checks the viewer's right."""
    return signing.dumps({"invoice": invoice.pk, "user": viewer.pk}, salt=LINK_SALT, compress=True)


def invoice_for_link(token: str) -> Invoice | None:
    try:
        data = signing.loads(token, salt=LINK_SALT, max_age=settings.INVOICE_LINK_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    viewer = User.objects.filter(pk=data.get("user"), is_active=True).first()
    return visible_invoices(Invoice.objects.select_related("job__request", "recipient"), viewer).filter(pk=data.get("invoice")).first()
