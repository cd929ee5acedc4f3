from django.conf import settings
from django.core.management.base import BaseCommand

from marketplace.audit.services import prune


class Command(BaseCommand):
    help = "Delete audit entries older than the retention period (AUDIT_RETENTION_DAYS, default 400)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the retention period in days.")

    def handle(self, *args, days=None, **options):
        days = days if days is not None else settings.AUDIT_RETENTION_DAYS
        if days < 30:
            self.stderr.write("Refusing to keep less than 30 days of audit history.")
            return
        self.stdout.write(f"Deleted {prune(days)} audit entries older than {days} days.")
