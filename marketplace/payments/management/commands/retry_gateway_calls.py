"""Send again the refunds and transfers the gateway kept refusing (after the cause is fixed)."""

from django.core.management.base import BaseCommand

from marketplace.payments.outbox import retry_failed


class Command(BaseCommand):
    help = "Queue every FAILED refund and transfer again, with its original idempotency key."

    def handle(self, *args, **options):
        refunds, transfers = retry_failed()
        self.stdout.write(f"Queued {refunds} refund(s) and {transfers} transfer(s) again.")
