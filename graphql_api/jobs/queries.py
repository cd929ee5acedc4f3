from __future__ import annotations

import strawberry
import strawberry_django
from strawberry import Info, relay
from strawberry_django.relay import DjangoListConnection

from marketplace.jobs.models import Job
from marketplace.visibility import visible_jobs

from ..ids import decode
from ..permissions import IsSignedIn, current_user
from .types import JobType


@strawberry.type
class JobQuery:
    @strawberry_django.connection(DjangoListConnection[JobType], extensions=[IsSignedIn()])
    def jobs(self, info: Info, status: str | None = None) -> list[Job]:
        """The signed-in user's jobs (all jobs for admins), newest first."""
        queryset = visible_jobs(Job.objects.all(), current_user(info))
        return (queryset.filter(status=status) if status else queryset).order_by("-created_at", "-id")

    @strawberry_django.field(extensions=[IsSignedIn()])
    def job(self, info: Info, id: relay.GlobalID) -> JobType | None:
        return visible_jobs(Job.objects.all(), current_user(info)).filter(pk=decode(id, "Job")).first()
