/**
 * `openRequestFeed`: each request that newly opens in one of the viewer's categories, as the viewer may see it
 * (with its match score). Written by hand until the subscription is in the exported schema; then it moves to
 * operations.ts as a `graphql()` document like the others.
 */
import { parse, type DocumentNode } from "graphql";
import type { TypedDocumentNode } from "urql";

import { FeedRequestFieldsFragmentDoc, type FeedRequestFieldsFragment } from "../../../gql/graphql";

export interface OpenRequestFeedEvent {
  openRequestFeed: FeedRequestFieldsFragment;
}

const subscription = parse(`
  subscription OpenRequestFeed {
    openRequestFeed {
      ...FeedRequestFields
    }
  }
`);

export const OpenRequestFeedSubscription = {
  ...subscription,
  definitions: [...subscription.definitions, ...(FeedRequestFieldsFragmentDoc as DocumentNode).definitions],
} as TypedDocumentNode<OpenRequestFeedEvent, Record<string, never>>;
