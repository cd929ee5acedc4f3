"""Re-encrypt every vault key with the first AI_VAULT_KEY (step two of rotating the vault key)."""

from django.core.management.base import BaseCommand

from marketplace.ai.vault import reencrypt_vault


class Command(BaseCommand):
    help = "Re-encrypt all Gemini API keys with the first key in AI_VAULT_KEY; then the old key may be removed."

    def handle(self, *args, **options):
        count = reencrypt_vault()
        self.stdout.write(f"Re-encrypted {count} key(s).")
