"""The embedded default's scheduler: `bin/serve` runs it beside the web server and the task worker.

Every `--interval` seconds it runs what a deployment schedules separately (docs/operations.md): Wagtail's
scheduled publishing (pages, categories and themes whose go-live time has come) and the job-timer sweep (the
backstop for the deferred expiry and auto-release tasks). A failing run is logged and the clock goes on.
"""

import io
import logging
import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

log = logging.getLogger(__name__)

SCHEDULE = ("publish_scheduled", "run_job_timers")


class Command(BaseCommand):
    help = "Run scheduled publishing and the job timers every --interval seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0, help="Seconds between runs (default 60).")
        parser.add_argument("--once", action="store_true", help="Run the schedule once and exit.")

    def handle(self, *args, interval: float, once: bool, **options):
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
        while not stopping:
            started = time.monotonic()
            for command in SCHEDULE:
                try:
                    call_command(command, stdout=self.stdout if options["verbosity"] > 1 else io.StringIO())
                except Exception:  # one broken run must not stop the clock
                    log.exception("scheduled %s failed", command)
                finally:
                    close_old_connections()
            if once:
                return
            # Sleep in short steps so SIGTERM ends the clock at once.
            while not stopping and time.monotonic() - started < interval:
                time.sleep(min(0.2, interval))
