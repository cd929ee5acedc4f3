/**
 * `useSubscription` for event streams that can resume: pass the variables without `afterId`; the hook starts
 * with `afterId: startAfterId` (null unless the caller already holds events, e.g. a chat's history) and the
 * realtime transport advances it to the last received event's id, so after a reconnect the server sends only
 * what was missed (`chatMessages(jobId, afterId)` and the like).
 */
import { useMemo } from "react";
import { resumableSubscriptionVariables } from "./resume";
import { useSubscription, type AnyVariables, type SubscriptionHandler, type TypedDocumentNode } from "urql";

export function useResumableSubscription<Data, Result = Data, Variables extends AnyVariables = AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, "afterId">,
  handler?: SubscriptionHandler<Data, Result>,
  pause = false,
  /** The last event the caller already has (from a history query): the server replays what came after it. */
  startAfterId: string | null = null,
) {
  const key = JSON.stringify([variables, startAfterId]);
  // Keyed by value, not identity, so callers may pass a fresh object each render.
  const resumable = useMemo(
    () => resumableSubscriptionVariables(variables as Record<string, unknown>, startAfterId) as unknown as Variables,
    [key],
  );
  return useSubscription<Data, Result, Variables>({ query, variables: resumable, pause } as never, handler);
}
