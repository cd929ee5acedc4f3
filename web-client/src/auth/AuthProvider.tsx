/**
 * Who is signed in. The token lives in `tokenStore` (memory + web storage); on load a stored token is
 * checked with `me` before the app trusts it; it is cleared on sign-out, when the API answers UNAUTHENTICATED,
 * and when the websocket refuses it (4403).
 *
 * Signed out, the app talks through the light anonymous client. With a token, it loads the signed-in kit
 * (graphcache + realtime socket) and switches to a client built from it; `sessionReady` says when that is done.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { Provider as UrqlProvider } from "urql";

import { websocketUrl } from "../graphql/api";
import { contentClient, createPublicClient } from "../graphql/publicClient";
import type { Realtime } from "../realtime/socket";
import { loadSignedInKit, type SignedInKit } from "./loadSignedInKit";
import { LogoutMutation } from "./operations";
import { restoreSession, type Viewer } from "./session";
import { tokenStore, type Persistence } from "./tokenStore";

export type AuthState =
  | { status: "restoring" }
  | { status: "unreachable" }
  | { status: "anonymous"; notice?: string; signedOut?: boolean }
  | { status: "signedIn"; user: Viewer };

interface AuthContextValue {
  state: AuthState;
  user: Viewer | null;
  realtime: Realtime | null;
  /** False while a signed-in session's client is still being loaded (or could not be): signed-in screens wait. */
  sessionReady: boolean;
  /** The signed-in kit could not be downloaded (offline, or a deploy replaced it): a reload is needed. */
  sessionFailed: boolean;
  signIn(token: string, user: Viewer, persistence?: Persistence): void;
  signOut(): Promise<void>;
  retryRestore(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export const SESSION_ENDED = "Your session has ended. Please sign in again.";

export function AuthProvider({ children }: { children: ReactNode }) {
  const token = useSyncExternalStore(tokenStore.subscribe, tokenStore.get);
  const [state, setState] = useState<AuthState>(() => (tokenStore.get() ? { status: "restoring" } : { status: "anonymous" }));
  const [realtime, setRealtime] = useState<Realtime | null>(null);
  const [kit, setKit] = useState<SignedInKit | null>(null);
  const [kitFailed, setKitFailed] = useState(false);

  // While signing out, the revoked token makes in-flight requests and the socket answer UNAUTHENTICATED; that is
  // the sign-out itself, not an expired session (which would send the user back to sign in "where they were").
  const signingOut = useRef(false);
  const expire = useCallback(() => {
    if (!tokenStore.get() || signingOut.current) return;
    tokenStore.clear();
    setState({ status: "anonymous", notice: SESSION_ENDED });
  }, []);

  useEffect(() => {
    if (!token || kit) return;
    let current = true;
    loadSignedInKit().then(
      (loaded) => {
        if (!current) return;
        setKitFailed(false);
        setKit(() => loaded); // a module namespace, not an updater function
      },
      () => {
        if (current) setKitFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [token, kit]);

  useEffect(() => {
    if (!token || !kit) {
      setRealtime(null);
      return;
    }
    const socket = kit.createRealtime({ url: websocketUrl(window.location), authToken: token, onAuthRejected: expire });
    setRealtime(socket);
    return () => socket.dispose();
  }, [token, kit, expire]);

  const client = useMemo(() => {
    if (!token) return contentClient;
    // Until the kit is here, a light client with the token is enough to check it (`me`) and sign out.
    if (!kit) return createPublicClient({ token, onUnauthenticated: expire });
    return kit.createApiClient({ token, realtime, onUnauthenticated: expire });
  }, [token, kit, realtime, expire]);
  const sessionReady = !token || (kit !== null && realtime !== null);
  const clientRef = useRef(client);
  clientRef.current = client;

  const restore = useCallback(() => {
    setState({ status: "restoring" });
    void restoreSession(clientRef.current, tokenStore).then((restored) => {
      setState(restored.kind === "signedIn" ? { status: "signedIn", user: restored.user } : { status: restored.kind });
    });
  }, []);

  useEffect(() => {
    if (tokenStore.get()) restore();
  }, [restore]);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      user: state.status === "signedIn" ? state.user : null,
      realtime,
      sessionReady,
      sessionFailed: !!token && kitFailed,
      signIn(newToken, user, persistence) {
        tokenStore.set(newToken, persistence);
        setState({ status: "signedIn", user });
      },
      async signOut() {
        // Revoke the token server-side first (best effort), then forget it whatever the answer.
        signingOut.current = true;
        try {
          await client.mutation(LogoutMutation, {}).toPromise();
        } finally {
          tokenStore.clear();
          setState({ status: "anonymous", notice: "You have signed out.", signedOut: true });
          signingOut.current = false;
        }
      },
      retryRestore: restore,
    }),
    [state, realtime, sessionReady, token, kitFailed, client, restore],
  );

  return (
    <AuthContext.Provider value={value}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}
