/**
 * What every urql client of the app shares, kept free of graphcache and the websocket so the landing page's
 * bundle can use it: the API's path, the reading of its error codes, and the exchange that reacts to them.
 */
import { mapExchange, type CombinedError, type Exchange } from "urql";

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

/**
 * Raises the maintenance notice on a MAINTENANCE answer (and lowers it on the next clean one), and reports an
 * UNAUTHENTICATED answer to a request that carried a token (expired or revoked elsewhere).
 */
export function apiAnswersExchange({ token, onUnauthenticated }: { token: string | null; onUnauthenticated?: () => void }): Exchange {
  return mapExchange({
    onResult(result) {
      const maintenance = maintenanceError(result.error);
      if (maintenance) maintenanceStore.set({ active: true, message: maintenance.message });
      else if (!result.error) maintenanceStore.set({ active: false, message: null });
    },
    onError(error) {
      if (token && isUnauthenticated(error)) onUnauthenticated?.();
    },
  });
}
