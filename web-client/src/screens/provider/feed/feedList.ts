/**
 * The provider's feed as local state: pages from `openRequests` and requests arriving live are merged into one
 * list, ordered as the API orders it (best match first, then newest), each request once.
 */

export interface FeedEntry {
  id: string;
  matchScore?: number | null;
  createdAt: string;
}

export interface FeedState<T extends FeedEntry> {
  items: T[];
  /** Requests that arrived live since the page was opened (shown with a "New" tag). */
  arrivedIds: string[];
  /** What the polite live region reads out; changes on every live arrival. */
  announcement: string;
  /** Requests taken out here (an offer declined): a page delivered again must not bring them back. */
  removedIds: string[];
}

export type FeedAction<T extends FeedEntry> =
  | { type: "loaded"; items: readonly T[] }
  | { type: "arrived"; item: T; announcement?: string }
  | { type: "patched"; id: string; fields: Partial<T> }
  | { type: "removed"; id: string; announcement?: string };

export function emptyFeed<T extends FeedEntry>(): FeedState<T> {
  return { items: [], arrivedIds: [], announcement: "", removedIds: [] };
}

/** API order: higher match score first (a missing score last), then newer, then the higher id, so the order is total. */
export function compareFeedEntries(a: FeedEntry, b: FeedEntry): number {
  const scoreA = a.matchScore ?? -1;
  const scoreB = b.matchScore ?? -1;
  if (scoreA !== scoreB) return scoreB - scoreA;
  const timeA = Date.parse(a.createdAt);
  const timeB = Date.parse(b.createdAt);
  if (timeA !== timeB) return timeB - timeA;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Where `item` goes in an already sorted list (after every entry that ranks before it). */
export function insertionIndex<T extends FeedEntry>(items: readonly T[], item: T): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareFeedEntries(items[middle], item) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Pages upsert: a request seen again (the next page overlaps after live inserts, or the cache refreshed it) is replaced, not repeated. */
function upsertAll<T extends FeedEntry>(items: readonly T[], incoming: readonly T[], removedIds: readonly string[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of incoming) if (!removedIds.includes(item.id)) byId.set(item.id, item);
  return [...byId.values()].sort(compareFeedEntries);
}

export function feedReducer<T extends FeedEntry>(state: FeedState<T>, action: FeedAction<T>): FeedState<T> {
  switch (action.type) {
    case "loaded":
      return { ...state, items: upsertAll(state.items, action.items, state.removedIds) };
    case "arrived": {
      // A duplicate (the event raced the page that already had it, or a resubscription replayed it) is ignored.
      if (state.items.some((item) => item.id === action.item.id) || state.removedIds.includes(action.item.id)) return state;
      const items = [...state.items];
      items.splice(insertionIndex(items, action.item), 0, action.item);
      return { ...state, items, arrivedIds: [...state.arrivedIds, action.item.id], announcement: action.announcement ?? state.announcement };
    }
    case "patched": {
      const index = state.items.findIndex((item) => item.id === action.id);
      if (index < 0) return state;
      const items = [...state.items];
      items[index] = { ...items[index], ...action.fields };
      return { ...state, items: items.sort(compareFeedEntries) };
    }
    case "removed": {
      if (state.removedIds.includes(action.id)) return state;
      return {
        items: state.items.filter((item) => item.id !== action.id),
        arrivedIds: state.arrivedIds.filter((id) => id !== action.id),
        announcement: action.announcement ?? state.announcement,
        removedIds: [...state.removedIds, action.id],
      };
    }
  }
}
