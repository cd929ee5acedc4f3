/**
 * The chat log's state: history pages (oldest first), earlier pages loaded on demand, and messages arriving live
 * from the subscription and from our own `sendMessage`. A message we send arrives twice (the mutation's answer and
 * the subscription); a replay after a reconnect may repeat what history already had. Every path goes through
 * `mergeMessages`, which keeps one copy per id, in the order the messages were written.
 */

export interface ChatMessageLike {
  id: string;
  createdAt: string;
}

/**
 * Where the live stream starts when the history is empty: "after message 0", so a message written between the
 * history query and the subscription is replayed rather than lost. (Relay ids are opaque to clients in general;
 * the chat's replay contract is "every message after this id", and 0 precedes them all.)
 */
export const BEFORE_FIRST_MESSAGE = btoa("ChatMessage:0");

/** The id to resume the live stream after: the newest message held, or the start of the chat. */
export function resumeAfter(messages: readonly ChatMessageLike[]): string {
  return messages.length ? messages[messages.length - 1].id : BEFORE_FIRST_MESSAGE;
}

/** The database sequence inside a Relay global id ("ChatMessage:42" → 42), to order messages written in the same instant. */
export function messageSequence(id: string): number {
  try {
    const decoded = atob(id);
    const number = Number(decoded.slice(decoded.lastIndexOf(":") + 1));
    return Number.isFinite(number) ? number : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function compare(a: ChatMessageLike, b: ChatMessageLike): number {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime;
  const bySequence = messageSequence(a.id) - messageSequence(b.id);
  return Number.isNaN(bySequence) ? a.id.localeCompare(b.id) : bySequence;
}

function sameFields(a: object, b: object): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/** One copy per id (the newest copy wins), oldest first. Returns `current` itself when nothing new came in. */
export function mergeMessages<T extends ChatMessageLike>(current: readonly T[], incoming: readonly T[]): T[] {
  if (!incoming.length) return current as T[];
  const byId = new Map(current.map((message) => [message.id, message]));
  let changed = false;
  for (const message of incoming) {
    const known = byId.get(message.id);
    if (known && (known === message || sameFields(known, message))) continue;
    changed = true;
    byId.set(message.id, message);
  }
  if (!changed) return current as T[];
  return [...byId.values()].sort(compare);
}

export interface ChatLog<T extends ChatMessageLike> {
  messages: T[];
  /** Cursor for the page before the oldest loaded message; null when there is none. */
  earlierCursor: string | null;
  hasEarlier: boolean;
  /** Whether the first page of history has arrived. */
  ready: boolean;
  /** Whether the user has loaded pages before the first one (the first page's cursor no longer applies). */
  pagedBack: boolean;
}

export type ChatEvent<T> =
  | { type: "history"; messages: readonly T[]; startCursor: string | null; hasPreviousPage: boolean }
  | { type: "earlier"; messages: readonly T[]; startCursor: string | null; hasPreviousPage: boolean }
  | { type: "received"; message: T };

export function emptyChatLog<T extends ChatMessageLike>(): ChatLog<T> {
  return { messages: [], earlierCursor: null, hasEarlier: false, ready: false, pagedBack: false };
}

export function chatLogReducer<T extends ChatMessageLike>(state: ChatLog<T>, event: ChatEvent<T>): ChatLog<T> {
  switch (event.type) {
    case "history": {
      // The latest page may come twice (cache, then network); its cursor matters only until we page back.
      const messages = mergeMessages(state.messages, event.messages);
      if (state.pagedBack) return messages === state.messages && state.ready ? state : { ...state, messages, ready: true };
      return { ...state, messages, ready: true, earlierCursor: event.startCursor, hasEarlier: event.hasPreviousPage };
    }
    case "earlier":
      return {
        ...state,
        messages: mergeMessages(state.messages, event.messages),
        earlierCursor: event.startCursor,
        hasEarlier: event.hasPreviousPage,
        pagedBack: true,
      };
    case "received": {
      const messages = mergeMessages(state.messages, [event.message]);
      return messages === state.messages ? state : { ...state, messages };
    }
  }
}
