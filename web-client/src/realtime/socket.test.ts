/**
 * The realtime transport against a real graphql-transport-ws server on loopback (graphql-ws + ws):
 * authentication in connection_init, refusal without retry, reconnect after a dropped socket, and resume
 * from the last received event (`afterId`) so nothing is lost or repeated.
 */
import { EventEmitter, on } from "node:events";
import type { AddressInfo } from "node:net";

import { buildSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket, { WebSocketServer } from "ws";

import { resumableSubscriptionVariables } from "./resume";
import { AUTH_REJECTED, createRealtime, type ConnectionState, type Realtime } from "./socket";

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Event { id: ID! }
  type Subscription { events(afterId: ID): Event! }
`);

let wss: WebSocketServer;
let url: string;
let bus: EventEmitter;
let connectionInits: unknown[];
let subscribedAfter: (string | null)[];
const clients: Realtime[] = [];

async function startServer(port = 0) {
  wss = new WebSocketServer({ port, host: "127.0.0.1" });
  await new Promise((resolve) => wss.once("listening", resolve));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/graphql/`;
  useServer(
    {
      schema,
      onConnect: (ctx) => {
        connectionInits.push(ctx.connectionParams);
        return ctx.connectionParams?.authToken === "sf_good"; // false → close 4403, as the API does
      },
      roots: {
        subscription: {
          // Events are numbered 1, 2, 3…; a subscriber gets every event after `afterId` (a replay, then live).
          events: async function* ({ afterId }: { afterId?: string | null }) {
            subscribedAfter.push(afterId ?? null);
            let next = Number(afterId ?? 0) + 1;
            for await (const [upTo] of on(bus, "publish")) {
              while (next <= upTo) yield { events: { id: String(next++) } };
            }
          },
        },
      },
    },
    wss,
  );
}

async function stopServer() {
  const closed = new Promise((resolve) => wss.close(resolve)); // stops accepting first…
  for (const socket of wss.clients) socket.terminate(); // …then drops every socket without a close frame
  await closed;
}

beforeEach(async () => {
  bus = new EventEmitter();
  connectionInits = [];
  subscribedAfter = [];
  await startServer();
});

afterEach(async () => {
  clients.splice(0).forEach((client) => client.dispose());
  await stopServer();
});

function connect(authToken: string, onAuthRejected?: () => void) {
  const realtime = createRealtime({ url, authToken, onAuthRejected, backoff: { baseMs: 20, maxMs: 50 }, webSocketImpl: WebSocket });
  clients.push(realtime);
  const states: ConnectionState[] = [];
  realtime.onState((state) => states.push(state));
  return { realtime, states };
}

async function until(condition: () => boolean, what: string, timeoutMs = 5000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function collectEvents(realtime: Realtime, variables: Record<string, unknown>) {
  const ids: string[] = [];
  const errors: unknown[] = [];
  realtime.subscribe<{ data?: { events: { id: string } } }>(
    { query: "subscription ($afterId: ID) { events(afterId: $afterId) { id } }", variables },
    { next: (result) => result.data && ids.push(result.data.events.id), error: (error) => errors.push(error), complete: () => {} },
  );
  return { ids, errors };
}

describe("realtime socket", () => {
  it("authenticates with the token in connection_init and goes live", async () => {
    const { realtime, states } = connect("sf_good");
    const { ids } = collectEvents(realtime, resumableSubscriptionVariables({}));
    await until(() => subscribedAfter.length === 1, "the subscription");
    bus.emit("publish", 2);
    await until(() => ids.length === 2, "two events");
    expect(connectionInits).toEqual([{ authToken: "sf_good" }]);
    expect(ids).toEqual(["1", "2"]);
    expect(states).toEqual(["connecting", "live"]);
    expect(realtime.state()).toBe("live");
  });

  it("stops and reports a refused token instead of retrying it", async () => {
    let rejected = 0;
    const { realtime, states } = connect("sf_revoked", () => rejected++);
    const { errors } = collectEvents(realtime, {});
    await until(() => rejected === 1, "the refusal");
    await new Promise((resolve) => setTimeout(resolve, 300)); // several back-off periods
    expect(connectionInits).toHaveLength(1);
    expect(states.at(-1)).toBe("rejected");
    expect((errors[0] as { code: number }).code).toBe(AUTH_REJECTED);
  });

  it("reconnects after the socket drops and resumes after the last event it received", async () => {
    const { realtime, states } = connect("sf_good");
    const { ids } = collectEvents(realtime, resumableSubscriptionVariables({}));
    await until(() => subscribedAfter.length === 1, "the subscription");
    bus.emit("publish", 3);
    await until(() => ids.length === 3, "three events");

    for (const socket of wss.clients) socket.terminate(); // the network drops (no close frame)
    await until(() => subscribedAfter.length === 2, "the resubscription after reconnect");
    bus.emit("publish", 5);
    await until(() => ids.length >= 5, "events after the reconnect");

    expect(subscribedAfter).toEqual([null, "3"]);
    expect(ids).toEqual(["1", "2", "3", "4", "5"]); // nothing lost, nothing repeated
    expect(realtime.connections()).toBe(2);
    expect(states).toEqual(["connecting", "live", "reconnecting", "live"]);
    expect(connectionInits).toEqual([{ authToken: "sf_good" }, { authToken: "sf_good" }]);
  });

  it("resubscribes a non-resumable subscription with its original variables", async () => {
    const { realtime } = connect("sf_good");
    const { ids } = collectEvents(realtime, {});
    await until(() => subscribedAfter.length === 1, "the subscription");
    bus.emit("publish", 2);
    await until(() => ids.length === 2, "two events");
    for (const socket of wss.clients) socket.terminate();
    await until(() => subscribedAfter.length === 2, "the resubscription");
    expect(subscribedAfter).toEqual([null, null]);
  });

  it("keeps retrying with back-off while the server is away, then recovers", async () => {
    const { realtime, states } = connect("sf_good");
    collectEvents(realtime, resumableSubscriptionVariables({}));
    await until(() => realtime.state() === "live", "live");
    const port = (wss.address() as AddressInfo).port;
    await stopServer();
    await until(() => realtime.state() === "reconnecting", "reconnecting");
    await new Promise((resolve) => setTimeout(resolve, 200)); // several refused attempts
    expect(realtime.state()).toBe("reconnecting");

    await startServer(port);
    await until(() => realtime.state() === "live" && subscribedAfter.length === 2, "live again and resubscribed");
    expect(states.filter((s) => s === "live")).toHaveLength(2);
    expect(subscribedAfter).toEqual([null, null]);
  });
});
