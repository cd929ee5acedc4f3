/**
 * /app/provider/missions: the provider's jobs, filtered by where they stand (?status=active|delivered|completed|all),
 * newest first, a page at a time. Each page is its own cached query, so a job that changes updates in place.
 */
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";

import { ErrorState, Loading } from "../../../components/QueryState";
import { MissionsQuery } from "../operations";
import { MissionCard } from "./MissionCard";
import { MISSION_FILTERS, apiStatusFor, matchesFilter, parseMissionFilter, type MissionFilter } from "./missionFilters";

const PAGE_SIZE = 25;

export function MissionsScreen() {
  const [params] = useSearchParams();
  const filter = parseMissionFilter(params.get("status"));
  return (
    <section aria-labelledby="missions-title">
      <h1 id="missions-title">Missions</h1>
      <p className="subtitle">Your jobs, newest first. Open a job to start it, deliver it and chat with the customer.</p>
      <nav aria-label="Filter missions" className="filters">
        <ul>
          {MISSION_FILTERS.map((option) => (
            <li key={option.value}>
              <Link to={`?status=${option.value}`} aria-current={option.value === filter ? "page" : undefined} className="filter-link">
                {option.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Keyed by filter: switching filters starts again from the first page. */}
      <MissionPages key={filter} filter={filter} />
    </section>
  );
}

function MissionPages({ filter }: { filter: MissionFilter }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <ol className="mission-list" data-testid="mission-list" aria-label={`${MISSION_FILTERS.find((f) => f.value === filter)?.label} missions`}>
      {cursors.map((after, index) => (
        <MissionPage
          key={after ?? "first"}
          filter={filter}
          after={after}
          first={index === 0}
          last={index === cursors.length - 1}
          onMore={(cursor) => setCursors([...cursors, cursor])}
        />
      ))}
    </ol>
  );
}

interface MissionPageProps {
  filter: MissionFilter;
  after: string | null;
  first: boolean;
  last: boolean;
  onMore: (cursor: string) => void;
}

function MissionPage({ filter, after, first, last, onMore }: MissionPageProps) {
  const [result, refetch] = useQuery({ query: MissionsQuery, variables: { status: apiStatusFor(filter), first: PAGE_SIZE, after } });
  if (!result.data) {
    return <li>{result.error ? <ErrorState error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} /> : <Loading label="Loading missions…" />}</li>;
  }
  const connection = result.data.jobs;
  const jobs = connection.edges.map((edge) => edge.node).filter((job) => matchesFilter(filter, job.status));
  const more = last && connection.pageInfo.hasNextPage && connection.pageInfo.endCursor;
  return (
    <>
      {first && jobs.length === 0 && !connection.pageInfo.hasNextPage ? (
        <li className="empty card" data-testid="missions-empty">
          {EMPTY[filter]} <Link to="/app/provider/feed">Find open requests</Link>
        </li>
      ) : null}
      {jobs.map((job) => (
        <li key={job.id}>
          <MissionCard job={job} />
        </li>
      ))}
      {more ? (
        <li className="list-more">
          <button type="button" className="button button-secondary" onClick={() => onMore(more)}>
            Show older missions
          </button>
        </li>
      ) : null}
    </>
  );
}

const EMPTY: Record<MissionFilter, string> = {
  active: "No active missions right now.",
  delivered: "No delivered missions waiting for the customer's confirmation.",
  completed: "No completed missions yet.",
  all: "You have no missions yet.",
};
