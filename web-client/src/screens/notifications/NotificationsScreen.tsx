/** /app/notifications: every notification, newest first, paged, with live arrivals on top and "Mark all read". */
import { useCallback, useEffect, useState } from "react";
import { useClient, type CombinedError } from "urql";

import { useAuth } from "../../auth/AuthProvider";
import { ErrorState } from "../../components/QueryState";
import { NotificationList } from "./NotificationList";
import { useNotifications, type AppNotification } from "./NotificationsProvider";
import { NotificationsPageQuery } from "./operations";
import { mergeNewestFirst } from "./unread";
import "./notifications.css";

const PAGE_SIZE = 20;

interface Listing {
  items: AppNotification[];
  cursor: string | null;
  hasMore: boolean;
  loading: boolean;
  loaded: boolean;
  error: CombinedError | null;
}

export function NotificationsScreen() {
  const { user } = useAuth();
  const client = useClient();
  const { unread, arrivals, markAllRead, markRead } = useNotifications();
  const [listing, setListing] = useState<Listing>({ items: [], cursor: null, hasMore: false, loading: true, loaded: false, error: null });
  const [marking, setMarking] = useState(false);
  const [markError, setMarkError] = useState<string | null>(null);

  const load = useCallback(
    async (after: string | null) => {
      setListing((current) => ({ ...current, loading: true, error: null }));
      const result = await client.query(NotificationsPageQuery, { first: PAGE_SIZE, after }, { requestPolicy: "network-only" }).toPromise();
      const page = result.data?.notifications;
      setListing((current) => ({
        items: page ? mergeNewestFirst(after ? current.items : [], page.edges.map((edge) => edge.node)) : current.items,
        cursor: page ? (page.pageInfo.endCursor ?? null) : current.cursor,
        hasMore: page ? page.pageInfo.hasNextPage : current.hasMore,
        loading: false,
        loaded: current.loaded || !!page,
        error: result.error ?? null,
      }));
    },
    [client],
  );
  useEffect(() => void load(null), [load]);

  // Live arrivals join the list at the top (once each).
  useEffect(() => {
    if (arrivals.length) setListing((current) => ({ ...current, items: mergeNewestFirst(current.items, arrivals.filter((n) => !current.items.some((i) => i.id === n.id))) }));
  }, [arrivals]);

  if (!user) return null;

  async function markAll() {
    if (marking || unread === 0) return;
    setMarking(true);
    const error = await markAllRead();
    setMarkError(error);
    if (!error) setListing((current) => ({ ...current, items: current.items.map((n) => (n.isRead ? n : { ...n, isRead: true })) }));
    setMarking(false);
  }

  return (
    <section className="notifications-page" data-testid="notifications-page">
      <div className="notifications-head">
        <h1>Notifications</h1>
        <button type="button" className="button button-secondary" aria-disabled={marking || unread === 0} onClick={() => void markAll()}>
          Mark all read
        </button>
      </div>
      <p className="subtitle" aria-live="polite">
        {unread === 0 ? "You are all caught up." : `${unread} unread`}
      </p>
      {markError ? (
        <p className="alert alert-error" role="alert">
          {markError}
        </p>
      ) : null}
      {listing.error ? <ErrorState error={listing.error} retry={() => void load(listing.loaded ? listing.cursor : null)} /> : null}
      {listing.loaded ? (
        <NotificationList
          items={listing.items}
          role={user.role}
          empty="No notifications yet. You will see new bids, payments, job updates and reviews here."
          onOpen={(notification) => {
            if (!notification.isRead) void markRead([notification.id]);
          }}
        />
      ) : listing.loading ? (
        <p className="page-status" role="status">
          Loading notifications…
        </p>
      ) : null}
      {listing.hasMore ? (
        <button type="button" className="button button-secondary" disabled={listing.loading} onClick={() => void load(listing.cursor)}>
          {listing.loading ? "Loading…" : "Load more"}
        </button>
      ) : null}
    </section>
  );
}
