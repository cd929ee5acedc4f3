/** /app/provider/profile: what customers and matching see (bio, city, categories, area), documents, payouts. */
import { useEffect } from "react";
import { useLocation } from "react-router";
import { useQuery } from "urql";

import { QueryState } from "../../../components/QueryState";
import { ProviderProfileQuery } from "../operations";
import { DocumentsSection } from "./DocumentsSection";
import { PayoutsSection } from "./PayoutsSection";
import { ProfileForm } from "./ProfileForm";

export function ProfileScreen() {
  const [result, refetch] = useQuery({ query: ProviderProfileQuery });
  const reload = () => refetch({ requestPolicy: "network-only" });
  const { hash } = useLocation();
  const loaded = !!result.data;
  // Links to /app/provider/profile#payouts (from the earnings page) land on that section once it is rendered.
  useEffect(() => {
    if (loaded && hash) document.getElementById(hash.slice(1))?.focus();
  }, [loaded, hash]);
  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">Your provider profile</h1>
      <p className="subtitle">Customers see your bio, city and categories. Matching uses your categories and service area.</p>
      <QueryState result={result} retry={reload} loadingLabel="Loading your profile…">
        {({ myProviderProfile: profile, categories }) =>
          profile ? (
            <>
              <ProfileForm key={profile.id} profile={profile} categories={categories} />
              <DocumentsSection documents={profile.documents} onUploaded={reload} />
              <PayoutsSection />
            </>
          ) : (
            <p className="alert alert-error" role="alert">
              This account has no provider profile.
            </p>
          )
        }
      </QueryState>
    </section>
  );
}
