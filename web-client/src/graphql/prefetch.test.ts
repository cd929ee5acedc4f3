import { describe, expect, it } from "vitest";

import { canonicalJson, createPrefetchingFetch, prefetchKey, type PrefetchStore } from "./prefetch";

function network() {
  const calls: string[] = [];
  const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(String(init?.body));
    return new Response('{"data":{"from":"network"}}');
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

describe("prefetched responses", () => {
  it("keys requests by operation name and variables, whatever the key order", () => {
    expect(prefetchKey("PublicPage", { path: "/", hostname: null })).toBe(prefetchKey("PublicPage", { hostname: null, path: "/" }));
    expect(prefetchKey("Site", undefined)).toBe("Site {}");
    expect(canonicalJson({ b: [1, { d: 2, c: undefined }], a: "x" })).toBe('{"a":"x","b":[1,{"d":2}]}');
  });

  it("answers a prefetched operation once, then asks the API", async () => {
    const store: PrefetchStore = { [prefetchKey("PublicPage", { path: "/" })]: Promise.resolve(new Response('{"data":{"from":"prefetch"}}')) };
    const { fetch, calls } = network();
    const prefetching = createPrefetchingFetch(store, fetch);
    const body = { operationName: "PublicPage", query: "query PublicPage($path: String!) { page(path: $path) { id } }", variables: { path: "/" } };

    await expect((await prefetching("/graphql/", post(body))).json()).resolves.toEqual({ data: { from: "prefetch" } });
    expect(calls).toEqual([]);
    await expect((await prefetching("/graphql/", post(body))).json()).resolves.toEqual({ data: { from: "network" } });
    expect(calls).toHaveLength(1);
  });

  it("sends everything else to the API: other operations, other variables, non-JSON bodies", async () => {
    const store: PrefetchStore = { [prefetchKey("PublicPage", { path: "/" })]: Promise.resolve(new Response("{}")) };
    const { fetch, calls } = network();
    const prefetching = createPrefetchingFetch(store, fetch);
    await prefetching("/graphql/", post({ operationName: "PublicPage", variables: { path: "/about/" } }));
    await prefetching("/graphql/", post({ operationName: "Site" }));
    await prefetching("/graphql/", { method: "POST", body: "not json" });
    await prefetching("/graphql/", { method: "GET" });
    expect(calls).toHaveLength(4);
    expect(Object.keys(store)).toHaveLength(1);
    await createPrefetchingFetch(undefined, fetch)("/graphql/", post({ operationName: "PublicPage", variables: { path: "/" } }));
    expect(calls).toHaveLength(5);
  });
});
