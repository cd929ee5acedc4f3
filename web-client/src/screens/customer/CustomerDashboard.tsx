/** /app/customer — the customer's figures (`customerDashboard`), latest requests with their bids, and quick actions. */
import { Link } from "react-router";
import { useQuery } from "urql";

import { QueryState } from "../../components/QueryState";
import { formatMoney } from "../../money/formatMoney";
import { Greeting } from "../dashboards/Greeting";
import { StatGrid } from "../dashboards/StatGrid";
import { CustomerDashboardQuery, CustomerRequestsQuery } from "./operations";
import { RequestSummaryList } from "./RequestSummaryList";

const LATEST = 5;

export function CustomerDashboard() {
  const [figures, refetchFigures] = useQuery({ query: CustomerDashboardQuery });
  const [latest, refetchLatest] = useQuery({ query: CustomerRequestsQuery, variables: { status: null, first: LATEST, after: null } });
  return (
    <section className="customer-dashboard">
      <Greeting subtitle="Here is an overview of your service requests." />
      <QueryState result={figures} retry={() => refetchFigures({ requestPolicy: "network-only" })} loadingLabel="Loading your figures…">
        {({ customerDashboard: d }) => (
          <div data-testid="customer-stats">
            <StatGrid
              stats={[
                { label: "Total requests", value: String(d.totalRequests) },
                { label: "Active", value: String(d.activeRequests) },
                { label: "Completed", value: String(d.completedRequests) },
                { label: "Spent", value: formatMoney(d.spent) },
              ]}
            />
          </div>
        )}
      </QueryState>

      <h2>Quick actions</h2>
      <ul className="actions">
        <li className="card">
          <Link to="/app/customer/requests/new" className="action-link">
            <strong>Create a new request</strong>
          </Link>
          <span>Describe the job (or snap a photo) and get bids from verified providers.</span>
        </li>
        <li className="card">
          <Link to="/app/customer/requests" className="action-link">
            <strong>Track your requests</strong>
          </Link>
          <span>See bids arrive live, accept one, pay and chat.</span>
        </li>
      </ul>

      <div className="section-heading">
        <h2>Latest requests</h2>
        <Link to="/app/customer/requests">See all</Link>
      </div>
      <QueryState result={latest} retry={() => refetchLatest({ requestPolicy: "network-only" })} loadingLabel="Loading your requests…">
        {({ serviceRequests }) =>
          serviceRequests.edges.length ? (
            <RequestSummaryList requests={serviceRequests.edges.map((edge) => edge.node)} />
          ) : (
            <p className="empty card">
              No requests yet. <Link to="/app/customer/requests/new">Post your first one</Link>: it takes a minute, or a photo.
            </p>
          )
        }
      </QueryState>
    </section>
  );
}
