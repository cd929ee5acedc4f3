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

interface PublicClientOptions {
  url?: string;
  /** Only while a stored token is checked, before the signed-in client is loaded. */
  token?: string | null;
  onUnauthenticated?: () => void;
}

export function createPublicClient({ url = GRAPHQL_PATH, token = null, onUnauthenticated }: PublicClientOptions = {}): Client {
  return new Client({
    url,
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: (): RequestInit => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    exchanges: [apiAnswersExchange({ token, onUnauthenticated }), cacheExchange, fetchExchange],
  });
}

export const contentClient = createPublicClient();

/** Public CMS content below this reads through `contentClient`, whoever is signed in. */
export function ContentApi({ children }: { children: ReactNode }) {
  return <Provider value={contentClient}>{children}</Provider>;
}
