from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms import demo as cms_demo
from marketplace import demo as marketplace_demo


class Command(BaseCommand):
    help = "Load the demo accounts and content (idempotent). Refused unless DEBUG is on or --force is given."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even with DEBUG off (never on a real deployment).")

    @transaction.atomic
    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Demo data has well-known passwords; it is loaded only in development.")
        users = marketplace_demo.load_accounts()
        categories = cms_demo.load_categories()
        cms_demo.load_content()
        activity = marketplace_demo.load_activity()
        self.stdout.write(f"Demo data ready: {len(users)} accounts, {len(categories)} categories.")
        if activity:
            self.stdout.write("Demo marketplace: open requests with bids, jobs under way, a reviewed job and a dispute.")
        self.stdout.write(f"Demo logins (password {marketplace_demo.DEMO_PASSWORD}):")
        for email, role, *_ in marketplace_demo.ACCOUNTS:
            self.stdout.write(f"  {role:<9} {email}")
