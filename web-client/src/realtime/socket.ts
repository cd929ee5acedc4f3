/**
 * The one websocket to `/graphql/` (protocol graphql-transport-ws). It authenticates with
 * `connection_init {authToken}`, reconnects forever with jittered exponential back-off, re-subscribes every
 * active subscription (resumable ones from their last event), and reports its state for the live indicator.
 */
import { createClient, type Client, type Sink } from "graphql-ws";

import { backoffDelay, type BackoffOptions } from "./backoff";
import { advanceCursor, type SubscribePayload } from "./resume";

export type ConnectionState = "idle" | "connecting" | "live" | "reconnecting" | "rejected";

/** Close code the API uses when `connection_init` carries no valid token. */
export const AUTH_REJECTED = 4403;

export interface RealtimeOptions {
  url: string;
  authToken: string;
  /** Called once when the server refuses the token (expired, revoked): the app signs the user out. */
  onAuthRejected?: () => void;
  backoff?: BackoffOptions;
  webSocketImpl?: unknown;
}

export interface Realtime {
  subscribe<T>(payload: SubscribePayload, sink: Sink<T>): () => void;
  state(): ConnectionState;
  onState(listener: (state: ConnectionState) => void): () => void;
  /** How many times the socket has been (re)established; > 1 means at least one reconnect happened. */
  connections(): number;
  dispose(): void;
  /** The underlying graphql-ws client (tests use it to force a drop). */
  client: Client;
}

export function createRealtime({ url, authToken, onAuthRejected, backoff, webSocketImpl }: RealtimeOptions): Realtime {
  let state: ConnectionState = "idle";
  let connections = 0;
  let disposed = false;
  const listeners = new Set<(state: ConnectionState) => void>();
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    listeners.forEach((listener) => listener(state));
  };

  const client = createClient({
    url,
    lazy: true,
    connectionParams: { authToken },
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, backoffDelay(retries, backoff))),
    // Retry every drop except a refused token: that needs a new sign-in, not another attempt.
    shouldRetry: (event) => !isAuthRejection(event),
    webSocketImpl,
    on: {
      connecting: () => setState(connections === 0 ? "connecting" : "reconnecting"),
      connected: () => {
        connections += 1;
        setState("live");
      },
      closed: (event) => {
        if (disposed) return;
        if (isAuthRejection(event)) {
          setState("rejected");
          onAuthRejected?.();
        } else if ((event as { code?: number }).code === 1000) {
          setState("idle"); // closed on purpose: no subscription left (lazy socket)
        } else if (state !== "rejected") {
          setState(connections === 0 ? "connecting" : "reconnecting");
        }
      },
    },
  });

  return {
    client,
    subscribe(payload, sink) {
      // Our own copy: advanceCursor rewrites its variables, and graphql-ws re-sends this object on reconnect.
      const resumable: SubscribePayload = { ...payload, variables: payload.variables ? { ...payload.variables } : payload.variables };
      return client.subscribe(resumable as Parameters<Client["subscribe"]>[0], {
        next: (result) => {
          advanceCursor(resumable, result as { data?: unknown });
          sink.next(result as never);
        },
        error: (error) => sink.error(error),
        complete: () => sink.complete(),
      });
    },
    state: () => state,
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connections: () => connections,
    dispose() {
      disposed = true;
      setState("idle");
      void client.dispose();
    },
  };
}

function isAuthRejection(event: unknown): boolean {
  return typeof event === "object" && event !== null && (event as { code?: unknown }).code === AUTH_REJECTED;
}
