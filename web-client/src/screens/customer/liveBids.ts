/**
 * The customer's bid list on a request, kept live: the last query result (the "snapshot") with every
 * `bidEvents` event replayed over it, in the order shown to the customer (best match first, then cheapest).
 * Pure functions, so the merge can be tested without a server.
 */

export type BidEventKind = "PLACED" | "UPDATED" | "WITHDRAWN" | "ACCEPTED" | "DECLINED";

export interface BidLike {
  id: string;
  status: string;
  amount: { amount: number; currency: string };
  createdAt: string;
  updatedAt: string;
  /** 0–100 from `serviceRequest.bids`; events do not carry it (undefined = not known yet). */
  matchScore?: number | null;
}

export interface BidEvent<T extends BidLike> {
  kind: BidEventKind;
  bid: T;
}

/** Bids still in play: the customer can accept a PLACED bid; an ACCEPTED one became the job. */
export const LIVE_BID_STATUSES: readonly string[] = ["PLACED", "ACCEPTED"];

const time = (iso: string) => Date.parse(iso) || 0;

/** Merges two versions of one bid: the newer wins (a tie goes to `incoming`), and a known match score is never lost. */
function newer<T extends BidLike>(current: T | undefined, incoming: T): T {
  if (!current) return incoming;
  if (time(incoming.updatedAt) < time(current.updatedAt)) {
    return current.matchScore == null && incoming.matchScore != null ? { ...current, matchScore: incoming.matchScore } : current;
  }
  return incoming.matchScore == null && current.matchScore != null ? { ...incoming, matchScore: current.matchScore } : incoming;
}

/**
 * One event applied to the list: the bid is added (placed) or replaced by its newer version (updated, withdrawn,
 * accepted, declined: the event's bid carries its status). An event older than what the list holds changes nothing,
 * so replaying the same events over a fresher snapshot is safe.
 */
export function applyBidEvent<T extends BidLike>(bids: readonly T[], event: BidEvent<T>): T[] {
  const index = bids.findIndex((bid) => bid.id === event.bid.id);
  if (index === -1) return [...bids, event.bid];
  const merged = newer(bids[index], event.bid);
  if (merged === bids[index]) return bids as T[];
  const next = [...bids];
  next[index] = merged;
  return next;
}

/** The snapshot's bids with every event replayed over it, ranked for display. */
export function liveBids<T extends BidLike>(snapshot: readonly T[], events: readonly BidEvent<T>[]): T[] {
  return rankBids(events.reduce<T[]>((bids, event) => applyBidEvent(bids, event), [...snapshot]));
}

const STATUS_GROUP: Record<string, number> = { ACCEPTED: 0, PLACED: 1 };

/**
 * The customer's order: the accepted bid first, then bids still open to accept, then withdrawn and declined ones;
 * within each, the higher match score first (unknown scores last), then the lower price, then the earlier bid.
 */
export function rankBids<T extends BidLike>(bids: readonly T[]): T[] {
  return [...bids].sort(
    (a, b) =>
      (STATUS_GROUP[a.status] ?? 2) - (STATUS_GROUP[b.status] ?? 2) ||
      (b.matchScore ?? -1) - (a.matchScore ?? -1) ||
      a.amount.amount - b.amount.amount ||
      time(a.createdAt) - time(b.createdAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Bids the list shows whose match score the API has not given yet (they arrived by event): worth a refetch. */
export function bidsAwaitingScore(bids: readonly BidLike[]): string[] {
  return bids.filter((bid) => bid.matchScore == null && LIVE_BID_STATUSES.includes(bid.status)).map((bid) => bid.id);
}
