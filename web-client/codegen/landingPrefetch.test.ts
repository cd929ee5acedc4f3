import { describe, expect, it } from "vitest";

import { prefetchKey } from "../src/graphql/prefetch";
import { prefetchRequests, prefetchScript } from "./landingPrefetch";

const site = {
  kind: "Document",
  definitions: [{ kind: "OperationDefinition", operation: "query", name: { kind: "Name", value: "Site" }, selectionSet: { kind: "SelectionSet", selections: [{ kind: "Field", name: { kind: "Name", value: "site" }, selectionSet: { kind: "SelectionSet", selections: [{ kind: "Field", name: { kind: "Name", value: "platformName" } }] } }] } }],
};
const generated = `export const SiteDocument = ${JSON.stringify(site)} as unknown as DocumentNode<SiteQuery, SiteQueryVariables>;\n`;

/** Runs the inline script against a fake window, location and fetch; returns the requests it made. */
function run(script: string, pathname: string) {
  const window: Record<string, Record<string, Promise<unknown>>> = {};
  const requests: { url: string; body: string }[] = [];
  const fetch = (url: string, init: { body: string }) => {
    requests.push({ url, body: init.body });
    return Promise.resolve({});
  };
  new Function("window", "location", "fetch", script)(window, { pathname }, fetch);
  return { requests, store: window.__serveflowPrefetch };
}

describe("the landing prefetch script", () => {
  it("sends the generated documents as urql would, under the keys the client looks for", () => {
    const [request] = prefetchRequests(generated, [{ document: "SiteDocument" }]);
    const body = JSON.parse(request.body);
    expect(body).toEqual({ operationName: "Site", query: expect.stringContaining("platformName"), variables: {} });
    expect(body.query).toContain("__typename"); // urql's document cache adds it to the queries it sends
    expect(request.key).toBe(prefetchKey("Site", {}));
  });

  it("starts each request on its path only, and keeps the response under its key", () => {
    const script = prefetchScript([
      { key: "Site {}", body: '{"operationName":"Site"}' },
      { key: 'PublicPage {"path":"/"}', body: '{"operationName":"PublicPage"}', path: "/" },
    ]);
    const landing = run(script, "/");
    expect(landing.requests.map((request) => [request.url, request.body])).toEqual([
      ["/graphql/", '{"operationName":"Site"}'],
      ["/graphql/", '{"operationName":"PublicPage"}'],
    ]);
    expect(Object.keys(landing.store)).toEqual(["Site {}", 'PublicPage {"path":"/"}']);
    expect(run(script, "/services").requests).toHaveLength(1);
  });

  it("cannot be closed early by the data it carries", () => {
    const script = prefetchScript([{ key: "x", body: '{"query":"</script><script>alert(1)</script>"}' }]);
    expect(script).not.toContain("</script>");
    expect(run(script, "/").requests[0].body).toBe('{"query":"</script><script>alert(1)</script>"}');
  });

  it("fails the build when a document is missing", () => {
    expect(() => prefetchRequests(generated, [{ document: "GoneDocument" }])).toThrow(/npm run codegen/);
  });
});
