/**
 * The urql client: normalized cache (graphcache), HTTP for queries and mutations with the bearer token,
 * and the realtime socket for subscriptions. One client per signed-in token, so signing out drops the cache
 * and the socket with it and nothing of one user's data can show for the next.
 */
import { cacheExchange } from "@urql/exchange-graphcache";
import { Client, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from "urql";

import { embeddedTypes } from "../gql/embedded-types";
import type { Realtime } from "../realtime/socket";
import { maintenanceStore } from "./maintenance";

export const GRAPHQL_PATH = "/graphql/";

export function websocketUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}${GRAPHQL_PATH}`;
}

export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === "UNAUTHENTICATED");
}

function maintenanceError(error: CombinedError | undefined) {
  return error?.graphQLErrors.find((e) => e.extensions?.code === "MAINTENANCE");
}

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
      mapExchange({
        onResult(result) {
          const maintenance = maintenanceError(result.error);
          if (maintenance) maintenanceStore.set({ active: true, message: maintenance.message });
          else if (!result.error) maintenanceStore.set({ active: false, message: null });
        },
        onError(error) {
          if (token && isUnauthenticated(error)) onUnauthenticated();
        },
      }),
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
