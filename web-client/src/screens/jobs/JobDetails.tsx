/** Read-only parts of the job page: the dispute (with the AI's reading for admins) and the reviews. */
import { statusLabel } from "../../components/StatusBadge";
import { formatDateTime } from "../../components/dates";
import type { JobFieldsFragment } from "../../gql/graphql";

type Dispute = NonNullable<JobFieldsFragment["dispute"]>;
type Review = JobFieldsFragment["reviews"][number];

const RESOLUTION: Record<string, string> = { RELEASE: "Released to the provider", REFUND: "Refunded to the customer", SPLIT: "Split" };

export function DisputeDetails({ dispute }: { dispute: Dispute }) {
  const resolved = !!dispute.resolvedAt;
  return (
    <section className="card job-dispute" aria-labelledby="job-dispute-title" data-testid="job-dispute">
      <h2 id="job-dispute-title">Dispute</h2>
      <dl className="details">
        <dt>Status</dt>
        <dd>
          {resolved ? (
            <span className="tag tag-success">Resolved</span>
          ) : (
            <span className="tag tag-danger">Open: an admin is reviewing it</span>
          )}
        </dd>
        <dt>Opened</dt>
        <dd>
          <time dateTime={dispute.openedAt}>{formatDateTime(dispute.openedAt)}</time>
        </dd>
        <dt>Reason</dt>
        <dd className="preserve-lines">{dispute.reason}</dd>
        {resolved ? (
          <>
            <dt>Decision</dt>
            <dd>
              {RESOLUTION[dispute.resolution] ?? statusLabel(dispute.resolution)}
              {dispute.resolution === "SPLIT" && dispute.providerSharePercent != null ? ` (${dispute.providerSharePercent}% to the provider)` : ""}
              {" on "}
              <time dateTime={dispute.resolvedAt!}>{formatDateTime(dispute.resolvedAt)}</time>
            </dd>
            {dispute.resolutionNote ? (
              <>
                <dt>Note</dt>
                <dd className="preserve-lines">{dispute.resolutionNote}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {dispute.analysis ? (
        <div className="dispute-analysis" data-testid="dispute-analysis">
          <h3>AI reading (advice for admins)</h3>
          <p>
            <span className={dispute.analysis.source === "FALLBACK" ? "tag tag-warning" : "tag tag-info"}>
              {dispute.analysis.source === "FALLBACK" ? "Local fallback, not Gemini" : "Gemini"}
            </span>{" "}
            Suggests: <strong>{RESOLUTION[dispute.analysis.suggestedResolution] ?? statusLabel(dispute.analysis.suggestedResolution)}</strong>
            {dispute.analysis.customerSharePercent != null ? ` (${dispute.analysis.customerSharePercent}% back to the customer)` : ""}
          </p>
          <p className="preserve-lines">{dispute.analysis.summary}</p>
          <p className="subtitle preserve-lines">{dispute.analysis.rationale}</p>
        </div>
      ) : null}
    </section>
  );
}

export function Reviews({ reviews }: { reviews: readonly Review[] }) {
  if (!reviews.length) return null;
  return (
    <section className="card" aria-labelledby="job-reviews-title" data-testid="job-reviews">
      <h2 id="job-reviews-title">Reviews</h2>
      <ul className="job-reviews">
        {reviews.map((review) => (
          <li key={review.id}>
            <p>
              <span className="review-stars" aria-hidden="true">
                {"★".repeat(review.rating)}
                {"☆".repeat(5 - review.rating)}
              </span>{" "}
              <span className="visually-hidden">{review.rating} of 5 stars</span>
              <strong>{review.authorName}</strong> ({review.authorRole === "CUSTOMER" ? "customer" : "provider"}),{" "}
              <time dateTime={review.createdAt}>{formatDateTime(review.createdAt)}</time>
            </p>
            {review.comment ? <p className="preserve-lines">{review.comment}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
