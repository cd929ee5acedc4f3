/** Whether payouts reach the provider, and the way to set them up (Stripe Connect onboarding, when the API gives a link). */
import { useState } from "react";
import { useMutation, useQuery } from "urql";

import { FormAlert } from "../../../components/Field";
import { QueryState } from "../../../components/QueryState";
import { mutationErrors } from "../../../components/fieldErrors";
import { PayoutStatusQuery, StartPayoutOnboardingMutation } from "../operations";

export function PayoutsSection() {
  const [result, refetch] = useQuery({ query: PayoutStatusQuery });
  const [state, start] = useMutation(StartPayoutOnboardingMutation);
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState("");

  const setUp = async () => {
    setProblems([]);
    setNotice("");
    const answer = await start({});
    const payload = answer.data?.startPayoutOnboarding;
    const errors = mutationErrors(answer.error, payload?.errors).general;
    if (errors.length) return setProblems(errors);
    if (payload?.url) {
      window.location.assign(payload.url); // Stripe's hosted onboarding; it returns to the client when done
      return;
    }
    setNotice("Nothing to set up: this platform pays released earnings out directly (offline payments, for demos and development).");
  };

  return (
    <section className="card profile-section" id="payouts" aria-labelledby="payouts-title" tabIndex={-1}>
      <h2 id="payouts-title">Payouts</h2>
      <QueryState result={result} retry={() => refetch({ requestPolicy: "network-only" })}>
        {({ providerDashboard, paymentGateway }) =>
          providerDashboard.payoutsEnabled ? (
            <p data-testid="payouts-status" data-enabled="true">
              <span className="tag tag-success">Payouts on</span> Released earnings are paid out to your account.
            </p>
          ) : (
            <>
              {paymentGateway.live ? (
                <p data-testid="payouts-status" data-enabled="false">
                  <span className="tag tag-warning">Not set up</span> Set up a payout account to receive your earnings once customers confirm
                  the work.
                </p>
              ) : (
                <p data-testid="payouts-status" data-enabled="false">
                  <span className="tag tag-info">Offline payments</span> This platform runs its offline payment gateway (demos and development):
                  released earnings count as paid out at once and no real money moves.
                </p>
              )}
              <FormAlert messages={problems} />
              <p className="alert alert-info" role="status" hidden={!notice}>
                {notice}
              </p>
              <button type="button" className="button" disabled={state.fetching} onClick={() => void setUp()}>
                {state.fetching ? "Opening…" : "Set up payouts"}
              </button>
            </>
          )
        }
      </QueryState>
    </section>
  );
}
