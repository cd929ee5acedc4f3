import { useState } from "react";
import { useSubscription } from "urql";

import { graphql } from "../../gql";
import { useConnectionState } from "../../realtime/useConnectionState";

const HeartbeatSubscription = graphql(`
  subscription Heartbeat($everySeconds: Int!) {
    heartbeat(everySeconds: $everySeconds) {
      at
    }
  }
`);

const LABELS = { live: "Live", connecting: "Connecting…", reconnecting: "Reconnecting…", rejected: "Signed out", idle: "Offline" } as const;

/** Keeps one authenticated subscription open (the heartbeat) and shows whether live updates are flowing. */
export function ConnectionIndicator() {
  const state = useConnectionState();
  const [lastBeat, setLastBeat] = useState<string | null>(null);
  useSubscription({ query: HeartbeatSubscription, variables: { everySeconds: 15 } }, (_, data) => {
    setLastBeat(data.heartbeat.at);
    return data;
  });
  // "Live" needs both an open socket and a tick received over it.
  const shown = state === "live" && !lastBeat ? "connecting" : state;
  return (
    <p className={`connection connection-${shown}`} data-state={shown} role="status" aria-live="polite" title={lastBeat ? `Last heartbeat ${lastBeat}` : undefined}>
      <span className="dot" aria-hidden="true" />
      {LABELS[shown]}
    </p>
  );
}
