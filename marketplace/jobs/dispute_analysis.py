"""The admin's AI briefing on a dispute: gathered after the dispute commits, written back on the dispute row."""

from __future__ import annotations

from django.utils import timezone

from marketplace.ai.disputes import ChatLine, DisputeFacts, summarize_dispute
from marketplace.background import durable_task
from realtime.events import JobChanged, announce

from .models import Dispute


def gather_facts(dispute: Dispute) -> DisputeFacts:
    """Plain facts only; everything the parties wrote is passed as untrusted evidence."""
    job = dispute.job
    return DisputeFacts(
        request_title=job.request.title,
        request_description=job.request.description,
        dispute_reason=dispute.reason,
        chat=[ChatLine(author=author, text=text, sent_at=at) for author, text, at in chat_lines(job)],
        evidence_notes=[f"{t.from_status} → {t.to_status} at {t.at:%Y-%m-%d %H:%M} {t.note}".strip() for t in job.transitions.all()],
    )


def chat_lines(job) -> list[tuple[str, str, object]]:
    """(role, text, time) of the job's chat: the latest 200 messages, oldest first."""
    roles = {job.customer_id: "customer", job.provider_id: "provider"}
    latest = reversed(job.messages.order_by("-id")[:200])
    return [(roles.get(m.sender_id, "admin"), m.body, m.created_at) for m in latest]


@durable_task(max_attempts=3, backoff_seconds=120)
def analyse_dispute(dispute_id: int) -> None:
    """Ask the model (or the local digest) for a neutral summary. Never changes the job or the money."""
    dispute = Dispute.objects.select_related("job__request").filter(pk=dispute_id).first()
    if dispute is None or dispute.resolved_at is not None:
        return
    result = summarize_dispute(gather_facts(dispute))
    Dispute.objects.filter(pk=dispute_id).update(
        analysis_summary=result.summary,
        analysis_suggestion=result.suggested_resolution,
        analysis_customer_share_percent=result.customer_share_percent,
        analysis_rationale=result.rationale,
        analysis_source=result.source,
        analysed_at=timezone.now(),
    )
    # Open job pages (the admin's dispute view) re-read the job and show the briefing without a reload.
    announce(JobChanged(job_id=dispute.job_id, status=dispute.job.status))
