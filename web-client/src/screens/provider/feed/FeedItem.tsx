/** One open request in the feed: what, where, how urgent, how well it matches, and the provider's actions. */
import { useId } from "react";

import { MoneyText } from "../../../components/MoneyText";
import { formatDate, formatDateTime } from "../../../components/dates";
import type { BidRequestFieldsFragment } from "../../../gql/graphql";
import { MODE, urgencyOf } from "../requestLabels";
import { BidPanel } from "./BidPanel";
import { OfferPanel } from "./OfferPanel";
import type { FeedRequest } from "./useOpenRequestFeed";

interface FeedItemProps {
  request: FeedRequest;
  currency: string;
  isNew: boolean;
  /** Only the short form (dashboard): no description and no actions, a link to the feed instead. */
  compact?: boolean;
  headingLevel?: 2 | 3;
  onChanged?: (fields: Partial<FeedRequest>) => void;
  onDeclined?: () => void;
}

export function FeedItem({ request, currency, isNew, compact = false, headingLevel = 2, onChanged, onDeclined }: FeedItemProps) {
  const id = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const urgency = urgencyOf(request.urgency);
  const fixedOffer = request.mode === "FIXED_OFFER";
  const [photo, ...morePhotos] = request.photos;
  return (
    <article
      className={`card feed-item${isNew ? " feed-item-new" : ""}`}
      data-testid="feed-item"
      data-request-id={request.id}
      data-match-score={request.matchScore ?? ""}
      aria-labelledby={`${id}-title`}
    >
      <div className="feed-item-head">
        {photo ? (
          <a className="feed-thumb" href={photo.url} target="_blank" rel="noreferrer">
            <img src={photo.url} alt={`Photo of “${request.title}”${morePhotos.length ? ` (1 of ${request.photos.length})` : ""}`} loading="lazy" width={96} height={72} />
          </a>
        ) : null}
        <div className="feed-item-title">
          <Heading id={`${id}-title`}>{request.title}</Heading>
          <p className="feed-tags">
            {request.matchScore != null ? (
              <span className="match-score" data-testid="match-score">
                {request.matchScore}% match
              </span>
            ) : null}
            {isNew ? <span className="tag tag-info">New</span> : null}
            <span className={`tag tag-${urgency.tone}`}>{urgency.label}</span>
            <span className="tag tag-muted">{MODE[request.mode] ?? request.mode}</span>
          </p>
        </div>
      </div>
      <dl className="feed-facts">
        <div>
          <dt>Category</dt>
          <dd>{request.category.name}</dd>
        </div>
        <div>
          <dt>City</dt>
          <dd>{request.city}</dd>
        </div>
        <div>
          <dt>{fixedOffer ? "Offer" : "Budget"}</dt>
          <dd>{fixedOffer ? <MoneyText money={request.offer} /> : request.budget ? <MoneyText money={request.budget} /> : "Open"}</dd>
        </div>
        <div>
          <dt>Posted</dt>
          <dd>
            <time dateTime={request.createdAt}>{formatDateTime(request.createdAt)}</time>
          </dd>
        </div>
        {fixedOffer ? null : (
          <div>
            <dt>Bids</dt>
            <dd data-testid="bid-count">{request.bidCount}</dd>
          </div>
        )}
        {request.preferredDate ? (
          <div>
            <dt>Preferred date</dt>
            <dd>{formatDate(request.preferredDate)}</dd>
          </div>
        ) : null}
        {morePhotos.length ? (
          <div>
            <dt>Photos</dt>
            <dd>{request.photos.length}</dd>
          </div>
        ) : null}
      </dl>
      {compact ? null : (
        <>
          <p className="feed-description">{request.description}</p>
          <p className="feed-customer">Posted by {request.customerName}</p>
          {fixedOffer ? (
            <OfferPanel
              request={request}
              onAccepted={(job) => onChanged?.({ status: "ASSIGNED", job: { __typename: "Job", ...job } })}
              onDeclined={() => onDeclined?.()}
            />
          ) : (
            <BidPanel request={request} currency={currency} onChanged={(changed: BidRequestFieldsFragment) => onChanged?.(changed)} />
          )}
        </>
      )}
    </article>
  );
}
