/**
 * /app/provider/earnings: money held, available and paid out (from the ledger, via `providerDashboard.earnings`),
 * net earnings by month (built from the provider's statements, see earningsSeries.ts), and the provider's rating
 * and the reviews customers left.
 */
import { Link } from "react-router";
import { useQuery } from "urql";

import { BarChart } from "../../../components/BarChart";
import { MoneyText } from "../../../components/MoneyText";
import { QueryState } from "../../../components/QueryState";
import { formatDate } from "../../../components/dates";
import type { Money } from "../../../money/formatMoney";
import { formatRate, formatRating } from "../format";
import { ProviderEarningsQuery, ProviderReputationQuery } from "../operations";
import { monthlyEarnings, statementEarnings } from "./earningsSeries";

const MONTHS = 6;

export function EarningsScreen() {
  const [result, refetch] = useQuery({ query: ProviderEarningsQuery });
  return (
    <section aria-labelledby="earnings-title">
      <h1 id="earnings-title">Earnings</h1>
      <p className="subtitle">Your share after the platform commission. Customers' payments are held until the work is confirmed.</p>
      <QueryState result={result} retry={() => refetch({ requestPolicy: "network-only" })} loadingLabel="Loading your earnings…">
        {({ providerDashboard: d, invoices, myProviderProfile, paymentGateway }) => {
          const statements = invoices.edges.map((edge) => edge.node);
          const bars = monthlyEarnings(statementEarnings(statements), { currency: d.revenue.currency, months: MONTHS });
          return (
            <>
              <dl className="stats earnings-cards">
                <EarningCard label="Held" testId="earning-held" money={d.earnings.held} note="Paid by customers, released when they confirm the work." />
                <EarningCard label="Available" testId="earning-available" money={d.earnings.available} note="Released to you, not paid out yet." />
                <EarningCard label="Paid out" testId="earning-paid-out" money={d.earnings.paidOut} note="Sent to your payout account." />
                <EarningCard label="Total earned" testId="earning-revenue" money={d.revenue} note="Net of commission, from released jobs." />
              </dl>
              <p className="payout-line">
                {d.payoutsEnabled ? (
                  <>
                    <span className="tag tag-success">Payouts on</span> Released earnings are paid out to your account.
                  </>
                ) : !paymentGateway.live ? (
                  <>
                    <span className="tag tag-info">Offline payments</span> This platform runs its offline payment gateway (demos and
                    development): released earnings count as paid out at once, and no real money moves.
                  </>
                ) : (
                  <>
                    <span className="tag tag-warning">Payouts not set up</span> <Link to="/app/provider/profile#payouts">Set up payouts</Link>
                  </>
                )}
              </p>
              <h2>Over time</h2>
              <div className="card" data-testid="earnings-chart">
                <BarChart title={`Net earnings by month, last ${MONTHS} months`} bars={bars} />
                <p className="field-hint">
                  From your {statements.length === 1 ? "statement" : `${statements.length} statements`} (one per released job, issued when the
                  customer's payment is released to you){invoices.pageInfo.hasNextPage ? "; only the latest 100 are counted" : ""}.
                </p>
              </div>
              {myProviderProfile ? <Reputation providerId={myProviderProfile.id} /> : null}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function EarningCard({ label, money, note, testId }: { label: string; money: Money; note: string; testId: string }) {
  return (
    <div className="card stat" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <MoneyText money={money} />
      </dd>
      <dd className="stat-note">{note}</dd>
    </div>
  );
}

function Reputation({ providerId }: { providerId: string }) {
  const [result, refetch] = useQuery({ query: ProviderReputationQuery, variables: { providerId } });
  return (
    <section aria-labelledby="reputation-title">
      <h2 id="reputation-title">Rating and reviews</h2>
      <QueryState result={result} retry={() => refetch({ requestPolicy: "network-only" })} loadingLabel="Loading your reviews…">
        {({ provider, jobs }) => {
          const reviews = jobs.edges.flatMap((edge) =>
            edge.node.reviews.filter((review) => review.authorRole === "CUSTOMER").map((review) => ({ review, job: edge.node })),
          );
          reviews.sort((a, b) => Date.parse(b.review.createdAt) - Date.parse(a.review.createdAt));
          return (
            <>
              {provider ? (
                <dl className="stats" data-testid="reputation">
                  <div className="card stat">
                    <dt>Rating</dt>
                    <dd data-testid="rating">{formatRating(provider.rating)}</dd>
                    <dd className="stat-note">{provider.reviewCount === 1 ? "1 review" : `${provider.reviewCount} reviews`}</dd>
                  </div>
                  <div className="card stat">
                    <dt>Completion rate</dt>
                    <dd>{formatRate(provider.completionRate)}</dd>
                    <dd className="stat-note">{provider.jobsCompleted} completed</dd>
                  </div>
                </dl>
              ) : (
                <p className="empty">Your public rating appears here once your profile is approved.</p>
              )}
              {reviews.length ? (
                <ul className="reviews" data-testid="reviews">
                  {reviews.map(({ review, job }) => (
                    <li key={review.id} className="card review">
                      <p className="review-head">
                        <Stars rating={review.rating} /> <strong>{review.authorName}</strong> on <Link to={`/app/jobs/${job.id}`}>{job.request.title}</Link>
                      </p>
                      {review.comment ? <p className="review-comment">{review.comment}</p> : null}
                      <p className="subtitle">
                        <time dateTime={review.createdAt}>{formatDate(review.createdAt)}</time>
                      </p>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">No reviews yet. Customers can review you once a job is completed.</p>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function Stars({ rating }: { rating: number }) {
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return (
    <span className="stars" role="img" aria-label={`${full} out of 5 stars`}>
      {"★".repeat(full)}
      <span className="stars-empty">{"☆".repeat(5 - full)}</span>
    </span>
  );
}
