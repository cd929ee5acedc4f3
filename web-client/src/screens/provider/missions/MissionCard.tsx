/** One job from the provider's side: status, customer, amount, dates, unread chat, and the way to the job page. */
import { useId } from "react";
import { Link } from "react-router";

import { MoneyText } from "../../../components/MoneyText";
import { StatusBadge } from "../../../components/StatusBadge";
import { formatDateTime } from "../../../components/dates";
import type { MissionFieldsFragment } from "../../../gql/graphql";
import { milestone } from "./missionFilters";

export function MissionCard({ job, headingLevel = 2 }: { job: MissionFieldsFragment; headingLevel?: 2 | 3 }) {
  const id = useId();
  const when = milestone(job);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card mission" data-testid="mission" data-job-id={job.id} data-status={job.status} aria-labelledby={`${id}-title`}>
      <div className="mission-head">
        <Heading id={`${id}-title`}>{job.request.title}</Heading>
        <StatusBadge status={job.status} />
      </div>
      <dl className="feed-facts">
        <div>
          <dt>Customer</dt>
          <dd>{job.customerName}</dd>
        </div>
        <div>
          <dt>Amount</dt>
          <dd>
            <MoneyText money={job.amount} />
          </dd>
        </div>
        <div>
          <dt>Category</dt>
          <dd>{job.request.category.name}</dd>
        </div>
        <div>
          <dt>Accepted</dt>
          <dd>
            <time dateTime={job.createdAt}>{formatDateTime(job.createdAt)}</time>
          </dd>
        </div>
        {when.label !== "Created" ? (
          <div>
            <dt>{when.label}</dt>
            <dd>
              <time dateTime={when.at}>{formatDateTime(when.at)}</time>
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="mission-actions">
        <Link className="button button-small" to={`/app/jobs/${job.id}`} aria-describedby={`${id}-title`}>
          Open job
        </Link>
        {job.unreadMessageCount > 0 ? (
          <span className="tag tag-warning" data-testid="unread-count">
            {job.unreadMessageCount === 1 ? "1 unread message" : `${job.unreadMessageCount} unread messages`}
          </span>
        ) : (
          <span className="subtitle">No unread messages</span>
        )}
      </p>
    </article>
  );
}
