/**
 * The provider's feed: pages of `openRequests` (best match first) merged with requests that newly open in the
 * provider's categories, pushed by the `openRequestFeed` subscription, into one ordered list (feedList.ts).
 */
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useQuery, useSubscription, type CombinedError, type UseQueryState } from "urql";

import type { FeedRequestFieldsFragment, OpenRequestsQuery as OpenRequestsData } from "../../../gql/graphql";
import { useConnectionState } from "../../../realtime/useConnectionState";
import { OpenRequestFeedSubscription, OpenRequestsQuery } from "../operations";
import { emptyFeed, feedReducer, type FeedAction, type FeedState } from "./feedList";

export type FeedRequest = FeedRequestFieldsFragment;

export interface OpenRequestFeed {
  state: FeedState<FeedRequest>;
  dispatch: (action: FeedAction<FeedRequest>) => void;
  /** The first page's query (loading and error states); later pages are `more`. */
  result: UseQueryState<OpenRequestsData>;
  more: { fetching: boolean; error?: CombinedError };
  hasNextPage: boolean;
  totalCount: number | null;
  loadMore: () => void;
  retry: () => void;
  /** The platform currency (bids on requests without a budget are in it). */
  currency: string;
}

export function announceArrival(request: FeedRequest): string {
  const score = request.matchScore != null ? `, ${request.matchScore}% match` : "";
  return `New request: ${request.title} (${request.category.name}, ${request.city}${score}).`;
}

/** `enabled: false` (a provider not approved yet) asks nothing: the API would refuse both with FORBIDDEN. */
export function useOpenRequestFeed({ pageSize, enabled }: { pageSize: number; enabled: boolean }): OpenRequestFeed {
  const [state, dispatch] = useReducer(feedReducer<FeedRequest>, undefined, emptyFeed<FeedRequest>);
  const [after, setAfter] = useState<string | null>(null);

  const [first, refetchFirst] = useQuery({ query: OpenRequestsQuery, variables: { first: pageSize, after: null }, pause: !enabled });
  const [next] = useQuery({ query: OpenRequestsQuery, variables: { first: pageSize, after }, pause: !enabled || after === null });

  // Every version of every page is merged (graphcache re-delivers a page when a request in it changes).
  useEffect(() => {
    if (first.data) dispatch({ type: "loaded", items: first.data.openRequests.edges.map((edge) => edge.node) });
  }, [first.data]);
  useEffect(() => {
    if (next.data) dispatch({ type: "loaded", items: next.data.openRequests.edges.map((edge) => edge.node) });
  }, [next.data]);

  // The handler only collects events; they are merged in an effect, so two events in one tick are both kept.
  const [live] = useSubscription(
    { query: OpenRequestFeedSubscription, pause: !enabled },
    (received: FeedRequest[] = [], event) => [...received, event.openRequestFeed],
  );
  const merged = useRef(0);
  useEffect(() => {
    const received = live.data ?? [];
    for (const request of received.slice(merged.current)) {
      dispatch({ type: "arrived", item: request, announcement: announceArrival(request) });
    }
    merged.current = received.length;
  }, [live.data]);

  // The feed has no replay: after the socket was down, ask for the first page again so nothing posted meanwhile
  // is missing (the merge ignores what is already shown).
  const connection = useConnectionState();
  const wasDown = useRef(false);
  useEffect(() => {
    if (connection === "reconnecting") wasDown.current = true;
    else if (connection === "live" && wasDown.current && enabled) {
      wasDown.current = false;
      refetchFirst({ requestPolicy: "network-only" });
    }
  }, [connection, enabled, refetchFirst]);

  const latest = after !== null && next.data ? next.data : first.data;
  const pageInfo = latest?.openRequests.pageInfo;
  const loadMore = useCallback(() => {
    if (pageInfo?.endCursor) setAfter(pageInfo.endCursor);
  }, [pageInfo?.endCursor]);
  const retry = useCallback(() => refetchFirst({ requestPolicy: "network-only" }), [refetchFirst]);

  return {
    state,
    dispatch,
    result: first,
    more: { fetching: next.fetching, error: next.error },
    hasNextPage: !!pageInfo?.hasNextPage,
    totalCount: first.data?.openRequests.totalCount ?? null,
    loadMore,
    retry,
    currency: first.data?.site?.currency.code ?? "USD",
  };
}
