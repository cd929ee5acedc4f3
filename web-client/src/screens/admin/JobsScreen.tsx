/**
 * /app/admin/jobs: every job by status, disputes first. Tabs live in the URL (`?tab=disputed`); a job whose status
 * changes (a dispute resolved here, or elsewhere and refetched) leaves its tab at once, and a newly opened dispute
 * arrives through the admin's notifications without a reload.
 */
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";

import { formatDate } from "../../components/dates";
import { MoneyText } from "../../components/MoneyText";
import { QueryState } from "../../components/QueryState";
import { StatusBadge } from "../../components/StatusBadge";
import { graphql } from "../../gql";
import type { AdminJobRowFragment } from "../../gql/graphql";
import { JOB_TABS, inTab, mergeNewestFirst, tabFor, type JobTab } from "./jobTabs";
import { useAdminNotifications } from "./useAdminNotifications";

const PAGE = 25;

export const AdminJobRow = graphql(`
  fragment AdminJobRow on Job {
    id
    status
    createdAt
    deliveredAt
    completedAt
    cancelledAt
    customerName
    amount {
      ...MoneyFields
    }
    provider {
      id
      displayName
    }
    request {
      id
      title
    }
    dispute {
      openedAt
      resolvedAt
    }
  }
`);

// A tab covers at most two statuses: one query, the second list only when the tab needs it.
const AdminJobsQuery = graphql(`
  query AdminJobs($first: Int!, $status: String, $otherStatus: String, $withOther: Boolean!) {
    jobs(status: $status, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...AdminJobRow
        }
      }
    }
    other: jobs(status: $otherStatus, first: $first) @include(if: $withOther) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...AdminJobRow
        }
      }
    }
  }
`);

export function JobsScreen() {
  const [search] = useSearchParams();
  const tab = tabFor(search.get("tab"));
  return (
    <section className="admin-screen">
      <h1>Jobs &amp; disputes</h1>
      <p className="subtitle">Every job on the platform. Open a dispute to read the AI briefing and resolve it.</p>
      <nav aria-label="Job status" className="tabs">
        <ul>
          {JOB_TABS.map((item) => (
            <li key={item.slug}>
              <Link to={item.slug === JOB_TABS[0].slug ? "/app/admin/jobs" : `/app/admin/jobs?tab=${item.slug}`} aria-current={item.slug === tab.slug ? "page" : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Keyed by tab: another tab starts again from its first page. */}
      <JobList key={tab.slug} tab={tab} />
    </section>
  );
}

function JobList({ tab }: { tab: JobTab }) {
  const [first, setFirst] = useState(PAGE);
  const [status = null, otherStatus = null] = tab.statuses;
  const [result, reexecute] = useQuery({
    query: AdminJobsQuery,
    variables: { first, status, otherStatus, withOther: otherStatus !== null },
  });
  const refresh = () => reexecute({ requestPolicy: "network-only" });
  useAdminNotifications((notification) => {
    if (notification.kind === "DISPUTE_OPENED" || notification.targetType === "jobs.job") refresh();
  });

  return (
    <QueryState result={result} retry={refresh} loadingLabel="Loading jobs…">
      {(data) => {
        const lists = [data.jobs, data.other].filter((list) => list != null);
        const jobs = mergeNewestFirst(
          lists.map((list) => list.edges.map((edge) => edge.node)),
          first,
        ).filter((job) => inTab(tab, job.status));
        const more = lists.some((list) => list.pageInfo.hasNextPage);
        const total = lists.reduce((sum, list) => sum + (list.totalCount ?? 0), 0);
        if (!jobs.length) {
          return (
            <p className="empty card" data-testid="jobs-empty">
              {tab.slug === "disputed" ? "No open disputes." : `No ${tab.label.toLowerCase()} jobs.`}
            </p>
          );
        }
        return (
          <>
            <p className="count">
              {jobs.length} of {total} {tab.slug === "all" ? "jobs" : tab.label.toLowerCase()}
            </p>
            <JobsTable jobs={jobs} caption={`${tab.label} jobs`} />
            {more ? (
              <button type="button" className="button button-secondary" disabled={result.fetching} onClick={() => setFirst(first + PAGE)}>
                {result.fetching ? "Loading…" : "Load more"}
              </button>
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}

function JobsTable({ jobs, caption }: { jobs: AdminJobRowFragment[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table className="data stack-narrow jobs-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Customer</th>
            <th scope="col">Provider</th>
            <th scope="col" className="numeric">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Dates</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-testid="admin-job-row" data-status={job.status}>
              <th scope="row" data-label="Request">
                <Link to={`/app/jobs/${encodeURIComponent(job.id)}`}>{job.request.title}</Link>
              </th>
              <td data-label="Customer">{job.customerName || "—"}</td>
              <td data-label="Provider">{job.provider.displayName || "—"}</td>
              <td data-label="Amount" className="numeric">
                <MoneyText money={job.amount} />
              </td>
              <td data-label="Status">
                <StatusBadge status={job.status} />
              </td>
              <td data-label="Dates">
                <JobDates job={job} />
              </td>
              <td data-label="Actions">
                <Link
                  className="button button-small"
                  to={`/app/admin/jobs/${encodeURIComponent(job.id)}`}
                  aria-label={`${job.status === "DISPUTED" ? "Resolve" : "Manage"}: ${job.request.title}`}
                >
                  {job.status === "DISPUTED" ? "Resolve" : "Manage"}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function JobDates({ job }: { job: AdminJobRowFragment }) {
  const lines: [string, string | null | undefined][] = [
    ["Created", job.createdAt],
    ["Delivered", job.deliveredAt],
    ["Disputed", job.dispute?.openedAt],
    ["Completed", job.completedAt],
    ["Cancelled", job.cancelledAt],
  ];
  return (
    <ul className="job-dates">
      {lines
        .filter(([, at]) => at)
        .map(([label, at]) => (
          <li key={label}>
            {label} <time dateTime={at!}>{formatDate(at)}</time>
          </li>
        ))}
    </ul>
  );
}
