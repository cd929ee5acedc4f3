/** The API client's reactions to the API's answers, against a loopback server executing the exported schema. */
import { GraphQLError } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { MeQuery } from "../auth/operations";
import { startLoopbackApi, type LoopbackApi } from "../testing/loopbackApi";
import { createApiClient } from "./client";
import { maintenanceStore } from "./maintenance";

let api: LoopbackApi;
let answer: "ok" | "unauthenticated" | "maintenance";

beforeAll(async () => {
  api = await startLoopbackApi(() => ({
    me: () => {
      if (answer === "unauthenticated") throw new GraphQLError("Sign in to do this.", { extensions: { code: "UNAUTHENTICATED" } });
      if (answer === "maintenance") throw new GraphQLError("Back at 10:00 UTC.", { extensions: { code: "MAINTENANCE" } });
      return null;
    },
  }));
});

afterAll(() => api.close());

beforeEach(() => {
  answer = "ok";
  maintenanceStore.set({ active: false, message: null });
});

function client(token: string | null) {
  let signedOut = 0;
  const instance = createApiClient({ url: api.url, token, realtime: null, onUnauthenticated: () => signedOut++ });
  return { instance, signedOut: () => signedOut };
}

const me = (c: ReturnType<typeof client>) => c.instance.query(MeQuery, {}, { requestPolicy: "network-only" }).toPromise();

describe("API client", () => {
  it("sends the token as a bearer header, and none when signed out", async () => {
    await me(client("sf_token"));
    expect(api.requests.at(-1)?.authorization).toBe("Bearer sf_token");
    await me(client(null));
    expect(api.requests.at(-1)?.authorization).toBeUndefined();
  });

  it("signs the user out when the API answers UNAUTHENTICATED to their token", async () => {
    answer = "unauthenticated";
    const signedIn = client("sf_revoked");
    await me(signedIn);
    expect(signedIn.signedOut()).toBe(1);
    const anonymous = client(null);
    await me(anonymous);
    expect(anonymous.signedOut()).toBe(0);
  });

  it("raises the maintenance notice on a MAINTENANCE answer and lowers it once the API answers again", async () => {
    const c = client("sf_token");
    answer = "maintenance";
    await me(c);
    expect(maintenanceStore.get()).toEqual({ active: true, message: "Back at 10:00 UTC." });
    answer = "ok";
    await me(c);
    expect(maintenanceStore.get()).toEqual({ active: false, message: null });
  });
});
