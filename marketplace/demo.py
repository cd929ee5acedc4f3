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


# Demo activity, so every screen has something to show on the first `make run`: open requests with bids, jobs in
# progress, a completed and reviewed job (a payment, invoices, revenue, earnings) and a dispute for the admin.
PROVIDER_PROFILES = {
    "provider1@serveflow.local": ("Licensed plumber, 12 years fixing leaks, drains and water heaters.", ["plumbing", "carpentry"]),
    "provider2@serveflow.local": ("Electrician: wiring, lights, fans and breaker boxes. Safety first.", ["electrical", "painting"]),
    "provider3@serveflow.local": ("Cleaner with my own equipment; deep cleans and move-outs.", ["cleaning"]),
}


def load_activity() -> bool:
    """Requests, bids, jobs, payments, chat, a review and a dispute, made through the services as users would.
    Only on an empty marketplace and with the offline gateway (no money moves anywhere). Returns whether it ran."""
    from marketplace.bids import services as bids
    from marketplace.chat import services as chat
    from marketplace.jobs import acceptance
    from marketplace.jobs import services as jobs
    from marketplace.payments import services as payments
    from marketplace.payments.gateways import OfflineGateway, active_gateway
    from marketplace.providers import services as providers
    from marketplace.reviews import services as reviews
    from marketplace.service_requests import services as requests
    from marketplace.service_requests.models import ServiceRequest

    if ServiceRequest.objects.exists() or not isinstance(active_gateway(), OfflineGateway):
        return False
    user = {email.split("@")[0]: User.objects.get(email=email) for email, *_ in ACCOUNTS}
    for email, (bio, slugs) in PROVIDER_PROFILES.items():
        providers.update_profile(User.objects.get(email=email), bio=bio, city="Lahore", category_slugs=slugs)
    sara, omar, bilal, nadia = user["customer1"], user["customer2"], user["provider1"], user["provider2"]

    def request(customer, slug, title, description, **fields):
        return requests.create_request(customer, category_slug=slug, title=title, description=description, city="Lahore", **fields)

    def paid_job(customer, provider, req, amount, message):
        bid = bids.place_bid(provider, req.pk, amount=amount, message=message, estimated_hours=3)
        job = acceptance.accept_bid(customer, bid.pk)
        payments.create_job_payment(job.pk, by=customer)
        return job

    # Sara: a finished, reviewed job; an open request with a bid; a job under way with a conversation.
    tap = request(sara, "plumbing", "Replace the bathroom tap", "The old mixer tap drips and the handle is loose.", budget_amount=12_000)
    done = paid_job(sara, bilal, tap, 11_000, "I have a matching mixer in the van.")
    jobs.start_job(done.pk, by=bilal)
    jobs.mark_delivered(done.pk, by=bilal)
    jobs.confirm_completion(done.pk, by=sara)
    reviews.submit_review(sara, done.pk, rating=5, comment="On time, tidy, and the tap works perfectly.")
    reviews.submit_review(bilal, done.pk, rating=5, comment="Clear instructions and easy access. Thank you!")

    sink = request(
        sara, "plumbing", "Kitchen sink leaking", "Water drips from the trap under the sink all day.", urgency="HIGH", budget_amount=8_000
    )
    bids.place_bid(bilal, sink.pk, amount=7_500, message="Can come this afternoon; trap seals in stock.", estimated_hours=2)

    fan = request(sara, "electrical", "Ceiling fan wobbles and hums", "Living room fan shakes at high speed.", budget_amount=6_000)
    wiring = paid_job(sara, nadia, fan, 5_500, "Probably the mounting bracket; I'll bring a new one.")
    jobs.start_job(wiring.pk, by=nadia)
    chat.send_message(wiring.pk, by=nadia, body="I'm on my way, about 20 minutes.")
    chat.send_message(wiring.pk, by=sara, body="Great, the gate code is 4512.")

    # Omar: an open emergency in the plumbers' feed with no bids yet; a delivered job he disputes.
    request(omar, "plumbing", "Water heater not heating", "No hot water since this morning; the pilot light is out.", urgency="EMERGENCY")
    shelf = request(omar, "carpentry", "Fix a sagging wardrobe shelf", "The middle shelf bends under folded clothes.", budget_amount=4_000)
    disputed = paid_job(omar, bilal, shelf, 4_000, "A bracket and a new shelf board will sort it.")
    jobs.start_job(disputed.pk, by=bilal)
    jobs.mark_delivered(disputed.pk, by=bilal)
    chat.send_message(disputed.pk, by=omar, body="The shelf still bends; only one bracket was added.")
    jobs.open_dispute(disputed.pk, by=omar, reason="The shelf still sags: the fix was half done.")
    return True
