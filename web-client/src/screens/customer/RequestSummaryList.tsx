/** Requests as a list of cards: title (to the request), status, category, bids, date, and the job when there is one. */
import { Link } from "react-router";

import { MoneyText } from "../../components/MoneyText";
import { StatusBadge, statusLabel } from "../../components/StatusBadge";
import { formatDate } from "../../components/dates";
import type { CustomerRequestSummaryFragment } from "../../gql/graphql";

export function RequestSummaryList({ requests }: { requests: readonly CustomerRequestSummaryFragment[] }) {
  return (
    <ul className="request-list">
      {requests.map((request) => (
        <li key={request.id} className="card request-item" data-testid="request-item" data-request-id={request.id} data-status={request.status}>
          <div className="request-item-title">
            <Link to={`/app/customer/requests/${encodeURIComponent(request.id)}`}>{request.title}</Link>
            <StatusBadge status={request.status} />
          </div>
          <p className="request-item-meta">
            <span>{request.category.name}</span>
            <span data-testid="bid-count">
              {request.mode === "FIXED_OFFER" ? (
                <>
                  Fixed offer <MoneyText money={request.offer} />
                </>
              ) : (
                `${request.bidCount} bid${request.bidCount === 1 ? "" : "s"}`
              )}
            </span>
            <span>Posted {formatDate(request.createdAt)}</span>
            {request.job ? (
              <Link to={`/app/jobs/${encodeURIComponent(request.job.id)}`}>Job: {statusLabel(request.job.status)}</Link>
            ) : null}
          </p>
        </li>
      ))}
    </ul>
  );
}
