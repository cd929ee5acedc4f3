"""One function per business movement of money. Each runs inside its caller's transaction (a job transition in
`marketplace.jobs.services`, with the job row locked), posts one ledger transaction with a key naming the action,
and queues any gateway call (refund, transfer) for after commit, so the state change, the books and the outgoing
call stand or fall together.

    hold      EXTERNAL −T → CUSTOMER_FUNDING(customer) +T −T → HELD(job) +T                 T = subtotal + tax
    release   HELD(job) −H → PROVIDER_PAYABLE(provider) +net, PLATFORM_COMMISSION +commission, TAX_PAYABLE +tax
    refund    HELD(job) −R → REFUNDS(customer) +R
    split     release of the provider's share + refund of the rest
    payout    PROVIDER_PAYABLE(provider) −n → PAYOUTS(provider) +n       (when the gateway confirms the transfer)
"""

from __future__ import annotations

from django.db.models import Max

from marketplace.background import enqueue_after_commit

from . import amounts, ledger
from .models import AccountKind, GatewayStatus, LedgerTransaction, MovementKind, Payment, Refund, Transfer


def held_balance(job) -> int:
    return ledger.balance(ledger.account(AccountKind.HELD, job.currency, job=job))


def hold_payment(payment: Payment) -> LedgerTransaction | None:
    """The customer's payment arrived: the whole total is held for the job."""
    job, currency, total = payment.job, payment.currency, payment.total
    funding = ledger.account(AccountKind.CUSTOMER_FUNDING, currency, user=job.customer)
    return ledger.post(
        f"payment-{payment.pk}-hold",
        MovementKind.HOLD,
        [
            (ledger.account(AccountKind.EXTERNAL, currency), -total),
            (funding, total),
            (funding, -total),
            (ledger.account(AccountKind.HELD, currency, job=job), total),
        ],
        job=job,
        memo=f"payment {payment.pk} held",
    )


def _held_breakdown(job) -> amounts.Breakdown:
    payment = job.payment
    return amounts.allocate(held_balance(job), subtotal=payment.subtotal, tax=payment.tax, commission_rate_bps=payment.commission_rate_bps)


def release_held_funds(job, *, provider_share_percent: int = 100, memo: str = "") -> LedgerTransaction | None:
    """Release what is held: the provider's net to their payable account, the commission and the tax to the
    platform's; with a share below 100 the rest goes back to the customer. Queues the provider's transfer and
    issues the invoice and statement. Nothing held, nothing posted."""
    from marketplace.invoices.services import issue_for_release

    held = _held_breakdown(job)
    if held.total == 0:
        return None
    released, refunded = amounts.split(
        held, provider_share_percent=provider_share_percent, commission_rate_bps=job.payment.commission_rate_bps
    )
    if refunded:
        refund_held_funds(job, refunded, key=f"job-{job.pk}-split-refund", reason=f"dispute split: provider {provider_share_percent}%")
    entry = ledger.post(
        f"job-{job.pk}-release",
        MovementKind.RELEASE,
        [
            (ledger.account(AccountKind.HELD, job.currency, job=job), -released.total),
            (ledger.account(AccountKind.PROVIDER_PAYABLE, job.currency, user=job.provider), released.provider_net),
            (ledger.account(AccountKind.PLATFORM_COMMISSION, job.currency), released.commission),
            (ledger.account(AccountKind.TAX_PAYABLE, job.currency), released.tax),
        ],
        job=job,
        memo=memo or "released to provider",
    )
    if entry is not None:
        if released.provider_net:
            queue_transfer(job, released.provider_net)
        issue_for_release(entry)
    return entry


def refund_held_funds(job, amount: int, *, key: str, reason: str = "", by_gateway: bool = False, external_id: str = "") -> Refund | None:
    """Return `amount` of the held money to the customer (never more than is held). Unless the gateway itself made
    the refund (`by_gateway`), the gateway call is queued for after commit with idempotency key refund-<id>."""
    if amount <= 0 or Refund.objects.filter(key=key).exists():
        return None
    refund = Refund.objects.create(
        payment=job.payment,
        key=key,
        amount=amount,
        reason=reason[:200],
        initiated_by_gateway=by_gateway,
        status=GatewayStatus.DONE if by_gateway else GatewayStatus.PENDING,
        external_id=external_id,
    )
    ledger.post(
        f"refund-{refund.pk}",
        MovementKind.REFUND,
        [
            (ledger.account(AccountKind.HELD, job.currency, job=job), -amount),
            (ledger.account(AccountKind.REFUNDS, job.currency, user=job.customer), amount),
        ],
        job=job,
        memo=reason or "refund",
    )
    if not by_gateway:
        from .outbox import send_refund

        enqueue_after_commit(send_refund, refund.pk)
    return refund


def queue_transfer(job, amount: int) -> Transfer:
    sequence = (Transfer.objects.filter(job=job).aggregate(n=Max("sequence"))["n"] or 0) + 1
    transfer = Transfer.objects.create(job=job, provider=job.provider, sequence=sequence, amount=amount, currency=job.currency)
    from .outbox import send_transfer

    enqueue_after_commit(send_transfer, transfer.pk)
    return transfer


def record_payout(transfer: Transfer) -> LedgerTransaction | None:
    """The gateway confirmed the transfer: the provider's payable becomes paid out."""
    return ledger.post(
        f"transfer-{transfer.pk}-payout",
        MovementKind.PAYOUT,
        [
            (ledger.account(AccountKind.PROVIDER_PAYABLE, transfer.currency, user=transfer.provider), -transfer.amount),
            (ledger.account(AccountKind.PAYOUTS, transfer.currency, user=transfer.provider), transfer.amount),
        ],
        job=transfer.job,
        memo=f"transfer {transfer.idempotency_key}",
    )


def record_transfer_reversal(transfer: Transfer, amount_reversed: int) -> LedgerTransaction | None:
    """Stripe reversed (part of) a transfer: that part is owed to the provider again (a reversing movement)."""
    delta = amount_reversed - transfer.amount_reversed
    if delta <= 0:
        return None
    return ledger.post(
        f"transfer-{transfer.pk}-reversed-{amount_reversed}",
        MovementKind.REVERSAL,
        [
            (ledger.account(AccountKind.PAYOUTS, transfer.currency, user=transfer.provider), -delta),
            (ledger.account(AccountKind.PROVIDER_PAYABLE, transfer.currency, user=transfer.provider), delta),
        ],
        job=transfer.job,
        memo=f"transfer {transfer.idempotency_key} reversed",
    )
