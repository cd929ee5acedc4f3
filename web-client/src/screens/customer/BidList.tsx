/**
 * A request's bids, live: the query's bids plus every `bidEvents` event (placed, updated, withdrawn, accepted,
 * declined) merged in place without a reload, best match first. Accepting one (after a confirmation) makes the job
 * and opens its page.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { useMutation, useSubscription } from "urql";

import { MoneyText } from "../../components/MoneyText";
import { errorMessage } from "../../components/QueryState";
import { StatusBadge } from "../../components/StatusBadge";
import { formatDateTime } from "../../components/dates";
import { mutationErrors } from "../../components/fieldErrors";
import type { CustomerBidFragment } from "../../gql/graphql";
import { formatMoney } from "../../money/formatMoney";
import { ConfirmDialog } from "./ConfirmDialog";
import { LIVE_BID_STATUSES, bidsAwaitingScore, liveBids, type BidEvent } from "./liveBids";
import { AcceptBidMutation, CustomerBidEventsSubscription } from "./operations";

export type BidView = CustomerBidFragment & { matchScore?: number | null };

interface BidListProps {
  requestId: string;
  /** Bids can be accepted only while the request is open and has no job. */
  acceptingBids: boolean;
  snapshot: readonly BidView[];
  /** Asks the API for the request again (the match scores of bids that arrived by event). */
  refresh: () => void;
}

export function BidList({ requestId, acceptingBids, snapshot, refresh }: BidListProps) {
  const headingId = useId();
  const [live] = useSubscription(
    { query: CustomerBidEventsSubscription, variables: { requestId } },
    (events: BidEvent<BidView>[] = [], data): BidEvent<BidView>[] => [...events, data.bidEvents],
  );
  const bids = useMemo(() => liveBids(snapshot, live.data ?? []), [snapshot, live.data]);
  useScoresForNewBids(bids, refresh);
  const [accepting, setAccepting] = useState<BidView | null>(null);
  const liveCount = bids.filter((bid) => LIVE_BID_STATUSES.includes(bid.status)).length;

  return (
    <section className="bids" aria-labelledby={headingId}>
      <div className="section-heading">
        <h2 id={headingId}>
          Bids <span className="count" data-testid="live-bid-count">{liveCount}</span>
        </h2>
        <p className="field-hint" role="status">
          {live.error ? `Live updates paused: ${errorMessage(live.error)}` : "New bids appear here as providers send them."}
        </p>
      </div>
      {bids.length ? (
        <ol className="bid-list" data-testid="bid-list">
          {bids.map((bid) => (
            <li key={bid.id}>
              <BidCard bid={bid} canAccept={acceptingBids && bid.status === "PLACED"} onAccept={() => setAccepting(bid)} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty card" data-testid="no-bids">
          No bids yet. Providers in your area are being told about your request.
        </p>
      )}
      {accepting ? <AcceptBidDialog bid={accepting} onClose={() => setAccepting(null)} /> : null}
    </section>
  );
}

/** Bids that arrived by event have no match score yet: ask the API once for each, shortly after it arrives. */
function useScoresForNewBids(bids: readonly BidView[], refresh: () => void) {
  const asked = useRef(new Set<string>());
  const awaiting = bidsAwaitingScore(bids).filter((id) => !asked.current.has(id)).join(" ");
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => {
    if (!awaiting) return;
    const timer = setTimeout(() => {
      awaiting.split(" ").forEach((id) => asked.current.add(id));
      refreshRef.current();
    }, 300);
    return () => clearTimeout(timer);
  }, [awaiting]);
}

function ratingText(bid: BidView): string {
  const { rating, reviewCount } = bid.provider;
  if (rating == null || !reviewCount) return "No reviews yet";
  return `Rated ${rating.toFixed(1)} out of 5 (${reviewCount} review${reviewCount === 1 ? "" : "s"})`;
}

function BidCard({ bid, canAccept, onAccept }: { bid: BidView; canAccept: boolean; onAccept: () => void }) {
  const nameId = useId();
  const { provider } = bid;
  return (
    <article className={`card bid-card bid-${bid.status.toLowerCase()}`} data-testid="bid" data-bid-id={bid.id} data-status={bid.status} aria-labelledby={nameId}>
      <header className="bid-header">
        <div className="bid-provider">
          {provider.avatarUrl ? <img className="avatar" src={provider.avatarUrl} alt="" width={44} height={44} /> : <span className="avatar avatar-initial" aria-hidden="true">{provider.displayName.charAt(0)}</span>}
          <div>
            <h3 id={nameId}>{provider.displayName}</h3>
            <p className="bid-meta">
              {provider.verified ? <span className="tag tag-success">Verified</span> : <span className="tag tag-muted">Not verified</span>}{" "}
              <span>{ratingText(bid)}</span>
              {provider.jobsCompleted ? <span> · {provider.jobsCompleted} jobs done</span> : null}
            </p>
          </div>
        </div>
        <div className="bid-price">
          <MoneyText money={bid.amount} className="bid-amount" />
          <StatusBadge status={bid.status} />
        </div>
      </header>
      <dl className="bid-facts">
        <div>
          <dt>Match</dt>
          <dd data-testid="match-score">
            {bid.matchScore == null ? (
              "Scoring…"
            ) : (
              <>
                <span className="match-bar" aria-hidden="true">
                  <span style={{ width: `${bid.matchScore}%` }} />
                </span>
                {bid.matchScore}%
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Estimated time</dt>
          <dd>{bid.estimatedHours ? `${bid.estimatedHours} hour${bid.estimatedHours === 1 ? "" : "s"}` : "Not given"}</dd>
        </div>
        <div>
          <dt>Sent</dt>
          <dd>{formatDateTime(bid.updatedAt)}</dd>
        </div>
      </dl>
      {bid.message ? <p className="bid-message">{bid.message}</p> : null}
      {canAccept ? (
        <button type="button" className="button" onClick={onAccept} aria-label={`Accept bid from ${provider.displayName}`}>
          Accept bid
        </button>
      ) : null}
    </article>
  );
}

function AcceptBidDialog({ bid, onClose }: { bid: BidView; onClose: () => void }) {
  const navigate = useNavigate();
  const [{ fetching, data, error }, accept] = useMutation(AcceptBidMutation);
  const messages = mutationErrors(error, data?.acceptBid.errors).general;

  async function confirm() {
    const result = await accept({ bidId: bid.id });
    const job = result.data?.acceptBid.job;
    if (job) navigate(`/app/jobs/${encodeURIComponent(job.id)}`);
  }

  return (
    <ConfirmDialog
      open
      title={`Accept ${bid.provider.displayName}'s bid?`}
      confirmLabel="Confirm and accept"
      busyLabel="Accepting…"
      cancelLabel="Keep looking"
      busy={fetching}
      errors={messages}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <p>
        {bid.provider.displayName} will do the job for <strong>{formatMoney(bid.amount)}</strong>. The other bids will be declined.
      </p>
      <p>Next you pay; ServeFlow holds the payment and releases it to the provider only when you confirm the work is done.</p>
    </ConfirmDialog>
  );
}
