/**
 * The signed-in user's notifications for the whole shell: one load (unread count + newest few), one live
 * `notifications` subscription, and mark-read actions. The bell and /app/notifications read it from here.
 * After the socket reconnects the load runs again, since notifications are not replayed.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from "react";
import { useClient, useMutation, useSubscription } from "urql";

import { errorMessage } from "../../components/QueryState";
import type { NotificationFieldsFragment } from "../../gql/graphql";
import { useConnectionState } from "../../realtime/useConnectionState";
import { BellQuery, MarkNotificationsReadMutation, NotificationsSubscription } from "./operations";
import { RECENT_LIMIT, bellReducer, emptyBell } from "./unread";

export type AppNotification = NotificationFieldsFragment;

interface NotificationsContextValue {
  unread: number;
  /** Whether the first load has answered (the count is the API's, not a placeholder). */
  ready: boolean;
  /** Newest first, a few. */
  recent: readonly AppNotification[];
  /** Everything received live since the shell opened, in arrival order. */
  arrivals: readonly AppNotification[];
  announcement: string;
  loadError: string | null;
  reload(): void;
  /** Resolves to an error message, or null on success. */
  markAllRead(): Promise<string | null>;
  markRead(ids: readonly string[]): Promise<string | null>;
}

const NotificationsContext = createContext<NotificationsContextValue | null>(null);

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [state, dispatch] = useReducer(bellReducer<AppNotification>, undefined, emptyBell<AppNotification>);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  const reload = useCallback(() => {
    dispatch({ type: "loading" });
    void client
      .query(BellQuery, { first: RECENT_LIMIT }, { requestPolicy: "network-only" })
      .toPromise()
      .then((result) => {
        const connection = result.data?.notifications;
        if (connection) {
          dispatch({ type: "loaded", unread: connection.unreadCount, recent: connection.edges.map((edge) => edge.node) });
          setReady(true);
        }
        setLoadError(result.error ? errorMessage(result.error) : null);
      });
  }, [client]);
  useEffect(reload, [reload]);

  const connection = useConnectionState();
  const wasReconnecting = useRef(false);
  useEffect(() => {
    if (connection === "reconnecting") wasReconnecting.current = true;
    else if (connection === "live" && wasReconnecting.current) {
      wasReconnecting.current = false;
      reload();
    }
  }, [connection, reload]);

  const [live] = useSubscription({ query: NotificationsSubscription }, (received: AppNotification[] = [], data) => [...received, data.notifications]);
  const arrivals = useMemo(() => live.data ?? [], [live.data]);
  useEffect(() => {
    for (const notification of arrivals) dispatch({ type: "received", notification });
  }, [arrivals]);

  const [, mark] = useMutation(MarkNotificationsReadMutation);
  const markAllRead = useCallback(async () => {
    const result = await mark({ all: true, ids: null });
    const payload = result.data?.markNotificationsRead;
    if (result.error) return errorMessage(result.error);
    if (!payload || payload.errors.length) return payload?.errors[0]?.message ?? "Something went wrong.";
    dispatch({ type: "markedAllRead", unread: payload.unreadCount });
    return null;
  }, [mark]);
  const markRead = useCallback(
    async (ids: readonly string[]) => {
      const result = await mark({ all: false, ids: [...ids] });
      const payload = result.data?.markNotificationsRead;
      if (result.error) return errorMessage(result.error);
      if (!payload || payload.errors.length) return payload?.errors[0]?.message ?? "Something went wrong.";
      dispatch({ type: "markedRead", ids, unread: payload.unreadCount });
      return null;
    },
    [mark],
  );

  const value = useMemo<NotificationsContextValue>(
    () => ({ unread: state.unread, ready, recent: state.recent, arrivals, announcement: state.announcement, loadError, reload, markAllRead, markRead }),
    [state.unread, ready, state.recent, arrivals, state.announcement, loadError, reload, markAllRead, markRead],
  );
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

export function useNotifications(): NotificationsContextValue {
  const value = useContext(NotificationsContext);
  if (!value) throw new Error("useNotifications must be used inside <NotificationsProvider>");
  return value;
}
