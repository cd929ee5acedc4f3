/**
 * Resume after a reconnect. A subscription that declares an `afterId` variable (e.g. `chatMessages(jobId, afterId)`)
 * gets that variable advanced to the id of the last event it received. graphql-ws re-sends the same subscribe
 * payload when it reconnects, so the server is asked only for what was missed while the socket was down.
 */

export interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/** Whether the operation can be resumed: its variables carry an `afterId` key (null until the first event). */
export function isResumable(payload: SubscribePayload): boolean {
  return payload.variables != null && Object.prototype.hasOwnProperty.call(payload.variables, "afterId");
}

/** The id of the event in a subscription result: the `id` of its (single) root field's object, if any. */
export function eventId(data: unknown): string | null {
  if (data == null || typeof data !== "object") return null;
  for (const value of Object.values(data as Record<string, unknown>)) {
    if (value && typeof value === "object" && typeof (value as { id?: unknown }).id === "string") {
      return (value as { id: string }).id;
    }
  }
  return null;
}

/** Records the last seen event id into the payload that will be re-sent on reconnect. */
export function advanceCursor(payload: SubscribePayload, result: { data?: unknown }): void {
  if (!isResumable(payload)) return;
  const id = eventId(result.data);
  if (id !== null) payload.variables = { ...payload.variables, afterId: id };
}

/**
 * Variables for a resumable subscription: the caller's, plus `afterId` — null (only what happens from now on) or
 * the last event the caller already has (e.g. the newest message of a history page), until the first event arrives.
 */
export function resumableSubscriptionVariables<V extends Record<string, unknown>>(variables: V, afterId: string | null = null): V & { afterId: string | null } {
  return { ...variables, afterId };
}
