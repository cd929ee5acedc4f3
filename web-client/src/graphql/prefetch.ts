/**
 * Responses that index.html asked for before the app's code arrived: the queries every visit starts with (`site`,
 * and `page(path: "/")` on the landing page). codegen/landingPrefetch.ts writes the script that starts them under
 * these keys; the content client's fetch takes each one once instead of asking again, so the landing page's content
 * no longer waits for the bundle to download, parse and render before it is even requested.
 */
export const PREFETCH_GLOBAL = "__serveflowPrefetch";

export type PrefetchStore = Record<string, Promise<Response> | undefined>;

/** JSON with object keys sorted, so equal variables give equal keys whatever their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The key of a GraphQL request: its operation name and variables. */
export function prefetchKey(operationName: string | null | undefined, variables: unknown): string {
  return `${operationName ?? ""} ${canonicalJson(variables ?? {})}`;
}

/** A fetch that answers a POSTed operation from `store` once when it was prefetched, else asks `network`. */
export function createPrefetchingFetch(store: PrefetchStore | undefined, network: typeof fetch): typeof fetch {
  return (input, init) => {
    if (store && init?.method === "POST" && typeof init.body === "string") {
      try {
        const { operationName, variables } = JSON.parse(init.body) as { operationName?: string; variables?: unknown };
        const key = prefetchKey(operationName, variables);
        const prefetched = store[key];
        if (prefetched) {
          delete store[key]; // once: a refetch (retry, revisit) asks the API again
          return prefetched;
        }
      } catch {
        /* not JSON: not ours */
      }
    }
    return network(input, init);
  };
}

/** The prefetched responses of this page load, if index.html started any. */
export function pagePrefetches(): PrefetchStore | undefined {
  return typeof window === "undefined" ? undefined : (window as unknown as Record<string, PrefetchStore | undefined>)[PREFETCH_GLOBAL];
}
