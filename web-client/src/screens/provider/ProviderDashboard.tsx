/**
 * /app/provider: the provider's figures (missions, successful ends, revenue, trust rating, success rate), the newest
 * matching open requests (live, like the feed) and the missions under way.
 */
import { Link } from "react-router";
import { useQuery } from "urql";

import { Loading, QueryState } from "../../components/QueryState";
import { formatMoney } from "../../money/formatMoney";
import { Greeting } from "../dashboards/Greeting";
import { StatGrid } from "../dashboards/StatGrid";
import { FeedItem } from "./feed/FeedItem";
import { useOpenRequestFeed } from "./feed/useOpenRequestFeed";
import { formatRate, formatRating } from "./format";
import { MissionCard } from "./missions/MissionCard";
import { ACTIVE_JOB_STATUSES } from "./missions/missionFilters";
import { MissionsQuery, ProviderDashboardQuery } from "./operations";
import { FeedLocked, useProviderStatus } from "./ProviderStatus";

const NEWEST_REQUESTS = 3;
const ACTIVE_MISSIONS = 5;

export function ProviderDashboard() {
  const [result, refetch] = useQuery({ query: ProviderDashboardQuery });
  return (
    <section>
      <Greeting subtitle="Your missions and performance." />
      <QueryState result={result} retry={() => refetch({ requestPolicy: "network-only" })} loadingLabel="Loading your figures…">
        {({ providerDashboard: d }) => (
          <div data-testid="provider-stats">
            <StatGrid
              stats={[
                { label: "Total missions", value: String(d.totalMissions) },
                { label: "Successful ends", value: String(d.successfulEnds) },
                { label: "Revenue", value: formatMoney(d.revenue) },
                { label: "Trust rating", value: formatRating(d.trustRating) },
                { label: "Success rate", value: formatRate(d.successRate) },
              ]}
            />
          </div>
        )}
      </QueryState>
      <NewestRequests />
      <ActiveMissions />
    </section>
  );
}

function NewestRequests() {
  const { result, status, approved } = useProviderStatus();
  return (
    <section aria-labelledby="newest-requests" className="dashboard-section">
      <div className="section-head">
        <h2 id="newest-requests">New matching requests</h2>
        {approved ? <Link to="/app/provider/feed">All open requests</Link> : null}
      </div>
      {!result.data ? result.error ? null : <Loading /> : approved ? <NewestRequestList /> : <FeedLocked status={status} />}
    </section>
  );
}

function NewestRequestList() {
  const feed = useOpenRequestFeed({ pageSize: 20, enabled: true });
  const newest = [...feed.state.items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, NEWEST_REQUESTS);
  return (
    <>
      <p className="visually-hidden" role="status">
        {feed.state.announcement}
      </p>
      <QueryState result={feed.result} retry={feed.retry} loadingLabel="Loading open requests…">
        {() =>
          newest.length ? (
            <ul className="feed-list compact" data-testid="dashboard-requests">
              {newest.map((request) => (
                <li key={request.id}>
                  <FeedItem request={request} currency={feed.currency} isNew={feed.state.arrivedIds.includes(request.id)} compact headingLevel={3} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">No open requests match your categories and area right now; new ones appear here as they are posted.</p>
          )
        }
      </QueryState>
    </>
  );
}

function ActiveMissions() {
  const [result, refetch] = useQuery({ query: MissionsQuery, variables: { status: null, first: 25, after: null } });
  return (
    <section aria-labelledby="active-missions" className="dashboard-section">
      <div className="section-head">
        <h2 id="active-missions">Active missions</h2>
        <Link to="/app/provider/missions">All missions</Link>
      </div>
      <QueryState result={result} retry={() => refetch({ requestPolicy: "network-only" })} loadingLabel="Loading missions…">
        {({ jobs }) => {
          const active = jobs.edges.map((edge) => edge.node).filter((job) => ACTIVE_JOB_STATUSES.has(job.status));
          return active.length ? (
            <ul className="mission-list" data-testid="dashboard-missions">
              {active.slice(0, ACTIVE_MISSIONS).map((job) => (
                <li key={job.id}>
                  <MissionCard job={job} headingLevel={3} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">No missions under way. Accepted bids and offers become missions here.</p>
          );
        }}
      </QueryState>
    </section>
  );
}
