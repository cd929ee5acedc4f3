/**
 * /app/admin/jobs/:id: one job for the admin. A dispute shows its reason, the AI briefing (advice only; whether the
 * model or the local fallback wrote it) and the resolution form; a job with money held can be refunded in part or
 * in full. The job stays live through `jobUpdates`; a briefing still being written is polled for.
 */
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery, useSubscription } from "urql";

import { formatDateTime } from "../../components/dates";
import { MoneyText } from "../../components/MoneyText";
import { QueryState } from "../../components/QueryState";
import { StatusBadge, statusLabel } from "../../components/StatusBadge";
import { graphql } from "../../gql";
import type { AdminJobQuery } from "../../gql/graphql";
import { DisputeResolutionForm } from "./DisputeResolutionForm";
import { RefundForm } from "./RefundForm";

export const AdminJobQueryDoc = graphql(`
  query AdminJob($id: ID!) {
    job(id: $id) {
      ...AdminJobRow
      paidAt
      startedAt
      request {
        id
        title
        city
        category {
          id
          name
        }
      }
      transitions {
        ...JobTransitionFields
      }
      dispute {
        ...DisputeFields
      }
    }
    site {
      commissionRateBps
      taxRateBps
    }
  }
`);

const AdminJobUpdates = graphql(`
  subscription AdminJobUpdates($jobId: ID!) {
    jobUpdates(jobId: $jobId) {
      status
      job {
        ...AdminJobRow
        paidAt
        startedAt
      }
    }
  }
`);

export type AdminJob = NonNullable<AdminJobQuery["job"]>;

/** Statuses in which money is held for the job, so an admin may refund (payments.services.HELD_STATUSES). */
const HELD_STATUSES = ["ACCEPTED", "STARTED", "DELIVERED", "DISPUTED"];
const ANALYSIS_POLL_MS = 4000;

const SUGGESTIONS: Record<string, string> = {
  RELEASE: "Release the payment to the provider",
  REFUND: "Refund the customer",
  SPLIT: "Split between customer and provider",
  NEEDS_REVIEW: "No suggestion: needs your review",
};

const RESOLUTIONS: Record<string, string> = { RELEASE: "Released to the provider", REFUND: "Refunded to the customer", SPLIT: "Split" };

export function JobAdminScreen() {
  const { id = "" } = useParams();
  const [result, reexecute] = useQuery({ query: AdminJobQueryDoc, variables: { id } });
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  // The job's state changes arrive here (and update the cache); the result itself is not needed.
  useSubscription({ query: AdminJobUpdates, variables: { jobId: id }, pause: !id });
  // Refunds made on this page since it loaded: the split preview divides only what is still held.
  const [refundedHere, setRefundedHere] = useState(0);

  const job = result.data?.job;
  const awaitingAnalysis = job?.status === "DISPUTED" && job.dispute && !job.dispute.analysis;
  useEffect(() => {
    if (!awaitingAnalysis) return;
    const timer = setInterval(() => reexecute({ requestPolicy: "network-only" }), ANALYSIS_POLL_MS);
    return () => clearInterval(timer);
  }, [awaitingAnalysis, reexecute]);

  return (
    <section className="admin-screen">
      <p className="breadcrumb">
        <Link to="/app/admin/jobs">← Jobs &amp; disputes</Link>
      </p>
      {/* One heading in every state: the request's title, or what is known while loading or on error. */}
      <h1>{job ? job.request.title : result.data ? "Job not found" : "Job"}</h1>
      <QueryState result={result} retry={refresh} loadingLabel="Loading the job…">
        {({ job, site }) =>
          job ? (
            <JobDetail job={job} terms={site} refundedHere={refundedHere} onRefunded={(amount) => setRefundedHere((sum) => sum + amount)} />
          ) : (
            <p>It may have been removed, or the link is wrong.</p>
          )
        }
      </QueryState>
    </section>
  );
}

interface JobDetailProps {
  job: AdminJob;
  terms: { commissionRateBps: number; taxRateBps: number } | null | undefined;
  refundedHere: number;
  onRefunded: (amount: number) => void;
}

function JobDetail({ job, terms, refundedHere, onRefunded }: JobDetailProps) {
  const dispute = job.dispute;
  return (
    <>
      <dl className="details card job-summary" data-testid="admin-job-summary">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={job.status} />
        </dd>
        <dt>Amount</dt>
        <dd>
          <MoneyText money={job.amount} /> <span className="muted">subtotal, before tax</span>
        </dd>
        <dt>Customer</dt>
        <dd>{job.customerName || "—"}</dd>
        <dt>Provider</dt>
        <dd>{job.provider.displayName || "—"}</dd>
        <dt>Category</dt>
        <dd>
          {job.request.category.name}
          {job.request.city ? `, ${job.request.city}` : ""}
        </dd>
        <dt>Created</dt>
        <dd>{formatDateTime(job.createdAt)}</dd>
        {job.paidAt ? (
          <>
            <dt>Paid</dt>
            <dd>{formatDateTime(job.paidAt)}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/app/jobs/${encodeURIComponent(job.id)}`}>Open the job page (chat and history)</Link>
      </p>

      {dispute ? (
        <>
          <h2>Dispute</h2>
          <div className="card dispute" data-testid="dispute">
            <p className="muted">Opened by the customer {formatDateTime(dispute.openedAt)}</p>
            <blockquote className="dispute-reason">{dispute.reason}</blockquote>
          </div>

          <h2>AI briefing</h2>
          {dispute.analysis ? (
            <div className="card analysis" data-testid="dispute-analysis" data-source={dispute.analysis.source}>
              <p>
                {dispute.analysis.source === "GEMINI" ? (
                  <span className="tag tag-info">Written by Gemini</span>
                ) : (
                  <span className="tag tag-warning">Local fallback: no AI model answered</span>
                )}{" "}
                <span className="muted">{formatDateTime(dispute.analysis.analysedAt)}</span>
              </p>
              <h3>Summary</h3>
              <p className="prewrap">{dispute.analysis.summary}</p>
              <h3>Suggestion</h3>
              <p data-testid="analysis-suggestion">
                {SUGGESTIONS[dispute.analysis.suggestedResolution] ?? statusLabel(dispute.analysis.suggestedResolution)}
                {dispute.analysis.customerSharePercent != null ? ` (customer gets ${dispute.analysis.customerSharePercent}% back)` : ""}
              </p>
              <h3>Why</h3>
              <p className="prewrap">{dispute.analysis.rationale}</p>
              <p className="muted">Advice only: nothing happens until you resolve the dispute.</p>
            </div>
          ) : dispute.resolvedAt ? (
            <p className="empty">No briefing was written before the dispute was resolved.</p>
          ) : (
            <p className="card" role="status" data-testid="analysis-pending">
              The briefing is being prepared from the request, the dispute and the chat. It appears here when ready.
            </p>
          )}

          {dispute.resolvedAt ? (
            <div className="alert alert-success" role="status" data-testid="dispute-resolved">
              <p>
                <strong>{RESOLUTIONS[dispute.resolution] ?? dispute.resolution}</strong>
                {dispute.resolution === "SPLIT" && dispute.providerSharePercent != null
                  ? `: ${dispute.providerSharePercent}% to the provider, the rest refunded`
                  : ""}{" "}
                on {formatDateTime(dispute.resolvedAt)}.
              </p>
              {dispute.resolutionNote ? <p>Note: {dispute.resolutionNote}</p> : null}
            </div>
          ) : job.status === "DISPUTED" ? (
            terms ? (
              <DisputeResolutionForm job={job} terms={terms} refundedHere={refundedHere} />
            ) : (
              <p className="alert alert-error" role="alert">
                The platform's rates could not be read, so the resolution cannot be previewed.
              </p>
            )
          ) : null}
        </>
      ) : null}

      {HELD_STATUSES.includes(job.status) ? <RefundForm job={job} onRefunded={onRefunded} /> : null}

      <h2>History</h2>
      <ol className="timeline">
        {job.transitions.map((step, index) => (
          <li key={`${step.at}-${index}`}>
            <time dateTime={step.at}>{formatDateTime(step.at)}</time>: {statusLabel(step.fromStatus)} → {statusLabel(step.toStatus)}
            <span className="muted"> by {step.actor.toLowerCase()}</span>
            {step.note ? <span className="timeline-note">“{step.note}”</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
