import { describe, expect, it } from "vitest";

import { BEFORE_FIRST_MESSAGE, chatLogReducer, emptyChatLog, mergeMessages, messageSequence, resumeAfter, type ChatEvent, type ChatLog } from "./chatLog";

interface Message {
  id: string;
  createdAt: string;
  body: string;
}

const id = (n: number) => btoa(`ChatMessage:${n}`);
const message = (n: number, at = `2026-11-20T10:${String(n).padStart(2, "0")}:00+00:00`, body = `m${n}`): Message => ({ id: id(n), createdAt: at, body });
const bodies = (messages: readonly Message[]) => messages.map((m) => m.body);

describe("mergeMessages", () => {
  it("keeps one copy of a message that arrives from the mutation and from the subscription", () => {
    const sent = message(3);
    const fromMutation = mergeMessages([message(1), message(2)], [sent]);
    const fromSubscription = mergeMessages(fromMutation, [{ ...sent }]);
    expect(bodies(fromSubscription)).toEqual(["m1", "m2", "m3"]);
  });

  it("orders by time, then by the id's sequence for messages written in the same instant", () => {
    const same = "2026-11-20T10:00:00+00:00";
    const merged = mergeMessages([message(5, same)], [message(2), message(4, same), message(1, "2026-11-20T09:00:00+00:00")]);
    expect(bodies(merged)).toEqual(["m1", "m4", "m5", "m2"]);
  });

  it("returns the same array when nothing new arrived, so React does not re-render", () => {
    const current = [message(1), message(2)];
    expect(mergeMessages(current, [])).toBe(current);
    expect(mergeMessages(current, [current[1]])).toBe(current);
  });

  it("resumes the live stream after the newest message held, or from the start of an empty chat", () => {
    expect(resumeAfter([message(1), message(2)])).toBe(id(2));
    expect(resumeAfter([])).toBe(BEFORE_FIRST_MESSAGE);
    expect(messageSequence(BEFORE_FIRST_MESSAGE)).toBe(0);
  });

  it("reads the sequence from a Relay global id, and NaN from anything else", () => {
    expect(messageSequence(id(42))).toBe(42);
    expect(messageSequence("not base64 !")).toBeNaN();
  });
});

describe("chatLogReducer", () => {
  const history = (messages: Message[], startCursor: string | null, hasPreviousPage: boolean): ChatEvent<Message> => ({ type: "history", messages, startCursor, hasPreviousPage });

  it("starts with the latest page and remembers where earlier messages begin", () => {
    const state = chatLogReducer(emptyChatLog<Message>(), history([message(11), message(12)], "c10", true));
    expect(state).toMatchObject({ ready: true, earlierCursor: "c10", hasEarlier: true });
    expect(bodies(state.messages)).toEqual(["m11", "m12"]);
  });

  it("puts earlier pages before, and keeps their cursor when the latest page is delivered again", () => {
    let state: ChatLog<Message> = chatLogReducer(emptyChatLog<Message>(), history([message(11), message(12)], "c10", true));
    state = chatLogReducer(state, { type: "earlier", messages: [message(9), message(10)], startCursor: null, hasPreviousPage: false });
    state = chatLogReducer(state, history([message(11), message(12)], "c10", true)); // the network answer after the cache's
    expect(bodies(state.messages)).toEqual(["m9", "m10", "m11", "m12"]);
    expect(state).toMatchObject({ earlierCursor: null, hasEarlier: false });
  });

  it("merges live messages and a replay after a reconnect without duplicates", () => {
    let state = chatLogReducer(emptyChatLog<Message>(), history([message(1), message(2)], null, false));
    for (const n of [3, 2, 3, 4]) state = chatLogReducer(state, { type: "received", message: message(n) });
    expect(bodies(state.messages)).toEqual(["m1", "m2", "m3", "m4"]);
  });

  it("keeps a live message that arrived before the history", () => {
    let state = chatLogReducer(emptyChatLog<Message>(), { type: "received", message: message(5) });
    expect(state.ready).toBe(false);
    state = chatLogReducer(state, history([message(3), message(4)], "c2", true));
    expect(bodies(state.messages)).toEqual(["m3", "m4", "m5"]);
  });

  it("leaves the state untouched by a duplicate", () => {
    const state = chatLogReducer(emptyChatLog<Message>(), history([message(1)], null, false));
    expect(chatLogReducer(state, { type: "received", message: message(1) })).toBe(state);
  });
});
