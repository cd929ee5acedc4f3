/**
 * What only a signed-in session needs: the normalized-cache client and the realtime socket. Loaded on demand
 * (`loadSignedInKit`), so graphcache and graphql-ws stay out of the landing page's bundle.
 */
export { createApiClient } from "../graphql/client";
export { createRealtime } from "../realtime/socket";
