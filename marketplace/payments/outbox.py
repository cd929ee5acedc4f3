"""Gateway calls made after commit by the background runner, with retries (`durable_task`).

Each call carries the idempotency key of its row (refund-<id>, job-<id>-transfer-<n>), so a retry after a timeout,
even one where the gateway had already acted, returns the first result instead of moving money twice; the row is
then marked DONE under its lock, once.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from marketplace.background import durable_task

from .gateways import active_gateway
from .models import GatewayStatus, Refund, Transfer
from .movements import record_payout


@durable_task(max_attempts=6, backoff_seconds=30)
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


@durable_task(max_attempts=6, backoff_seconds=30)
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
