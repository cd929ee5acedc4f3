import { useSyncExternalStore } from "react";

import { useAuth } from "../auth/AuthProvider";
import type { ConnectionState } from "./socket";

const noop = () => () => {};

/** The websocket's state for the live indicator ("idle" when signed out). */
export function useConnectionState(): ConnectionState {
  const { realtime } = useAuth();
  return useSyncExternalStore(realtime ? realtime.onState : noop, () => realtime?.state() ?? "idle");
}
