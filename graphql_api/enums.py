"""GraphQL enums built from the domain's TextChoices (one definition of each closed set)."""

from __future__ import annotations

import strawberry

from marketplace.accounts.models import Role
from marketplace.providers.models import VerificationStatus
from marketplace.service_requests.models import RequestStatus

RoleEnum = strawberry.enum(
    Role,
    name="Role",
    description="A user's role: CUSTOMER posts requests, PROVIDER bids and works, ADMIN runs the platform.",
)
VerificationStatusEnum = strawberry.enum(
    VerificationStatus,
    name="VerificationStatus",
    description="A provider's verification: PENDING until an admin APPROVES (matched, may bid) or REJECTS it.",
)
RequestStatusEnum = strawberry.enum(
    RequestStatus,
    name="RequestStatus",
    description="A service request's life: OPEN for bids/offers, ASSIGNED to a job, CLOSED when done, CANCELLED or EXPIRED.",
)
