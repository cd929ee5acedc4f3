import { describe, expect, it } from "vitest";

import { RECENT_LIMIT, bellReducer, emptyBell, mergeNewestFirst, type BellEvent, type BellNotification, type BellState } from "./unread";

const note = (n: number, isRead = false): BellNotification => ({
  id: `N${n}`,
  isRead,
  title: `Notification ${n}`,
  createdAt: `2026-11-20T10:${String(n).padStart(2, "0")}:00+00:00`,
});

function run(events: BellEvent<BellNotification>[], from: BellState<BellNotification> = emptyBell()) {
  return events.reduce(bellReducer, from);
}

describe("bellReducer", () => {
  it("takes the unread count and the recent list from a load", () => {
    const state = run([{ type: "loading" }, { type: "loaded", unread: 5, recent: [note(3), note(2, true)] }]);
    expect(state.unread).toBe(5);
    expect(state.recent.map((n) => n.id)).toEqual(["N3", "N2"]);
  });

  it("counts each live notification once, newest first, and announces it", () => {
    let state = run([{ type: "loaded", unread: 1, recent: [note(1)] }]);
    state = run([{ type: "received", notification: note(2) }, { type: "received", notification: note(2) }], state);
    expect(state.unread).toBe(2);
    expect(state.recent.map((n) => n.id)).toEqual(["N2", "N1"]);
    expect(state.announcement).toBe("New notification: Notification 2");
  });

  it("does not count a live notification the load already counted", () => {
    const state = run([{ type: "loaded", unread: 1, recent: [note(4)] }, { type: "received", notification: note(4) }]);
    expect(state.unread).toBe(1);
  });

  it("counts a live notification that arrived while loading only if the load did not include it", () => {
    const included = run([{ type: "loading" }, { type: "received", notification: note(6) }, { type: "loaded", unread: 2, recent: [note(6), note(5)] }]);
    expect(included.unread).toBe(2);
    const newer = run([{ type: "loading" }, { type: "received", notification: note(7) }, { type: "loaded", unread: 2, recent: [note(6), note(5)] }]);
    expect(newer.unread).toBe(3);
    expect(newer.recent.map((n) => n.id)).toEqual(["N7", "N6", "N5"]);
  });

  it("does not count a live notification that is already read", () => {
    expect(run([{ type: "received", notification: note(1, true) }]).unread).toBe(0);
  });

  it("keeps only the most recent few", () => {
    const events: BellEvent<BellNotification>[] = Array.from({ length: RECENT_LIMIT + 3 }, (_, i) => ({ type: "received", notification: note(i + 1) }));
    const state = run(events);
    expect(state.unread).toBe(RECENT_LIMIT + 3);
    expect(state.recent).toHaveLength(RECENT_LIMIT);
    expect(state.recent[0].id).toBe(`N${RECENT_LIMIT + 3}`);
  });

  it("marks everything read with the API's remaining count", () => {
    const state = run([{ type: "loaded", unread: 3, recent: [note(3), note(2), note(1, true)] }, { type: "markedAllRead", unread: 0 }]);
    expect(state.unread).toBe(0);
    expect(state.recent.every((n) => n.isRead)).toBe(true);
  });

  it("marks one read, and never shows a negative count", () => {
    let state = run([{ type: "loaded", unread: 2, recent: [note(2), note(1)] }, { type: "markedRead", ids: ["N2"], unread: 1 }]);
    expect(state.unread).toBe(1);
    expect(state.recent.map((n) => n.isRead)).toEqual([true, false]);
    state = bellReducer(state, { type: "markedRead", ids: ["N1"], unread: -1 });
    expect(state.unread).toBe(0);
  });
});

describe("mergeNewestFirst", () => {
  it("adds live notifications to a loaded page once each, newest first, the newer copy winning", () => {
    const page = [note(5), note(3, true)];
    const merged = mergeNewestFirst(page, [note(6), { ...note(5), isRead: true }, note(6)]);
    expect(merged.map((n) => [n.id, n.isRead])).toEqual([
      ["N6", false],
      ["N5", true],
      ["N3", true],
    ]);
  });
});
