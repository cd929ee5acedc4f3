/**
 * The light urql client: document cache and HTTP only (no graphcache, no websocket), so the landing page and
 * sign-in never download the signed-in machinery (see `auth/signedInKit.ts`).
 *
 * `contentClient` serves the CMS's public content (site, pages, categories, previews): it is the same for every
 * visitor, so one anonymous client keeps it for the whole visit, and signing in or out neither refetches it nor
 * makes it flash.
 */
import type { ReactNode } from "react";
import { Client, Provider, cacheExchange, fetchExchange } from "urql";

import { GRAPHQL_PATH, apiAnswersExchange } from "./api";
import { createPrefetchingFetch, pagePrefetches } from "./prefetch";

interface PublicClientOptions {
  url?: string;
  /** Only while a stored token is checked, before the signed-in client is loaded. */
  token?: string | null;
  onUnauthenticated?: () => void;
  fetch?: typeof fetch;
}

export function createPublicClient({ url = GRAPHQL_PATH, token = null, onUnauthenticated, fetch }: PublicClientOptions = {}): Client {
  return new Client({
    url,
    fetch,
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: (): RequestInit => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    exchanges: [apiAnswersExchange({ token, onUnauthenticated }), cacheExchange, fetchExchange],
  });
}

// Takes the responses index.html prefetched (graphql/prefetch.ts) before asking the API.
export const contentClient = createPublicClient({ fetch: createPrefetchingFetch(pagePrefetches(), (input, init) => fetch(input, init)) });

/** Public CMS content below this reads through `contentClient`, whoever is signed in. */
export function ContentApi({ children }: { children: ReactNode }) {
  return <Provider value={contentClient}>{children}</Provider>;
}
