/**
 * Card payment through Stripe's Payment Element, for a payment the API already created (its client secret).
 * Loaded lazily, only when the active gateway has a publishable key. The job becomes paid when Stripe's webhook
 * reaches the API; `jobUpdates` then moves the page on. Not exercised by the e2e (it needs real Stripe).
 */
import { useEffect, useRef, useState } from "react";

import { MoneyText } from "../../components/MoneyText";
import type { Money } from "../../money/formatMoney";
import { loadStripe, type Stripe, type StripeElements } from "./stripeJs";

interface StripeCheckoutProps {
  publishableKey: string;
  clientSecret: string;
  total: Money;
}

export default function StripeCheckout({ publishableKey, clientSecret, total }: StripeCheckoutProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<{ stripe: Stripe; elements: StripeElements } | null>(null);
  const [state, setState] = useState<{ busy: boolean; error: string | null; submitted: boolean }>({ busy: false, error: null, submitted: false });

  useEffect(() => {
    let cancelled = false;
    let destroy = () => {};
    loadStripe(publishableKey).then(
      (instance) => {
        if (cancelled || !mountRef.current) return;
        const elements = instance.elements({ clientSecret });
        const payment = elements.create("payment");
        payment.mount(mountRef.current);
        destroy = () => payment.destroy();
        setStripe({ stripe: instance, elements });
      },
      (error: Error) => !cancelled && setState((s) => ({ ...s, error: error.message })),
    );
    return () => {
      cancelled = true;
      destroy();
    };
  }, [publishableKey, clientSecret]);

  async function pay() {
    if (!stripe) return;
    setState({ busy: true, error: null, submitted: false });
    const submitted = await stripe.elements.submit();
    if (submitted.error) return setState({ busy: false, error: submitted.error.message ?? "Check the card details.", submitted: false });
    const result = await stripe.stripe.confirmPayment({ elements: stripe.elements, redirect: "if_required", confirmParams: { return_url: window.location.href } });
    setState({ busy: false, error: result.error ? (result.error.message ?? "The payment did not go through.") : null, submitted: !result.error });
  }

  if (state.submitted) {
    return (
      <p className="alert alert-success" role="status">
        Payment submitted. This page updates as soon as Stripe confirms it.
      </p>
    );
  }
  return (
    <div className="stripe-checkout">
      <div ref={mountRef} className="stripe-element" />
      {!stripe && !state.error ? <p role="status">Loading the secure card form…</p> : null}
      {state.error ? (
        <p className="alert alert-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <button type="button" className="button" disabled={!stripe || state.busy} onClick={() => void pay()}>
        {state.busy ? "Paying…" : (
          <>
            Pay <MoneyText money={total} />
          </>
        )}
      </button>
    </div>
  );
}
