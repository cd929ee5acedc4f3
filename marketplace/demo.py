"""Demo accounts for `make run`: idempotent, refused outside development."""

from __future__ import annotations

from django.utils import timezone

from marketplace.accounts.models import Role, User
from marketplace.providers.models import ProviderProfile, VerificationStatus

DEMO_PASSWORD = "serveflow-demo-2026"

ACCOUNTS = [
    ("admin@serveflow.local", Role.ADMIN, "Ada", "Admin", None),
    ("customer1@serveflow.local", Role.CUSTOMER, "Sara", "Khan", None),
    ("customer2@serveflow.local", Role.CUSTOMER, "Omar", "Farooq", None),
    ("provider1@serveflow.local", Role.PROVIDER, "Bilal", "Plumber", VerificationStatus.APPROVED),
    ("provider2@serveflow.local", Role.PROVIDER, "Nadia", "Sparks", VerificationStatus.APPROVED),
    ("provider3@serveflow.local", Role.PROVIDER, "Hamza", "Newcomer", VerificationStatus.PENDING),
]


def load_accounts() -> list[User]:
    users = []
    for email, role, first, last, status in ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            fields = {"first_name": first, "last_name": last, "email_verified_at": timezone.now()}
            if role == Role.ADMIN:
                user = User.objects.create_superuser(email=email, password=DEMO_PASSWORD, **fields)
            else:
                user = User.objects.create_user(email=email, password=DEMO_PASSWORD, role=role, **fields)
        if role == Role.PROVIDER:
            ProviderProfile.objects.get_or_create(user=user, defaults={"status": status, "city": "Lahore"})
        users.append(user)
    return users
