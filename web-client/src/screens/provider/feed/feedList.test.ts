import { describe, expect, it } from "vitest";

import { compareFeedEntries, emptyFeed, feedReducer, insertionIndex, type FeedAction, type FeedEntry, type FeedState } from "./feedList";

interface Item extends FeedEntry {
  title: string;
}

const item = (id: string, matchScore: number | null, createdAt: string, title = id): Item => ({ id, matchScore, createdAt, title });
const run = (actions: FeedAction<Item>[], state: FeedState<Item> = emptyFeed<Item>()) => actions.reduce(feedReducer<Item>, state);
const ids = (state: FeedState<Item>) => state.items.map((entry) => entry.id);

const page = [
  item("a", 87, "2026-11-21T10:00:00Z"),
  item("b", 82, "2026-11-21T09:00:00Z"),
  item("c", 77, "2026-11-21T11:00:00Z"),
  item("d", 72, "2026-11-21T08:00:00Z"),
];

describe("feed order", () => {
  it("puts the best match first, then the newest, then the higher id", () => {
    const sorted = [
      item("x", 50, "2026-11-20T00:00:00Z"),
      item("y", 90, "2026-11-19T00:00:00Z"),
      item("z", 50, "2026-11-21T00:00:00Z"),
      item("w", 50, "2026-11-21T00:00:00Z"),
      item("v", null, "2026-11-22T00:00:00Z"),
    ].sort(compareFeedEntries);
    expect(sorted.map((entry) => entry.id)).toEqual(["y", "z", "w", "x", "v"]);
  });

  it("finds the insertion point by match score", () => {
    expect(insertionIndex(page, item("n", 90, "2026-11-21T12:00:00Z"))).toBe(0);
    expect(insertionIndex(page, item("n", 80, "2026-11-21T12:00:00Z"))).toBe(2);
    expect(insertionIndex(page, item("n", 77, "2026-11-21T12:00:00Z"))).toBe(2); // same score, newer: before c
    expect(insertionIndex(page, item("n", 77, "2026-11-21T10:00:00Z"))).toBe(3); // same score, older: after c
    expect(insertionIndex(page, item("n", 10, "2026-11-21T12:00:00Z"))).toBe(4);
    expect(insertionIndex([], item("n", 10, "2026-11-21T12:00:00Z"))).toBe(0);
  });
});

describe("feedReducer", () => {
  it("sorts a loaded page and merges the next page without repeating a request", () => {
    const state = run([
      { type: "loaded", items: [page[2], page[0]] },
      { type: "loaded", items: [page[0], page[3], page[1]] }, // the next page overlaps after a live insert
    ]);
    expect(ids(state)).toEqual(["a", "b", "c", "d"]);
  });

  it("replaces a request the cache refreshed instead of adding it again", () => {
    const state = run([
      { type: "loaded", items: page },
      { type: "loaded", items: [{ ...page[1], title: "refreshed" }] },
    ]);
    expect(ids(state)).toEqual(["a", "b", "c", "d"]);
    expect(state.items[1].title).toBe("refreshed");
  });

  it("inserts a live request where its match score puts it, and announces it", () => {
    const state = run([
      { type: "loaded", items: page },
      { type: "arrived", item: item("new", 80, "2026-11-21T12:00:00Z"), announcement: "New request: new" },
    ]);
    expect(ids(state)).toEqual(["a", "b", "new", "c", "d"]);
    expect(state.arrivedIds).toEqual(["new"]);
    expect(state.announcement).toBe("New request: new");
  });

  it("ignores a live request it already shows (same state object: nothing re-renders, nothing is re-announced)", () => {
    const before = run([
      { type: "loaded", items: page },
      { type: "arrived", item: item("new", 80, "2026-11-21T12:00:00Z"), announcement: "New request: new" },
    ]);
    const again = feedReducer(before, { type: "arrived", item: item("new", 80, "2026-11-21T12:00:00Z"), announcement: "New request: new (again)" });
    expect(again).toBe(before);
    const onPage = feedReducer(before, { type: "arrived", item: page[0], announcement: "New request: a" });
    expect(onPage).toBe(before);
  });

  it("keeps live arrivals when a later page loads", () => {
    const state = run([
      { type: "loaded", items: page.slice(0, 2) },
      { type: "arrived", item: item("new", 75, "2026-11-21T12:00:00Z") },
      { type: "loaded", items: page.slice(2) },
    ]);
    expect(ids(state)).toEqual(["a", "b", "c", "new", "d"]);
    expect(state.arrivedIds).toEqual(["new"]);
  });

  it("patches a request in place (a bid placed) and removes one (an offer declined)", () => {
    const patched = run([
      { type: "loaded", items: page },
      { type: "patched", id: "b", fields: { title: "You bid" } },
    ]);
    expect(ids(patched)).toEqual(["a", "b", "c", "d"]);
    expect(patched.items[1].title).toBe("You bid");
    expect(feedReducer(patched, { type: "patched", id: "nope", fields: { title: "x" } })).toBe(patched);

    const removed = feedReducer(patched, { type: "removed", id: "c", announcement: "Offer declined." });
    expect(ids(removed)).toEqual(["a", "b", "d"]);
    expect(removed.announcement).toBe("Offer declined.");
    expect(feedReducer(removed, { type: "removed", id: "c" })).toBe(removed);
  });

  it("does not bring back a removed request when its page or its event is delivered again", () => {
    const removed = run([
      { type: "loaded", items: page },
      { type: "removed", id: "c" },
      { type: "loaded", items: page },
      { type: "arrived", item: page[2] },
    ]);
    expect(ids(removed)).toEqual(["a", "b", "d"]);
  });
});
