/**
 * /app/customer/requests (`?status=OPEN` …): the customer's requests, newest first, filtered by status, paged with
 * Relay cursors ("Show more" loads the next page below the ones already shown).
 */
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";

import { QueryState } from "../../components/QueryState";
import { RequestSummaryList } from "./RequestSummaryList";
import { CustomerRequestsQuery } from "./operations";

const PAGE_SIZE = 20;

export const STATUS_TABS: readonly { status: string | null; label: string }[] = [
  { status: null, label: "All" },
  { status: "OPEN", label: "Open" },
  { status: "ASSIGNED", label: "Assigned" },
  { status: "CLOSED", label: "Completed" },
  { status: "CANCELLED", label: "Cancelled" },
  { status: "EXPIRED", label: "Expired" },
];

export function MyRequestsScreen() {
  const [params] = useSearchParams();
  const requested = params.get("status");
  const current = STATUS_TABS.find((tab) => tab.status === requested) ?? STATUS_TABS[0];
  return (
    <section className="customer-requests">
      <div className="page-heading">
        <h1>My requests</h1>
        <Link to="/app/customer/requests/new" className="button">
          New request
        </Link>
      </div>
      <nav aria-label="Filter by status" className="status-tabs">
        <ul>
          {STATUS_TABS.map((tab) => (
            <li key={tab.label}>
              <Link to={tab.status ? `/app/customer/requests?status=${tab.status}` : "/app/customer/requests"} aria-current={tab === current ? "page" : undefined} className={tab === current ? "active" : undefined}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <RequestPages key={current.label} status={current.status} label={current.label} />
    </section>
  );
}

/** One `RequestPage` per cursor: earlier pages stay (and stay live in the cache) while the next one loads. */
function RequestPages({ status, label }: { status: string | null; label: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <div data-testid="request-list">
      {cursors.map((after, index) => (
        <RequestPage
          key={after ?? "first"}
          status={status}
          after={after}
          first={index === 0}
          label={label}
          onMore={index === cursors.length - 1 ? (cursor) => setCursors([...cursors, cursor]) : undefined}
        />
      ))}
    </div>
  );
}

interface RequestPageProps {
  status: string | null;
  after: string | null;
  first: boolean;
  label: string;
  onMore?: (cursor: string) => void;
}

function RequestPage({ status, after, first, label, onMore }: RequestPageProps) {
  const [result, refetch] = useQuery({ query: CustomerRequestsQuery, variables: { status, first: PAGE_SIZE, after } });
  return (
    <QueryState result={result} retry={() => refetch({ requestPolicy: "network-only" })} loadingLabel="Loading your requests…">
      {({ serviceRequests }) => {
        const requests = serviceRequests.edges.map((edge) => edge.node);
        const { hasNextPage, endCursor } = serviceRequests.pageInfo;
        return (
          <>
            {first ? (
              <p className="subtitle" role="status">
                {serviceRequests.totalCount ?? requests.length} {label === "All" ? "" : `${label.toLowerCase()} `}request{serviceRequests.totalCount === 1 ? "" : "s"}
              </p>
            ) : null}
            {first && !requests.length ? (
              <div className="empty card">
                <p>{label === "All" ? "You have not posted a request yet." : `No ${label.toLowerCase()} requests.`}</p>
                <Link to="/app/customer/requests/new">Post your first request</Link>
              </div>
            ) : (
              <RequestSummaryList requests={requests} />
            )}
            {onMore && hasNextPage && endCursor ? (
              <button type="button" className="button button-secondary load-more" onClick={() => onMore(endCursor)}>
                Show more requests
              </button>
            ) : null}
          </>
        );
      }}
    </QueryState>
  );
}
