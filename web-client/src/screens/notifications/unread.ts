/**
 * The bell's state: the unread count and the most recent notifications, from a load (the API's numbers) and the
 * live `notifications` subscription. A notification is counted once, whichever way it arrives first: a live event
 * that races the load is counted by the load if it was already saved when the API answered, and by the event
 * otherwise.
 */

export interface BellNotification {
  id: string;
  isRead: boolean;
  title: string;
  createdAt: string;
}

export interface BellState<T extends BellNotification> {
  unread: number;
  /** Newest first, at most `RECENT_LIMIT`. */
  recent: T[];
  /** Every id counted so far. */
  seen: ReadonlySet<string>;
  /** Live arrivals while a load is on its way (kept in case the load's answer predates them). */
  arrivedWhileLoading: T[] | null;
  /** What the polite live region says about the latest arrival. */
  announcement: string;
}

export type BellEvent<T> =
  | { type: "loading" }
  | { type: "loaded"; unread: number; recent: readonly T[] }
  | { type: "received"; notification: T }
  | { type: "markedRead"; ids: readonly string[]; unread: number }
  | { type: "markedAllRead"; unread: number };

export const RECENT_LIMIT = 8;

export function emptyBell<T extends BellNotification>(): BellState<T> {
  return { unread: 0, recent: [], seen: new Set(), arrivedWhileLoading: null, announcement: "" };
}

/** `incoming` added to `items`, one copy per id (the incoming copy wins), newest first. */
export function mergeNewestFirst<T extends { id: string; createdAt: string }>(items: readonly T[], incoming: readonly T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of incoming) byId.set(item.id, item);
  return [...byId.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
}

function newestFirst<T extends BellNotification>(items: T[]): T[] {
  return mergeNewestFirst([], items).slice(0, RECENT_LIMIT);
}

export function bellReducer<T extends BellNotification>(state: BellState<T>, event: BellEvent<T>): BellState<T> {
  switch (event.type) {
    case "loading":
      return { ...state, arrivedWhileLoading: [] };
    case "loaded": {
      const loadedIds = new Set(event.recent.map((n) => n.id));
      const later = (state.arrivedWhileLoading ?? []).filter((n) => !loadedIds.has(n.id));
      return {
        ...state,
        unread: event.unread + later.filter((n) => !n.isRead).length,
        recent: newestFirst([...later, ...event.recent]),
        seen: new Set([...state.seen, ...loadedIds]),
        arrivedWhileLoading: null,
      };
    }
    case "received": {
      const { notification } = event;
      if (state.seen.has(notification.id)) return state;
      return {
        ...state,
        unread: state.unread + (notification.isRead ? 0 : 1),
        recent: newestFirst([notification, ...state.recent]),
        seen: new Set([...state.seen, notification.id]),
        arrivedWhileLoading: state.arrivedWhileLoading ? [...state.arrivedWhileLoading, notification] : null,
        announcement: `New notification: ${notification.title}`,
      };
    }
    case "markedRead": {
      const ids = new Set(event.ids);
      return { ...state, unread: Math.max(0, event.unread), recent: state.recent.map((n) => (ids.has(n.id) && !n.isRead ? { ...n, isRead: true } : n)) };
    }
    case "markedAllRead":
      return { ...state, unread: Math.max(0, event.unread), recent: state.recent.map((n) => (n.isRead ? n : { ...n, isRead: true })) };
  }
}
