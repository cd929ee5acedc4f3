/** Restoring a session on reload: the stored token is trusted only after the API answers `me` with a user. */
import type { Client } from "urql";

import type { ViewerFieldsFragment } from "../gql/graphql";
import { isUnauthenticated } from "../graphql/api";
import { MeQuery } from "./operations";
import type { TokenStore } from "./tokenStore";

export type Viewer = ViewerFieldsFragment;

export type Restored = { kind: "signedIn"; user: Viewer } | { kind: "anonymous" } | { kind: "unreachable" };

/**
 * Asks the API who the stored token belongs to. An unknown, expired or revoked token is removed from the store;
 * a network failure keeps it (the API may just be restarting), so the caller can offer to retry.
 */
export async function restoreSession(client: Client, store: TokenStore): Promise<Restored> {
  if (!store.get()) return { kind: "anonymous" };
  const result = await client.query(MeQuery, {}, { requestPolicy: "network-only" }).toPromise();
  if (result.data?.me) return { kind: "signedIn", user: result.data.me };
  if (result.error && !isUnauthenticated(result.error) && result.error.networkError) return { kind: "unreachable" };
  store.clear();
  return { kind: "anonymous" };
}
