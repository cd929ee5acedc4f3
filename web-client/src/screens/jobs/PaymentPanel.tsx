/**
 * The customer pays an unpaid job. Offline gateway (no publishable key, the embedded default): a confirmation
 * with the amount, then `createJobPayment` succeeds at once and the job is paid. Stripe: `createJobPayment` gives
 * a client secret and Stripe's card form (loaded only then) takes the payment.
 */
import { Suspense, lazy, useEffect, useId, useRef, useState } from "react";
import { useMutation } from "urql";

import { FormAlert } from "../../components/Field";
import { MoneyText } from "../../components/MoneyText";
import { formatDateTime } from "../../components/dates";
import { hasErrors } from "../../components/fieldErrors";
import type { JobFieldsFragment } from "../../gql/graphql";
import { formatMoney, type Money } from "../../money/formatMoney";
import { outcomeErrors } from "./mutationOutcome";
import { CreateJobPaymentMutation } from "./operations";
import { paymentBreakdown } from "./payment";

const StripeCheckout = lazy(() => import("./StripeCheckout"));

export interface Gateway {
  name: string;
  live: boolean;
  publishableKey: string;
}

interface PaymentPanelProps {
  job: JobFieldsFragment;
  gateway: Gateway;
  taxRateBps: number;
}

export function PaymentPanel({ job, gateway, taxRateBps }: PaymentPanelProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [intent, setIntent] = useState<{ clientSecret: string; total: Money } | null>(null);
  const [{ fetching }, createPayment] = useMutation(CreateJobPaymentMutation);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const currency = job.amount.currency;
  const price = paymentBreakdown(job.amount.amount, taxRateBps);
  const total = { amount: price.total, currency };
  const stripe = gateway.publishableKey !== "";

  useEffect(() => {
    if (open) confirmRef.current?.focus();
  }, [open]);

  async function pay() {
    setErrors([]);
    const result = await createPayment({ jobId: job.id });
    const payload = result.data?.createJobPayment;
    const problems = outcomeErrors(result.error, payload);
    if (hasErrors(problems)) return setErrors([...problems.general, ...Object.values(problems.byField)]);
    const payment = payload?.payment;
    if (payment?.status === "FAILED") return setErrors([payment.lastError || "The payment did not go through. Please try again."]);
    if (stripe && payment?.clientSecret) setIntent({ clientSecret: payment.clientSecret, total: payment.total });
    // Offline, the job is paid now: the payload's job updates the page (and jobUpdates tells the provider).
  }

  return (
    <section className="job-payment card" aria-labelledby={`${id}-title`} data-testid="job-payment">
      <h3 id={`${id}-title`}>Payment</h3>
      <p>
        Pay by <time dateTime={job.paymentDueAt}>{formatDateTime(job.paymentDueAt)}</time> to confirm the job; unpaid jobs are cancelled automatically. The
        payment is held by the platform until you confirm the work is done.
      </p>
      {!gateway.live ? (
        <p className="alert alert-info" data-testid="offline-gateway">
          Test mode: payments go through the offline gateway and no real money moves.
        </p>
      ) : null}
      {!open ? (
        <button type="button" className="button" onClick={() => setOpen(true)}>
          Pay now
        </button>
      ) : (
        <div className="job-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`} className="job-confirm-question">
            Confirm payment of <MoneyText money={total} />
          </p>
          <dl className="details payment-breakdown">
            <dt>Agreed price</dt>
            <dd>
              <MoneyText money={job.amount} />
            </dd>
            <dt>Tax</dt>
            <dd>
              <MoneyText money={{ amount: price.tax, currency }} />
            </dd>
            <dt>Total</dt>
            <dd>
              <strong>
                <MoneyText money={total} />
              </strong>
            </dd>
          </dl>
          <FormAlert messages={errors} />
          {intent ? (
            <Suspense fallback={<p role="status">Loading the secure card form…</p>}>
              <StripeCheckout publishableKey={gateway.publishableKey} clientSecret={intent.clientSecret} total={intent.total} />
            </Suspense>
          ) : (
            <div className="job-confirm-buttons">
              <button ref={confirmRef} type="button" className="button" disabled={fetching} onClick={() => void pay()}>
                {fetching ? "Paying…" : stripe ? "Continue to card payment" : `Confirm payment of ${formatMoney(total)}`}
              </button>
              <button type="button" className="button button-secondary" disabled={fetching} onClick={() => setOpen(false)}>
                Not now
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
