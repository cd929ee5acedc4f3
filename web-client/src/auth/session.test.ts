/** Restoring a session on reload, against a loopback server executing the API's exported schema. */
import { GraphQLError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createApiClient } from "../graphql/client";
import { deadUrl, startLoopbackApi, type LoopbackApi } from "../testing/loopbackApi";
import { restoreSession } from "./session";
import { createTokenStore, type StorageLike } from "./tokenStore";

const ALICE = { id: "VXNlcjox", email: "alice@example.com", role: "CUSTOMER", firstName: "Alice", lastName: "A", displayName: "Alice A", emailVerified: true, avatarUrl: null };

let api: LoopbackApi;

beforeAll(async () => {
  api = await startLoopbackApi((headers) => {
    const token = headers.authorization?.replace("Bearer ", "");
    return {
      me: () => {
        if (token === "sf_revoked_mid_request") throw new GraphQLError("Sign in to do this.", { extensions: { code: "UNAUTHENTICATED" } });
        return token === "sf_alice" ? ALICE : null;
      },
    };
  });
});

afterAll(() => api.close());

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function storeWith(token: string) {
  const session = memoryStorage();
  createTokenStore(session, null).set(token);
  return { session, store: createTokenStore(session, null) }; // a fresh store = a page reload
}

const client = (token: string | null, at = api.url) => createApiClient({ url: at, token, realtime: null, onUnauthenticated: () => {} });

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
    expect(await restoreSession(client(store.get(), await deadUrl()), store)).toEqual({ kind: "unreachable" });
    expect(store.get()).toBe("sf_alice");
  });

  it("does not call the API without a stored token", async () => {
    const store = createTokenStore(memoryStorage(), null);
    const before = api.requests.length;
    expect(await restoreSession(client(null), store)).toEqual({ kind: "anonymous" });
    expect(api.requests.length).toBe(before);
  });
});
