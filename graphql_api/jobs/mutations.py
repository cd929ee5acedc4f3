from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay

from marketplace.jobs import services

from ..bids.mutations import JobPayload
from ..errors import attempt
from ..ids import decode
from ..permissions import IsCustomer, IsPlatformAdmin, IsProvider, IsSignedIn, require_user


def _run(info: Info, job_id: relay.GlobalID, action) -> JobPayload:
    user = require_user(info)
    return attempt(JobPayload, lambda: JobPayload(job=action(decode(job_id, "Job"), user)))


@strawberry.type
class JobMutation:
    @strawberry_django.mutation(extensions=[IsProvider()])
    def start_job(self, info: Info, job_id: relay.GlobalID) -> JobPayload:
        return _run(info, job_id, lambda pk, user: services.start_job(pk, by=user))

    @strawberry_django.mutation(extensions=[IsProvider()])
    def mark_job_delivered(self, info: Info, job_id: relay.GlobalID) -> JobPayload:
        return _run(info, job_id, lambda pk, user: services.mark_delivered(pk, by=user))

    @strawberry_django.mutation(extensions=[IsCustomer()])
    def confirm_job_completion(self, info: Info, job_id: relay.GlobalID) -> JobPayload:
        return _run(info, job_id, lambda pk, user: services.confirm_completion(pk, by=user))

    @strawberry_django.mutation(extensions=[IsSignedIn()])
    def cancel_job(self, info: Info, job_id: relay.GlobalID, reason: str = "") -> JobPayload:
        return _run(info, job_id, lambda pk, user: services.cancel_job(pk, by=user, reason=reason))

    @strawberry_django.mutation(extensions=[IsCustomer()])
    def open_dispute(self, info: Info, job_id: relay.GlobalID, reason: str) -> JobPayload:
        return _run(info, job_id, lambda pk, user: services.open_dispute(pk, by=user, reason=reason))

    @strawberry_django.mutation(extensions=[IsPlatformAdmin()])
    def resolve_dispute(
        self, info: Info, job_id: relay.GlobalID, resolution: str, provider_share_percent: int | None = None, note: str = ""
    ) -> JobPayload:
        """RELEASE (all to the provider), REFUND (all to the customer) or SPLIT (provider gets `providerSharePercent`)."""
        return _run(
            info,
            job_id,
            lambda pk, user: services.resolve_dispute(
                pk, by=user, resolution=resolution, provider_share_percent=provider_share_percent, note=note
            ),
        )
