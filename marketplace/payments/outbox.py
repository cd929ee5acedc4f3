"""Gateway calls made after commit by the background runner, with retries (`durable_task`).

Each call carries the idempotency key of its row (refund-<id>, job-<id>-transfer-<n>), so a retry after a timeout,
even one where the gateway had already acted, returns the first result instead of moving money twice; the row is
then marked DONE under its lock, once. A call that still fails after its last retry is marked FAILED, audited, and
every platform admin is notified; `manage.py retry_gateway_calls` sends the FAILED ones again (same keys).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from marketplace.accounts.models import Role, User
from marketplace.audit.services import record
from marketplace.background import durable_task
from marketplace.notifications.services import notify_many

from .gateways import active_gateway
from .models import GatewayStatus, Refund, Transfer
from .movements import record_payout


def _refund_failed(refund_id: int) -> None:
    with transaction.atomic():
        refund = Refund.objects.select_for_update().select_related("payment__job__request").get(pk=refund_id)
        if refund.status != GatewayStatus.PENDING:
            return
        refund.status = GatewayStatus.FAILED
        refund.save(update_fields=["status"])
        job = refund.payment.job
        record("payment.refund_failed", refund.payment, data={"job": job.pk, "refund": refund.pk, "amount": refund.amount})
        _alert_admins(f"A refund could not be sent for {job.request.title}", f"Refund #{refund.pk} of {refund.amount}", job)


def _transfer_failed(transfer_id: int) -> None:
    with transaction.atomic():
        transfer = Transfer.objects.select_for_update().select_related("job__request").get(pk=transfer_id)
        if transfer.status != GatewayStatus.PENDING:
            return
        transfer.status = GatewayStatus.FAILED
        transfer.save(update_fields=["status"])
        record("payment.transfer_failed", transfer.job, data={"job": transfer.job_id, "transfer": transfer.pk, "amount": transfer.amount})
        _alert_admins(
            f"A payout could not be sent for {transfer.job.request.title}", f"Transfer #{transfer.pk} of {transfer.amount}", transfer.job
        )


def _alert_admins(title: str, body: str, target) -> None:
    admins = User.objects.filter(role=Role.ADMIN, is_active=True)
    notify_many(admins, "GATEWAY_FAILURE", title, f"{body}. Retry with manage.py retry_gateway_calls.", target)


@durable_task(max_attempts=6, backoff_seconds=30, on_give_up=_refund_failed)
def send_refund(refund_id: int) -> None:
    refund = Refund.objects.select_related("payment").get(pk=refund_id)
    if refund.status != GatewayStatus.PENDING:
        return
    external_id = active_gateway().refund(refund)
    with transaction.atomic():
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.status == GatewayStatus.PENDING:
            refund.status, refund.external_id = GatewayStatus.DONE, external_id
            refund.save(update_fields=["status", "external_id"])


@durable_task(max_attempts=6, backoff_seconds=30, on_give_up=_transfer_failed)
def send_transfer(transfer_id: int) -> None:
    """Send a provider's earnings. Without a payout-enabled account the transfer waits (earnings stay available)
    until `account.updated` reports payouts enabled."""
    transfer = Transfer.objects.select_related("provider").get(pk=transfer_id)
    if transfer.status != GatewayStatus.PENDING:
        return
    gateway = active_gateway()
    destination = gateway.payout_destination(transfer.provider)
    if destination is None:
        return
    external_id = gateway.transfer(transfer, destination)
    with transaction.atomic():
        transfer = Transfer.objects.select_for_update().select_related("provider", "job").get(pk=transfer_id)
        if transfer.status != GatewayStatus.PENDING:
            return
        transfer.status, transfer.external_id, transfer.sent_at = GatewayStatus.DONE, external_id, timezone.now()
        transfer.save(update_fields=["status", "external_id", "sent_at"])
        record_payout(transfer)


def send_waiting_transfers(provider_id: int) -> int:
    """Queue every transfer still waiting for this provider (their payout account just became ready)."""
    ids = list(Transfer.objects.filter(provider_id=provider_id, status=GatewayStatus.PENDING).values_list("pk", flat=True))
    for pk in ids:
        transaction.on_commit(lambda pk=pk: send_transfer.enqueue(pk))
    return len(ids)


def retry_failed() -> tuple[int, int]:
    """Put every FAILED refund and transfer back to PENDING and queue it again (with its original idempotency key)."""
    with transaction.atomic():
        refunds = list(Refund.objects.select_for_update().filter(status=GatewayStatus.FAILED).values_list("pk", flat=True))
        transfers = list(Transfer.objects.select_for_update().filter(status=GatewayStatus.FAILED).values_list("pk", flat=True))
        Refund.objects.filter(pk__in=refunds).update(status=GatewayStatus.PENDING)
        Transfer.objects.filter(pk__in=transfers).update(status=GatewayStatus.PENDING)
        for pk in refunds:
            transaction.on_commit(lambda pk=pk: send_refund.enqueue(pk))
        for pk in transfers:
            transaction.on_commit(lambda pk=pk: send_transfer.enqueue(pk))
    return len(refunds), len(transfers)
