/**
 * The urql client: normalized cache (graphcache), HTTP for queries and mutations with the bearer token,
 * and the realtime socket for subscriptions. One client per signed-in token, so signing out drops the cache
 * and the socket with it and nothing of one user's data can show for the next.
 */
import { cacheExchange } from "@urql/exchange-graphcache";
import { Client, fetchExchange, subscriptionExchange } from "urql";

import { embeddedTypes } from "../gql/embedded-types";
import type { Realtime } from "../realtime/socket";
import { GRAPHQL_PATH, apiAnswersExchange } from "./api";

// The shared helpers live in ./api (light, in the landing bundle); re-exported for existing imports.
export { GRAPHQL_PATH, isUnauthenticated, websocketUrl } from "./api";

interface ApiClientOptions {
  url?: string;
  token: string | null;
  realtime: Realtime | null;
  /** Called when the API says the token is no longer valid (expired or revoked elsewhere). */
  onUnauthenticated: () => void;
}

export function createApiClient({ url = GRAPHQL_PATH, token, realtime, onUnauthenticated }: ApiClientOptions): Client {
  return new Client({
    url,
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: (): RequestInit => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    exchanges: [
      apiAnswersExchange({ token, onUnauthenticated }),
      cacheExchange({ keys: Object.fromEntries(embeddedTypes.map((name) => [name, () => null])) }),
      fetchExchange,
      ...(realtime
        ? [
            subscriptionExchange({
              forwardSubscription: (request) => ({
                subscribe: (sink) => ({ unsubscribe: realtime.subscribe({ ...request, query: request.query ?? "" }, sink) }),
              }),
            }),
          ]
        : []),
    ],
  });
}
