/**
 * Stripe.js, loaded from js.stripe.com only when a customer pays through Stripe (Stripe requires the script from
 * its own origin; it is never bundled). This is the part of `@stripe/stripe-js` the page needs — the script
 * loader and the few calls used — written out rather than added as a dependency (see the web client's notes).
 */

export interface StripePaymentElement {
  mount(element: HTMLElement): void;
  destroy(): void;
}

export interface StripeElements {
  create(type: "payment"): StripePaymentElement;
  submit(): Promise<{ error?: { message?: string } }>;
}

export interface Stripe {
  elements(options: { clientSecret: string }): StripeElements;
  confirmPayment(options: {
    elements: StripeElements;
    redirect: "if_required";
    confirmParams: { return_url: string };
  }): Promise<{ error?: { message?: string }; paymentIntent?: { status: string } }>;
}

declare global {
  interface Window {
    Stripe?: (publishableKey: string) => Stripe;
  }
}

const STRIPE_JS = "https://js.stripe.com/v3/";
let script: Promise<NonNullable<Window["Stripe"]>> | null = null;

export function loadStripe(publishableKey: string): Promise<Stripe> {
  script ??= new Promise<NonNullable<Window["Stripe"]>>((resolve, reject) => {
    if (window.Stripe) return resolve(window.Stripe);
    const element = document.createElement("script");
    element.src = STRIPE_JS;
    element.async = true;
    element.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new Error("Stripe.js did not start.")));
    element.onerror = () => {
      script = null; // let a later attempt try again
      element.remove();
      reject(new Error("We could not load Stripe. Check your connection and try again."));
    };
    document.head.appendChild(element);
  });
  return script.then((factory) => factory(publishableKey));
}
