import { describe, expect, it } from "vitest";

import { applyBidEvent, bidsAwaitingScore, liveBids, rankBids, type BidLike } from "./liveBids";

const bid = (id: string, fields: Partial<Omit<BidLike, "amount">> & { amount?: number } = {}): BidLike => {
  const { amount = 10000, ...rest } = fields;
  return {
    id,
    status: "PLACED",
    amount: { amount, currency: "usd" },
    createdAt: "2026-05-01T10:00:00Z",
    updatedAt: "2026-05-01T10:00:00Z",
    matchScore: 50,
    ...rest,
  };
};
const ids = (bids: BidLike[]) => bids.map((b) => b.id);

describe("rankBids", () => {
  it("puts the best match first, then the cheaper bid, then the earlier one", () => {
    const bids = [
      bid("a", { matchScore: 40, amount: 5000 }),
      bid("b", { matchScore: 80, amount: 20000 }),
      bid("c", { matchScore: 80, amount: 15000 }),
      bid("d", { matchScore: 40, amount: 5000, createdAt: "2026-05-01T09:00:00Z" }),
    ];
    expect(ids(rankBids(bids))).toEqual(["c", "b", "d", "a"]);
  });

  it("shows the accepted bid on top and withdrawn or declined bids last", () => {
    const bids = [
      bid("withdrawn", { status: "WITHDRAWN", matchScore: 99 }),
      bid("placed", { matchScore: 10 }),
      bid("accepted", { status: "ACCEPTED", matchScore: 20 }),
      bid("declined", { status: "DECLINED", matchScore: 90 }),
    ];
    expect(ids(rankBids(bids))).toEqual(["accepted", "placed", "withdrawn", "declined"]);
  });

  it("ranks a bid whose score is not known yet after scored ones", () => {
    expect(ids(rankBids([bid("new", { matchScore: undefined, amount: 1 }), bid("scored", { matchScore: 0 })]))).toEqual(["scored", "new"]);
  });

  it("does not reorder its input", () => {
    const bids = [bid("a", { matchScore: 1 }), bid("b", { matchScore: 2 })];
    rankBids(bids);
    expect(ids(bids)).toEqual(["a", "b"]);
  });
});

describe("applyBidEvent", () => {
  it("adds a placed bid", () => {
    const placed = bid("new", { matchScore: undefined });
    expect(applyBidEvent([bid("a")], { kind: "PLACED", bid: placed })).toEqual([bid("a"), placed]);
  });

  it("replaces an updated bid but keeps the match score the event does not carry", () => {
    const updated = { ...bid("a", { amount: 8000, updatedAt: "2026-05-01T11:00:00Z" }), matchScore: undefined };
    const [merged] = applyBidEvent([bid("a", { matchScore: 72 })], { kind: "UPDATED", bid: updated });
    expect(merged.amount.amount).toBe(8000);
    expect(merged.matchScore).toBe(72);
  });

  it("takes the status of a withdrawn, accepted or declined bid from the event", () => {
    for (const status of ["WITHDRAWN", "ACCEPTED", "DECLINED"] as const) {
      const [merged] = applyBidEvent([bid("a")], { kind: status, bid: bid("a", { status, matchScore: undefined }) });
      expect(merged.status).toBe(status);
    }
  });

  it("ignores an event older than the version it holds", () => {
    const current = [bid("a", { status: "WITHDRAWN", updatedAt: "2026-05-01T12:00:00Z" })];
    expect(applyBidEvent(current, { kind: "UPDATED", bid: bid("a", { amount: 1, updatedAt: "2026-05-01T11:00:00Z" }) })).toBe(current);
  });
});

describe("liveBids", () => {
  it("replays the events over the snapshot and ranks the result", () => {
    const snapshot = [bid("a", { matchScore: 60 }), bid("b", { matchScore: 30 })];
    const events = [
      { kind: "PLACED" as const, bid: bid("c", { matchScore: undefined, amount: 100 }) },
      { kind: "WITHDRAWN" as const, bid: bid("a", { status: "WITHDRAWN", matchScore: undefined, updatedAt: "2026-05-01T11:00:00Z" }) },
      { kind: "UPDATED" as const, bid: bid("c", { matchScore: undefined, amount: 90, updatedAt: "2026-05-01T11:30:00Z" }) },
    ];
    const result = liveBids(snapshot, events);
    expect(ids(result)).toEqual(["b", "c", "a"]);
    expect(result.find((b) => b.id === "c")?.amount.amount).toBe(90);
    expect(result.find((b) => b.id === "a")?.matchScore).toBe(60);
  });

  it("gives the same list when a fresher snapshot already holds the events (replay is idempotent)", () => {
    const events = [{ kind: "PLACED" as const, bid: bid("c", { matchScore: undefined }) }];
    const refetched = [bid("a", { matchScore: 60 }), bid("c", { matchScore: 75 })];
    const result = liveBids(refetched, events);
    expect(ids(result)).toEqual(["c", "a"]);
    expect(result[0].matchScore).toBe(75); // the refetch supplied the score the event lacked
  });

  it("keeps the snapshot's order stable when no events arrived", () => {
    const snapshot = [bid("x", { matchScore: 90 }), bid("y", { matchScore: 10 })];
    expect(ids(liveBids(snapshot, []))).toEqual(["x", "y"]);
  });
});

describe("bidsAwaitingScore", () => {
  it("lists live bids that arrived by event without a score", () => {
    const bids = [bid("scored"), bid("new", { matchScore: undefined }), bid("gone", { status: "WITHDRAWN", matchScore: null })];
    expect(bidsAwaitingScore(bids)).toEqual(["new"]);
  });
});
