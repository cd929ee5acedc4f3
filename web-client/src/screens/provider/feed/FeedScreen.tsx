/**
 * /app/provider/feed: open requests in the provider's categories and area, best match first, with new ones
 * inserted live at their place (and read out by a polite live region). Not approved yet: the status instead.
 */
import { useRef } from "react";
import { Link } from "react-router";

import { ErrorState, Loading, QueryState } from "../../../components/QueryState";
import { FeedLocked, useProviderStatus } from "../ProviderStatus";
import { FeedItem } from "./FeedItem";
import { useOpenRequestFeed } from "./useOpenRequestFeed";

const PAGE_SIZE = 20;

export function FeedScreen() {
  const { result, status, approved } = useProviderStatus();
  return (
    <section className="provider-feed" aria-labelledby="feed-title">
      <h1 id="feed-title" tabIndex={-1}>
        Open requests
      </h1>
      <p className="subtitle">Requests in your categories and service area, best match first. New ones appear here as they are posted.</p>
      {/* The status query's error is shown by the banner above every provider screen. */}
      {!result.data ? result.error ? null : <Loading /> : approved ? <LiveFeed /> : <FeedLocked status={status} />}
    </section>
  );
}

function LiveFeed() {
  const feed = useOpenRequestFeed({ pageSize: PAGE_SIZE, enabled: true });
  const heading = useRef<HTMLElement | null>(null);
  const focusHeading = () => {
    heading.current ??= document.getElementById("feed-title");
    heading.current?.focus();
  };
  const { items, arrivedIds, announcement } = feed.state;
  return (
    <>
      <p className="visually-hidden" role="status" data-testid="feed-announcer">
        {announcement}
      </p>
      <QueryState result={feed.result} retry={feed.retry} loadingLabel="Loading open requests…">
        {() =>
          items.length === 0 ? (
            <div className="empty card" data-testid="feed-empty">
              <p>No open requests match your categories and area right now. New ones will appear here as soon as they are posted.</p>
              <p>
                <Link to="/app/provider/profile">Check your categories and service area</Link>
              </p>
            </div>
          ) : (
            <>
              <p className="feed-count" data-testid="feed-count">
                {items.length === 1 ? "1 request" : `${items.length} requests`}
                {feed.hasNextPage ? " shown" : ""}
              </p>
              <ol className="feed-list" data-testid="feed-list">
                {items.map((request) => (
                  <li key={request.id}>
                    <FeedItem
                      request={request}
                      currency={feed.currency}
                      isNew={arrivedIds.includes(request.id)}
                      onChanged={(fields) => feed.dispatch({ type: "patched", id: request.id, fields })}
                      onDeclined={() => {
                        feed.dispatch({ type: "removed", id: request.id, announcement: `You declined “${request.title}”. It has left your feed.` });
                        focusHeading();
                      }}
                    />
                  </li>
                ))}
              </ol>
              {feed.more.error ? <ErrorState error={feed.more.error} retry={feed.loadMore} /> : null}
              {feed.hasNextPage ? (
                <button type="button" className="button button-secondary" disabled={feed.more.fetching} onClick={feed.loadMore}>
                  {feed.more.fetching ? "Loading…" : "Show more requests"}
                </button>
              ) : null}
            </>
          )
        }
      </QueryState>
    </>
  );
}
