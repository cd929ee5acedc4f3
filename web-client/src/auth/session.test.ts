/**
 * Restoring a session on reload, against an HTTP GraphQL server on loopback that executes the API's exported
 * schema (web-client/schema.graphql), so the real urql client, the real `Me` document and its types run.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { GraphQLError, buildSchema, graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiClient } from "../graphql/client";
import { restoreSession } from "./session";
import { createTokenStore, type StorageLike } from "./tokenStore";

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
const ALICE = { id: "VXNlcjox", email: "alice@example.com", role: "CUSTOMER", firstName: "Alice", lastName: "A", displayName: "Alice A", emailVerified: true, avatarUrl: null };

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", async () => {
      const { query, variables } = JSON.parse(body);
      const token = request.headers.authorization?.replace("Bearer ", "");
      const rootValue = {
        me: () => {
          if (token === "sf_revoked_mid_request") throw new GraphQLError("Sign in to do this.", { extensions: { code: "UNAUTHENTICATED" } });
          return token === "sf_alice" ? ALICE : null;
        },
      };
      const result = await graphql({ schema, source: query, variableValues: variables, rootValue });
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function storeWith(token: string) {
  const session = memoryStorage();
  createTokenStore(session, null).set(token);
  return { session, store: createTokenStore(session, null) }; // a fresh store = a page reload
}

const client = (token: string | null, at = url) => createApiClient({ url: at, token, realtime: null, onUnauthenticated: () => {} });

describe("restoreSession", () => {
  it("signs the user back in when the API recognises the stored token", async () => {
    const { session, store } = storeWith("sf_alice");
    const restored = await restoreSession(client(store.get()), store);
    expect(restored).toEqual({ kind: "signedIn", user: expect.objectContaining({ email: "alice@example.com", role: "CUSTOMER" }) });
    expect(store.get()).toBe("sf_alice");
    expect(session.data.size).toBe(1);
  });

  it("forgets a token the API no longer knows (expired or revoked)", async () => {
    const { session, store } = storeWith("sf_expired");
    expect(await restoreSession(client(store.get()), store)).toEqual({ kind: "anonymous" });
    expect(store.get()).toBeNull();
    expect(session.data.size).toBe(0);
  });

  it("forgets the token when the API answers UNAUTHENTICATED", async () => {
    const { store } = storeWith("sf_revoked_mid_request");
    expect(await restoreSession(client(store.get()), store)).toEqual({ kind: "anonymous" });
    expect(store.get()).toBeNull();
  });

  it("keeps the token when the API cannot be reached, so a retry can succeed", async () => {
    const { store } = storeWith("sf_alice");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql/`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await restoreSession(client(store.get(), deadUrl), store)).toEqual({ kind: "unreachable" });
    expect(store.get()).toBe("sf_alice");
  });

  it("does not call the API without a stored token", async () => {
    const store = createTokenStore(memoryStorage(), null);
    expect(await restoreSession(client(null, "http://127.0.0.1:9/unused"), store)).toEqual({ kind: "anonymous" });
  });
});
