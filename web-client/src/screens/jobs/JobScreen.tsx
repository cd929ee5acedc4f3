/**
 * /app/jobs/:id — one job for its customer, its provider or an admin: what was agreed, the timeline (live through
 * `jobUpdates`, which refreshes the normalized Job in the cache), what the viewer may do now, and the chat.
 */
import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery, useSubscription } from "urql";

import { useAuth } from "../../auth/AuthProvider";
import { MoneyText } from "../../components/MoneyText";
import { QueryState } from "../../components/QueryState";
import { formatDate, formatDateTime } from "../../components/dates";
import type { JobFieldsFragment } from "../../gql/graphql";
import { useSite } from "../../theme/ThemeProvider";
import type { Role } from "../shell/navigation";
import { Chat } from "./chat/Chat";
import { DisputeDetails, Reviews } from "./JobDetails";
import { JobActions } from "./JobActions";
import { JobStatusBadge, jobStatusLabel } from "./JobStatusBadge";
import { JobPageQuery, JobUpdatesSubscription } from "./operations";
import { Timeline } from "./Timeline";
import { buildTimeline } from "./timeline";

const BACK: Record<Role, { to: string; label: string }> = {
  CUSTOMER: { to: "/app/customer/requests", label: "My requests" },
  PROVIDER: { to: "/app/provider/missions", label: "Missions" },
  ADMIN: { to: "/app/admin/jobs", label: "Jobs & disputes" },
};

export function JobScreen() {
  const { id = "" } = useParams();
  const { user } = useAuth();
  const [result, reexecute] = useQuery({ query: JobPageQuery, variables: { id } });
  // Each update carries the whole job; the cache merges it into the query above.
  const [updates] = useSubscription({ query: JobUpdatesSubscription, variables: { jobId: id }, pause: !result.data?.job });

  if (!user) return null;
  const back = BACK[user.role];
  const notFound = (
    <section className="page-status">
      <h1>Job not found</h1>
      <p>This job does not exist, or it is not one of yours.</p>
      <p>
        <Link to={back.to}>Back to {back.label}</Link>
      </p>
    </section>
  );
  // A malformed id is answered with NOT_FOUND, a job the viewer may not see with null: the same page for both.
  if (!result.data && result.error?.graphQLErrors.some((error) => error.extensions?.code === "NOT_FOUND")) return notFound;
  return (
    <QueryState result={result} retry={() => reexecute({ requestPolicy: "network-only" })} loadingLabel="Loading the job…">
      {(data) =>
        data.job ? (
          <JobPage
            job={data.job}
            role={user.role}
            gateway={data.paymentGateway}
            taxRateBps={data.site?.taxRateBps ?? 0}
            autoReleaseHours={data.site?.autoReleaseHours ?? 72}
            live={!!updates.data}
            refresh={() => reexecute({ requestPolicy: "network-only" })}
          />
        ) : (
          notFound
        )
      }
    </QueryState>
  );
}

interface JobPageProps {
  job: JobFieldsFragment;
  role: Role;
  gateway: { name: string; live: boolean; publishableKey: string };
  taxRateBps: number;
  autoReleaseHours: number;
  /** Whether `jobUpdates` has delivered its first event (the page is receiving live changes). */
  live: boolean;
  refresh: () => void;
}

function JobPage({ job, role, gateway, taxRateBps, autoReleaseHours, live, refresh }: JobPageProps) {
  const site = useSite();
  const back = BACK[role];
  const steps = buildTimeline(job);
  const [notice, setNotice] = useState("");
  const announcement = useStatusAnnouncement(job.status);

  const chatReadOnly =
    role === "ADMIN" ? "Admins read this conversation; only the customer and the provider write in it." : "This job was cancelled; its chat is read-only.";
  const canWrite = role !== "ADMIN" && job.status !== "CANCELLED";

  return (
    <article className="job-page" data-testid="job-page" data-status={job.status} data-live={live}>
      <p className="job-back">
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <header className="job-header">
        <h1>{job.request.title}</h1>
        <JobStatusBadge status={job.status} />
      </header>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="job-announcement">
        {announcement}
      </p>
      {notice ? (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      ) : null}
      {role === "ADMIN" ? <AdminNote job={job} /> : null}

      <div className="job-layout">
        <div className="job-main">
          <section className="card" aria-labelledby="job-summary-title">
            <h2 id="job-summary-title">Summary</h2>
            <JobSummary job={job} role={role} />
          </section>

          <section className="card" aria-labelledby="job-timeline-title">
            <h2 id="job-timeline-title">Progress</h2>
            <Timeline steps={steps} viewer={role} platformName={site.platformName} />
            {job.status === "DELIVERED" && job.autoReleaseAt ? (
              <p className="alert alert-info" data-testid="auto-release">
                {role === "CUSTOMER" ? "Unless you confirm or open a dispute first, the" : "The"} payment is released to the provider automatically on{" "}
                <time dateTime={job.autoReleaseAt}>{formatDateTime(job.autoReleaseAt)}</time>.
              </p>
            ) : null}
            {job.status === "CANCELLED" && job.cancellationReason ? <p className="subtitle">Reason: {job.cancellationReason}</p> : null}
          </section>

          <JobActions
            job={job}
            role={role}
            gateway={gateway}
            taxRateBps={taxRateBps}
            autoReleaseHours={autoReleaseHours}
            onReviewed={() => {
              setNotice("Thank you: your review is published.");
              refresh();
            }}
          />
          {job.dispute ? <DisputeDetails dispute={job.dispute} /> : null}
          <Reviews reviews={job.reviews} />
        </div>
        <Chat key={job.id} jobId={job.id} canWrite={canWrite} readOnlyNote={chatReadOnly} />
      </div>
    </article>
  );
}

/** A polite announcement whenever the status changes while the page is open (live update or own action). */
function useStatusAnnouncement(status: string): string {
  const previous = useRef(status);
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    if (previous.current !== status) setAnnouncement(`Job status: ${jobStatusLabel(status)}`);
    previous.current = status;
  }, [status]);
  return announcement;
}

function JobSummary({ job, role }: { job: JobFieldsFragment; role: Role }) {
  const { request, provider } = job;
  return (
    <>
      <dl className="details job-summary">
        <dt>Amount</dt>
        <dd>
          <MoneyText money={job.amount} className="job-amount" />
          {job.status === "PENDING_PAYMENT" ? <span className="subtitle"> + tax at payment</span> : null}
        </dd>
        {role !== "CUSTOMER" ? (
          <>
            <dt>Customer</dt>
            <dd data-testid="job-customer">{job.customerName}</dd>
          </>
        ) : null}
        {role !== "PROVIDER" ? (
          <>
            <dt>Provider</dt>
            <dd data-testid="job-provider">
              {provider.displayName}
              {provider.verified ? <span className="tag tag-success">verified</span> : null}
              <span className="subtitle">
                {" "}
                {provider.rating != null ? `★ ${provider.rating.toFixed(1)} (${provider.reviewCount} ${provider.reviewCount === 1 ? "review" : "reviews"})` : "No reviews yet"}
              </span>
            </dd>
          </>
        ) : null}
        <dt>Category</dt>
        <dd>{request.category.name}</dd>
        <dt>City</dt>
        <dd>{request.city}</dd>
        {request.address ? (
          <>
            <dt>Address</dt>
            <dd>{request.address}</dd>
          </>
        ) : null}
        <dt>Agreed</dt>
        <dd>{formatDate(job.createdAt)}</dd>
      </dl>
      {request.description ? <p className="job-description preserve-lines">{request.description}</p> : null}
      {role === "CUSTOMER" ? (
        <p>
          <Link to={`/app/customer/requests/${encodeURIComponent(request.id)}`}>View the request</Link>
        </p>
      ) : null}
    </>
  );
}

function AdminNote({ job }: { job: JobFieldsFragment }) {
  const openDispute = job.status === "DISPUTED";
  return (
    <p className="alert alert-info" data-testid="admin-note">
      You are viewing this job as an admin (read-only).{" "}
      {openDispute ? (
        <Link to={`/app/admin/jobs/${encodeURIComponent(job.id)}`}>Resolve this dispute</Link>
      ) : (
        <Link to="/app/admin/jobs">Manage jobs, disputes and refunds</Link>
      )}
      .
    </p>
  );
}
