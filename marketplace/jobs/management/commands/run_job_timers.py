from django.core.management.base import BaseCommand

from marketplace.jobs.timers import run_due_timers


class Command(BaseCommand):
    help = "Expire unpaid jobs and auto-release delivered jobs that are due (idempotent; safe to run from cron)."

    def handle(self, *args, **options):
        result = run_due_timers()
        self.stdout.write(f"expired {result['expired']} unpaid jobs, auto-released {result['released']} delivered jobs")
