/**
 * The provider's verification status, on every provider screen: a banner while the profile is under review or
 * after a rejection (with the admin's reason and what to do), a verified badge once approved. Screens that need
 * approval (the feed) show `FeedLocked` instead of asking the API for what it would refuse.
 */
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";

import { ErrorState } from "../../components/QueryState";
import { mutationErrors } from "../../components/fieldErrors";
import { MyProviderStatusQuery, RequestProviderReviewMutation } from "./operations";

export type VerificationStatus = "PENDING" | "APPROVED" | "REJECTED";

export function useProviderStatus() {
  const [result, refetch] = useQuery({ query: MyProviderStatusQuery });
  const profile = result.data?.myProviderProfile ?? null;
  return {
    result,
    retry: () => refetch({ requestPolicy: "network-only" }),
    profile,
    status: (profile?.status ?? null) as VerificationStatus | null,
    approved: profile?.status === "APPROVED",
    supportEmail: result.data?.site?.supportEmail ?? null,
  };
}

export function ProviderStatusBanner() {
  const { result, retry, profile, supportEmail } = useProviderStatus();
  if (!result.data) return result.error ? <ErrorState error={result.error} retry={retry} /> : null;
  if (!profile) return null;
  if (profile.status === "APPROVED") {
    return (
      <p className="provider-status" data-testid="provider-status" data-status="APPROVED">
        <span className="tag tag-success verified-badge">
          <span aria-hidden="true">✓ </span>Verified provider
        </span>
      </p>
    );
  }
  if (profile.status === "REJECTED") {
    return (
      <div className="alert alert-error provider-banner" role="status" data-testid="provider-status" data-status="REJECTED">
        <p>
          <strong>Your provider application was not approved.</strong>
        </p>
        {profile.rejectionReason ? (
          <p>
            Reason given by our team: <q>{profile.rejectionReason}</q>
          </p>
        ) : null}
        <p>
          Fix what the reason points to: <Link to="/app/provider/profile">update your profile and documents</Link>, then ask
          for another review. Until you are approved you will not see or bid on requests.
          {supportEmail ? (
            <>
              {" "}
              Questions? <a href={`mailto:${supportEmail}?subject=Provider%20application%20review`}>Write to {supportEmail}</a>.
            </>
          ) : null}
        </p>
        <AskForReview />
      </div>
    );
  }
  return (
    <div className="alert alert-info provider-banner" role="status" data-testid="provider-status" data-status="PENDING">
      <p>
        <strong>Your profile is under review.</strong> An administrator checks every new provider before they can see and bid on
        requests; we will email you when that is done.
      </p>
      <p>
        Meanwhile, <Link to="/app/provider/profile">complete your profile</Link>: your categories, service area and an identity or
        trade document help us approve you faster.
      </p>
    </div>
  );
}

/** In place of the feed (or the dashboard's matching requests) while the provider is not approved. */
export function FeedLocked({ status }: { status: VerificationStatus | null }) {
  return (
    <div className="card feed-locked" data-testid="feed-locked">
      <p>
        {status === "REJECTED"
          ? "Open requests are shown to approved providers only. See above for why your application was not approved."
          : "Open requests in your categories will appear here as soon as your profile is approved."}
      </p>
    </div>
  );
}

/** A rejected provider sends the application back to the verification queue (`requestProviderReview`). */
function AskForReview() {
  const [{ data, fetching, error }, ask] = useMutation(RequestProviderReviewMutation);
  const problems = mutationErrors(error, data?.requestProviderReview.errors).general;
  return (
    <>
      <button type="button" className="button" disabled={fetching} onClick={() => void ask({})}>
        {fetching ? "Sending…" : "Ask for another review"}
      </button>
      {problems.length ? (
        <p className="field-error" role="alert">
          {problems.join(" ")}
        </p>
      ) : null}
    </>
  );
}
