from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry
from strawberry import Info, relay

from marketplace.errors import NotFound
from marketplace.jobs.models import Job
from marketplace.visibility import visible_jobs
from realtime.events import job_group

from ..ids import decode
from ..live import fresh_viewer, in_thread, listen
from .types import JobType


def job_for_viewer(info: Info, job_id: int) -> Job:
    """The job if the viewer (re-checked) is still one of its parties or an admin; NotFound otherwise."""
    job = visible_jobs(Job.objects.select_related("request"), fresh_viewer(info)).filter(pk=job_id).first()
    if job is None:
        raise NotFound("job")
    return job


@strawberry.type(description="One state change of a job (the first one sent is the job's state when subscribing).")
class JobUpdate:
    status: str = strawberry.field(description="The state the job entered with this change.")
    job: JobType = strawberry.field(description="The job as it is when the update is delivered (may be further along).")


@strawberry.type
class JobSubscription:
    @strawberry.subscription(
        description="The job's state now, then every state change. Only its customer, its provider and "
        "admins; ends with NOT_FOUND if the viewer loses access."
    )
    async def job_updates(self, info: Info, job_id: relay.GlobalID) -> AsyncGenerator[JobUpdate, None]:
        pk = decode(job_id, "Job")
        async with listen(info, job_group(pk)) as events:
            job = await in_thread(job_for_viewer, info, pk)
            yield JobUpdate(status=job.status, job=job)
            async for event in events:
                yield JobUpdate(status=event["payload"]["status"], job=await in_thread(job_for_viewer, info, pk))
